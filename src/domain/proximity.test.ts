import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AreaGeometry } from './area.ts';
import { distanceToAreaM } from './boundary-distance.ts';
import { indexPointFeatures, type PointFeatureLike } from './point-set.ts';
import {
  inStationGroup,
  nearestStationsToPark,
  nearestToPoint,
  type StationLike,
  type StationStatus,
} from './proximity.ts';

const L: AreaGeometry = {
  type: 'Polygon',
  coordinates: [
    [
      [113.25, 23.15],
      [113.28, 23.15],
      [113.28, 23.16],
      [113.26, 23.16],
      [113.26, 23.18],
      [113.25, 23.18],
      [113.25, 23.15],
    ],
  ],
};
const statuses: StationStatus[] = ['open', 'planned', 'under-construction'];
const stationArb = fc.tuple(
  fc.double({ min: 113.2, max: 113.33, noNaN: true }),
  fc.double({ min: 23.1, max: 23.23, noNaN: true }),
  fc.integer({ min: 0, max: 2 }),
);

function features(list: [number, number, number][]): PointFeatureLike<StationLike>[] {
  return list.map(([x, y, s], i) => ({
    geometry: { type: 'Point', coordinates: [x, y] },
    properties: { id: `s${i}`, status: statuses[s]!, lineIds: [`l${i % 3}`] },
  }));
}

describe('nearestStationsToPark', () => {
  it('equals brute-force boundary distance, open and planned separately', () => {
    fc.assert(
      fc.property(
        fc.array(stationArb, { minLength: 1, maxLength: 80 }),
        fc.integer({ min: 1, max: 5 }),
        (list, k) => {
          const fs = features(list);
          const set = indexPointFeatures(fs);
          const got = nearestStationsToPark(L, set, { k });
          for (const group of ['open', 'planned'] as const) {
            const expected = fs
              .map((f, index) => ({
                index,
                d: distanceToAreaM(f.geometry.coordinates as [number, number], L),
                f,
              }))
              .filter((e) => inStationGroup(e.f.properties.status, group))
              .sort((a, b) => a.d - b.d || a.index - b.index)
              .slice(0, k);
            expect(got[group].map((h) => [h.index, h.distanceM])).toEqual(
              expected.map((e) => [e.index, e.d]),
            );
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('reports 0 and inside for a station in the park, with its line ids', () => {
    const set = indexPointFeatures(
      features([
        [113.255, 23.17, 0],
        [113.3, 23.2, 1],
      ]),
    );
    const r = nearestStationsToPark(L, set, { k: 2 });
    expect(r.open[0]).toMatchObject({ stationId: 's0', distanceM: 0, inside: true, lineIds: ['l0'] });
    expect(r.planned[0]!.distanceM).toBeGreaterThan(2000);
    expect(nearestStationsToPark(L, set, { status: 'open' }).planned).toEqual([]);
  });

  it('nearestToPoint filters by group', () => {
    const set = indexPointFeatures(
      features([
        [113.255, 23.17, 0],
        [113.256, 23.17, 1],
      ]),
    );
    expect(nearestToPoint([113.2561, 23.17], set, { group: 'open' })[0]!.stationId).toBe('s0');
    expect(nearestToPoint([113.2561, 23.17], set)[0]!.stationId).toBe('s1');
  });
});
