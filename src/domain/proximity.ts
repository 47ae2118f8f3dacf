/**
 * Nearest transit stations to a park or a point. For a park the distance is measured from the
 * park BOUNDARY (0 when the station is inside the park), great-circle on the 6,371,008.8 m sphere.
 * Existing stations (status `open`) and future ones (`planned` or `under-construction`) are
 * reported separately.
 *
 * Search: the k stations nearest the park centroid C give an upper bound D of the k-th best
 * boundary distance; a station S cannot be nearer the boundary than d(S, C) − Rmax (Rmax = farthest
 * vertex from C), so every station of the answer lies within D + Rmax of C, and one radius query
 * finds them all. Results are exact and ordered by (distance, input index).
 */
import type { AreaGeometry } from './area.ts';
import { measure } from './area.ts';
import { distanceToAreaM, isInsideArea, maxVertexDistanceM } from './boundary-distance.ts';
import { asPointSet, type IndexedPointSet, type PointSetInput } from './point-set.ts';
import type { LngLat, Metres } from './units.ts';

/** Station status, as in the geodata contract. */
export type StationStatus = 'open' | 'under-construction' | 'planned';
/**
 * Planned and under-construction stations count only within this distance of the park boundary or
 * the query point. Without a limit a page would name the nearest future station wherever it is —
 * the data has planned stations for one park only (the Pazhou ring tram), so Zengcheng and Huangpu
 * Biotech pages listed Pazhou stops 28–30 km away as their "nearest planned station". Beyond this
 * distance the answer is "none within 10 km", and the access score treats the input as missing.
 */
export const PLANNED_STATION_MAX_DISTANCE_M = 10_000 as Metres;

/** Keeps the future-station hits within {@link PLANNED_STATION_MAX_DISTANCE_M} (hits are ascending). */
export function withinPlannedStationRule<H extends { distanceM: number }>(
  hits: readonly H[],
  maxDistanceM: number = PLANNED_STATION_MAX_DISTANCE_M,
): H[] {
  return hits.filter((h) => h.distanceM <= maxDistanceM);
}

/** Which stations a query considers: existing (`open`), future (`planned` = planned or under construction), or `any`. */
export type StationGroup = 'open' | 'planned' | 'any';

/** The station properties the domain reads (a subset of StationProperties). */
export interface StationLike {
  id: string;
  status: StationStatus;
  lineIds: readonly string[];
}

/** One station found near a park or point. */
export interface StationHit {
  stationId: string;
  /** Index in the station set. */
  index: number;
  status: StationStatus;
  lineIds: readonly string[];
  /** Distance from the park boundary (0 inside) or from the query point, metres. */
  distanceM: Metres;
  /** Whether the station lies inside the park (always false for point queries). */
  inside: boolean;
}

/** Whether a station status belongs to a group. */
export function inStationGroup(status: StationStatus, group: StationGroup): boolean {
  return group === 'any' || (group === 'open' ? status === 'open' : status !== 'open');
}

function hit(
  set: IndexedPointSet<StationLike>,
  index: number,
  distanceM: Metres,
  inside: boolean,
): StationHit {
  const p = set.features[index]!.properties;
  return { stationId: p.id, index, status: p.status, lineIds: p.lineIds, distanceM, inside };
}

/**
 * The k stations of a group nearest to the area's boundary (0 for stations inside), ascending.
 * @param area park outline (validated beforehand)
 * @param stationsInput stations, indexed ({@link indexPointFeatures}) or as plain features (indexed once, cached)
 * @param k how many (default 3)
 * @param group which stations (default 'any')
 */
export function nearestStationsToArea(
  area: AreaGeometry,
  stationsInput: PointSetInput<StationLike>,
  k = 3,
  group: StationGroup = 'any',
): StationHit[] {
  const stations = asPointSet(stationsInput);
  const m = measure(area);
  if (!m.ok) throw new TypeError(`invalid park geometry: ${m.reason}`);
  const c = m.centroid;
  const rMax = maxVertexDistanceM(c, area);
  const filter = (i: number) => inStationGroup(stations.features[i]!.properties.status, group);
  const byBoundary = (hits: readonly { index: number }[]) =>
    hits
      .map(({ index }) => ({ index, distanceM: distanceToAreaM(stations.lngLat(index), area) }))
      .sort((a, b) => a.distanceM - b.distanceM || a.index - b.index);
  const seeds = byBoundary(stations.index.nearest(c, k, filter));
  // Fewer than k seeds: the group has no other station.
  const kth = seeds.length < k ? null : seeds[k - 1]!.distanceM;
  // 1 m of slack covers the planar-vs-great-circle edge difference at park scale.
  const best =
    kth === null ? seeds : byBoundary(stations.index.within(c, kth + rMax + 1, filter)).slice(0, k);
  return best.map((b) =>
    hit(stations, b.index, b.distanceM, b.distanceM === 0 && isInsideArea(stations.lngLat(b.index), area)),
  );
}

/** Nearest existing and future stations to a park, from its boundary. */
export interface ParkStations {
  /** Nearest `open` stations, ascending by boundary distance. */
  open: StationHit[];
  /**
   * Nearest `planned` / `under-construction` stations, ascending by boundary distance, only those
   * within {@link PLANNED_STATION_MAX_DISTANCE_M} of the boundary (empty: none within 10 km).
   */
  planned: StationHit[];
}

/**
 * Nearest stations to a park boundary, existing and future separately.
 * @param park park outline (Polygon/MultiPolygon, WGS-84)
 * @param stationsInput stations, indexed ({@link indexPointFeatures}) or as plain features (indexed once, cached)
 * @param options k per group (default 3); status restricts to one group (the other list is empty);
 *   plannedMaxDistanceM bounds the future stations (default {@link PLANNED_STATION_MAX_DISTANCE_M})
 */
export function nearestStationsToPark(
  park: AreaGeometry,
  stationsInput: PointSetInput<StationLike>,
  options: { k?: number; status?: 'open' | 'planned'; plannedMaxDistanceM?: number } = {},
): ParkStations {
  const stations = asPointSet(stationsInput);
  const k = options.k ?? 3;
  return {
    open: options.status === 'planned' ? [] : nearestStationsToArea(park, stations, k, 'open'),
    planned:
      options.status === 'open'
        ? []
        : withinPlannedStationRule(
            nearestStationsToArea(park, stations, k, 'planned'),
            options.plannedMaxDistanceM,
          ),
  };
}

/**
 * The k stations of a group nearest to a point, by great-circle distance, metres, ascending.
 * For the `planned` group the search never reaches beyond {@link PLANNED_STATION_MAX_DISTANCE_M}
 * (a smaller maxDistanceM still applies).
 * @param p query position [lng, lat], degrees
 */
export function nearestToPoint(
  p: LngLat,
  stationsInput: PointSetInput<StationLike>,
  options: { k?: number; group?: StationGroup; maxDistanceM?: number } = {},
): StationHit[] {
  const stations = asPointSet(stationsInput);
  const group = options.group ?? 'any';
  const filter = (i: number) => inStationGroup(stations.features[i]!.properties.status, group);
  const max = options.maxDistanceM ?? Number.POSITIVE_INFINITY;
  return stations.index
    .nearest(
      p,
      options.k ?? 1,
      filter,
      group === 'planned' ? Math.min(max, PLANNED_STATION_MAX_DISTANCE_M) : max,
    )
    .map((h) => hit(stations, h.index, h.distanceM, false));
}
