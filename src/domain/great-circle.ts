/**
 * Great-circle distances on a sphere of radius {@link EARTH_RADIUS_M} (6,371,008.8 m): the
 * haversine formula, and the distance from a point to a great-circle segment. Every distance in
 * `src/domain` comes from here, so the spatial index and its brute-force reference agree bit for bit.
 */
import { EARTH_RADIUS_M, type LngLat, type Metres } from './units.ts';

const RAD = Math.PI / 180;

/**
 * Haversine term h = sin²(Δφ/2) + cos φ₁ cos φ₂ sin²(Δλ/2) for two positions in degrees
 * (dimensionless, 0–1); the central angle is 2·asin(√h).
 */
export function haversineTerm(lng1: number, lat1: number, lng2: number, lat2: number): number {
  const sLat = Math.sin(((lat2 - lat1) * RAD) / 2);
  const sLng = Math.sin(((lng2 - lng1) * RAD) / 2);
  return sLat * sLat + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * sLng * sLng;
}

/** Converts a haversine term h (see {@link haversineTerm}) to a distance, metres. */
export function haversineTermToMetres(h: number): Metres {
  return (2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(Math.min(1, Math.max(0, h))))) as Metres;
}

/**
 * Great-circle distance between two positions given as numbers (degrees), metres.
 * Argument order matters for bit-identical results: (query, point).
 */
export function distanceMBetween(lng1: number, lat1: number, lng2: number, lat2: number): Metres {
  return haversineTermToMetres(haversineTerm(lng1, lat1, lng2, lat2));
}

/** Great-circle (haversine) distance between two positions, metres. */
export function greatCircleDistanceM(a: LngLat, b: LngLat): Metres {
  return distanceMBetween(a[0], a[1], b[0], b[1]);
}

type Vec3 = [number, number, number];
function toVec(p: LngLat): Vec3 {
  const lat = p[1] * RAD;
  const lng = p[0] * RAD;
  const c = Math.cos(lat);
  return [c * Math.cos(lng), c * Math.sin(lng), Math.sin(lat)];
}
function cross(a: Vec3, b: Vec3): Vec3 {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}
function dot(a: Vec3, b: Vec3): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

/**
 * Shortest great-circle distance from point `p` to the great-circle segment `a`–`b`, metres.
 * Cross-track distance when the foot of the perpendicular falls inside the segment, otherwise
 * the distance to the nearer end. Exact on the sphere for segments shorter than half a great circle.
 */
export function pointToSegmentDistanceM(p: LngLat, a: LngLat, b: LngLat): Metres {
  const dA = greatCircleDistanceM(p, a);
  const dB = greatCircleDistanceM(p, b);
  const end = Math.min(dA, dB);
  const va = toVec(a);
  const vb = toVec(b);
  const n = cross(va, vb);
  const nLen = Math.hypot(n[0], n[1], n[2]);
  if (nLen < 1e-15) return end as Metres; // degenerate (zero-length) segment
  const vp = toVec(p);
  // The foot of the perpendicular lies inside the segment iff p is on the inner side of the two
  // planes through the poles of the segment's great circle and each end.
  const inside = dot(cross(n, va), vp) >= 0 && dot(cross(vb, n), vp) >= 0;
  if (!inside) return end as Metres;
  const sinXt = Math.abs(dot(n, vp)) / nLen;
  const xt = Math.asin(Math.min(1, sinXt)) * EARTH_RADIUS_M;
  return Math.min(xt, end) as Metres;
}
