/**
 * The plan's 园区单位面积产出 (output per unit park area): target revenue ÷ park area.
 */
import type { SquareKilometres, YiYuan, YiYuanPerKm2 } from './units.ts';

/**
 * Output density, 亿元/km².
 * @param targetRevenueYi target revenue (营业收入), 亿元 (10⁸ CNY), ≥ 0
 * @param areaKm2 park area, km² (> 0; the stated or the computed area — say which in the UI)
 * @returns 亿元 per km², or NaN if an input is not a finite number in range
 */
export function outputDensity(
  targetRevenueYi: YiYuan | number,
  areaKm2: SquareKilometres | number,
): YiYuanPerKm2 {
  if (
    !Number.isFinite(targetRevenueYi) ||
    targetRevenueYi < 0 ||
    !Number.isFinite(areaKm2) ||
    !(areaKm2 > 0)
  ) {
    return Number.NaN as YiYuanPerKm2;
  }
  return (targetRevenueYi / areaKm2) as YiYuanPerKm2;
}

/** Output density against both areas, so the UI can show how the outline's area changes the figure. */
export interface OutputDensityComparison {
  /** Using the area the plan states, 亿元/km². */
  byStatedArea: YiYuanPerKm2;
  /** Using the geodesic area of the drawn outline, 亿元/km². */
  byComputedArea: YiYuanPerKm2;
}

/** Output density by the stated and by the computed area (亿元/km²). */
export function outputDensityBoth(
  targetRevenueYi: number,
  statedAreaKm2: number,
  computedAreaKm2: number,
): OutputDensityComparison {
  return {
    byStatedArea: outputDensity(targetRevenueYi, statedAreaKm2),
    byComputedArea: outputDensity(targetRevenueYi, computedAreaKm2),
  };
}
