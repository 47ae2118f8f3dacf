/**
 * Access score per park, 0–100: a plain weighted sum of visible inputs, each normalised to 0–1.
 *
 *   score = 100 × Σᵢ weightᵢ × normᵢ(inputᵢ),   Σ weightᵢ = 1
 *
 * normᵢ is either the share itself (catchment shares, 0–1) or linear-decreasing between `fullAt`
 * (→ 1) and `zeroAt` (→ 0), clamped. A missing input (no station of that group, no hub of that
 * kind: distance Infinity or NaN) scores 0. A planned / under-construction station beyond
 * PLANNED_STATION_MAX_DISTANCE_M (10 km, proximity.ts) is missing too: accessInputsForPark
 * receives only the future stations within it. The formula is exported as data
 * ({@link ACCESS_SCORE_FORMULA}) so the UI can show weights, names and normalisation next to the
 * result. Distances are straight-line (great-circle) from the park boundary (0 inside), not
 * travel times.
 */
import type { Bilingual } from './bilingual.ts';

/** Names of the score's inputs. */
export type AccessInputKey =
  | 'nearestOpenStationM'
  | 'nearestPlannedStationM'
  | 'catchment800OpenShare'
  | 'catchment800AnyShare'
  | 'airportKm'
  | 'nearestRailHubKm'
  | 'cityCentreKm';

/** How an input is mapped to 0–1. */
export type Normalisation =
  | { kind: 'share' }
  | { kind: 'linear-decreasing' /** value giving 1 */; fullAt: number /** value giving 0 */; zeroAt: number };

/** One input of the formula, as the UI shows it. */
export interface AccessInputSpec {
  key: AccessInputKey;
  name: Bilingual;
  /** Unit of the raw input. */
  unit: 'm' | 'km' | 'share';
  weight: number;
  normalisation: Normalisation;
}

/** The access-score formula as data (version it if the numbers change). */
export const ACCESS_SCORE_FORMULA: {
  version: number;
  description: Bilingual;
  inputs: readonly AccessInputSpec[];
} = {
  version: 1,
  description: {
    zh: '可达性得分 = 100 × Σ 权重 × 归一化值；距离为园区边界起算的直线距离（园区内为 0），非出行时间。规划/在建站点仅计入园区边界10公里以内者；超出10公里视为缺失，计0分。',
    en: 'Access score = 100 × Σ weight × normalised value; distances are straight-line from the park boundary (0 inside), not travel times. A planned / under-construction station counts only within 10 km of the boundary; beyond that the input is missing and scores 0.',
  },
  inputs: [
    {
      key: 'nearestOpenStationM',
      name: { zh: '最近已开通站点距离', en: 'Distance to nearest open station' },
      unit: 'm',
      weight: 0.25,
      normalisation: { kind: 'linear-decreasing', fullAt: 0, zeroAt: 3000 },
    },
    {
      key: 'nearestPlannedStationM',
      name: { zh: '最近规划/在建站点距离', en: 'Distance to nearest planned / under-construction station' },
      unit: 'm',
      weight: 0.1,
      normalisation: { kind: 'linear-decreasing', fullAt: 0, zeroAt: 3000 },
    },
    {
      key: 'catchment800OpenShare',
      name: { zh: '已开通站点800米覆盖率', en: 'Share of park within 800 m of an open station' },
      unit: 'share',
      weight: 0.2,
      normalisation: { kind: 'share' },
    },
    {
      key: 'catchment800AnyShare',
      name: { zh: '全部站点800米覆盖率', en: 'Share of park within 800 m of any station' },
      unit: 'share',
      weight: 0.1,
      normalisation: { kind: 'share' },
    },
    {
      key: 'airportKm',
      name: { zh: '至白云机场距离', en: 'Distance to the airport' },
      unit: 'km',
      weight: 0.1,
      normalisation: { kind: 'linear-decreasing', fullAt: 10, zeroAt: 60 },
    },
    {
      key: 'nearestRailHubKm',
      name: { zh: '至最近铁路枢纽距离', en: 'Distance to nearest rail hub' },
      unit: 'km',
      weight: 0.15,
      normalisation: { kind: 'linear-decreasing', fullAt: 2, zeroAt: 30 },
    },
    {
      key: 'cityCentreKm',
      name: { zh: '至城市中心（珠江新城）距离', en: 'Distance to the city centre (Zhujiang New Town)' },
      unit: 'km',
      weight: 0.1,
      normalisation: { kind: 'linear-decreasing', fullAt: 2, zeroAt: 50 },
    },
  ],
};

/** Raw inputs of the score (units in the names). */
export type AccessInputs = Record<AccessInputKey, number>;

/** One input's part of the score. */
export interface AccessContribution {
  key: AccessInputKey;
  value: number;
  /** 0–1. */
  normalised: number;
  weight: number;
  /** 100 × weight × normalised: points this input adds to the score. */
  points: number;
}

/** The score and how each input contributed. */
export interface AccessScore {
  /** 0–100. */
  score: number;
  contributions: AccessContribution[];
  formulaVersion: number;
}

/** Maps a raw input to 0–1 by its normalisation (non-finite → 0). */
export function normalise(value: number, n: Normalisation): number {
  if (!Number.isFinite(value)) return 0;
  if (n.kind === 'share') return Math.min(1, Math.max(0, value));
  const t = (n.zeroAt - value) / (n.zeroAt - n.fullAt);
  return Math.min(1, Math.max(0, t));
}

/** Computes the access score (0–100) from its raw inputs with {@link ACCESS_SCORE_FORMULA}. */
export function accessScore(inputs: AccessInputs, formula = ACCESS_SCORE_FORMULA): AccessScore {
  const contributions = formula.inputs.map((spec) => {
    const value = inputs[spec.key];
    const normalised = normalise(value, spec.normalisation);
    return { key: spec.key, value, normalised, weight: spec.weight, points: 100 * spec.weight * normalised };
  });
  const score = contributions.reduce((s, c) => s + c.points, 0);
  return { score: Math.min(100, Math.max(0, score)), contributions, formulaVersion: formula.version };
}
