import { describe, expect, it } from 'vitest';
import type { SearchEntry } from '../../domain/search.ts';
import { cameraForBounds, cameraForEntry, POINT_ZOOM } from './camera.ts';

describe('search camera', () => {
  it('centres a point result at street level', () => {
    const entry: SearchEntry = {
      kind: 'station',
      id: 'st-pazhou',
      name: { zh: '琶洲', en: 'Pazhou' },
      district: '440105',
      point: [113.36121, 23.10106],
      keys: ['pazhou'],
    };
    expect(cameraForEntry(entry, { width: 800, height: 600 })).toEqual({
      zoom: POINT_ZOOM,
      lng: 113.36121,
      lat: 23.10106,
      bearing: 0,
      pitch: 0,
    });
  });

  it('fits an extent: one degree of longitude across 552 px is zoom 0 + log2(552 · 360 / 512)', () => {
    const c = cameraForBounds([113, 23, 114, 23.01], { width: 600, height: 600 }, 24);
    expect(c.zoom).toBeCloseTo(Math.log2((552 * 360) / 512), 6);
    expect(c.lng).toBeCloseTo(113.5, 9);
    expect(c.lat).toBeGreaterThan(23);
    expect(c.lat).toBeLessThan(23.01);
  });

  it('a wider extent or a smaller viewport zooms out; a tiny one stops at street level', () => {
    const size = { width: 800, height: 600 };
    const small = cameraForBounds([113.3, 23.0, 113.4, 23.1], size);
    const large = cameraForBounds([113.0, 22.6, 113.9, 23.6], size);
    expect(large.zoom).toBeLessThan(small.zoom);
    expect(cameraForBounds([113.3, 23.0, 113.4, 23.1], { width: 400, height: 300 }).zoom).toBeLessThan(
      small.zoom,
    );
    expect(cameraForBounds([113.3, 23.0, 113.3, 23.0], size).zoom).toBe(POINT_ZOOM);
  });
});
