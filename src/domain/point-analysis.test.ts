import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { distanceToAreaM, isInsideArea } from './boundary-distance.ts';
import {
  type AnalysisPark,
  type AnalysisStation,
  CATCHMENT_RADIUS_M,
  createPointAnalyser,
  NEAR_PARK_M,
} from './point-analysis.ts';
import { PLANNED_STATION_MAX_DISTANCE_M } from './proximity.ts';
import { bruteForceNearest } from './spatial-index.ts';
import type { LngLat } from './units.ts';

const geodata = (name: string) =>
  JSON.parse(
    fs.readFileSync(path.join(__dirname, '../../geodata', name), 'utf8'),
  ) as GeoJSON.FeatureCollection;

/** The real reference data, as the app sends it to the import worker. */
function loadReference(): { stations: AnalysisStation[]; parks: AnalysisPark[] } {
  const stations = geodata('stations.geojson').features.flatMap((f) => {
    const p = f.properties as {
      id: string;
      name: { zh: string; en: string };
      status: AnalysisStation['status'];
    };
    return f.geometry.type === 'Point'
      ? [
          {
            id: p.id,
            name: p.name.zh,
            nameEn: p.name.en,
            status: p.status,
            lngLat: [f.geometry.coordinates[0]!, f.geometry.coordinates[1]!] as [number, number],
          },
        ]
      : [];
  });
  const parks = geodata('parks.geojson').features.flatMap((f) =>
    f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon'
      ? [{ id: (f.properties as { id: string }).id, geometry: f.geometry }]
      : [],
  );
  return { stations, parks };
}

function lcg(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('point analysis', () => {
  const { stations, parks } = loadReference();
  const analyser = createPointAnalyser(stations, parks);

  it('matches brute force for random points over Guangzhou and points inside every park', () => {
    const rnd = lcg(42);
    const pts: [number, number][] = [];
    for (let i = 0; i < 1500; i++) pts.push([112.95 + rnd() * 1.1, 22.55 + rnd() * 1.35]);
    // Points near each park (many inside, many within 1 km).
    for (const park of parks) {
      const ring = (
        park.geometry.type === 'Polygon' ? park.geometry.coordinates : park.geometry.coordinates[0]!
      )[0]!;
      const xs = ring.map((p) => p[0]!);
      const ys = ring.map((p) => p[1]!);
      for (let i = 0; i < 60; i++) {
        pts.push([
          Math.min(...xs) - 0.01 + rnd() * (Math.max(...xs) - Math.min(...xs) + 0.02),
          Math.min(...ys) - 0.01 + rnd() * (Math.max(...ys) - Math.min(...ys) + 0.02),
        ]);
      }
    }
    const flat = Float64Array.from(pts.flat());
    const a = analyser.analyse(flat);
    const open = stations.filter((s) => s.status === 'open');
    const planned = stations.filter((s) => s.status !== 'open');
    const openFlat = open.flatMap((s) => s.lngLat);
    const plannedFlat = planned.flatMap((s) => s.lngLat);
    let insideSeen = 0;
    let catchmentSeen = 0;
    const inside: Record<string, number> = {};
    for (const [i, p] of pts.entries()) {
      const q = p as unknown as LngLat;
      const [o] = bruteForceNearest(openFlat, q, 1);
      expect(a.openStation[i]).toBe(o!.index);
      expect(a.openDistanceM[i]).toBe(o!.distanceM);
      const [pl] = bruteForceNearest(plannedFlat, q, 1, undefined, PLANNED_STATION_MAX_DISTANCE_M);
      expect(a.plannedStation[i]).toBe(pl ? pl.index : -1);
      if (pl) expect(a.plannedDistanceM[i]).toBe(pl.distanceM);
      let best = Infinity;
      let bestPark = -1;
      parks.forEach((park, j) => {
        const d = distanceToAreaM(q, park.geometry);
        if (d < best) {
          best = d;
          bestPark = j;
        }
      });
      expect(a.parkDistanceM[i]).toBeCloseTo(best, 6);
      expect(a.park[i]).toBe(bestPark);
      const insideJ = parks.findIndex((park) => isInsideArea(q, park.geometry));
      expect(a.insidePark[i]).toBe(insideJ);
      if (insideJ >= 0) {
        insideSeen++;
        inside[parks[insideJ]!.id] = (inside[parks[insideJ]!.id] ?? 0) + 1;
      }
      expect(a.inCatchment[i]).toBe(o!.distanceM <= CATCHMENT_RADIUS_M ? 1 : 0);
      if (a.inCatchment[i]) catchmentSeen++;
    }
    expect(insideSeen).toBeGreaterThan(50);
    expect(catchmentSeen).toBe(a.inCatchmentCount);
    for (const park of parks) expect(a.insideByPark[park.id]).toBe(inside[park.id] ?? 0);
    const near = Object.values(a.nearByPark).reduce((s, c) => s + c, 0);
    expect(near).toBe([...a.parkDistanceM].filter((d) => d <= NEAR_PARK_M).length);
  });

  it('gives records with names, and nothing for invalid positions', () => {
    const a = analyser.analyse(Float64Array.from([113.3191, 23.109, Number.NaN, 23, 500, 0]));
    const m = analyser.metricsAt(a, 0);
    expect(m.nearestOpenStation?.name).toBeTruthy();
    expect(m.nearestPark?.id).toBeTruthy();
    expect(analyser.metricsAt(a, 1)).toEqual({
      nearestOpenStation: null,
      nearestPlannedStation: null,
      nearestPark: null,
      insideParkId: null,
      inCatchment: false,
    });
    expect(analyser.metricsAt(a, 2).nearestPark).toBeNull();
  });

  it('works with an empty reference', () => {
    const empty = createPointAnalyser([], []);
    const a = empty.analyse(Float64Array.from([113, 23]));
    expect(empty.metricsAt(a, 0)).toMatchObject({ nearestOpenStation: null, nearestPark: null });
  });
});
