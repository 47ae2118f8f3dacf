/**
 * Distances from each park to the city's hubs (airport, rail hubs such as Guangzhou South / East /
 * North, Baiyun station, Nansha Qingsheng HSR, the city centre 珠江新城) and to the other parks.
 * Great-circle on the 6,371,008.8 m sphere, kilometres, given two ways:
 * - `fromCentroidKm`: from the park's area-weighted centroid ({@link measure});
 * - `fromBoundaryKm`: from the nearest point of the park boundary (0 if the hub is inside).
 * Straight-line distances, not travel distances.
 */
import { type AreaGeometry, measure } from './area.ts';
import { areaToAreaDistanceM, distanceToAreaM } from './boundary-distance.ts';
import { greatCircleDistanceM } from './great-circle.ts';
import type { PointFeatureLike } from './point-set.ts';
import type { Kilometres, LngLat } from './units.ts';

/** Hub kinds, as in the geodata contract. */
export type HubKind = 'airport' | 'rail-hub' | 'city-centre' | 'landmark';
/** The hub properties the domain reads (a subset of HubProperties). */
export interface HubLike {
  id: string;
  kind: HubKind;
}

/** Distance from one park to one hub. */
export interface HubDistance {
  hubId: string;
  kind: HubKind;
  /** From the park centroid, km. */
  fromCentroidKm: Kilometres;
  /** From the nearest park boundary point (0 inside), km. */
  fromBoundaryKm: Kilometres;
}

function centroidOrThrow(g: AreaGeometry): LngLat {
  const m = measure(g);
  if (!m.ok) throw new TypeError(`invalid park geometry: ${m.reason}`);
  return m.centroid;
}

/** Distances from a park to every hub, ascending by boundary distance (ties: input order). */
export function hubDistances(park: AreaGeometry, hubs: readonly PointFeatureLike<HubLike>[]): HubDistance[] {
  const c = centroidOrThrow(park);
  return hubs
    .map((h, i) => {
      const p = h.geometry.coordinates as unknown as LngLat;
      return {
        i,
        d: {
          hubId: h.properties.id,
          kind: h.properties.kind,
          fromCentroidKm: (greatCircleDistanceM(c, p) / 1000) as Kilometres,
          fromBoundaryKm: (distanceToAreaM(p, park) / 1000) as Kilometres,
        },
      };
    })
    .sort((a, b) => a.d.fromBoundaryKm - b.d.fromBoundaryKm || a.i - b.i)
    .map((x) => x.d);
}

/** The nearest hub of a kind in a list from {@link hubDistances} (by boundary distance), or undefined. */
export function nearestHubOfKind(distances: readonly HubDistance[], kind: HubKind): HubDistance | undefined {
  let best: HubDistance | undefined;
  for (const d of distances)
    if (d.kind === kind && (!best || d.fromBoundaryKm < best.fromBoundaryKm)) best = d;
  return best;
}

/** A park outline with its id. */
export interface ParkLike {
  id: string;
  geometry: AreaGeometry;
}

/** Distance between two parks. */
export interface ParkDistance {
  fromId: string;
  toId: string;
  /** Centroid to centroid, km. */
  centroidKm: Kilometres;
  /** Boundary to boundary (0 if they touch or overlap), km. */
  boundaryKm: Kilometres;
}

/** Distances between every ordered pair of distinct parks (n·(n−1) rows, in input order). */
export function parkToParkDistances(parks: readonly ParkLike[]): ParkDistance[] {
  const centroids = parks.map((p) => centroidOrThrow(p.geometry));
  const out: ParkDistance[] = [];
  for (let i = 0; i < parks.length; i++) {
    for (let j = 0; j < parks.length; j++) {
      if (i === j) continue;
      out.push({
        fromId: parks[i]!.id,
        toId: parks[j]!.id,
        centroidKm: (greatCircleDistanceM(centroids[i]!, centroids[j]!) / 1000) as Kilometres,
        boundaryKm: (areaToAreaDistanceM(parks[i]!.geometry, parks[j]!.geometry) / 1000) as Kilometres,
      });
    }
  }
  return out;
}
