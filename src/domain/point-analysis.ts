/**
 * Analysis of many points (an imported layer, up to 10⁶) against the parks and stations: for each
 * point its nearest station in service, its nearest future station under the 10 km rule, its
 * distance to the nearest park boundary (0 inside), the park it lies in, and whether it is within
 * the 800 m walking catchment of a station in service. Results live in typed arrays (a million
 * points must not become a million objects); {@link metricsAt} builds one point's record on demand.
 *
 * Stations: two {@link GeoPointIndex}es (open; planned + under construction), one batch query each.
 * Parks: a point is tested against a park's polygon only when it lies in the park's bbox, and its
 * boundary distance is computed exactly (great-circle, {@link pointToSegmentDistanceM}) only for
 * the few edges that a local planar estimate says could be nearest — the estimate (equirectangular
 * metres around each park) is widened by 1 % + 5 m, so the exact nearest edge is among them for
 * points in the region (checked against brute force in the tests).
 */
import { isInsideArea } from './boundary-distance.ts';
import { pointToSegmentDistanceM } from './great-circle.ts';
import { PLANNED_STATION_MAX_DISTANCE_M } from './proximity.ts';
import { GeoPointIndex } from './spatial-index.ts';
import { EARTH_RADIUS_M, type LngLat } from './units.ts';

/** Walking catchment of a station in service, metres (as on the park pages). */
export const CATCHMENT_RADIUS_M = 800;
/** "Near a park": within this distance of its boundary (LayerAnalysis.nearByPark), metres. */
export const NEAR_PARK_M = 1000;

export interface AnalysisStation {
  id: string;
  name: string;
  nameEn: string;
  status: 'open' | 'under-construction' | 'planned';
  lngLat: [number, number];
}

export interface AnalysisPark {
  id: string;
  geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon;
}

/** Per-point results, index-aligned with the queried points. Station/park slots are -1 for none. */
export interface PointAnalysis {
  count: number;
  openStation: Int32Array;
  openDistanceM: Float64Array;
  plannedStation: Int32Array;
  plannedDistanceM: Float64Array;
  park: Int32Array;
  parkDistanceM: Float64Array;
  insidePark: Int32Array;
  inCatchment: Uint8Array;
  /** Points inside each park, by park id (every park listed, zeros included). */
  insideByPark: Record<string, number>;
  /** Points whose nearest park is this one within {@link NEAR_PARK_M} (inside included), by park id. */
  nearByPark: Record<string, number>;
  inCatchmentCount: number;
}

const RAD = Math.PI / 180;
const M_PER_DEG = EARTH_RADIUS_M * RAD;

interface PreparedPark {
  id: string;
  geometry: AnalysisPark['geometry'];
  /** [minLng, minLat, maxLng, maxLat] */
  bbox: [number, number, number, number];
  /** cos of the bbox's middle latitude (planar x scale). */
  cos: number;
  /** Edges as [lng1, lat1, lng2, lat2, …] (degrees) and the same in local planar metres. */
  edges: Float64Array;
  planar: Float64Array;
}

function prepare(park: AnalysisPark): PreparedPark {
  const polys = park.geometry.type === 'Polygon' ? [park.geometry.coordinates] : park.geometry.coordinates;
  const bbox: [number, number, number, number] = [180, 90, -180, -90];
  const segs: number[] = [];
  for (const poly of polys) {
    for (const ring of poly) {
      for (let i = 0; i < ring.length; i++) {
        const [x, y] = ring[i] as [number, number];
        if (x < bbox[0]) bbox[0] = x;
        if (y < bbox[1]) bbox[1] = y;
        if (x > bbox[2]) bbox[2] = x;
        if (y > bbox[3]) bbox[3] = y;
        if (i + 1 < ring.length) {
          const [x2, y2] = ring[i + 1] as [number, number];
          segs.push(x, y, x2, y2);
        }
      }
    }
  }
  const cos = Math.cos(((bbox[1] + bbox[3]) / 2) * RAD);
  const edges = Float64Array.from(segs);
  const planar = new Float64Array(edges.length);
  for (let i = 0; i < edges.length; i += 2) {
    planar[i] = edges[i]! * cos * M_PER_DEG;
    planar[i + 1] = edges[i + 1]! * M_PER_DEG;
  }
  return { id: park.id, geometry: park.geometry, bbox, cos, edges, planar };
}

/** Planar distance² from (px, py) to segment (ax, ay)–(bx, by). */
function segDist2(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
  t = Math.max(0, Math.min(1, t));
  const ex = ax + t * dx - px;
  const ey = ay + t * dy - py;
  return ex * ex + ey * ey;
}

/** A cheap lower bound of the distance from a point to a bbox, metres (planar, shaved by 5 %). */
function bboxLowerBoundM(p: PreparedPark, lng: number, lat: number): number {
  const dx = lng < p.bbox[0] ? p.bbox[0] - lng : lng > p.bbox[2] ? lng - p.bbox[2] : 0;
  const dy = lat < p.bbox[1] ? p.bbox[1] - lat : lat > p.bbox[3] ? lat - p.bbox[3] : 0;
  // cos of the latitude farthest from the equator on the way keeps x from being overstated.
  const c = Math.cos(Math.max(Math.abs(lat), Math.abs(p.bbox[1]), Math.abs(p.bbox[3])) * RAD);
  return Math.hypot(dx * c, dy) * M_PER_DEG * 0.95;
}

/**
 * Exact boundary distance of a point outside `p` (great-circle), or Infinity when the planar
 * estimate already shows it cannot beat `best`. Only the edges the estimate puts within 1 % + 5 m
 * of the nearest get the exact (trigonometric) evaluation.
 */
function boundaryDistanceM(p: PreparedPark, lng: number, lat: number, best: number): number {
  const px = lng * p.cos * M_PER_DEG;
  const py = lat * M_PER_DEG;
  const { planar, edges } = p;
  let min2 = Infinity;
  for (let i = 0; i < planar.length; i += 4) {
    const d2 = segDist2(px, py, planar[i]!, planar[i + 1]!, planar[i + 2]!, planar[i + 3]!);
    if (d2 < min2) min2 = d2;
  }
  const min = Math.sqrt(min2);
  if (min * 0.95 - 5 > best) return Infinity;
  const limit = min * 1.01 + 5;
  const limit2 = limit * limit;
  let exact = Infinity;
  const q: LngLat = [lng, lat] as LngLat;
  for (let i = 0; i < planar.length; i += 4) {
    if (segDist2(px, py, planar[i]!, planar[i + 1]!, planar[i + 2]!, planar[i + 3]!) > limit2) continue;
    const a = [edges[i]!, edges[i + 1]!] as unknown as LngLat;
    const b = [edges[i + 2]!, edges[i + 3]!] as unknown as LngLat;
    const d = pointToSegmentDistanceM(q, a, b);
    if (d < exact) exact = d;
  }
  return exact;
}

/** Indexes the reference once; `analyse` then runs over any number of point sets. */
export function createPointAnalyser(stations: readonly AnalysisStation[], parks: readonly AnalysisPark[]) {
  const open = stations.filter((s) => s.status === 'open');
  const planned = stations.filter((s) => s.status !== 'open');
  const indexOf = (list: AnalysisStation[]) =>
    list.length > 0 ? GeoPointIndex.fromPositions(list.map((s) => s.lngLat as unknown as LngLat)) : null;
  const openIndex = indexOf(open);
  const plannedIndex = indexOf(planned);
  const prepared = parks.map(prepare);

  /**
   * Analyses interleaved [lng, lat, …] WGS-84 positions. A position that is not valid WGS-84 gets
   * no station, no park and no catchment (it is counted nowhere).
   */
  function analyse(lngLats: Float64Array): PointAnalysis {
    const n = lngLats.length / 2;
    const openStation = new Int32Array(n).fill(-1);
    const openDistanceM = new Float64Array(n).fill(Infinity);
    const plannedStation = new Int32Array(n).fill(-1);
    const plannedDistanceM = new Float64Array(n).fill(Infinity);
    openIndex?.nearestBatch(lngLats, openStation, openDistanceM);
    plannedIndex?.nearestBatch(lngLats, plannedStation, plannedDistanceM, PLANNED_STATION_MAX_DISTANCE_M);

    const park = new Int32Array(n).fill(-1);
    const parkDistanceM = new Float64Array(n).fill(Infinity);
    const insidePark = new Int32Array(n).fill(-1);
    const inCatchment = new Uint8Array(n);
    const insideCounts = new Float64Array(prepared.length);
    const nearCounts = new Float64Array(prepared.length);
    let inCatchmentCount = 0;
    const bounds = new Float64Array(prepared.length);

    for (let q = 0; q < n; q++) {
      const lng = lngLats[2 * q]!;
      const lat = lngLats[2 * q + 1]!;
      if (!(Math.abs(lng) <= 180 && Math.abs(lat) <= 90)) continue;
      if (openDistanceM[q]! <= CATCHMENT_RADIUS_M) {
        inCatchment[q] = 1;
        inCatchmentCount++;
      }
      // The park with the nearest bbox first, then only parks whose bbox could still beat it.
      let first = -1;
      for (let j = 0; j < prepared.length; j++) {
        bounds[j] = bboxLowerBoundM(prepared[j]!, lng, lat);
        if (first < 0 || bounds[j]! < bounds[first]!) first = j;
      }
      let best = Infinity;
      let bestPark = -1;
      for (let k = -1; k < prepared.length && first >= 0; k++) {
        const j = k < 0 ? first : k;
        if ((k >= 0 && j === first) || bounds[j]! > best) continue;
        const p = prepared[j]!;
        const inBox = lng >= p.bbox[0] && lng <= p.bbox[2] && lat >= p.bbox[1] && lat <= p.bbox[3];
        if (inBox && isInsideArea([lng, lat] as unknown as LngLat, p.geometry)) {
          best = 0;
          bestPark = j;
          insidePark[q] = j;
          break;
        }
        const d = boundaryDistanceM(p, lng, lat, best);
        if (d < best || (d === best && j < bestPark)) {
          best = d;
          bestPark = j;
        }
      }
      if (bestPark >= 0) {
        park[q] = bestPark;
        parkDistanceM[q] = best;
        if (insidePark[q]! >= 0) insideCounts[bestPark]!++;
        if (best <= NEAR_PARK_M) nearCounts[bestPark]!++;
      }
    }
    const insideByPark: Record<string, number> = {};
    const nearByPark: Record<string, number> = {};
    prepared.forEach((p, j) => {
      insideByPark[p.id] = insideCounts[j]!;
      nearByPark[p.id] = nearCounts[j]!;
    });
    return {
      count: n,
      openStation,
      openDistanceM,
      plannedStation,
      plannedDistanceM,
      park,
      parkDistanceM,
      insidePark,
      inCatchment,
      insideByPark,
      nearByPark,
      inCatchmentCount,
    };
  }

  /** One point's results as a record (the table's and the popup's shape). */
  function metricsAt(a: PointAnalysis, q: number) {
    const station = (list: AnalysisStation[], i: number, d: number) =>
      i >= 0 ? { id: list[i]!.id, name: list[i]!.name, nameEn: list[i]!.nameEn, distanceM: d } : null;
    const p = a.park[q]!;
    const inside = a.insidePark[q]!;
    return {
      nearestOpenStation: station(open, a.openStation[q]!, a.openDistanceM[q]!),
      nearestPlannedStation: station(planned, a.plannedStation[q]!, a.plannedDistanceM[q]!),
      nearestPark: p >= 0 ? { id: prepared[p]!.id, distanceM: a.parkDistanceM[q]! } : null,
      insideParkId: inside >= 0 ? prepared[inside]!.id : null,
      inCatchment: a.inCatchment[q] === 1,
    };
  }

  return { analyse, metricsAt };
}

export type PointAnalyser = ReturnType<typeof createPointAnalyser>;
