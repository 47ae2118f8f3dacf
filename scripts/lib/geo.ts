/**
 * Small, dependency-light geometry helpers for the geodata build and check (Node only).
 * Coordinates are WGS-84 [lng, lat] degrees; areas are geodesic (turf.area, m²).
 */
import { area as turfArea, kinks as turfKinks, polygon as turfPolygon } from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';

export type Ring = Position[];

/** Round a number to `digits` decimals (default 6) and normalise -0 to 0. */
export function round(value: number, digits = 6): number {
  const f = 10 ** digits;
  const r = Math.round(value * f) / f;
  return Object.is(r, -0) ? 0 : r;
}

export function roundPosition(p: Position, digits = 6): Position {
  return [round(p[0]!, digits), round(p[1]!, digits)];
}

/** Drop consecutive duplicate positions (after rounding). */
export function dedupe(positions: Position[]): Position[] {
  const out: Position[] = [];
  for (const p of positions) {
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out;
}

export function isClosed(ring: Ring): boolean {
  const a = ring[0];
  const b = ring[ring.length - 1];
  return !!a && !!b && a[0] === b[0] && a[1] === b[1];
}

/** Return the ring closed (first position repeated at the end). */
export function closeRing(ring: Ring): Ring {
  if (ring.length === 0 || isClosed(ring)) return ring.slice();
  return [...ring, ring[0]!];
}

/** Signed planar area of a closed ring in degree² (positive = counter-clockwise). */
export function signedRingArea(ring: Ring): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x1, y1] = ring[i]!;
    const [x2, y2] = ring[i + 1]!;
    s += x1! * y2! - x2! * y1!;
  }
  return s / 2;
}

/** Orient a closed ring: outer rings counter-clockwise, holes clockwise (RFC 7946). */
export function orientRing(ring: Ring, outer: boolean): Ring {
  const ccw = signedRingArea(ring) > 0;
  return ccw === outer ? ring : ring.slice().reverse();
}

/** Geodesic area of a polygon or multipolygon, km². */
export function areaKm2(geometry: Polygon | MultiPolygon): number {
  return turfArea({ type: 'Feature', properties: {}, geometry }) / 1e6;
}

/** Number of self-intersections turf.kinks finds in a polygon. */
export function kinkCount(rings: Ring[]): number {
  return turfKinks(turfPolygon(rings)).features.length;
}

/** Great-circle distance in metres (haversine, R = 6 371 008.8 m). */
export function distanceM(a: Position, b: Position): number {
  const R = 6371008.8;
  const rad = Math.PI / 180;
  const dLat = (b[1]! - a[1]!) * rad;
  const dLng = (b[0]! - a[0]!) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1]! * rad) * Math.cos(b[1]! * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Ray-casting point-in-ring test (planar, fine at city scale). */
export function pointInRing(p: Position, ring: Ring): boolean {
  const [x, y] = p as [number, number];
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function pointInAreaGeometry(p: Position, g: Polygon | MultiPolygon): boolean {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return polys.some(
    (rings) =>
      rings.length > 0 && pointInRing(p, rings[0]!) && !rings.slice(1).some((h) => pointInRing(p, h)),
  );
}

/** Number of decimals actually written for a coordinate value. */
export function decimals(n: number): number {
  if (!Number.isFinite(n)) return Number.POSITIVE_INFINITY;
  const s = String(n);
  if (s.includes('e')) {
    const [m, e] = s.split('e');
    const md = (m!.split('.')[1] ?? '').length;
    return Math.max(0, md - Number(e));
  }
  return (s.split('.')[1] ?? '').length;
}
