import { kinks, polygon } from '@turf/turf';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GUANGZHOU_REGION, validateAreaGeometry, validateRing } from './geometry-validation.ts';

const square = [
  [113.3, 23.1],
  [113.32, 23.1],
  [113.32, 23.12],
  [113.3, 23.12],
  [113.3, 23.1],
];
const poly = (...rings: number[][][]) => ({ type: 'Polygon', coordinates: rings });

function rejects(g: unknown, code: string, reasonPart?: RegExp) {
  const r = validateAreaGeometry(g, { region: GUANGZHOU_REGION });
  expect(r.ok).toBe(false);
  if (!r.ok) {
    expect(r.code).toBe(code);
    if (reasonPart) expect(r.reason).toMatch(reasonPart);
    expect(r.reason.length).toBeGreaterThan(10);
  }
}

/** Whether every vertex of the closed ring pts is farther than eps (degrees) from each edge not incident to it. */
function inGeneralPosition(pts: [number, number][], eps: number): boolean {
  const n = pts.length;
  for (let i = 0; i < n; i++) {
    const [px, py] = pts[i]!;
    for (let j = 0; j < n; j++) {
      if (j === i || (j + 1) % n === i) continue;
      const [ax, ay] = pts[j]!;
      const [bx, by] = pts[(j + 1) % n]!;
      const dx = bx - ax;
      const dy = by - ay;
      const len2 = dx * dx + dy * dy;
      const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
      if (Math.hypot(px - (ax + t * dx), py - (ay + t * dy)) <= eps) return false;
    }
  }
  return true;
}

describe('validateAreaGeometry', () => {
  it('accepts a valid square, either orientation, with a hole, and a MultiPolygon', () => {
    expect(validateAreaGeometry(poly(square))).toEqual({ ok: true });
    expect(validateAreaGeometry(poly([...square].reverse()))).toEqual({ ok: true });
    const hole = [
      [113.305, 23.105],
      [113.305, 23.11],
      [113.31, 23.11],
      [113.31, 23.105],
      [113.305, 23.105],
    ];
    expect(validateAreaGeometry(poly(square, hole))).toEqual({ ok: true });
    const moved = square.map(([x, y]) => [x! + 0.05, y!]);
    expect(validateAreaGeometry({ type: 'MultiPolygon', coordinates: [[square], [moved]] })).toEqual({
      ok: true,
    });
  });

  it('tolerates repeated consecutive positions', () => {
    const dup = [square[0]!, square[0]!, ...square.slice(1)];
    expect(validateAreaGeometry(poly(dup))).toEqual({ ok: true });
  });

  it('rejects an unclosed ring', () =>
    rejects(poly(square.slice(0, 4).concat([[113.3, 23.11]])), 'unclosed-ring', /not closed/));
  it('rejects a ring with < 4 positions', () => rejects(poly(square.slice(0, 3)), 'too-few-positions'));
  it('rejects a collinear (zero-area) ring', () =>
    rejects(
      poly([
        [113.3, 23.1],
        [113.31, 23.1],
        [113.32, 23.1],
        [113.3, 23.1],
      ]),
      'degenerate-ring',
    ));

  it('rejects a bow-tie', () => {
    const bowtie = [
      [113.3, 23.1],
      [113.32, 23.12],
      [113.32, 23.1],
      [113.3, 23.12],
      [113.3, 23.1],
    ];
    rejects(poly(bowtie), 'self-intersection', /bow-tie/);
    // Turf's kinks agrees it is not simple (sanity of the fixture).
    expect(kinks(polygon([bowtie])).features.length).toBeGreaterThan(0);
  });

  it('rejects a ring that touches itself at a vertex and a spike', () => {
    const figure8 = [
      [113.3, 23.1],
      [113.31, 23.11],
      [113.32, 23.1],
      [113.32, 23.12],
      [113.31, 23.11],
      [113.3, 23.12],
      [113.3, 23.1],
    ];
    rejects(poly(figure8), 'self-intersection');
    const spike = [
      [113.3, 23.1],
      [113.32, 23.1],
      [113.34, 23.1],
      [113.32, 23.1],
      [113.32, 23.12],
      [113.3, 23.12],
      [113.3, 23.1],
    ];
    rejects(poly(spike), 'self-intersection');
  });

  it('rejects projected metres (EPSG:3857)', () =>
    rejects(
      poly([
        [12613000, 2641000],
        [12615000, 2641000],
        [12615000, 2643000],
        [12613000, 2641000],
      ]),
      'projected-coordinates',
      /EPSG:3857/,
    ));

  it('rejects NaN, Infinity and strings', () => {
    rejects(poly([[113.3, Number.NaN], ...square.slice(1)]), 'non-finite');
    rejects(poly([[Number.POSITIVE_INFINITY, 23.1], ...square.slice(1)]), 'non-finite');
    rejects(poly([['113.3', '23.1'], ...square.slice(1)] as unknown as number[][]), 'not-a-position');
    rejects(poly([null, ...square.slice(1)] as unknown as number[][]), 'not-a-position');
  });

  it('rejects swapped lat/lng', () =>
    rejects(poly(square.map(([x, y]) => [y!, x!])), 'swapped-lat-lng', /swapped/));

  it('rejects positions outside the expected region', () =>
    rejects(poly(square.map(([x, y]) => [x! + 3, y!])), 'outside-region'));

  it('rejects a hole outside its shell and crossing rings', () => {
    const outside = square.map(([x, y]) => [x! + 0.05, y!]);
    rejects(poly(square, outside), 'hole-outside-shell');
    const crossing = square.map(([x, y]) => [x! + 0.01, y! + 0.005]);
    rejects(poly(square, crossing), 'ring-crossing');
    const hole = (c: number, r: number) => [
      [113.31 - r, 23.11 - c * r],
      [113.31 + r, 23.11 - c * r],
      [113.31 + r, 23.11 + c * r],
      [113.31 - r, 23.11 + c * r],
      [113.31 - r, 23.11 - c * r],
    ];
    rejects(poly(square, hole(1, 0.005), hole(1, 0.002)), 'nested-holes');
    expect(
      validateAreaGeometry(
        poly(
          square,
          hole(0.2, 0.002).map(([x, y]) => [x! - 0.004, y!]),
          hole(0.2, 0.002).map(([x, y]) => [x! + 0.004, y!]),
        ),
      ),
    ).toEqual({ ok: true });
  });

  it('rejects overlapping polygons of a MultiPolygon', () => {
    const shifted = square.map(([x, y]) => [x! + 0.01, y! + 0.01]);
    rejects({ type: 'MultiPolygon', coordinates: [[square], [shifted]] }, 'overlapping-polygons');
    const inner = square.map(([x, y]) => [113.31 + (x! - 113.31) / 4, 23.11 + (y! - 23.11) / 4]);
    rejects({ type: 'MultiPolygon', coordinates: [[square], [inner]] }, 'overlapping-polygons');
  });

  it('rejects wrong types and empty input', () => {
    rejects(null, 'not-an-area');
    rejects({ type: 'Point', coordinates: [113, 23] }, 'not-an-area');
    rejects({ type: 'Polygon', coordinates: [] }, 'empty');
    rejects({ type: 'MultiPolygon', coordinates: [] }, 'empty');
  });

  it('validates a 200,000-vertex ring quickly and finds one crossing in it', () => {
    const n = 200_000;
    const ring: number[][] = [];
    for (let i = 0; i < n; i++) {
      const t = (2 * Math.PI * i) / n;
      ring.push([113.3 + 0.02 * Math.cos(t), 23.1 + 0.02 * Math.sin(t)]);
    }
    ring.push(ring[0]!);
    const t0 = performance.now();
    expect(validateRing(ring)).toEqual({ ok: true });
    expect(performance.now() - t0).toBeLessThan(3000);
    // Swap two vertices far apart: their edges now cross the circle.
    const bad = ring.map((p) => [...p]);
    [bad[1000], bad[50_000]] = [bad[50_000]!, bad[1000]!];
    const r = validateRing(bad);
    expect(r.ok).toBe(false);
  });

  it('finds a self-intersection exactly when Turf kinks does (random rings, property)', () => {
    const vertex = fc.tuple(
      fc.double({ min: 113, max: 113.1, noNaN: true }),
      fc.double({ min: 23, max: 23.1, noNaN: true }),
    );
    fc.assert(
      fc.property(fc.array(vertex, { minLength: 3, maxLength: 14 }), (pts) => {
        // Rings in general position only: every vertex at least 1e-6° (≈ 0.1 m) from every edge
        // it is not on. Nearer than that, touching and collinear cases are decided by rounding
        // (Turf and the sweep then disagree on noise), and Turf's kinks can even loop forever on
        // a ring whose vertices are collinear.
        fc.pre(inGeneralPosition(pts, 1e-6));
        const ring = [...pts, pts[0]!];
        const r = validateRing(ring);
        const turfKinks = kinks(polygon([ring])).features.length > 0;
        if (r.ok) expect(turfKinks).toBe(false);
        else if (r.code === 'self-intersection') expect(turfKinks).toBe(true);
        else expect(turfKinks || r.code === 'degenerate-ring').toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
