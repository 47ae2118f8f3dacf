/**
 * The analysis engine: pure TypeScript, no React / MapLibre / zustand. Distances are great-circle
 * on a sphere of mean Earth radius 6,371,008.8 m; areas are geodesic (Turf `area`); units are in
 * the names (…M metres, …Km kilometres, …Km2 km²) and in branded types ({@link units}).
 */
export * from './access-score.ts';
export * from './area.ts';
export type { Bilingual } from './bilingual.ts';
export * from './boundary-distance.ts';
export * from './catchment.ts';
export * from './explorer-filters.ts';
export * from './facilities-nearby.ts';
export * from './geometry-validation.ts';
export * from './great-circle.ts';
export * from './hubs.ts';
export * from './measure.ts';
export * from './output-density.ts';
export * from './park-access.ts';
export * from './park-figures.ts';
export * from './point-set.ts';
export * from './proximity.ts';
export * from './spatial-index.ts';
export * from './units.ts';
