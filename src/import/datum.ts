/**
 * The datum guard: converting GCJ-02 / BD-09 coordinates to WGS-84 (gcoord), and spotting a layer
 * that looks shifted by comparing points named after metro stations with the stations themselves.
 */
import gcoord from 'gcoord';
import { mapPositions } from './parse/validate.ts';
import type { Datum, DatumSuspicion } from './types.ts';

const CRS = { gcj02: gcoord.GCJ02, bd09: gcoord.BD09, wgs84: gcoord.WGS84 } as const;

/** New features with every position converted from `from` to WGS-84 (inputs are not modified). */
export function convertFeatures(features: GeoJSON.Feature[], from: Datum): GeoJSON.Feature[] {
  if (from === 'wgs84') return features;
  return features.map((f) => {
    if (!f.geometry) return f;
    const geometry = structuredCloneGeometry(f.geometry);
    mapPositions(geometry, (x, y) => {
      const [lng, lat] = gcoord.transform([x, y], CRS[from], gcoord.WGS84) as [number, number];
      return [round7(lng), round7(lat)];
    });
    return { ...f, geometry };
  });
}

function round7(v: number): number {
  return Math.round(v * 1e7) / 1e7;
}

/** Copies coordinate arrays only (cheaper than structuredClone of the whole feature). */
function structuredCloneGeometry(g: GeoJSON.Geometry): GeoJSON.Geometry {
  if (g.type === 'GeometryCollection') return { ...g, geometries: g.geometries.map(structuredCloneGeometry) };
  const copy = (c: unknown): unknown => (Array.isArray(c) ? c.map(copy) : c);
  return { ...g, coordinates: copy(g.coordinates) } as GeoJSON.Geometry;
}

export interface StationRef {
  name: string;
  nameEn: string;
  lngLat: [number, number];
}

/** Properties that may carry a station's name. */
const NAME_KEYS = [
  'name',
  'Name',
  'NAME',
  '名称',
  '站名',
  '车站',
  '地铁站',
  'station',
  'Station',
  'STATION',
  'title',
  'label',
];

function normaliseName(s: string): string {
  return s
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/(地铁站|站)$/, '')
    .replace(/ (metro )?station$/, '')
    .trim();
}

/** Great-circle distance, metres. */
export function haversineM(a: [number, number], b: [number, number]): number {
  const k = Math.PI / 180;
  const dLat = (b[1] - a[1]) * k;
  const dLng = (b[0] - a[0]) * k;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * k) * Math.cos(b[1] * k) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/**
 * Points named after metro stations that sit 300–900 m from them, and land within 150 m once read as
 * GCJ-02, mean a GCJ-02 file (900–1,800 m and BD-09 for Baidu's). Needs at least three matches so a
 * single misplaced point proves nothing.
 */
export function detectDatumSuspicion(
  features: GeoJSON.Feature[],
  stations: { name: string; nameEn: string; lngLat: [number, number] }[],
): DatumSuspicion | undefined {
  const byName = new Map<string, [number, number]>();
  for (const s of stations) {
    for (const n of [s.name, s.nameEn]) {
      const key = normaliseName(n);
      if (key && !byName.has(key)) byName.set(key, s.lngLat);
    }
  }
  const pairs: { at: [number, number]; station: [number, number] }[] = [];
  for (const f of features) {
    if (f.geometry?.type !== 'Point') continue;
    const p = (f.properties ?? {}) as Record<string, unknown>;
    for (const key of NAME_KEYS) {
      const v = p[key];
      if (typeof v !== 'string') continue;
      const station = byName.get(normaliseName(v));
      if (station) {
        pairs.push({ at: f.geometry.coordinates as [number, number], station });
        break;
      }
    }
  }
  if (pairs.length < 3) return undefined;
  const stated = median(pairs.map((x) => haversineM(x.at, x.station)));
  const after = (from: 'gcj02' | 'bd09') =>
    median(
      pairs.map((x) =>
        haversineM(gcoord.transform(x.at, CRS[from], gcoord.WGS84) as [number, number], x.station),
      ),
    );
  if (stated >= 300 && stated <= 900) {
    const a = after('gcj02');
    if (a < 150)
      return {
        suspected: 'gcj02',
        matched: pairs.length,
        medianOffsetM: Math.round(stated),
        medianAfterM: Math.round(a),
      };
  }
  if (stated >= 900 && stated <= 1800) {
    const a = after('bd09');
    if (a < 150)
      return {
        suspected: 'bd09',
        matched: pairs.length,
        medianOffsetM: Math.round(stated),
        medianAfterM: Math.round(a),
      };
  }
  return undefined;
}
