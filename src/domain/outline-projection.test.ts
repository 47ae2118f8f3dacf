import { circle, polygon, area as turfArea } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { niceLength, sameScaleOutlines } from './outline-projection.ts';

/** Shoelace area of an SVG path made of M…L…Z rings, px². */
function pathAreaPx(path: string): number {
  let total = 0;
  for (const ring of path.split('M').filter(Boolean)) {
    const pts = ring
      .replace('Z', '')
      .split('L')
      .map((p) => p.trim().split(' ').map(Number));
    let s = 0;
    for (let i = 0; i < pts.length; i++) {
      const [x1 = 0, y1 = 0] = pts[i] ?? [];
      const [x2 = 0, y2 = 0] = pts[(i + 1) % pts.length] ?? [];
      s += x1 * y2 - x2 * y1;
    }
    total += Math.abs(s) / 2;
  }
  return total;
}

describe('sameScaleOutlines', () => {
  const small = circle([113.36, 23.07], 0.8, { steps: 64, units: 'kilometers' }).geometry;
  const large = circle([113.55, 22.8], 2, { steps: 64, units: 'kilometers' }).geometry;
  it('draws areas in proportion to their geodesic areas, the largest filling the box', () => {
    const { outlines, metresPerPixel, scaleBar } = sameScaleOutlines([small, large], 200, 10);
    const [a, b] = outlines.map((o) => pathAreaPx(o.path) * metresPerPixel ** 2);
    expect(a).toBeDefined();
    expect((a ?? 0) / turfArea(small)).toBeCloseTo(1, 2);
    expect((b ?? 0) / turfArea(large)).toBeCloseTo(1, 2);
    expect(Math.max(outlines[1]?.widthM ?? 0, outlines[1]?.heightM ?? 0) / metresPerPixel).toBeCloseTo(
      180,
      5,
    );
    expect(scaleBar.px * metresPerPixel).toBeCloseTo(scaleBar.lengthM, 6);
    expect(scaleBar.px).toBeLessThanOrEqual(90);
  });
  it('handles holes and multipolygons', () => {
    const ring = polygon([
      [
        [113, 23],
        [113.01, 23],
        [113.01, 23.01],
        [113, 23],
      ],
    ]).geometry;
    const { outlines } = sameScaleOutlines([{ type: 'MultiPolygon', coordinates: [ring.coordinates] }], 100);
    expect(outlines[0]?.path.startsWith('M')).toBe(true);
  });
  it('picks 1-2-5 scale-bar lengths', () => {
    expect(niceLength(730)).toBe(500);
    expect(niceLength(2600)).toBe(2000);
    expect(niceLength(1000)).toBe(1000);
    expect(niceLength(0)).toBe(0);
  });
});
