/** GeoJSON: depth/size scan before JSON.parse, then the shared validation. */
import { IMPORT_LIMITS } from '../types.ts';
import { notes } from './notes.ts';
import { decodeText } from './text.ts';
import { isGeometryType, scanJson, type ValidateResult, validateFeatures } from './validate.ts';

export function parseGeoJson(bytes: Uint8Array): ValidateResult {
  const fail = (note: ReturnType<typeof notes.invalidJson>): ValidateResult => ({
    features: [],
    notes: [],
    reasons: [note],
    droppedCount: 0,
  });
  const scan = scanJson(bytes);
  if (scan.overCap === 'depth') return fail(notes.tooDeep(IMPORT_LIMITS.maxDepth));
  if (scan.overCap === 'vertices') return fail(notes.tooManyVertices(IMPORT_LIMITS.maxVertices));

  const decoded = decodeText(bytes);
  let doc: unknown;
  try {
    doc = JSON.parse(decoded.text);
  } catch {
    return fail(notes.invalidJson());
  }
  const pre = decoded.bom ? [notes.bomStripped()] : [];
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return fail(notes.wrongType());
  const root = doc as { type?: unknown; features?: unknown; crs?: unknown };
  let list: unknown[];
  if (root.type === 'FeatureCollection') {
    if (!Array.isArray(root.features)) return fail(notes.wrongType());
    list = root.features;
  } else if (root.type === 'Feature') {
    list = [root];
  } else if (isGeometryType(root.type)) {
    list = [{ type: 'Feature', geometry: root, properties: {} }];
  } else {
    return fail(notes.wrongType());
  }
  // The 2008 `crs` member is obsolete but QGIS and ogr2ogr still write it for projected exports.
  const crsName = JSON.stringify(root.crs ?? '');
  const crs3857 = /3857|900913|3785/.test(crsName);
  const result = validateFeatures(list, { crs3857 });
  result.notes.unshift(...pre);
  return result;
}
