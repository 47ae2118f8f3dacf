import { lineString, polygon, area as turfArea, length as turfLength } from '@turf/turf';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distinctVertices, measureArea, measureDistance } from './measure.ts';
import type { LngLat } from './units.ts';

// Canton Tower → Pazhou → Bio-Island, WGS-84.
const PATH: LngLat[] = [
  [113.3191, 23.109],
  [113.3645, 23.1011],
  [113.3795, 23.0708],
];
// Roughly Bio-Island's outline.
const RING: LngLat[] = [
  [113.3585, 23.0653],
  [113.3905, 23.0653],
  [113.3905, 23.0792],
  [113.3585, 23.0792],
];

const guangzhouPoint = fc.tuple(
  fc.double({ min: 113.1, max: 113.9, noNaN: true }),
  fc.double({ min: 22.7, max: 23.7, noNaN: true }),
);

describe('measureDistance', () => {
  it('equals Turf geodesic length, in m and km', () => {
    const m = measureDistance(PATH);
    expect(m.ok).toBe(true);
    if (!m.ok) return;
    const expected = turfLength(lineString(PATH.map((p) => [...p])), { units: 'meters' });
    expect(m.lengthM).toBeCloseTo(expected, 6);
    expect(m.lengthKm).toBeCloseTo(expected / 1000, 9);
    expect(m.vertexCount).toBe(3);
    // Independent sanity check: ~4.7 km + ~3.7 km worked out by hand.
    expect(m.lengthM).toBeGreaterThan(8000);
    expect(m.lengthM).toBeLessThan(9000);
  });

  it('matches Turf for any path in Guangzhou', () => {
    fc.assert(
      fc.property(fc.array(guangzhouPoint, { minLength: 2, maxLength: 20 }), (points) => {
        const distinct = distinctVertices(points);
        fc.pre(distinct.length >= 2);
        const m = measureDistance(points);
        if (!m.ok) throw new Error(m.reason);
        const expected = turfLength(lineString(distinct.map((p) => [...p])), { units: 'meters' });
        expect(Math.abs(m.lengthM - expected)).toBeLessThan(1e-6 * Math.max(1, expected));
      }),
    );
  });

  it('refuses one vertex (or one vertex clicked twice) with a reason, not 0 m', () => {
    for (const input of [[PATH[0]!], [PATH[0]!, PATH[0]!], []]) {
      const m = measureDistance(input);
      expect(m.ok).toBe(false);
      if (!m.ok) expect([m.code, m.needed]).toEqual(['too-few-vertices', 2]);
    }
  });

  it('refuses a path across the date line instead of measuring the long way round', () => {
    const across = measureDistance([
      [179.5, 0],
      [-179.5, 0],
    ]);
    expect(across).toMatchObject({ ok: false, code: 'crosses-antimeridian' });
    // An unwrapped longitude (a click one world to the east) is across it too.
    expect(
      measureDistance([
        [179.5, 10],
        [180.5, 10],
      ]),
    ).toMatchObject({ ok: false, code: 'crosses-antimeridian' });
    // Near the date line but not across it is fine.
    expect(
      measureDistance([
        [179, 0],
        [179.9, 0],
      ]).ok,
    ).toBe(true);
  });

  it('refuses positions that are not WGS-84', () => {
    expect(measureDistance([PATH[0]!, [Number.NaN, 23]])).toMatchObject({ code: 'invalid-position' });
    expect(measureDistance([PATH[0]!, [113, 95]])).toMatchObject({ code: 'invalid-position' });
  });
});

describe('measureArea', () => {
  it('equals Turf geodesic area, in m², ha, 亩 and km²', () => {
    const m = measureArea(RING);
    expect(m.ok).toBe(true);
    if (!m.ok) return;
    const closed = [...RING, RING[0]!].map((p) => [...p]);
    const expected = turfArea(polygon([closed]));
    expect(m.areaM2).toBeCloseTo(expected, 6);
    expect(m.areaHa).toBeCloseTo(expected / 10_000, 9);
    expect(m.areaMu).toBeCloseTo(expected / (2000 / 3), 6);
    expect(m.areaKm2).toBeCloseTo(expected / 1e6, 9);
    expect(m.areaMu / m.areaKm2).toBeCloseTo(1500, 6); // 1 km² = 1500 亩
    expect(m.perimeterM).toBeCloseTo(turfLength(lineString(closed), { units: 'meters' }), 6);
    // ~3.3 km × 1.5 km: a plausible size, not a Mercator one.
    expect(m.areaKm2).toBeGreaterThan(4.5);
    expect(m.areaKm2).toBeLessThan(5.5);
  });

  it('is the same for a ring given closed, reversed or rotated', () => {
    const base = measureArea(RING);
    if (!base.ok) throw new Error(base.reason);
    for (const ring of [[...RING, RING[0]!], [...RING].reverse(), [...RING.slice(2), ...RING.slice(0, 2)]]) {
      const m = measureArea(ring);
      if (!m.ok) throw new Error(m.reason);
      expect(m.areaM2).toBeCloseTo(base.areaM2, 3);
    }
  });

  it('says a polygon needs three vertices', () => {
    for (const input of [[], [RING[0]!], [RING[0]!, RING[1]!], [RING[0]!, RING[1]!, RING[1]!, RING[0]!]]) {
      expect(measureArea(input)).toMatchObject({ ok: false, code: 'too-few-vertices', needed: 3 });
    }
  });

  it('refuses a polygon across the date line, including its closing edge', () => {
    expect(
      measureArea([
        [179.5, 1],
        [-179.5, 1],
        [-179.5, -1],
        [179.5, -1],
      ]),
    ).toMatchObject({ ok: false, code: 'crosses-antimeridian' });
  });

  it('refuses a bow-tie (Turf would give ~0) and collinear vertices', () => {
    expect(measureArea([RING[0]!, RING[2]!, RING[1]!, RING[3]!])).toMatchObject({
      ok: false,
      code: 'self-intersecting',
    });
    expect(
      measureArea([
        [113.3, 23.1],
        [113.31, 23.1],
        [113.32, 23.1],
      ]),
    ).toMatchObject({ ok: false, code: 'zero-area' });
  });
});
