/**
 * Message protocol of the proximity worker (src/workers/proximity-worker.ts). Point sets travel
 * as interleaved Float64Array [lng, lat, …] in WGS-84 degrees and are TRANSFERRED (post them with
 * `[array.buffer]` in the transfer list); distances are great-circle metres on the 6,371,008.8 m
 * sphere. Every request carries a `requestId` echoed by its response. Several indexes can live in
 * one worker, named by `indexId` (e.g. "stations", "user-points").
 */

/** A position [lng, lat] in degrees. */
export type WireLngLat = readonly [number, number];

/** Messages the main thread sends. */
export type ProximityRequest =
  | { type: 'build'; requestId: number; indexId: string; lngLats: Float64Array }
  | {
      type: 'nearest';
      requestId: number;
      indexId: string;
      lngLat: WireLngLat;
      k: number;
      maxDistanceM?: number;
    }
  | {
      type: 'within';
      requestId: number;
      indexId: string;
      lngLat: WireLngLat;
      radiusM: number;
      limit?: number;
    }
  | { type: 'count'; requestId: number; indexId: string; lngLat: WireLngLat; radiusM: number }
  /** Nearest indexed point for each query point (e.g. 100k facilities → nearest station). */
  | { type: 'nearestBatch'; requestId: number; indexId: string; queries: Float64Array; maxDistanceM?: number }
  /** How many indexed points lie within radiusM of each centre (e.g. user points per station). */
  | { type: 'countBatch'; requestId: number; indexId: string; centres: Float64Array; radiusM: number }
  | { type: 'dispose'; requestId: number; indexId: string };

/** One hit: the point's index in the built set and its distance, metres. */
export interface WireHit {
  index: number;
  distanceM: number;
}

/** Messages the worker answers with. */
export type ProximityResponse =
  | { type: 'built'; requestId: number; indexId: string; size: number; buildMs: number }
  | { type: 'nearest'; requestId: number; hits: WireHit[] }
  | { type: 'within'; requestId: number; hits: WireHit[]; total: number; truncated: boolean }
  | { type: 'count'; requestId: number; count: number }
  /** indices[i] = nearest point to query i (−1 if none within maxDistanceM), distancesM[i] its distance. */
  | { type: 'nearestBatch'; requestId: number; indices: Int32Array; distancesM: Float64Array; ms: number }
  | { type: 'countBatch'; requestId: number; counts: Uint32Array; ms: number }
  | { type: 'disposed'; requestId: number; indexId: string }
  | { type: 'error'; requestId: number; code: ProximityErrorCode; message: string };

/** Why a request failed. */
/** `internal`: the worker itself failed (e.g. out of memory); the request had no answer. */
export type ProximityErrorCode = 'bad-request' | 'unknown-index' | 'invalid-points' | 'internal';

/** The most points a `build` accepts (memory guard: ~40 MB of typed arrays at the limit). */
export const MAX_POINTS = 2_000_000;
/** Default cap on hits returned by `within` (the total is always reported). */
export const DEFAULT_WITHIN_LIMIT = 10_000;
