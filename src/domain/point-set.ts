/**
 * A set of GeoJSON point features together with a {@link GeoPointIndex} over their positions:
 * build once per data set (stations, hubs, facilities), query many times.
 */
import { GeoPointIndex } from './spatial-index.ts';
import type { LngLat } from './units.ts';

/** The part of a GeoJSON Point feature the domain reads: WGS-84 [lng, lat] and properties. */
export interface PointFeatureLike<P> {
  geometry: { type: 'Point'; coordinates: readonly number[] };
  properties: P;
}

/** Point features with a great-circle index over them (index i ↔ features[i]). */
export interface IndexedPointSet<P> {
  features: readonly PointFeatureLike<P>[];
  index: GeoPointIndex;
  /** Position of feature i, degrees. */
  lngLat(i: number): LngLat;
}

/** Indexes point features by position. Throws RangeError on a non-WGS-84 position. */
export function indexPointFeatures<P>(features: readonly PointFeatureLike<P>[]): IndexedPointSet<P> {
  const coords = new Float64Array(features.length * 2);
  for (const [i, f] of features.entries()) {
    coords[2 * i] = f.geometry.coordinates[0]!;
    coords[2 * i + 1] = f.geometry.coordinates[1]!;
  }
  return {
    features,
    index: new GeoPointIndex(coords),
    lngLat: (i) => [coords[2 * i]!, coords[2 * i + 1]!],
  };
}

/** A point set given either indexed or as plain features (indexed on first use, cached per array). */
export type PointSetInput<P> = IndexedPointSet<P> | readonly PointFeatureLike<P>[];

const cache = new WeakMap<object, IndexedPointSet<unknown>>();

/** Returns the indexed form of a point set, building (and caching per array identity) if needed. */
export function asPointSet<P>(input: PointSetInput<P>): IndexedPointSet<P> {
  if (!Array.isArray(input)) return input as IndexedPointSet<P>;
  const hit = cache.get(input);
  if (hit) return hit as IndexedPointSet<P>;
  const set = indexPointFeatures(input as readonly PointFeatureLike<P>[]);
  cache.set(input, set as IndexedPointSet<unknown>);
  return set;
}
