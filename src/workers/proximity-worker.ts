/**
 * Web Worker entry for proximity queries off the main thread (QUALITY-BAR P5). Create it with
 * `new Worker(new URL('./proximity-worker.ts', import.meta.url), { type: 'module' })` — Vite emits
 * it as a same-origin file, which a strict CSP (`worker-src 'self'`, no blob:) allows.
 * The protocol is in proximity-protocol.ts; the logic in proximity-handler.ts.
 */
import { createProximityHandler } from './proximity-handler.ts';

export { createProximityHandler } from './proximity-handler.ts';

interface WorkerScope {
  onmessage: ((event: MessageEvent) => void) | null;
  postMessage(message: unknown, transfer: Transferable[]): void;
}

// Only wire up inside a worker (importing this file in a test must not touch a global `self`).
const scope = (globalThis as { self?: unknown }).self as WorkerScope | undefined;
if (scope && typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope !== 'undefined') {
  const handle = createProximityHandler();
  scope.onmessage = (event: MessageEvent) => {
    try {
      const { response, transfer } = handle(event.data);
      scope.postMessage(response, transfer);
    } catch (error) {
      // Never leave a caller waiting: an unexpected failure still answers its request.
      const requestId = (event.data as { requestId?: unknown } | null)?.requestId;
      scope.postMessage(
        {
          type: 'error',
          requestId: typeof requestId === 'number' ? requestId : -1,
          code: 'internal',
          message: error instanceof Error ? error.message : String(error),
        },
        [],
      );
    }
  };
}
