/**
 * The main thread's side of the import worker: a typed promise client (file bytes are transferred,
 * so the caller's ArrayBuffer is detached afterwards).
 */
import type { ImportRequest, ImportResponse } from './import-protocol.ts';
import { createWorkerClient, type WorkerLike } from './worker-client.ts';

export function createImportClient(worker: WorkerLike) {
  return createWorkerClient<ImportRequest, ImportResponse>(worker, 'import worker', (msg) =>
    msg.type === 'inspect' || msg.type === 'import' ? [msg.bytes] : [],
  );
}

export type ImportClient = ReturnType<typeof createImportClient>;

/** Starts the import worker: a same-origin module file (the strict CSP forbids blob: workers). */
export function startImportWorker(): ImportClient {
  return createImportClient(new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' }));
}
