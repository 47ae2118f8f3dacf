import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ParkFiguresSchema } from '../src/data/park-figures-schema.ts';
import {
  ACCESS_SCORE_FORMULA,
  accessInputsForPark,
  accessScore,
  facilitiesNearPark,
  hubDistances,
  indexPointFeatures,
  measure,
  nearestStationsToPark,
  outputDensityBoth,
  parkToParkDistances,
} from '../src/domain/index.ts';
import { revenueTargetOf } from '../src/features/plan/park-targets.ts';
import { buildParkFigures, generatedFromOf, readInputs, serialise } from './build-park-figures.ts';

const geodata = path.resolve(import.meta.dirname, '..', 'geodata');
const text = fs.readFileSync(path.join(geodata, 'park-figures.json'), 'utf8');
const file = ParkFiguresSchema.parse(JSON.parse(text));
const input = readInputs(geodata);

describe('geodata/park-figures.json', () => {
  it('has one record per park, in plan order, scored with the current formula', () => {
    const planOrder = [...input.parks]
      .sort((a, b) => a.properties.planOrder - b.properties.planOrder)
      .map((p) => p.properties.id);
    expect(file.parks.map((p) => p.parkId)).toEqual(planOrder);
    expect(file.accessFormulaVersion).toBe(ACCESS_SCORE_FORMULA.version);
  });

  it('is what the build writes from the current data, byte for byte', () => {
    expect(serialise(buildParkFigures(input, generatedFromOf(geodata)))).toBe(text);
  });

  // Recomputes each figure by calling the domain functions directly (not through the build's
  // composition), so a mistake in the composition or in the file shows up here.
  const stations = indexPointFeatures(input.stations);
  const facilities = indexPointFeatures(input.facilities);
  const hubs = input.hubs.filter((h) => h.properties.kind !== 'landmark');
  const pairs = parkToParkDistances(input.parks.map((p) => ({ id: p.properties.id, geometry: p.geometry })));
  for (const park of input.parks) {
    const id = park.properties.id;
    it(`equals the domain functions for ${id}`, () => {
      const record = file.parks.find((p) => p.parkId === id)!;
      const near = nearestStationsToPark(park.geometry, stations, { k: 3 });
      for (const group of ['open', 'planned'] as const) {
        expect(record.stations[group].map((s) => [s.stationId, s.distanceM, s.inside])).toEqual(
          near[group].map((h) => [h.stationId, h.distanceM, h.inside]),
        );
      }
      expect(record.hubs.map((h) => [h.id, h.fromBoundaryKm, h.fromCentroidKm])).toEqual(
        hubDistances(park.geometry, hubs).map((h) => [h.hubId, h.fromBoundaryKm, h.fromCentroidKm]),
      );
      const share = (radiusM: number, group: string) =>
        input.catchments.rows.find((r) => r.parkId === id && r.radiusM === radiusM && r.stations === group)!
          .share;
      expect(record.catchments).toEqual(
        input.catchments.radiiM.map((radiusM) => ({
          radiusM,
          open: share(radiusM, 'open'),
          planned: share(radiusM, 'planned'),
          any: share(radiusM, 'any'),
        })),
      );
      const score = accessScore(
        accessInputsForPark(park.geometry, stations, hubs, {
          open: share(800, 'open'),
          any: share(800, 'any'),
        }),
      );
      expect(record.access.score).toBe(score.score);
      expect(record.access.contributions).toEqual(
        score.contributions.map((c) => ({ ...c, value: Number.isFinite(c.value) ? c.value : null })),
      );
      const facilityHits = Object.values(
        facilitiesNearPark(park.geometry, facilities, 1000).byCategory,
      ).flat();
      expect(record.facilitiesNear.hits.map((h) => [h.facilityId, h.distanceM])).toEqual(
        facilityHits.map((h) => [h.facilityId, h.distanceM]),
      );
      const others = pairs.filter((d) => d.fromId === id).sort((a, b) => a.boundaryKm - b.boundaryKm);
      expect(record.otherParks.map((d) => [d.id, d.fromBoundaryKm, d.fromCentroidKm])).toEqual(
        others.map((d) => [d.toId, d.boundaryKm, d.centroidKm]),
      );
      const content = input.content.find((c) => c.id === id)!;
      const revenue = revenueTargetOf(content);
      const m = measure(park.geometry);
      if (!m.ok) throw new Error(m.reason);
      const density = revenue
        ? outputDensityBoth(revenue.value, park.properties.statedAreaKm2, m.areaKm2)
        : null;
      expect(record.output && [record.output.byStatedAreaPerKm2, record.output.byComputedAreaPerKm2]).toEqual(
        density && [density.byStatedArea, density.byComputedArea],
      );
    });
  }
});

describe('ParkFiguresSchema', () => {
  const record = file.parks[0]!;
  const withPark = (patch: Record<string, unknown>) => ({ ...file, parks: [{ ...record, ...patch }] });

  it('accepts the committed file and rejects a share over 1, a negative distance, an unknown park', () => {
    expect(ParkFiguresSchema.safeParse(file).success).toBe(true);
    expect(
      ParkFiguresSchema.safeParse(withPark({ catchments: [{ radiusM: 800, open: 1.2, planned: 0, any: 1 }] }))
        .success,
    ).toBe(false);
    const station = record.stations.open[0]!;
    expect(
      ParkFiguresSchema.safeParse(
        withPark({ stations: { open: [{ ...station, distanceM: -1 }], planned: [] } }),
      ).success,
    ).toBe(false);
    expect(ParkFiguresSchema.safeParse(withPark({ parkId: 'no-such-park' })).success).toBe(false);
  });

  it('writes a missing station or hub as null, never as a number', () => {
    const contributions = record.access.contributions.map((c) => ({ ...c, value: Infinity }));
    expect(ParkFiguresSchema.safeParse(withPark({ access: { score: 0, contributions } })).success).toBe(
      false,
    );
    const none = record.access.contributions.map((c) => ({ ...c, value: null }));
    expect(ParkFiguresSchema.safeParse(withPark({ access: { score: 0, contributions: none } })).success).toBe(
      true,
    );
  });
});
