import { describe, expect, it } from 'vitest';
import { ACCESS_SCORE_FORMULA, type AccessInputs, accessScore } from './access-score.ts';
import { rankByAccess, sortByValue } from './ranking.ts';

describe('sortByValue', () => {
  const items = [
    { id: 'a', v: 3 },
    { id: 'b', v: null },
    { id: 'c', v: 1 },
    { id: 'd', v: 3 },
    { id: 'e', v: Number.NaN },
  ];
  it('sorts ascending and descending, missing values last, ties in the given order', () => {
    expect(sortByValue(items, (x) => x.v, 'asc').map((x) => x.id)).toEqual(['c', 'a', 'd', 'b', 'e']);
    expect(sortByValue(items, (x) => x.v, 'desc').map((x) => x.id)).toEqual(['a', 'd', 'c', 'b', 'e']);
  });
  it('does not change its input', () => {
    const copy = [...items];
    sortByValue(items, (x) => x.v, 'desc');
    expect(items).toEqual(copy);
  });
});

describe('rankByAccess', () => {
  const near: AccessInputs = {
    nearestOpenStationM: 0,
    nearestPlannedStationM: 500,
    catchment800OpenShare: 0.9,
    catchment800AnyShare: 0.95,
    airportKm: 30,
    nearestRailHubKm: 8,
    cityCentreKm: 5,
  };
  const far: AccessInputs = {
    nearestOpenStationM: 2500,
    nearestPlannedStationM: Number.NaN,
    catchment800OpenShare: 0,
    catchment800AnyShare: 0.1,
    airportKm: 12,
    nearestRailHubKm: 25,
    cityCentreKm: 45,
  };
  const parks = [
    { parkId: 'far', values: { ...far, nearestPlannedStationM: null } },
    { parkId: 'near', values: near },
  ];
  const formulaWeights = ACCESS_SCORE_FORMULA.inputs.map((i) => i.weight);

  it('with the formula weights gives the park pages’ score', () => {
    const ranked = rankByAccess(parks, formulaWeights);
    expect(ranked.map((r) => r.parkId)).toEqual(['near', 'far']);
    expect(ranked[0]?.score).toBeCloseTo(accessScore(near).score, 9);
    expect(ranked[1]?.score).toBeCloseTo(accessScore(far).score, 9);
    expect(ranked.map((r) => r.rank)).toEqual([1, 2]);
  });

  it('reorders when only the airport counts', () => {
    const airportOnly = ACCESS_SCORE_FORMULA.inputs.map((i) => (i.key === 'airportKm' ? 1 : 0));
    const ranked = rankByAccess(parks, airportOnly);
    expect(ranked.map((r) => r.parkId)).toEqual(['far', 'near']);
    expect(ranked[0]?.points.reduce((s, p) => s + p, 0)).toBeCloseTo(ranked[0]?.score ?? -1, 9);
  });

  it('gives equal scores the same rank', () => {
    const ranked = rankByAccess(
      [
        { parkId: 'x', values: near },
        { parkId: 'y', values: near },
      ],
      formulaWeights,
    );
    expect(ranked.map((r) => r.rank)).toEqual([1, 1]);
  });
});
