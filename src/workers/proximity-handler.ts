/**
 * The proximity worker's logic as a pure message handler (no `self`, no DOM): unit tests call it
 * directly; proximity-worker.ts only wires it to `self.onmessage`.
 */
import { GeoPointIndex } from '../domain/spatial-index.ts';
import {
  DEFAULT_WITHIN_LIMIT,
  MAX_POINTS,
  type ProximityErrorCode,
  type ProximityRequest,
  type ProximityResponse,
} from './proximity-protocol.ts';

/** A response and the buffers to transfer with it. */
export interface HandlerResult {
  response: ProximityResponse;
  transfer: ArrayBuffer[];
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isLngLat = (v: unknown): v is [number, number] =>
  Array.isArray(v) &&
  v.length >= 2 &&
  Number.isFinite(v[0]) &&
  Number.isFinite(v[1]) &&
  Math.abs(v[0]) <= 180 &&
  Math.abs(v[1]) <= 90;
const isNonNeg = (v: unknown): v is number => typeof v === 'number' && v >= 0 && !Number.isNaN(v);

/** Creates a handler holding its own indexes (one per `indexId`). */
export function createProximityHandler(): (message: unknown) => HandlerResult {
  const indexes = new Map<string, GeoPointIndex>();
  const err = (requestId: number, code: ProximityErrorCode, message: string): HandlerResult => ({
    response: { type: 'error', requestId, code, message },
    transfer: [],
  });

  return (message: unknown): HandlerResult => {
    if (!isObj(message)) return err(-1, 'bad-request', 'message is not an object');
    const requestId = typeof message.requestId === 'number' ? message.requestId : -1;
    const m = message as ProximityRequest;
    if (typeof m.indexId !== 'string') return err(requestId, 'bad-request', 'indexId must be a string');

    if (m.type === 'build') {
      if (!(m.lngLats instanceof Float64Array))
        return err(requestId, 'bad-request', 'lngLats must be a Float64Array');
      if (m.lngLats.length % 2 !== 0)
        return err(requestId, 'invalid-points', 'lngLats must hold [lng, lat] pairs');
      if (m.lngLats.length / 2 > MAX_POINTS) {
        return err(requestId, 'invalid-points', `${m.lngLats.length / 2} points; the limit is ${MAX_POINTS}`);
      }
      const t0 = performance.now();
      try {
        indexes.set(m.indexId, new GeoPointIndex(m.lngLats));
      } catch (e) {
        return err(requestId, 'invalid-points', e instanceof Error ? e.message : String(e));
      }
      const size = m.lngLats.length / 2;
      return {
        response: { type: 'built', requestId, indexId: m.indexId, size, buildMs: performance.now() - t0 },
        transfer: [],
      };
    }
    if (m.type === 'dispose') {
      indexes.delete(m.indexId);
      return { response: { type: 'disposed', requestId, indexId: m.indexId }, transfer: [] };
    }

    const index = indexes.get(m.indexId);
    if (!index) return err(requestId, 'unknown-index', `no index "${m.indexId}": send a build message first`);

    switch (m.type) {
      case 'nearest': {
        if (!isLngLat(m.lngLat)) return err(requestId, 'bad-request', 'lngLat must be a WGS-84 [lng, lat]');
        const k = Number.isInteger(m.k) && m.k > 0 ? Math.min(m.k, 10_000) : 1;
        const max = isNonNeg(m.maxDistanceM) ? m.maxDistanceM : Number.POSITIVE_INFINITY;
        return {
          response: { type: 'nearest', requestId, hits: index.nearest(m.lngLat, k, undefined, max) },
          transfer: [],
        };
      }
      case 'within': {
        if (!isLngLat(m.lngLat) || !isNonNeg(m.radiusM))
          return err(requestId, 'bad-request', 'need lngLat and radiusM ≥ 0');
        const all = index.within(m.lngLat, m.radiusM);
        const limit =
          Number.isInteger(m.limit) && (m.limit as number) >= 0 ? (m.limit as number) : DEFAULT_WITHIN_LIMIT;
        return {
          response: {
            type: 'within',
            requestId,
            hits: all.slice(0, limit),
            total: all.length,
            truncated: all.length > limit,
          },
          transfer: [],
        };
      }
      case 'count': {
        if (!isLngLat(m.lngLat) || !isNonNeg(m.radiusM))
          return err(requestId, 'bad-request', 'need lngLat and radiusM ≥ 0');
        return {
          response: { type: 'count', requestId, count: index.countWithin(m.lngLat, m.radiusM) },
          transfer: [],
        };
      }
      case 'nearestBatch': {
        if (!(m.queries instanceof Float64Array) || m.queries.length % 2 !== 0) {
          return err(requestId, 'bad-request', 'queries must be a Float64Array of [lng, lat] pairs');
        }
        const n = m.queries.length / 2;
        const indices = new Int32Array(n);
        const distancesM = new Float64Array(n);
        const max = isNonNeg(m.maxDistanceM) ? m.maxDistanceM : Number.POSITIVE_INFINITY;
        const t0 = performance.now();
        index.nearestBatch(m.queries, indices, distancesM, max);
        return {
          response: { type: 'nearestBatch', requestId, indices, distancesM, ms: performance.now() - t0 },
          transfer: [indices.buffer, distancesM.buffer],
        };
      }
      case 'countBatch': {
        if (!(m.centres instanceof Float64Array) || m.centres.length % 2 !== 0 || !isNonNeg(m.radiusM)) {
          return err(
            requestId,
            'bad-request',
            'centres must be a Float64Array of [lng, lat] pairs and radiusM ≥ 0',
          );
        }
        const n = m.centres.length / 2;
        const counts = new Uint32Array(n);
        const t0 = performance.now();
        for (let q = 0; q < n; q++) {
          const p: [number, number] = [m.centres[2 * q]!, m.centres[2 * q + 1]!];
          counts[q] = isLngLat(p) ? index.countWithin(p, m.radiusM) : 0;
        }
        return {
          response: { type: 'countBatch', requestId, counts, ms: performance.now() - t0 },
          transfer: [counts.buffer],
        };
      }
      default:
        return err(
          requestId,
          'bad-request',
          `unknown message type ${String((m as { type?: unknown }).type)}`,
        );
    }
  };
}
