/**
 * Facilities (points with a category) within a radius of a point or of a park, grouped by
 * category. Radius and distances are great-circle metres; for a park the distance is from its
 * boundary (0 inside), so "within 1 km of the park" means inside it or within 1 km of its edge.
 */
import { type AreaGeometry, measure } from './area.ts';
import { distanceToAreaM, maxVertexDistanceM } from './boundary-distance.ts';
import { asPointSet, type IndexedPointSet, type PointSetInput } from './point-set.ts';
import type { LngLat, Metres } from './units.ts';

/** The facility properties the domain reads (a subset of FacilityProperties). */
export interface FacilityLike {
  id: string;
  category: string;
}

/** One facility found, with its distance in metres. */
export interface FacilityHit {
  facilityId: string;
  index: number;
  category: string;
  distanceM: Metres;
}

/** Facilities found near a place, grouped by category (each group ascending by distance, then index). */
export interface FacilitiesNearby {
  radiusM: number;
  total: number;
  /** Category → hits; categories in ascending alphabetical order. */
  byCategory: Record<string, FacilityHit[]>;
}

function group(
  set: IndexedPointSet<FacilityLike>,
  hits: { index: number; distanceM: Metres }[],
  radiusM: number,
) {
  hits.sort((a, b) => a.distanceM - b.distanceM || a.index - b.index);
  const byCategory: Record<string, FacilityHit[]> = {};
  const cats = [...new Set(hits.map((h) => set.features[h.index]!.properties.category))].sort();
  for (const c of cats) byCategory[c] = [];
  for (const h of hits) {
    const p = set.features[h.index]!.properties;
    byCategory[p.category]!.push({
      facilityId: p.id,
      index: h.index,
      category: p.category,
      distanceM: h.distanceM,
    });
  }
  return { radiusM, total: hits.length, byCategory };
}

/** Facilities within `radiusM` metres (great-circle, inclusive) of a point [lng, lat]. */
export function facilitiesNearPoint(
  p: LngLat,
  facilitiesInput: PointSetInput<FacilityLike>,
  radiusM: number,
): FacilitiesNearby {
  const facilities = asPointSet(facilitiesInput);
  return group(facilities, facilities.index.within(p, radiusM), radiusM);
}

/** Facilities inside a park or within `radiusM` metres of its boundary. */
export function facilitiesNearPark(
  park: AreaGeometry,
  facilitiesInput: PointSetInput<FacilityLike>,
  radiusM: number,
): FacilitiesNearby {
  const facilities = asPointSet(facilitiesInput);
  const m = measure(park);
  if (!m.ok) throw new TypeError(`invalid park geometry: ${m.reason}`);
  // Every point within radiusM of the park is within rMax + radiusM of its centroid (+1 m slack).
  const candidates = facilities.index.within(m.centroid, maxVertexDistanceM(m.centroid, park) + radiusM + 1);
  const hits = candidates
    .map((c) => ({ index: c.index, distanceM: distanceToAreaM(facilities.lngLat(c.index), park) }))
    .filter((h) => h.distanceM <= radiusM);
  return group(facilities, hits, radiusM);
}
