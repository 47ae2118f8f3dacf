import fs from 'node:fs';
import path from 'node:path';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import { CatchmentAreasSchema, CatchmentsSchema, type ParkId } from '../src/data/schemas.ts';
import type { AreaGeometry, StationLike } from '../src/domain/index.ts';
import { buildCatchments, type ParkInput } from './build-catchments.ts';

const dir = path.resolve(__dirname, '../tests/fixtures/domain/in');
const ids: ParkId[] = ['pazhou-internet', 'tianhe-software', 'nansha-ai'];
const parks: ParkInput[] = [];
const stations: Feature<Point, StationLike>[] = [];
for (const [i, name] of ['rect-with-hole', 'concave-l', 'multipolygon'].entries()) {
  const fc = JSON.parse(fs.readFileSync(path.join(dir, `${name}.geojson`), 'utf8')) as FeatureCollection;
  parks.push({
    id: ids[i]!,
    geometry: fc.features.find((f) => f.properties?.role === 'park')!.geometry as AreaGeometry,
  });
  for (const f of fc.features.filter((f) => f.properties?.role === 'station')) {
    const p = f.properties as StationLike;
    stations.push({ ...(f as Feature<Point, StationLike>), properties: { ...p, id: `${name}-${p.id}` } });
  }
}

describe('buildCatchments', () => {
  const a = buildCatchments(parks, stations, 'fixtures');
  it('matches the schemas and has one row per park × radius × group', () => {
    CatchmentsSchema.parse(a.catchments);
    CatchmentAreasSchema.parse(a.areas);
    expect(a.catchments.rows).toHaveLength(3 * 2 * 3);
  });

  it('is deterministic', () => {
    const b = buildCatchments(parks, stations, 'fixtures');
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('never decreases with the radius; any ≥ open, planned', () => {
    const row = (id: string, r: number, g: string) =>
      a.catchments.rows.find((x) => x.parkId === id && x.radiusM === r && x.stations === g)!;
    for (const id of ids) {
      for (const g of ['open', 'planned', 'any'])
        expect(row(id, 1500, g).coveredKm2).toBeGreaterThanOrEqual(row(id, 800, g).coveredKm2);
      for (const r of [800, 1500]) {
        expect(row(id, r, 'any').coveredKm2).toBeGreaterThanOrEqual(row(id, r, 'open').coveredKm2 - 1e-6);
        expect(row(id, r, 'any').coveredKm2).toBeGreaterThanOrEqual(row(id, r, 'planned').coveredKm2 - 1e-6);
      }
    }
  });

  it('writes ≤ 6 decimals and small map geometry', () => {
    const text = JSON.stringify(a.areas);
    expect(text).not.toMatch(/\d\.\d{7,}/);
    expect(text.length).toBeLessThan(200_000);
  });
});
