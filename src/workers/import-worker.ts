/**
 * Web Worker entry of "bring your own data" (module worker, started by import-client.ts as a
 * same-origin file: the strict CSP allows no blob: workers). The protocol is in import-protocol.ts,
 * the logic in import-handler.ts; this file only wires the handler to `self.onmessage` with the
 * device's IndexedDB store and the real parser.
 */

import { createIdbLayerStore } from '../import/layer-store.ts';
import { inspectTable, parseFile } from '../import/parse-file.ts';
import { createImportHandler } from './import-handler.ts';

interface WorkerScope {
  onmessage: ((event: MessageEvent) => void) | null;
  postMessage(message: unknown, transfer: Transferable[]): void;
}

// Only wire up inside a worker (importing this file in a test must not touch a global `self`).
const scope = (globalThis as { self?: unknown }).self as WorkerScope | undefined;
if (scope && typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope !== 'undefined') {
  const handle = createImportHandler({
    store: createIdbLayerStore(),
    parse: parseFile,
    inspect: inspectTable,
  });
  scope.onmessage = (event: MessageEvent) => {
    // The handler answers every request itself (errors included); this catch is the last resort.
    handle(event.data)
      .then(({ response, transfer }) => scope.postMessage(response, transfer))
      .catch((error: unknown) => {
        const requestId = (event.data as { requestId?: unknown } | null)?.requestId;
        scope.postMessage(
          {
            type: 'error',
            requestId: typeof requestId === 'number' ? requestId : -1,
            message: error instanceof Error ? error.message : String(error),
          },
          [],
        );
      });
  };
}
