import { describe, expect, it } from 'vitest';
import { facilitiesNearPark, facilitiesNearPoint } from './facilities-nearby.ts';
import { greatCircleDistanceM } from './great-circle.ts';
import { hubDistances, nearestHubOfKind, parkToParkDistances } from './hubs.ts';
import { indexPointFeatures } from './point-set.ts';
import { rect } from './test-geometry.ts';

const pt = <P>(lng: number, lat: number, properties: P) => ({
  geometry: { type: 'Point' as const, coordinates: [lng, lat] },
  properties,
});

describe('hubDistances', () => {
  const park = rect(113.3, 23.1, 113.32, 23.12);
  const hubs = [
    pt(113.3, 23.392, { id: 'baiyun-airport', kind: 'airport' as const }),
    pt(113.269, 22.988, { id: 'guangzhou-south', kind: 'rail-hub' as const }),
    pt(113.31, 23.11, { id: 'inside', kind: 'city-centre' as const }),
  ];
  it('gives centroid and boundary distances in km; 0 from the boundary when inside', () => {
    const d = hubDistances(park, hubs);
    expect(d[0]).toMatchObject({ hubId: 'inside', fromBoundaryKm: 0 });
    expect(d[0]!.fromCentroidKm).toBeLessThan(0.01);
    const airport = nearestHubOfKind(d, 'airport')!;
    expect(airport.fromCentroidKm).toBeCloseTo(
      greatCircleDistanceM([113.31, 23.11], [113.3, 23.392]) / 1000,
      1,
    );
    expect(airport.fromBoundaryKm).toBeLessThan(airport.fromCentroidKm);
    expect(nearestHubOfKind(d, 'landmark')).toBeUndefined();
  });
  it('park-to-park: 0 when overlapping, gap between disjoint rectangles', () => {
    const rows = parkToParkDistances([
      { id: 'a', geometry: park },
      { id: 'b', geometry: rect(113.31, 23.11, 113.33, 23.13) },
      { id: 'c', geometry: rect(113.33, 23.1, 113.35, 23.12) },
    ]);
    expect(rows).toHaveLength(6);
    expect(rows.find((r) => r.fromId === 'a' && r.toId === 'b')!.boundaryKm).toBe(0);
    const ac = rows.find((r) => r.fromId === 'a' && r.toId === 'c')!;
    expect(ac.boundaryKm).toBeCloseTo(greatCircleDistanceM([113.32, 23.11], [113.33, 23.11]) / 1000, 2);
  });
});

describe('facilities nearby', () => {
  const set = indexPointFeatures([
    pt(113.31, 23.11, { id: 'f-in', category: 'education' }),
    pt(113.325, 23.11, { id: 'f-near', category: 'medical' }),
    pt(113.33, 23.11, { id: 'f-edge', category: 'medical' }),
    pt(113.4, 23.2, { id: 'f-far', category: 'living' }),
  ]);
  it('groups by category within a radius of a park boundary', () => {
    const r = facilitiesNearPark(rect(113.3, 23.1, 113.32, 23.12), set, 600);
    expect(r.total).toBe(2);
    expect(Object.keys(r.byCategory)).toEqual(['education', 'medical']);
    expect(r.byCategory.education![0]).toMatchObject({ facilityId: 'f-in', distanceM: 0 });
  });
  it('within a radius of a point', () => {
    const r = facilitiesNearPoint([113.325, 23.11], set, 600);
    expect(r.byCategory.medical!.map((h) => h.facilityId)).toEqual(['f-near', 'f-edge']);
  });
});
