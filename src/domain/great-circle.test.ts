import { distance, pointToLineDistance } from '@turf/turf';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { greatCircleDistanceM, pointToSegmentDistanceM } from './great-circle.ts';
import type { LngLat } from './units.ts';

const gz = fc.tuple(
  fc.double({ min: 113, max: 114, noNaN: true }),
  fc.double({ min: 22.6, max: 23.9, noNaN: true }),
);

describe('great-circle distances', () => {
  it('haversine agrees with turf.distance (same 6,371,008.8 m sphere)', () => {
    fc.assert(
      fc.property(gz, gz, (a, b) => {
        const d = greatCircleDistanceM(a as LngLat, b as LngLat);
        expect(Math.abs(d - distance(a, b, { units: 'meters' }))).toBeLessThan(1e-6);
      }),
    );
    // Canton Tower → Baiyun airport T2 is about 29 km.
    expect(greatCircleDistanceM([113.3191, 23.109], [113.3, 23.392]) / 1000).toBeCloseTo(31.5, 0);
  });

  it('point-to-segment agrees with turf.pointToLineDistance (geodesic) within 0.5 m at city scale', () => {
    fc.assert(
      fc.property(gz, gz, gz, (p, a, b) => {
        const mine = pointToSegmentDistanceM(p as LngLat, a as LngLat, b as LngLat);
        const turf = pointToLineDistance(p, { type: 'LineString', coordinates: [a, b] }, { units: 'meters' });
        expect(Math.abs(mine - turf)).toBeLessThan(0.5);
      }),
      { numRuns: 500 },
    );
  });

  it('is 0 on the segment and the end distance beyond it', () => {
    expect(pointToSegmentDistanceM([113.35, 23.1], [113.3, 23.1], [113.4, 23.1])).toBeLessThan(5);
    expect(pointToSegmentDistanceM([113.5, 23.1], [113.3, 23.1], [113.4, 23.1])).toBeCloseTo(
      greatCircleDistanceM([113.5, 23.1], [113.4, 23.1]),
      6,
    );
  });
});
