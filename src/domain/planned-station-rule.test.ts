import { describe, expect, it } from 'vitest';
import { accessScore } from './access-score.ts';
import type { AreaGeometry } from './area.ts';
import { distanceToAreaM } from './boundary-distance.ts';
import { greatCircleDistanceM } from './great-circle.ts';
import { accessInputsForPark } from './park-access.ts';
import type { PointFeatureLike } from './point-set.ts';
import {
  nearestStationsToPark,
  nearestToPoint,
  PLANNED_STATION_MAX_DISTANCE_M,
  type StationLike,
  type StationStatus,
  withinPlannedStationRule,
} from './proximity.ts';
import { rect } from './test-geometry.ts';

// A park of about 1 km × 1.1 km; 0.01° of longitude ≈ 1.02 km at 23.1° N.
const park: AreaGeometry = rect(113.5, 23.1, 113.51, 23.11);
const station = (
  id: string,
  lng: number,
  lat: number,
  status: StationStatus,
): PointFeatureLike<StationLike> => ({
  geometry: { type: 'Point', coordinates: [lng, lat] },
  properties: { id, status, lineIds: ['l'] },
});

describe('planned stations count only within 10 km', () => {
  it('is a named 10 km constant', () => {
    expect(PLANNED_STATION_MAX_DISTANCE_M).toBe(10_000);
  });

  it('park: a planned station 9.6 km from the boundary is listed, one 10.6 km away is not', () => {
    const near = station('near', 113.604, 23.105, 'planned');
    const far = station('far', 113.614, 23.105, 'under-construction');
    const nearM = distanceToAreaM([113.604, 23.105], park);
    const farM = distanceToAreaM([113.614, 23.105], park);
    expect(nearM).toBeLessThan(10_000);
    expect(farM).toBeGreaterThan(10_000);
    const result = nearestStationsToPark(park, [far, near], { k: 3 });
    expect(result.planned.map((h) => h.stationId)).toEqual(['near']);
    expect(nearestStationsToPark(park, [far], { k: 3 }).planned).toEqual([]);
  });

  it('park: open stations are not limited', () => {
    const farOpen = station('far-open', 113.8, 23.105, 'open');
    expect(nearestStationsToPark(park, [farOpen]).open.map((h) => h.stationId)).toEqual(['far-open']);
  });

  it('park: the rule is the Zengcheng case — future stops 28 km away give an empty list', () => {
    const pazhouStops = [station('p1', 113.24, 23.105, 'planned'), station('p2', 113.25, 23.105, 'planned')];
    expect(nearestStationsToPark(park, pazhouStops).planned).toEqual([]);
  });

  it('probe: the planned group never reaches beyond 10 km; open does', () => {
    const p: [number, number] = [113.5, 23.1];
    const s9 = station('s9', 113.587, 23.1, 'planned');
    const s11 = station('s11', 113.607, 23.1, 'planned');
    const o20 = station('o20', 113.7, 23.1, 'open');
    expect(greatCircleDistanceM(p, [113.587, 23.1])).toBeLessThan(10_000);
    expect(greatCircleDistanceM(p, [113.607, 23.1])).toBeGreaterThan(10_000);
    const set = [s11, s9, o20];
    expect(nearestToPoint(p, set, { k: 3, group: 'planned' }).map((h) => h.stationId)).toEqual(['s9']);
    expect(nearestToPoint(p, [s11], { k: 3, group: 'planned' })).toEqual([]);
    // A smaller limit still applies.
    expect(nearestToPoint(p, set, { k: 3, group: 'planned', maxDistanceM: 5000 })).toEqual([]);
    expect(nearestToPoint(p, set, { k: 1, group: 'open' }).map((h) => h.stationId)).toEqual(['o20']);
  });

  it('withinPlannedStationRule keeps exactly 10 km and drops anything beyond', () => {
    const hits = [{ distanceM: 0 }, { distanceM: 10_000 }, { distanceM: 10_000.5 }, { distanceM: Infinity }];
    expect(withinPlannedStationRule(hits)).toEqual([{ distanceM: 0 }, { distanceM: 10_000 }]);
  });

  it('access score: a planned station beyond 10 km is a missing input worth 0 points', () => {
    const far = station('far', 113.614, 23.105, 'planned');
    const inputs = accessInputsForPark(park, [far], [], { open: 0, any: 0 });
    expect(inputs.nearestPlannedStationM).toBe(Number.POSITIVE_INFINITY);
    const c = accessScore(inputs).contributions.find((x) => x.key === 'nearestPlannedStationM')!;
    expect(c.points).toBe(0);
    const inside = station('in', 113.505, 23.105, 'planned');
    expect(accessInputsForPark(park, [far, inside], [], { open: 0, any: 0 }).nearestPlannedStationM).toBe(0);
  });
});
