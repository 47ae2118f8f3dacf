import { describe, expect, it } from 'vitest';
import { bruteForceNearest, bruteForceWithin } from '../domain/spatial-index.ts';
import { createProximityClient, type WorkerLike } from './proximity-client.ts';
import { createProximityHandler } from './proximity-worker.ts';

function randomPoints(n: number, seed = 1): Float64Array {
  let s = seed;
  const rnd = () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const a = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    a[2 * i] = 112.95 + rnd() * 1.1;
    a[2 * i + 1] = 22.55 + rnd() * 1.35;
  }
  return a;
}

describe('proximity worker handler', () => {
  it('builds, answers nearest / within / count like brute force, and batches', () => {
    const handle = createProximityHandler();
    const pts = randomPoints(5000);
    const copy = pts.slice();
    const built = handle({ type: 'build', requestId: 1, indexId: 'u', lngLats: pts }).response;
    expect(built).toMatchObject({ type: 'built', requestId: 1, size: 5000 });
    const q: [number, number] = [113.32, 23.12];
    expect(handle({ type: 'nearest', requestId: 2, indexId: 'u', lngLat: q, k: 5 }).response).toEqual({
      type: 'nearest',
      requestId: 2,
      hits: bruteForceNearest(copy, q, 5),
    });
    const within = handle({ type: 'within', requestId: 3, indexId: 'u', lngLat: q, radiusM: 3000 }).response;
    expect(within).toMatchObject({ type: 'within', hits: bruteForceWithin(copy, q, 3000), truncated: false });
    const count = handle({ type: 'count', requestId: 4, indexId: 'u', lngLat: q, radiusM: 3000 }).response;
    expect(count).toEqual({ type: 'count', requestId: 4, count: bruteForceWithin(copy, q, 3000).length });

    const queries = randomPoints(200, 7);
    const r = handle({ type: 'nearestBatch', requestId: 5, indexId: 'u', queries });
    expect(r.transfer).toHaveLength(2);
    if (r.response.type !== 'nearestBatch') throw new Error('wrong type');
    for (let i = 0; i < 200; i++) {
      const [b] = bruteForceNearest(copy, [queries[2 * i]!, queries[2 * i + 1]!], 1);
      expect([r.response.indices[i], r.response.distancesM[i]]).toEqual([b!.index, b!.distanceM]);
    }
    const c = handle({
      type: 'countBatch',
      requestId: 6,
      indexId: 'u',
      centres: queries.slice(0, 20),
      radiusM: 800,
    });
    if (c.response.type !== 'countBatch') throw new Error('wrong type');
    expect(c.response.counts[0]).toBe(bruteForceWithin(copy, [queries[0]!, queries[1]!], 800).length);
  });

  it('answers bad requests with classified errors, never throws', () => {
    const handle = createProximityHandler();
    expect(handle(null).response).toMatchObject({ type: 'error', code: 'bad-request' });
    expect(
      handle({ type: 'nearest', requestId: 1, indexId: 'x', lngLat: [113, 23], k: 1 }).response,
    ).toMatchObject({
      code: 'unknown-index',
    });
    expect(
      handle({
        type: 'build',
        requestId: 2,
        indexId: 'x',
        lngLats: Float64Array.from([12_600_000, 2_600_000]),
      }).response,
    ).toMatchObject({ code: 'invalid-points' });
    expect(handle({ type: 'build', requestId: 3, indexId: 'x', lngLats: [113, 23] }).response).toMatchObject({
      code: 'bad-request',
    });
    handle({ type: 'build', requestId: 4, indexId: 'x', lngLats: Float64Array.from([113, 23]) });
    expect(
      handle({ type: 'nearest', requestId: 5, indexId: 'x', lngLat: [Number.NaN, 23], k: 1 }).response,
    ).toMatchObject({
      code: 'bad-request',
    });
    expect(handle({ type: 'bogus', requestId: 6, indexId: 'x' }).response).toMatchObject({
      code: 'bad-request',
    });
    expect(handle({ type: 'dispose', requestId: 7, indexId: 'x' }).response.type).toBe('disposed');
  });

  it('client round-trips through a fake worker and transfers buffers', async () => {
    const handle = createProximityHandler();
    const listeners: ((e: Event) => void)[] = [];
    const transferred: number[] = [];
    const fake: WorkerLike = {
      addEventListener: (type, l) => {
        if (type === 'message') listeners.push(l);
      },
      postMessage: (msg, transfer) => {
        transferred.push(transfer.length);
        const { response } = handle(structuredClone(msg));
        queueMicrotask(() => {
          for (const l of listeners) l({ type: 'message', data: response } as MessageEvent);
        });
      },
    };
    const client = createProximityClient(fake);
    await expect(
      client.request({ type: 'build', indexId: 's', lngLats: randomPoints(100) }),
    ).resolves.toMatchObject({ size: 100 });
    const r = await client.request({ type: 'count', indexId: 's', lngLat: [113.5, 23.2], radiusM: 50_000 });
    expect(r).toMatchObject({ type: 'count' });
    await expect(
      client.request({ type: 'count', indexId: 'nope', lngLat: [113.5, 23.2], radiusM: 1 }),
    ).rejects.toThrow(/unknown-index/);
    expect(transferred[0]).toBe(1);
  });

  it('client rejects pending and later requests when the worker fails', async () => {
    const onError: ((e: Event) => void)[] = [];
    const fake: WorkerLike = {
      addEventListener: (type, l) => {
        if (type === 'error') onError.push(l);
      },
      postMessage: () => undefined,
    };
    const client = createProximityClient(fake);
    const pending = client.request({ type: 'count', indexId: 's', lngLat: [113.5, 23.2], radiusM: 10 });
    for (const l of onError) l({ type: 'error', message: 'script failed to load' } as unknown as Event);
    await expect(pending).rejects.toThrow(
      /internal: the proximity worker failed \(error: script failed to load\)/,
    );
    await expect(
      client.request({ type: 'count', indexId: 's', lngLat: [113.5, 23.2], radiusM: 10 }),
    ).rejects.toThrow(/internal/);
  });
});
