/**
 * Datum conversion and the datum guard. MINIMAL VERSION (h-worker) so the import worker compiles:
 * the parse helper's branch replaces this file at merge with the full one (same two signatures).
 */
import gcoord from 'gcoord';
import { greatCircleDistanceM } from '../domain/great-circle.ts';
import type { Datum, DatumSuspicion } from './types.ts';

const CRS = { wgs84: gcoord.WGS84, gcj02: gcoord.GCJ02, bd09: gcoord.BD09 } as const;

/** The features re-read from `from` into WGS-84 (new objects; the input is left as it was). */
export function convertFeatures(features: GeoJSON.Feature[], from: Datum): GeoJSON.Feature[] {
  if (from === 'wgs84') return features;
  return features.map((f) => {
    if (!f.geometry) return f;
    const geometry = structuredClone(f.geometry);
    gcoord.transform(geometry as never, CRS[from], gcoord.WGS84);
    return { ...f, geometry };
  });
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * Points named like a metro station (zh or en, exact) that sit 300–1,500 m from it but come within
 * 150 m once read as GCJ-02 (or BD-09): evidence the file was not WGS-84. Undefined when no evidence.
 */
export function detectDatumSuspicion(
  features: GeoJSON.Feature[],
  stations: { name: string; nameEn: string; lngLat: [number, number] }[],
): DatumSuspicion | undefined {
  const byName = new Map<string, [number, number]>();
  for (const s of stations) {
    byName.set(s.name, s.lngLat);
    if (s.nameEn) byName.set(s.nameEn.toLowerCase(), s.lngLat);
  }
  const pairs: { p: [number, number]; s: [number, number] }[] = [];
  for (const f of features) {
    if (f.geometry?.type !== 'Point') continue;
    const raw = f.properties?.name;
    if (typeof raw !== 'string') continue;
    const s = byName.get(raw.trim()) ?? byName.get(raw.trim().toLowerCase());
    if (!s) continue;
    const [x, y] = f.geometry.coordinates;
    if (typeof x === 'number' && typeof y === 'number') pairs.push({ p: [x, y], s });
    if (pairs.length >= 500) break;
  }
  if (pairs.length < 2) return undefined;
  const before = median(pairs.map(({ p, s }) => greatCircleDistanceM(p, s)));
  if (before < 300) return undefined;
  for (const suspected of ['gcj02', 'bd09'] as const) {
    const after = median(
      pairs.map(({ p, s }) => {
        const q = gcoord.transform([p[0], p[1]], CRS[suspected], gcoord.WGS84) as [number, number];
        return greatCircleDistanceM(q, s);
      }),
    );
    if (after < 150 && after < before / 2) {
      return { suspected, matched: pairs.length, medianOffsetM: before, medianAfterM: after };
    }
  }
  return undefined;
}
