/**
 * Validation and repair shared by every format, plus the cheap pre-parse scan of JSON.
 *
 * Order matters for hostile files: size is refused before reading, JSON depth and an estimate of the
 * positions are found by one pass over the bytes BEFORE JSON.parse (a 10,000-deep document would
 * otherwise blow the stack of whoever walks it later, and a 2M-vertex ring would be parsed for
 * nothing). After parsing, each feature is checked, bad ones are dropped and counted, fixable ones
 * are repaired, and every change becomes a note.
 */
import { kinks } from '@turf/turf';
import { IMPORT_LIMITS, type ReportNote } from '../types.ts';
import { notes } from './notes.ts';

export interface JsonScan {
  maxDepth: number;
  /** Arrays that open with a number: an upper estimate of the positions in the document. */
  numberArrays: number;
  /** True when the scan stopped early (depth or positions over the cap). */
  overCap: 'depth' | 'vertices' | null;
}

/**
 * One pass over the raw bytes tracking bracket depth outside strings (UTF-8 keeps `"`, `\`, `[`, `{`
 * ASCII, so no decoding is needed). Stops as soon as a cap is passed.
 */
export function scanJson(
  bytes: Uint8Array,
  maxDepth: number = IMPORT_LIMITS.maxDepth,
  maxVertices: number = IMPORT_LIMITS.maxVertices,
): JsonScan {
  let depth = 0;
  let deepest = 0;
  let arrays = 0;
  let inString = false;
  const n = bytes.length;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    if (inString) {
      if (b === 0x5c) i++;
      else if (b === 0x22) inString = false;
      continue;
    }
    if (b === 0x22) inString = true;
    else if (b === 0x7b || b === 0x5b) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > maxDepth) return { maxDepth: deepest, numberArrays: arrays, overCap: 'depth' };
      }
      if (b === 0x5b) {
        let j = i + 1;
        while (j < n && (bytes[j] === 0x20 || bytes[j] === 0x0a || bytes[j] === 0x0d || bytes[j] === 0x09))
          j++;
        const c = bytes[j] as number;
        if ((c >= 0x30 && c <= 0x39) || c === 0x2d) {
          arrays++;
          if (arrays > maxVertices) return { maxDepth: deepest, numberArrays: arrays, overCap: 'vertices' };
        }
      }
    } else if (b === 0x7d || b === 0x5d) depth--;
  }
  return { maxDepth: deepest, numberArrays: arrays, overCap: null };
}

const GEOMETRY_TYPES = new Set([
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
]);

export function isGeometryType(t: unknown): boolean {
  return typeof t === 'string' && GEOMETRY_TYPES.has(t);
}

/** Guangzhou and around: used to recognise swapped axes. */
const GZ = { lng: [112, 115.5], lat: [21.5, 24.5] } as const;
const MERCATOR_MAX = 20037508.342789244;

export interface ValidateResult {
  features: GeoJSON.Feature[];
  notes: ReportNote[];
  reasons: ReportNote[];
  droppedCount: number;
}

type Pos = number[];

class Rejected extends Error {
  constructor(readonly note: ReportNote) {
    super(note.code);
  }
}

/**
 * Checks and repairs features of any origin (parsed JSON, togeojson, shpjs, table rows). The input may
 * be malformed in any way; the output is well-formed WGS-84 GeoJSON features.
 */
export function validateFeatures(input: unknown[], opts: { crs3857?: boolean } = {}): ValidateResult {
  const out: ValidateResult = { features: [], notes: [], reasons: [], droppedCount: 0 };
  if (input.length > IMPORT_LIMITS.maxFeatures) {
    out.reasons.push(notes.tooManyFeatures(input.length, IMPORT_LIMITS.maxFeatures));
    return out;
  }
  let droppedCoords = 0;
  let droppedGeometry = 0;
  let droppedRange = 0;
  let vertices = 0;
  const kept: GeoJSON.Feature[] = [];
  try {
    for (const raw of input) {
      const f = raw as Partial<GeoJSON.Feature> | null;
      if (
        !f ||
        typeof f !== 'object' ||
        (f as { type?: unknown }).type !== 'Feature' ||
        !f.geometry ||
        typeof f.geometry !== 'object'
      ) {
        droppedGeometry++;
        continue;
      }
      const check = checkGeometry(f.geometry as unknown);
      if (check === 'coords') {
        droppedCoords++;
        continue;
      }
      if (check === 'geometry') {
        droppedGeometry++;
        continue;
      }
      vertices += check;
      if (vertices > IMPORT_LIMITS.maxVertices)
        throw new Rejected(notes.tooManyVertices(IMPORT_LIMITS.maxVertices));
      const props = f.properties;
      const feature: GeoJSON.Feature = {
        type: 'Feature',
        geometry: f.geometry as GeoJSON.Geometry,
        properties: props && typeof props === 'object' && !Array.isArray(props) ? props : {},
      };
      if (typeof f.id === 'string' || typeof f.id === 'number') feature.id = f.id;
      kept.push(feature);
    }
  } catch (e) {
    if (e instanceof Rejected) {
      out.reasons.push(e.note);
      return out;
    }
    throw e;
  }

  // Which frame are the numbers in? Decided over the whole file, not per feature.
  let degrees = 0;
  let swapped = 0;
  let projected = 0;
  let total = 0;
  for (const f of kept) {
    eachPosition(f.geometry, (p) => {
      const x = p[0] as number;
      const y = p[1] as number;
      total++;
      // Swapped first: [23.1, 113.3] has a "latitude" over 90, which is not a projection.
      if (x >= GZ.lat[0] && x <= GZ.lat[1] && y >= GZ.lng[0] && y <= GZ.lng[1]) swapped++;
      else if (Math.abs(x) <= 180 && Math.abs(y) <= 90) degrees++;
      else if (Math.abs(x) <= MERCATOR_MAX && Math.abs(y) <= MERCATOR_MAX * 1.5) projected++;
    });
  }
  if (total > 0 && (opts.crs3857 || (projected === total && degrees === 0))) {
    for (const f of kept) mapPositions(f.geometry, fromMercator);
    out.notes.push(notes.epsg3857Converted());
  } else if (total > 0 && swapped / total > 0.5) {
    for (const f of kept) mapPositions(f.geometry, swap);
    out.notes.push(notes.latLngSwapped());
  }

  // Out of range after any conversion: drop the feature (it cannot be placed on the map).
  let ringsClosed = 0;
  let kinked = 0;
  let kinkBudget = 200_000;
  let kinksSkipped = false;
  const seenIds = new Map<string, number>();
  for (const f of kept) {
    let inRange = true;
    eachPosition(f.geometry, (p) => {
      if (!(Math.abs(p[0] as number) <= 180 && Math.abs(p[1] as number) <= 90)) inRange = false;
    });
    if (!inRange) {
      droppedRange++;
      continue;
    }
    const polys = polygonsOf(f.geometry);
    let ok = true;
    for (const rings of polys) {
      for (const ring of rings) {
        const first = ring[0] as Pos;
        const last = ring[ring.length - 1] as Pos;
        if (first[0] !== last[0] || first[1] !== last[1]) {
          ring.push([...first]);
          ringsClosed++;
        }
        if (ring.length < 4) ok = false;
      }
    }
    if (!ok) {
      droppedGeometry++;
      continue;
    }
    // kinks is O(n²): check small polygons only, within a budget for the whole file.
    for (const rings of polys) {
      const n = rings.reduce((s, r) => s + r.length, 0);
      if (n > 5000 || kinkBudget - n < 0) {
        kinksSkipped = true;
        continue;
      }
      kinkBudget -= n;
      try {
        if (kinks({ type: 'Polygon', coordinates: rings as GeoJSON.Position[][] }).features.length > 0) {
          kinked++;
          break;
        }
      } catch {
        kinksSkipped = true;
      }
    }
    const id = f.id ?? (f.properties as Record<string, unknown>).id;
    if (typeof id === 'string' || typeof id === 'number') {
      const key = `${typeof id}:${id}`;
      seenIds.set(key, (seenIds.get(key) ?? 0) + 1);
    }
    out.features.push(f);
  }

  if (ringsClosed) out.notes.push(notes.ringClosed(ringsClosed));
  if (droppedCoords) out.notes.push(notes.featuresDropped(droppedCoords, 'coords'));
  if (droppedRange) out.notes.push(notes.featuresDropped(droppedRange, 'range'));
  if (droppedGeometry) out.notes.push(notes.featuresDropped(droppedGeometry, 'geometry'));
  if (kinked) out.notes.push(notes.selfIntersection(kinked));
  if (kinksSkipped) out.notes.push(notes.kinksSkipped());
  let dupes = 0;
  for (const c of seenIds.values()) if (c > 1) dupes += c;
  if (dupes) out.notes.push(notes.duplicateIds(dupes));
  out.droppedCount = droppedCoords + droppedGeometry + droppedRange;
  if (out.features.length === 0) out.reasons.push(notes.noFeatures());
  return out;
}

/** Position count of a well-formed geometry, or why it is not. */
function checkGeometry(g: unknown): number | 'coords' | 'geometry' {
  const geom = g as { type?: unknown; coordinates?: unknown; geometries?: unknown };
  switch (geom.type) {
    case 'Point':
      return isPosition(geom.coordinates) ? 1 : 'coords';
    case 'MultiPoint':
    case 'LineString':
      return checkList(geom.coordinates, geom.type === 'LineString' ? 2 : 1);
    case 'MultiLineString':
    case 'Polygon': {
      if (!Array.isArray(geom.coordinates) || geom.coordinates.length === 0) return 'geometry';
      let n = 0;
      for (const part of geom.coordinates) {
        const c = checkList(part, geom.type === 'Polygon' ? 3 : 2);
        if (typeof c !== 'number') return c;
        n += c;
      }
      return n;
    }
    case 'MultiPolygon': {
      if (!Array.isArray(geom.coordinates) || geom.coordinates.length === 0) return 'geometry';
      let n = 0;
      for (const poly of geom.coordinates) {
        if (!Array.isArray(poly) || poly.length === 0) return 'geometry';
        for (const ring of poly) {
          const c = checkList(ring, 3);
          if (typeof c !== 'number') return c;
          n += c;
        }
      }
      return n;
    }
    case 'GeometryCollection': {
      if (!Array.isArray(geom.geometries) || geom.geometries.length === 0) return 'geometry';
      let n = 0;
      for (const member of geom.geometries) {
        if (
          !member ||
          typeof member !== 'object' ||
          (member as { type?: unknown }).type === 'GeometryCollection'
        )
          return 'geometry';
        const c = checkGeometry(member);
        if (typeof c !== 'number') return c;
        n += c;
      }
      return n;
    }
    default:
      return 'geometry';
  }
}

function checkList(list: unknown, min: number): number | 'coords' | 'geometry' {
  if (!Array.isArray(list) || list.length < min) return 'geometry';
  for (const p of list) if (!isPosition(p)) return 'coords';
  return list.length;
}

function isPosition(p: unknown): boolean {
  return (
    Array.isArray(p) &&
    p.length >= 2 &&
    p.length <= 4 &&
    typeof p[0] === 'number' &&
    typeof p[1] === 'number' &&
    Number.isFinite(p[0]) &&
    Number.isFinite(p[1])
  );
}

export function eachPosition(g: GeoJSON.Geometry, fn: (p: Pos) => void): void {
  switch (g.type) {
    case 'Point':
      fn(g.coordinates);
      return;
    case 'MultiPoint':
    case 'LineString':
      for (const p of g.coordinates) fn(p);
      return;
    case 'MultiLineString':
    case 'Polygon':
      for (const r of g.coordinates) for (const p of r) fn(p);
      return;
    case 'MultiPolygon':
      for (const poly of g.coordinates) for (const r of poly) for (const p of r) fn(p);
      return;
    case 'GeometryCollection':
      for (const m of g.geometries) eachPosition(m, fn);
  }
}

/** Rewrites positions in place (x, y only; any z is kept). */
export function mapPositions(g: GeoJSON.Geometry, fn: (x: number, y: number) => [number, number]): void {
  eachPosition(g, (p) => {
    const [x, y] = fn(p[0] as number, p[1] as number);
    p[0] = x;
    p[1] = y;
  });
}

function polygonsOf(g: GeoJSON.Geometry): Pos[][][] {
  if (g.type === 'Polygon') return [g.coordinates];
  if (g.type === 'MultiPolygon') return g.coordinates;
  if (g.type === 'GeometryCollection') return g.geometries.flatMap(polygonsOf);
  return [];
}

function swap(x: number, y: number): [number, number] {
  return [y, x];
}

function fromMercator(x: number, y: number): [number, number] {
  const R = 6378137;
  const lng = (x / R) * (180 / Math.PI);
  const lat = (2 * Math.atan(Math.exp(y / R)) - Math.PI / 2) * (180 / Math.PI);
  return [Number(lng.toFixed(7)), Number(lat.toFixed(7))];
}
