/**
 * Ranking and sorting for the compare and access pages: pure, so the order a reader sees is the
 * order the tests check. Missing values (null, NaN) always sort last, whatever the direction, and
 * ties keep their given order (the plan's order of the parks).
 */
import { ACCESS_SCORE_FORMULA, type AccessInputKey, normalise } from './access-score.ts';

export type SortDirection = 'asc' | 'desc';

/** Items sorted by a numeric key; null/NaN last in both directions; stable. */
export function sortByValue<T>(
  items: readonly T[],
  keyOf: (item: T) => number | null,
  direction: SortDirection,
): T[] {
  const sign = direction === 'asc' ? 1 : -1;
  return items
    .map((item, index) => ({ item, index, value: keyOf(item) }))
    .sort((a, b) => {
      const aMissing = a.value === null || !Number.isFinite(a.value);
      const bMissing = b.value === null || !Number.isFinite(b.value);
      if (aMissing || bMissing) return aMissing === bMissing ? a.index - b.index : aMissing ? 1 : -1;
      const d = ((a.value as number) - (b.value as number)) * sign;
      return d !== 0 ? d : a.index - b.index;
    })
    .map((x) => x.item);
}

/** One park's raw access inputs, as in park-figures.json (null: no station or hub of that kind). */
export interface ParkAccessInputs<Id extends string = string> {
  parkId: Id;
  values: Partial<Record<AccessInputKey, number | null>>;
}

export interface RankedPark<Id extends string = string> {
  parkId: Id;
  /** 1-based; parks with equal scores (to 0.01 point) share a rank. */
  rank: number;
  score: number;
  /** Points per input (100 × weight × normalised), in formula order. */
  points: number[];
}

/**
 * The parks ranked by the access score recomputed with `weights` (one per formula input, in
 * formula order, summing to 1: see normaliseWeights). With the formula's own weights this is the
 * score of the park pages.
 */
export function rankByAccess<Id extends string>(
  parks: readonly ParkAccessInputs<Id>[],
  weights: readonly number[],
  formula = ACCESS_SCORE_FORMULA,
): RankedPark<Id>[] {
  const scored = parks.map((park) => {
    const points = formula.inputs.map((spec, i) => {
      const value = park.values[spec.key];
      const n = value === null || value === undefined ? 0 : normalise(value, spec.normalisation);
      return 100 * (weights[i] ?? 0) * n;
    });
    const score = Math.min(
      100,
      Math.max(
        0,
        points.reduce((s, p) => s + p, 0),
      ),
    );
    return { parkId: park.parkId, score, points, rank: 0 };
  });
  const sorted = sortByValue(scored, (p) => p.score, 'desc');
  let previous: RankedPark<Id> | null = null;
  sorted.forEach((p, i) => {
    p.rank = previous && Math.abs(previous.score - p.score) < 0.005 ? previous.rank : i + 1;
    previous = p;
  });
  return sorted;
}
