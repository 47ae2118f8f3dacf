/**
 * Zipped Shapefile: parts taken from the archive by zip.ts (capped), each layer read with shpjs from
 * its .shp, .dbf, .prj (reprojected to WGS-84 by proj4) and .cpg (attribute code page).
 */
import { combine, parseDbf, parseShp } from 'shpjs';
import { IMPORT_LIMITS } from '../types.ts';
import { notes } from './notes.ts';
import { type ValidateResult, validateFeatures } from './validate.ts';
import { readZip } from './zip.ts';

export function parseShapefileZip(bytes: Uint8Array): ValidateResult {
  const files = readZip(bytes, (n) => /\.(shp|dbf|prj|cpg)$/i.test(n), IMPORT_LIMITS.maxUnzippedBytes);
  const byBase = new Map<string, Partial<Record<'shp' | 'dbf' | 'prj' | 'cpg', Uint8Array>>>();
  for (const [name, data] of Object.entries(files)) {
    const dot = name.lastIndexOf('.');
    const base = name.slice(0, dot);
    const ext = name.slice(dot + 1).toLowerCase() as 'shp' | 'dbf' | 'prj' | 'cpg';
    const parts = byBase.get(base) ?? {};
    parts[ext] = data;
    byBase.set(base, parts);
  }
  const layers = [...byBase.values()].filter((p) => p.shp);
  if (layers.length === 0)
    return { features: [], notes: [], reasons: [notes.shapefileMissingShp()], droppedCount: 0 };
  const all: GeoJSON.Feature[] = [];
  try {
    for (const p of layers) {
      const prj = p.prj ? new TextDecoder().decode(p.prj) : false;
      const cpg = p.cpg ? codePage(new TextDecoder().decode(p.cpg)) : undefined;
      const geoms = parseShp(p.shp as Uint8Array, prj);
      const records = p.dbf ? parseDbf(p.dbf, cpg) : undefined;
      const fc = combine(records ? [geoms, records] : [geoms]);
      for (const f of fc.features) all.push(f);
      if (all.length > IMPORT_LIMITS.maxFeatures) break;
    }
  } catch {
    return { features: [], notes: [], reasons: [notes.shapefileUnreadable()], droppedCount: 0 };
  }
  return validateFeatures(all);
}

/** A .cpg names a code page the way ArcGIS writes it ("936", "UTF-8", "GBK"); TextDecoder wants a label. */
function codePage(text: string): string | undefined {
  const t = text.trim().toLowerCase();
  const label = t === '936' || t === 'cp936' || t === 'gb2312' ? 'gbk' : t === '65001' ? 'utf-8' : t;
  try {
    new TextDecoder(label);
    return label;
  } catch {
    return undefined;
  }
}
