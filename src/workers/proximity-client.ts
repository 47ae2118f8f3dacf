/**
 * Promise wrapper around the proximity worker for the main thread: one pending promise per
 * requestId. Point arrays are transferred (the caller's Float64Array is detached afterwards).
 */
import type { ProximityRequest, ProximityResponse } from './proximity-protocol.ts';

/** The part of a Worker the client needs (a real Worker, or a fake in tests). */
export interface WorkerLike {
  postMessage(message: unknown, transfer: Transferable[]): void;
  addEventListener(type: 'message' | 'error' | 'messageerror', listener: (event: Event) => void): void;
}

type Body<T> = T extends unknown ? Omit<T, 'requestId'> : never;

/** Sends requests and resolves with the matching response (rejects on an `error` response). */
export function createProximityClient(worker: WorkerLike) {
  let next = 1;
  const pending = new Map<number, { resolve: (r: ProximityResponse) => void; reject: (e: Error) => void }>();
  let failure: Error | null = null;
  // A worker that fails to load or cannot deliver a message rejects every pending request
  // (and every later one) instead of leaving them hanging.
  const failAll = (event: Event) => {
    failure = new Error(
      `internal: the proximity worker failed (${event.type}${'message' in event ? `: ${String(event.message)}` : ''})`,
    );
    for (const p of pending.values()) p.reject(failure);
    pending.clear();
  };
  worker.addEventListener('error', failAll);
  worker.addEventListener('messageerror', failAll);
  worker.addEventListener('message', (event: Event) => {
    const r = (event as MessageEvent).data as ProximityResponse;
    const p = pending.get(r.requestId);
    if (!p) return;
    pending.delete(r.requestId);
    if (r.type === 'error') p.reject(new Error(`${r.code}: ${r.message}`));
    else p.resolve(r);
  });
  return {
    /** Posts a request; buffers of lngLats/queries/centres are transferred. */
    request(body: Body<ProximityRequest>): Promise<ProximityResponse> {
      const requestId = next++;
      const msg = { ...body, requestId } as ProximityRequest;
      const transfer: Transferable[] = [];
      if (msg.type === 'build') transfer.push(msg.lngLats.buffer);
      if (msg.type === 'nearestBatch') transfer.push(msg.queries.buffer);
      if (msg.type === 'countBatch') transfer.push(msg.centres.buffer);
      return new Promise((resolve, reject) => {
        if (failure) {
          reject(failure);
          return;
        }
        pending.set(requestId, { resolve, reject });
        worker.postMessage(msg, transfer);
      });
    },
  };
}
