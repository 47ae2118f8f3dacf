/**
 * Fixture loop (after turf-buffer's test.ts): each tests/fixtures/domain/in/*.geojson holds a park
 * (role "park", parameters radiiM and k in its properties) and stations (role "station"). The
 * expected output in out/ is a FeatureCollection you can view on a map: the park with its
 * measures and nearest stations, and the covered area per radius and station group.
 * `REGEN=1 npx vitest run src/domain/fixtures.test.ts` rewrites out/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { truncate } from '@turf/turf';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { type AreaGeometry, measure } from './area.ts';
import { catchmentCoverage } from './catchment.ts';
import { indexPointFeatures } from './point-set.ts';
import { inStationGroup, nearestStationsToPark, type StationGroup, type StationLike } from './proximity.ts';
import type { LngLat } from './units.ts';

const dir = path.resolve(__dirname, '../../tests/fixtures/domain');
const names = fs.readdirSync(path.join(dir, 'in')).filter((f) => f.endsWith('.geojson'));
const round = (x: number, d = 6) => Number(x.toFixed(d));

function run(fc: FeatureCollection): FeatureCollection {
  const parkF = fc.features.find((f) => f.properties?.role === 'park')!;
  const park = parkF.geometry as AreaGeometry;
  const params = parkF.properties as { radiiM: number[]; k: number };
  const stationFs = fc.features.filter((f) => f.properties?.role === 'station') as Feature<
    Point,
    StationLike
  >[];
  const stations = indexPointFeatures(stationFs);
  const m = measure(park);
  if (!m.ok) throw new Error(m.reason);
  const near = nearestStationsToPark(park, stations, { k: params.k });
  const out: Feature[] = [
    {
      type: 'Feature',
      geometry: park,
      properties: {
        role: 'park',
        areaKm2: round(m.areaKm2),
        areaHa: round(m.areaHa, 4),
        areaMu: round(m.areaMu, 2),
        perimeterKm: round(m.perimeterKm),
        centroid: m.centroid.map((v) => round(v)),
        nearestOpen: near.open.map((h) => ({
          id: h.stationId,
          distanceM: round(h.distanceM, 2),
          inside: h.inside,
        })),
        nearestPlanned: near.planned.map((h) => ({ id: h.stationId, distanceM: round(h.distanceM, 2) })),
      },
    },
  ];
  for (const radiusM of params.radiiM) {
    for (const group of ['open', 'planned', 'any'] as StationGroup[]) {
      const pts = stationFs
        .filter((s) => inStationGroup(s.properties.status, group))
        .map((s) => s.geometry.coordinates as unknown as LngLat);
      const c = catchmentCoverage(park, pts, radiusM);
      if (!c.geometry) continue;
      out.push(
        truncate(
          {
            type: 'Feature',
            geometry: c.geometry,
            properties: {
              role: 'covered',
              radiusM,
              group,
              coveredKm2: round(c.coveredKm2),
              share: round(c.share),
            },
          },
          { precision: 6 },
        ),
      );
    }
  }
  return { type: 'FeatureCollection', features: out };
}

describe('domain fixtures', () => {
  for (const name of names) {
    it(name, () => {
      const input = JSON.parse(fs.readFileSync(path.join(dir, 'in', name), 'utf8')) as FeatureCollection;
      const actual = run(input);
      const outPath = path.join(dir, 'out', name);
      if (process.env.REGEN) fs.writeFileSync(outPath, `${JSON.stringify(actual, null, 1)}\n`);
      const expected = JSON.parse(fs.readFileSync(outPath, 'utf8')) as FeatureCollection;
      expect(actual.features.map((f) => f.properties)).toEqual(expected.features.map((f) => f.properties));
    });
  }
});
