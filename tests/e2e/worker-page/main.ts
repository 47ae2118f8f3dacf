/**
 * Test page for tests/e2e/worker.e2e.ts: starts the proximity worker exactly as the app would in
 * production (Vite emits it as a same-origin file; no blob:) and exposes `window.__workerTest`.
 */
import { createProximityClient } from '../../../src/workers/proximity-client.ts';
import type { ProximityResponse } from '../../../src/workers/proximity-protocol.ts';
import {
  CHUNK,
  checksum,
  createRng,
  fillPoints,
  fillQueries,
  POINT_SEED,
  POINTS,
  QUERIES,
  QUERY_SEED,
  type RunResult,
  type WorkerTestApi,
} from './points.ts';

const worker = new Worker(new URL('../../../src/workers/proximity-worker.ts', import.meta.url), {
  type: 'module',
});
const workerErrors: string[] = [];
worker.addEventListener('error', (e) => workerErrors.push(`error: ${e.message || 'worker failed'}`));
worker.addEventListener('messageerror', () => workerErrors.push('messageerror'));
const client = createProximityClient(worker);

/** Raw messages: the next reply resolves the oldest pending raw post. */
const rawWaiting: ((r: unknown) => void)[] = [];
let rawNext = 1_000_000;
worker.addEventListener('message', (event: MessageEvent) => {
  const r = event.data as { requestId?: number };
  if (typeof r.requestId === 'number' && r.requestId > 0 && r.requestId < 1_000_000) return; // the client's
  rawWaiting.shift()?.(event.data);
});

const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Typed arrays → plain arrays, so page.evaluate can return them. */
function plain(r: ProximityResponse): unknown {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r)) out[k] = ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v;
  return out;
}

async function run(): Promise<RunResult> {
  // Watch the main thread from before the data exist until the last reply is in.
  const longTasksMs: number[] = [];
  const longTaskSpans: string[] = [];
  const marks: Record<string, number> = { start: performance.now() };
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      longTasksMs.push(e.duration);
      longTaskSpans.push(`${e.startTime.toFixed(0)}+${e.duration.toFixed(0)}`);
    }
  });
  observer.observe({ type: 'longtask' });
  let beating = true;
  let last = performance.now();
  let maxHeartbeatGapMs = 0;
  let workerBusy = false;
  let maxGapWhileWorkerMs = 0;
  const beat = () => {
    const now = performance.now();
    if (workerBusy) maxGapWhileWorkerMs = Math.max(maxGapWhileWorkerMs, now - last);
    if (now - last > maxHeartbeatGapMs) {
      maxHeartbeatGapMs = now - last;
      marks.maxGapEnd = now;
    }
    last = now;
    if (beating) setTimeout(beat, 0);
  };
  setTimeout(beat, 0);

  const t0 = performance.now();
  const points = new Float64Array(2 * POINTS);
  const rng = createRng(POINT_SEED);
  for (let from = 0; from < POINTS; from += CHUNK) {
    fillPoints(points, from, Math.min(POINTS, from + CHUNK), rng);
    await yieldToEventLoop();
  }
  marks.points = performance.now();
  const queries = new Float64Array(2 * QUERIES);
  const qrng = createRng(QUERY_SEED);
  for (let from = 0; from < QUERIES; from += CHUNK) {
    fillQueries(queries, points, from, Math.min(QUERIES, from + CHUNK), qrng);
    await yieldToEventLoop();
  }
  // One pass each over the data (~10 ms), so the test can check Node regenerated the same arrays.
  const pointsChecksum = checksum(points);
  await yieldToEventLoop();
  const queriesChecksum = checksum(queries);
  const generateMs = performance.now() - t0;
  marks.generated = performance.now();
  await yieldToEventLoop();

  workerBusy = true;
  const t1 = performance.now();
  const built = await client.request({ type: 'build', indexId: 'points', lngLats: points });
  const buildRoundTripMs = performance.now() - t1;
  marks.built = performance.now();
  if (built.type !== 'built') throw new Error(`build replied ${built.type}`);
  const t2 = performance.now();
  const near = await client.request({ type: 'nearestBatch', indexId: 'points', queries });
  const queryRoundTripMs = performance.now() - t2;
  marks.queried = performance.now();
  workerBusy = false;
  if (near.type !== 'nearestBatch') throw new Error(`nearestBatch replied ${near.type}`);

  // Let the observer deliver the last entries, then stop watching.
  await new Promise((resolve) => setTimeout(resolve, 300));
  for (const e of observer.takeRecords()) {
    longTasksMs.push(e.duration);
    longTaskSpans.push(`${e.startTime.toFixed(0)}+${e.duration.toFixed(0)}`);
  }
  observer.disconnect();
  beating = false;

  return {
    pointsChecksum,
    queriesChecksum,
    generateMs,
    buildMs: built.buildMs,
    queryMs: near.ms,
    buildRoundTripMs,
    queryRoundTripMs,
    size: built.size,
    pointsDetached: points.byteLength === 0,
    queriesDetached: queries.byteLength === 0,
    indices: Array.from(near.indices),
    distancesM: Array.from(near.distancesM),
    longTasksMs,
    longTaskSpans,
    marks,
    maxHeartbeatGapMs,
    maxGapWhileWorkerMs,
  };
}

const api: WorkerTestApi = {
  ping: async () =>
    plain(await client.request({ type: 'build', indexId: 'ping', lngLats: Float64Array.of(113.3, 23.1) })),
  run,
  raw: (message: unknown) =>
    new Promise((resolve) => {
      const timer = setTimeout(() => resolve('timeout'), 5000);
      rawWaiting.push((r) => {
        clearTimeout(timer);
        resolve(r);
      });
      const m = message as { requestId?: unknown };
      if (typeof m === 'object' && m !== null && m.requestId === undefined) m.requestId = rawNext++;
      worker.postMessage(message);
    }),
  request: async (body: unknown) => {
    try {
      return plain(await client.request(body as Parameters<typeof client.request>[0]));
    } catch (e) {
      return { rejected: String(e) };
    }
  },
  workerErrors,
};
(window as unknown as { __workerTest: WorkerTestApi }).__workerTest = api;
document.getElementById('status')!.textContent = 'ready';
