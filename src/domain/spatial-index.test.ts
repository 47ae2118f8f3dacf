import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bruteForceNearest, bruteForceWithin, GeoPointIndex } from './spatial-index.ts';
import type { LngLat } from './units.ts';

const GZ = { lng: [112.9, 114.1], lat: [22.5, 23.95] } as const;
const gzPoint = fc.tuple(
  fc.double({ min: GZ.lng[0], max: GZ.lng[1], noNaN: true }),
  fc.double({ min: GZ.lat[0], max: GZ.lat[1], noNaN: true }),
);
const globalPoint = fc.tuple(
  fc.double({ min: -180, max: 180, noNaN: true }),
  fc.double({ min: -90, max: 90, noNaN: true }),
);
/** Points snapped to a coarse lattice so exact ties and duplicates happen often. */
const latticePoint = fc
  .tuple(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 8 }))
  .map(([i, j]) => [113.2 + i * 0.01, 23.1 + j * 0.01] as [number, number]);

function flat(points: readonly (readonly [number, number])[]): Float64Array {
  return Float64Array.from(points.flat());
}

describe('GeoPointIndex', () => {
  it('nearest(k) equals brute-force great-circle nearest (Guangzhou bbox)', () => {
    fc.assert(
      fc.property(
        fc.array(gzPoint, { minLength: 1, maxLength: 300 }),
        gzPoint,
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 2, max: 16 }),
        (points, q, k, nodeSize) => {
          const coords = flat(points);
          const index = new GeoPointIndex(coords, nodeSize);
          expect(index.nearest(q as LngLat, k)).toEqual(bruteForceNearest(coords, q as LngLat, k));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('nearest(k) equals brute force on the whole globe, incl. poles and antimeridian', () => {
    fc.assert(
      fc.property(
        fc.array(globalPoint, { minLength: 1, maxLength: 300 }),
        globalPoint,
        fc.integer({ min: 1, max: 8 }),
        (points, q, k) => {
          const coords = flat(points);
          const index = new GeoPointIndex(coords, 4);
          expect(index.nearest(q as LngLat, k)).toEqual(bruteForceNearest(coords, q as LngLat, k));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('breaks ties deterministically (distance, then index) like brute force', () => {
    fc.assert(
      fc.property(
        fc.array(latticePoint, { minLength: 1, maxLength: 200 }),
        latticePoint,
        fc.integer({ min: 1, max: 20 }),
        (points, q, k) => {
          const coords = flat(points);
          const index = new GeoPointIndex(coords, 3);
          expect(index.nearest(q, k)).toEqual(bruteForceNearest(coords, q, k));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('nearest with a filter and a max distance equals brute force', () => {
    fc.assert(
      fc.property(
        fc.array(gzPoint, { minLength: 1, maxLength: 200 }),
        gzPoint,
        fc.integer({ min: 1, max: 5 }),
        fc.double({ min: 0, max: 30_000, noNaN: true }),
        (points, q, k, maxM) => {
          const coords = flat(points);
          const index = new GeoPointIndex(coords, 8);
          const even = (i: number) => i % 2 === 0;
          expect(index.nearest(q as LngLat, k, even, maxM)).toEqual(
            bruteForceNearest(coords, q as LngLat, k, even, maxM),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('within(r) and countWithin(r) equal brute force (Guangzhou and global)', () => {
    for (const point of [gzPoint, globalPoint]) {
      fc.assert(
        fc.property(
          fc.array(point, { minLength: 0, maxLength: 300 }),
          point,
          fc.double({ min: 0, max: 3_000_000, noNaN: true }),
          (points, q, r) => {
            const coords = flat(points);
            const index = new GeoPointIndex(coords, 6);
            const expected = bruteForceWithin(coords, q as LngLat, r);
            expect(index.within(q as LngLat, r)).toEqual(expected);
            expect(index.countWithin(q as LngLat, r)).toBe(expected.length);
          },
        ),
        { numRuns: 200 },
      );
    }
  });

  it('within a radius on a dense lattice (boundary ties) equals brute force', () => {
    fc.assert(
      fc.property(
        fc.array(latticePoint, { minLength: 1, maxLength: 200 }),
        latticePoint,
        fc.integer({ min: 0, max: 5 }),
        (points, q, steps) => {
          const coords = flat(points);
          const index = new GeoPointIndex(coords, 4);
          const r = steps * 1113.2; // about one lattice step in latitude
          expect(index.within(q, r)).toEqual(bruteForceWithin(coords, q, r));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('nearestBatch agrees with nearest', () => {
    const pts: LngLat[] = Array.from({ length: 500 }, (_, i) => [
      113 + ((i * 7919) % 1000) / 1000,
      23 + ((i * 104729) % 900) / 1000,
    ]);
    const index = GeoPointIndex.fromPositions(pts);
    const queries = Float64Array.from([113.3, 23.1, 113.9, 23.8, 112.95, 22.6]);
    const outI = new Int32Array(3);
    const outD = new Float64Array(3);
    index.nearestBatch(queries, outI, outD);
    for (let q = 0; q < 3; q++) {
      const [hit] = index.nearest([queries[2 * q]!, queries[2 * q + 1]!]);
      expect(outI[q]).toBe(hit!.index);
      expect(outD[q]).toBe(hit!.distanceM);
    }
  });

  it('handles an empty index and rejects non-degree input', () => {
    const empty = new GeoPointIndex(new Float64Array(0));
    expect(empty.nearest([113, 23], 3)).toEqual([]);
    expect(empty.countWithin([113, 23], 1000)).toBe(0);
    expect(() => new GeoPointIndex([12_600_000, 2_600_000])).toThrow(RangeError);
    expect(() => new GeoPointIndex([Number.NaN, 23])).toThrow(RangeError);
  });
});

describe('GeoPointIndex.nearestBatch (k = 1 per query)', () => {
  it('equals brute force for every query, Guangzhou and global, with max distance', () => {
    for (const point of [gzPoint, globalPoint]) {
      fc.assert(
        fc.property(
          fc.array(point, { minLength: 1, maxLength: 300 }),
          fc.array(point, { minLength: 1, maxLength: 30 }),
          fc.oneof(fc.constant(Number.POSITIVE_INFINITY), fc.double({ min: 0, max: 50_000, noNaN: true })),
          fc.integer({ min: 1, max: 40 }),
          (points, queries, maxM, nodeSize) => {
            const coords = flat(points);
            const q = flat(queries);
            const index = new GeoPointIndex(coords, nodeSize);
            const outI = new Int32Array(queries.length);
            const outD = new Float64Array(queries.length);
            index.nearestBatch(q, outI, outD, maxM);
            for (const [i, p] of queries.entries()) {
              const [b] = bruteForceNearest(coords, p as LngLat, 1, undefined, maxM);
              expect([outI[i], outD[i]]).toEqual(b ? [b.index, b.distanceM] : [-1, Number.POSITIVE_INFINITY]);
            }
          },
        ),
        { numRuns: 200 },
      );
    }
  });

  it('breaks exact ties to the lower index on a lattice with duplicates', () => {
    fc.assert(
      fc.property(
        fc.array(latticePoint, { minLength: 1, maxLength: 200 }),
        fc.array(latticePoint, { minLength: 1, maxLength: 20 }),
        (points, queries) => {
          const coords = flat(points);
          const index = new GeoPointIndex(coords, 2);
          const outI = new Int32Array(queries.length);
          const outD = new Float64Array(queries.length);
          index.nearestBatch(flat(queries), outI, outD);
          for (const [i, p] of queries.entries())
            expect(outI[i]).toBe(bruteForceNearest(coords, p, 1)[0]!.index);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('answers −1 / NaN for a query that is not a WGS-84 position', () => {
    const index = new GeoPointIndex([113, 23]);
    const outI = new Int32Array(2);
    const outD = new Float64Array(2);
    index.nearestBatch(Float64Array.from([Number.NaN, 23, 113.1, 23]), outI, outD);
    expect(outI[0]).toBe(-1);
    expect(outD[0]).toBeNaN();
    expect(outI[1]).toBe(0);
  });
});
