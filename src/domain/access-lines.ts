/**
 * Where a park's access lines start: the nearest point of its boundary to a station or hub, so
 * the line drawn is the distance the park page states (measured from the boundary, 0 inside).
 */
import { booleanPointInPolygon, multiLineString, nearestPointOnLine, point } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { greatCircleDistanceM } from './great-circle.ts';
import type { LngLat } from './units.ts';

export interface AccessLine {
  /** On the park boundary (the target itself when it lies inside the park). */
  from: LngLat;
  to: LngLat;
  /** Great-circle length of the line, metres (0 inside). */
  distanceM: number;
  inside: boolean;
}

/** The straight line from the park's boundary to `target`. */
export function accessLineTo(park: Polygon | MultiPolygon, target: LngLat): AccessLine {
  const to: LngLat = [target[0], target[1]];
  if (booleanPointInPolygon(point([...to]), park)) return { from: to, to, distanceM: 0, inside: true };
  const rings = park.type === 'Polygon' ? park.coordinates : park.coordinates.flat();
  const nearest = nearestPointOnLine(multiLineString(rings), point([...to]));
  const [lng = 0, lat = 0] = nearest.geometry.coordinates;
  const from: LngLat = [lng, lat];
  return { from, to, distanceM: greatCircleDistanceM(from, to), inside: false };
}
