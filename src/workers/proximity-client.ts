/**
 * Promise wrapper around the proximity worker for the main thread. Point arrays are transferred
 * (the caller's Float64Array is detached afterwards).
 */
import type { ProximityRequest, ProximityResponse } from './proximity-protocol.ts';
import { createWorkerClient, type WorkerLike } from './worker-client.ts';

export type { WorkerLike } from './worker-client.ts';

/** Sends requests and resolves with the matching response (rejects on an `error` response). */
export function createProximityClient(worker: WorkerLike) {
  return createWorkerClient<ProximityRequest, ProximityResponse>(worker, 'proximity worker', (msg) => {
    if (msg.type === 'build') return [msg.lngLats.buffer];
    if (msg.type === 'nearestBatch') return [msg.queries.buffer];
    if (msg.type === 'countBatch') return [msg.centres.buffer];
    return [];
  });
}
