/**
 * Promise wrapper around a worker that answers each request with one response carrying the same
 * `requestId` (the proximity and import workers): one pending promise per request. A response of
 * type `error` rejects with its message; a worker that fails to load or cannot deliver a message
 * rejects every pending request (and every later one) instead of leaving them hanging.
 */

/** The part of a Worker the client needs (a real Worker, or a fake in tests). */
export interface WorkerLike {
  postMessage(message: unknown, transfer: Transferable[]): void;
  addEventListener(type: 'message' | 'error' | 'messageerror', listener: (event: Event) => void): void;
}

type WithId = { requestId: number; type: string };
type Body<T> = T extends unknown ? Omit<T, 'requestId'> : never;

/**
 * @param name for error messages ("the import worker failed …")
 * @param transferOf the buffers of a request to transfer rather than copy
 */
export function createWorkerClient<Req extends WithId, Res extends WithId>(
  worker: WorkerLike,
  name: string,
  transferOf: (request: Req) => Transferable[] = () => [],
) {
  let next = 1;
  const pending = new Map<number, { resolve: (r: Res) => void; reject: (e: Error) => void }>();
  let failure: Error | null = null;
  const failAll = (event: Event) => {
    failure = new Error(
      `internal: the ${name} failed (${event.type}${'message' in event ? `: ${String(event.message)}` : ''})`,
    );
    for (const p of pending.values()) p.reject(failure);
    pending.clear();
  };
  worker.addEventListener('error', failAll);
  worker.addEventListener('messageerror', failAll);
  worker.addEventListener('message', (event: Event) => {
    const r = (event as MessageEvent).data as Res & { code?: string; message?: string };
    const p = pending.get(r.requestId);
    if (!p) return;
    pending.delete(r.requestId);
    if (r.type === 'error') p.reject(new Error(r.code ? `${r.code}: ${r.message}` : String(r.message)));
    else p.resolve(r);
  });
  return {
    /** Posts a request; the buffers `transferOf` names are transferred (detached here afterwards). */
    request(body: Body<Req>): Promise<Res> {
      const requestId = next++;
      const message = { ...body, requestId } as Req;
      return new Promise((resolve, reject) => {
        if (failure) {
          reject(failure);
          return;
        }
        pending.set(requestId, { resolve, reject });
        worker.postMessage(message, transferOf(message));
      });
    },
  };
}
