import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACCESS_SCORE_FORMULA, type AccessInputs, accessScore, normalise } from './access-score.ts';
import { outputDensity, outputDensityBoth } from './output-density.ts';

const perfect: AccessInputs = {
  nearestOpenStationM: 0,
  nearestPlannedStationM: 0,
  catchment800OpenShare: 1,
  catchment800AnyShare: 1,
  airportKm: 5,
  nearestRailHubKm: 1,
  cityCentreKm: 0,
};

describe('accessScore', () => {
  it('weights sum to 1 and every input has zh/en names', () => {
    const sum = ACCESS_SCORE_FORMULA.inputs.reduce((s, i) => s + i.weight, 0);
    expect(sum).toBeCloseTo(1, 12);
    for (const i of ACCESS_SCORE_FORMULA.inputs) expect(i.name.zh && i.name.en).toBeTruthy();
  });

  it('is 100 for perfect inputs, 0 for missing ones, and the sum of its contributions', () => {
    expect(accessScore(perfect).score).toBeCloseTo(100, 9);
    const missing = Object.fromEntries(
      Object.keys(perfect).map((k) => [k, Number.POSITIVE_INFINITY]),
    ) as AccessInputs;
    expect(accessScore({ ...missing, catchment800AnyShare: 0, catchment800OpenShare: 0 }).score).toBe(0);
    const mid = accessScore({ ...perfect, nearestOpenStationM: 1500 });
    expect(mid.score).toBeCloseTo(100 - 12.5, 9);
    expect(mid.contributions.reduce((s, c) => s + c.points, 0)).toBeCloseTo(mid.score, 9);
  });

  it('stays in 0–100 and never rises when a distance grows', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 10000, noNaN: true }),
        fc.double({ min: 0, max: 5000, noNaN: true }),
        (d, dd) => {
          const a = accessScore({ ...perfect, nearestOpenStationM: d }).score;
          const b = accessScore({ ...perfect, nearestOpenStationM: d + dd }).score;
          expect(b).toBeLessThanOrEqual(a + 1e-9);
          expect(a).toBeGreaterThanOrEqual(0);
          expect(a).toBeLessThanOrEqual(100);
        },
      ),
    );
    expect(normalise(Number.NaN, { kind: 'share' })).toBe(0);
  });
});

describe('outputDensity', () => {
  it('divides target revenue (亿元) by area (km²)', () => {
    expect(outputDensity(100, 2)).toBe(50);
    expect(outputDensity(100, 0)).toBeNaN();
    expect(outputDensity(-1, 2)).toBeNaN();
    expect(outputDensityBoth(300, 3, 2.5)).toEqual({ byStatedArea: 100, byComputedArea: 120 });
  });
});

describe('accessInputsForPark', () => {
  it('assembles boundary distances to stations and hubs (plain feature arrays accepted)', async () => {
    const { accessInputsForPark } = await import('./park-access.ts');
    const park = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [113.3, 23.1],
          [113.32, 23.1],
          [113.32, 23.12],
          [113.3, 23.12],
          [113.3, 23.1],
        ],
      ],
    };
    const pt = <P>(x: number, y: number, properties: P) => ({
      geometry: { type: 'Point' as const, coordinates: [x, y] },
      properties,
    });
    const stations = [pt(113.31, 23.11, { id: 'a', status: 'open' as const, lineIds: ['l1'] })];
    const hubs = [
      pt(113.3, 23.392, { id: 'airport', kind: 'airport' as const }),
      pt(113.31, 23.11, { id: 'centre', kind: 'city-centre' as const }),
    ];
    const inputs = accessInputsForPark(park, stations, hubs, { open: 0.5, any: 0.6 });
    expect(inputs.nearestOpenStationM).toBe(0);
    expect(inputs.nearestPlannedStationM).toBe(Number.POSITIVE_INFINITY);
    expect(inputs.cityCentreKm).toBe(0);
    expect(inputs.nearestRailHubKm).toBe(Number.POSITIVE_INFINITY);
    expect(inputs.airportKm).toBeGreaterThan(29);
    expect(accessScore(inputs).score).toBeGreaterThan(0);
  });
});
