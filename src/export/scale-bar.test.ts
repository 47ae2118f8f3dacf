import { describe, expect, it } from 'vitest';
import { metresPerPixel, scaleBar } from './scale-bar.ts';

describe('scale bar', () => {
  it('matches MapLibre’s ground resolution', () => {
    // 512-px tiles: zoom 0 at the equator covers the circumference in 512 pixels.
    expect(metresPerPixel(0, 0)).toBeCloseTo(78_271.5, 0);
    expect(metresPerPixel(60, 1)).toBeCloseTo(78_271.5 / 4, 0);
  });

  it('picks the longest 1-2-5 length that fits', () => {
    expect(scaleBar(10, 200)).toEqual({ lengthM: 2000, widthPx: 200, label: '2 km' });
    expect(scaleBar(10, 199)).toEqual({ lengthM: 1000, widthPx: 100, label: '1 km' });
    expect(scaleBar(1, 600)).toEqual({ lengthM: 500, widthPx: 500, label: '500 m' });
    expect(scaleBar(0.3, 100)?.label).toBe('20 m');
  });

  it('refuses nonsense', () => {
    expect(scaleBar(Number.NaN, 100)).toBeNull();
    expect(scaleBar(0, 100)).toBeNull();
    expect(scaleBar(10, 0)).toBeNull();
  });
});
