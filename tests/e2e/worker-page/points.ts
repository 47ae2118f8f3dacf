/**
 * The worker test's data, generated identically in the page (tests/e2e/worker-page/main.ts) and in
 * Node (tests/e2e/worker.e2e.ts): a seeded PRNG (mulberry32, integer arithmetic only) so both sides
 * produce bit-identical Float64Arrays without shipping 16 MB through the DevTools protocol.
 */

/** Points in the Guangzhou bbox (112.9–114.1 E, 22.5–24.0 N). */
export const POINTS = 1_000_000;
/** The last DUPLICATES points repeat earlier ones (ties: the lower index must win). */
export const DUPLICATES = 1000;
export const QUERIES = 20_000;
/** Every PIN_EVERY-th query (q % PIN_EVERY === PIN_AT) sits exactly on a duplicated point. */
export const PIN_EVERY = 50;
export const PIN_AT = 7;
export const POINT_SEED = 0x5eed;
export const QUERY_SEED = 0x9e37;
/** Points and queries are generated in chunks of this many, so no main-thread task is long. */
export const CHUNK = 50_000;

export const POINT_BOX = [112.9, 22.5, 114.1, 24.0] as const;
/** Queries come from a slightly larger box, so some fall outside the data's extent. */
export const QUERY_BOX = [112.85, 22.45, 114.15, 24.05] as const;

/** mulberry32: uniform in [0, 1), deterministic for a seed. */
export function createRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Index of the earlier point that point `i` (≥ POINTS − DUPLICATES) duplicates. */
export const duplicateOf = (i: number): number => (i - (POINTS - DUPLICATES)) * 997;

/** Fills points [from, to) of `out` (interleaved lng/lat); call with consecutive ranges from 0. */
export function fillPoints(out: Float64Array, from: number, to: number, rng: () => number): void {
  const [x0, y0, x1, y1] = POINT_BOX;
  for (let i = from; i < to; i++) {
    if (i >= POINTS - DUPLICATES) {
      const j = duplicateOf(i);
      out[2 * i] = out[2 * j]!;
      out[2 * i + 1] = out[2 * j + 1]!;
    } else {
      out[2 * i] = x0 + rng() * (x1 - x0);
      out[2 * i + 1] = y0 + rng() * (y1 - y0);
    }
  }
}

/** Fills queries [from, to) of `out`; `points` must be complete. */
export function fillQueries(
  out: Float64Array,
  points: Float64Array,
  from: number,
  to: number,
  rng: () => number,
): void {
  const [x0, y0, x1, y1] = QUERY_BOX;
  for (let q = from; q < to; q++) {
    const lng = x0 + rng() * (x1 - x0);
    const lat = y0 + rng() * (y1 - y0);
    if (q % PIN_EVERY === PIN_AT) {
      const i = POINTS - DUPLICATES + (Math.floor(q / PIN_EVERY) % DUPLICATES);
      out[2 * q] = points[2 * i]!;
      out[2 * q + 1] = points[2 * i + 1]!;
    } else {
      out[2 * q] = lng;
      out[2 * q + 1] = lat;
    }
  }
}

/** FNV-1a over the bytes' 32-bit words: equal checksums ⇔ (practically) bit-identical arrays. */
export function checksum(a: Float64Array): number {
  const words = new Uint32Array(a.buffer, a.byteOffset, a.length * 2);
  let h = 0x811c9dc5;
  for (let i = 0; i < words.length; i++) h = Math.imul(h ^ words[i]!, 0x01000193);
  return h >>> 0;
}

/** What the page's run() reports. */
export interface RunResult {
  pointsChecksum: number;
  queriesChecksum: number;
  /** Time generating points and queries on the main thread (chunked), ms. */
  generateMs: number;
  /** Worker-measured index build and nearestBatch times, ms. */
  buildMs: number;
  queryMs: number;
  /** Round trips seen from the main thread (post → reply), ms. */
  buildRoundTripMs: number;
  queryRoundTripMs: number;
  size: number;
  /** The transferred buffers are detached on the main thread (byteLength 0). */
  pointsDetached: boolean;
  queriesDetached: boolean;
  indices: number[];
  distancesM: number[];
  /** Durations of every main-thread `longtask` entry from generation to the last reply, ms. */
  longTasksMs: number[];
  /** The same entries as "start+duration" (ms since navigation), and phase marks, for diagnosis. */
  longTaskSpans: string[];
  marks: Record<string, number>;
  /** Longest gap between ticks of a setTimeout heartbeat over the same window, ms. */
  maxHeartbeatGapMs: number;
  /** The same, only while the worker builds and queries (the main thread just waits), ms. */
  maxGapWhileWorkerMs: number;
}

/** The API main.ts puts on `window.__workerTest`. */
export interface WorkerTestApi {
  /** Round-trips a tiny build through the worker; resolves with the worker's reply. */
  ping(): Promise<unknown>;
  /** Generates the data, builds the 1M index and runs the 20k nearestBatch, observing long tasks. */
  run(): Promise<RunResult>;
  /** Posts a message as-is (no transfer) and resolves with the worker's next reply (or 'timeout'). */
  raw(message: unknown): Promise<unknown>;
  /** Typed request through proximity-client (transferring buffers). */
  request(body: unknown): Promise<unknown>;
  /** `error` / `messageerror` events seen on the Worker object. */
  workerErrors: string[];
}
