/**
 * Distances between points and area boundaries, on the 6,371,008.8 m sphere: a point inside an
 * area is at distance 0; outside, the distance is the shortest great-circle distance to any edge
 * of any ring (holes included, so a point in a hole is measured to the hole's edge).
 */
import { booleanPointInPolygon } from '@turf/turf';
import type { Position } from 'geojson';
import type { AreaGeometry } from './area.ts';
import { greatCircleDistanceM, pointToSegmentDistanceM } from './great-circle.ts';
import type { LngLat, Metres } from './units.ts';

function polygonsOf(g: AreaGeometry): Position[][][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

/** Whether a point is inside the area (boundary counts as inside). */
export function isInsideArea(p: LngLat, g: AreaGeometry): boolean {
  return booleanPointInPolygon([p[0], p[1]], g);
}

/** Shortest great-circle distance from `p` to the area's boundary, metres (ignores inside/outside). */
export function distanceToBoundaryM(p: LngLat, g: AreaGeometry): Metres {
  let best = Infinity;
  for (const poly of polygonsOf(g)) {
    for (const ring of poly) {
      for (let i = 0; i < ring.length - 1; i++) {
        const d = pointToSegmentDistanceM(p, ring[i] as unknown as LngLat, ring[i + 1] as unknown as LngLat);
        if (d < best) best = d;
      }
    }
  }
  return best as Metres;
}

/** Distance from `p` to the area, metres: 0 inside (or on the boundary), else to the nearest boundary point. */
export function distanceToAreaM(p: LngLat, g: AreaGeometry): Metres {
  return isInsideArea(p, g) ? (0 as Metres) : distanceToBoundaryM(p, g);
}

/**
 * Largest great-circle distance from `c` to any vertex of the area, metres. Every point of the
 * area (edges included) lies within it, which makes it a pruning radius for index searches.
 */
export function maxVertexDistanceM(c: LngLat, g: AreaGeometry): Metres {
  let best = 0;
  for (const poly of polygonsOf(g)) {
    for (const ring of poly) {
      for (const p of ring) best = Math.max(best, greatCircleDistanceM(c, p as unknown as LngLat));
    }
  }
  return best as Metres;
}

function segmentsCross(a: Position, b: Position, c: Position, d: Position): boolean {
  const o = (p: Position, q: Position, r: Position) =>
    Math.sign((q[0]! - p[0]!) * (r[1]! - p[1]!) - (q[1]! - p[1]!) * (r[0]! - p[0]!));
  const o1 = o(a, b, c);
  const o2 = o(a, b, d);
  const o3 = o(c, d, a);
  const o4 = o(c, d, b);
  if (o1 === 0 && o2 === 0 && o3 === 0 && o4 === 0) {
    // Collinear: they meet only if their extents overlap on both axes.
    const overlap = (i: 0 | 1) =>
      Math.max(Math.min(a[i]!, b[i]!), Math.min(c[i]!, d[i]!)) <=
      Math.min(Math.max(a[i]!, b[i]!), Math.max(c[i]!, d[i]!));
    return overlap(0) && overlap(1);
  }
  return o1 * o2 <= 0 && o3 * o4 <= 0;
}

/**
 * Shortest distance between two areas, metres: 0 if they touch or overlap, else the minimum over
 * vertices of each to the other's boundary (the minimum between two disjoint polygons is always
 * reached at a vertex of one of them). O(n·m): meant for park outlines (tens to hundreds of vertices).
 */
export function areaToAreaDistanceM(a: AreaGeometry, b: AreaGeometry): Metres {
  const ringsA = polygonsOf(a).flat();
  const ringsB = polygonsOf(b).flat();
  for (const ra of ringsA) {
    for (let i = 0; i < ra.length - 1; i++) {
      for (const rb of ringsB) {
        for (let j = 0; j < rb.length - 1; j++) {
          if (segmentsCross(ra[i]!, ra[i + 1]!, rb[j]!, rb[j + 1]!)) return 0 as Metres;
        }
      }
    }
  }
  const firstA = ringsA[0]?.[0];
  const firstB = ringsB[0]?.[0];
  if (firstA && isInsideArea(firstA as unknown as LngLat, b)) return 0 as Metres;
  if (firstB && isInsideArea(firstB as unknown as LngLat, a)) return 0 as Metres;
  let best = Infinity;
  for (const ra of ringsA)
    for (const p of ra) best = Math.min(best, distanceToBoundaryM(p as unknown as LngLat, b));
  for (const rb of ringsB)
    for (const p of rb) best = Math.min(best, distanceToBoundaryM(p as unknown as LngLat, a));
  return best as Metres;
}
