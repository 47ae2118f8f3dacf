/**
 * What the import worker reads off a layer's features: a display name, a representative position,
 * geometry kinds, the bbox, the property keys, and the points as one typed array for the analysis.
 * Features are kept exactly as imported (exports must round-trip), so everything here only reads.
 */

/** Property keys tried, in order, for a feature's name. */
const NAME_KEYS = ['name', 'Name', 'NAME', '名称', '名字', 'title', 'Title', '标题'] as const;

/** A feature's display name (untrusted text), '' when it has none. */
export function featureName(f: GeoJSON.Feature): string {
  const p = f.properties;
  if (!p) return '';
  for (const k of NAME_KEYS) {
    const v = p[k];
    if (typeof v === 'string' && v.trim()) return v;
    if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  }
  return '';
}

function firstPosition(g: GeoJSON.Geometry | null): GeoJSON.Position | null {
  if (!g) return null;
  switch (g.type) {
    case 'Point':
      return g.coordinates;
    case 'MultiPoint':
    case 'LineString':
      return g.coordinates[0] ?? null;
    case 'MultiLineString':
    case 'Polygon':
      return g.coordinates[0]?.[0] ?? null;
    case 'MultiPolygon':
      return g.coordinates[0]?.[0]?.[0] ?? null;
    case 'GeometryCollection':
      for (const c of g.geometries) {
        const p = firstPosition(c);
        if (p) return p;
      }
      return null;
  }
}

/** The point, or the first vertex, [lng, lat]; null without a usable position. */
export function representativeLngLat(f: GeoJSON.Feature): [number, number] | null {
  const p = firstPosition(f.geometry);
  return p && Number.isFinite(p[0]) && Number.isFinite(p[1]) ? [p[0]!, p[1]!] : null;
}

type Kind = 'points' | 'lines' | 'polygons';
function kindOf(type: GeoJSON.Geometry['type']): Kind | null {
  if (type === 'Point' || type === 'MultiPoint') return 'points';
  if (type === 'LineString' || type === 'MultiLineString') return 'lines';
  if (type === 'Polygon' || type === 'MultiPolygon') return 'polygons';
  return null;
}

function eachPosition(g: GeoJSON.Geometry, visit: (x: number, y: number) => void): void {
  switch (g.type) {
    case 'Point':
      visit(g.coordinates[0]!, g.coordinates[1]!);
      return;
    case 'MultiPoint':
    case 'LineString':
      for (const p of g.coordinates) visit(p[0]!, p[1]!);
      return;
    case 'MultiLineString':
    case 'Polygon':
      for (const r of g.coordinates) for (const p of r) visit(p[0]!, p[1]!);
      return;
    case 'MultiPolygon':
      for (const poly of g.coordinates) for (const r of poly) for (const p of r) visit(p[0]!, p[1]!);
      return;
    case 'GeometryCollection':
      for (const c of g.geometries) eachPosition(c, visit);
  }
}

export interface LayerSummary {
  kinds: { points: number; lines: number; polygons: number };
  bbox: [number, number, number, number] | null;
  propertyKeys: string[];
}

/** Kinds, bbox and the first 50 property keys (in first-seen order) of a layer's features. */
export function summarise(features: readonly GeoJSON.Feature[], maxKeys = 50): LayerSummary {
  const kinds = { points: 0, lines: 0, polygons: 0 };
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const visit = (x: number, y: number) => {
    if (!Number.isFinite(x) || !Number.isFinite(y)) return;
    if (x < minX) minX = x;
    if (y < minY) minY = y;
    if (x > maxX) maxX = x;
    if (y > maxY) maxY = y;
  };
  const keys = new Set<string>();
  for (const f of features) {
    if (f.geometry) {
      if (f.geometry.type === 'GeometryCollection') {
        for (const g of f.geometry.geometries) {
          const k = kindOf(g.type);
          if (k) kinds[k]++;
        }
      } else {
        const k = kindOf(f.geometry.type);
        if (k) kinds[k]++;
      }
      eachPosition(f.geometry, visit);
    }
    if (keys.size < maxKeys && f.properties) {
      for (const k of Object.keys(f.properties)) {
        if (keys.size >= maxKeys) break;
        keys.add(k);
      }
    }
  }
  return {
    kinds,
    bbox: minX <= maxX ? [minX, minY, maxX, maxY] : null,
    propertyKeys: [...keys],
  };
}

/** Every property key of the features (first-seen order), for CSV columns. */
export function allPropertyKeys(features: Iterable<GeoJSON.Feature>): string[] {
  const keys = new Set<string>();
  for (const f of features) if (f.properties) for (const k of Object.keys(f.properties)) keys.add(k);
  return [...keys];
}

/**
 * The layer's Point features as interleaved [lng, lat, …] for the analysis, and which feature each
 * slot is (`featureOf`) and which slot each feature has (`slotOf`, -1 for non-points).
 */
export function pointsOf(features: readonly GeoJSON.Feature[]): {
  lngLats: Float64Array;
  featureOf: Int32Array;
  slotOf: Int32Array;
} {
  let n = 0;
  for (const f of features) if (f.geometry?.type === 'Point') n++;
  const lngLats = new Float64Array(2 * n);
  const featureOf = new Int32Array(n);
  const slotOf = new Int32Array(features.length).fill(-1);
  let s = 0;
  features.forEach((f, i) => {
    if (f.geometry?.type !== 'Point') return;
    const c = f.geometry.coordinates;
    // A non-number stays NaN: the analysis gives it no answer rather than a wrong one.
    lngLats[2 * s] = typeof c[0] === 'number' ? c[0] : Number.NaN;
    lngLats[2 * s + 1] = typeof c[1] === 'number' ? c[1] : Number.NaN;
    featureOf[s] = i;
    slotOf[i] = s;
    s++;
  });
  return { lngLats, featureOf, slotOf };
}
