/**
 * The explorer's filters as plain predicates. The map's layer filters (src/map/style.ts
 * `lineStatusFilter`) are built from the same classes, so the legend's counts, the park list and the
 * map agree by construction.
 */
import type { LineStatusFilter } from '../data/vocabulary.ts';

/** What a line or station offers to the line-status filter. */
export interface StatusBearing {
  status: 'open' | 'under-construction' | 'planned';
  precision: string;
}

/**
 * A line or station is shown when its status is ticked, and — if it is drawn schematically — when
 * 'schematic' is ticked too (a schematic drawing is not a surveyed alignment, whatever its status).
 */
export function matchesLineStatus(item: StatusBearing, statuses: readonly LineStatusFilter[]): boolean {
  if (!statuses.includes(item.status)) return false;
  return item.precision !== 'schematic' || statuses.includes('schematic');
}

/** A park passes the district filter when it lies in the district (null = every district). */
export function matchesDistrict(districtCode: string, wantedCode: string | null): boolean {
  return wantedCode === null || districtCode === wantedCode;
}

/** A facility is shown when its category is ticked and its park passes the park filters. */
export function matchesFacility(
  facility: { category: string; parkId: string },
  categories: readonly string[],
  parkShown: (parkId: string) => boolean,
): boolean {
  return categories.includes(facility.category) && parkShown(facility.parkId);
}

/** How many of `items` pass `predicate`, for the legend and the list ("12 / 20"). */
export function countShown<T>(
  items: readonly T[],
  predicate: (item: T) => boolean,
): { shown: number; total: number } {
  let shown = 0;
  for (const item of items) if (predicate(item)) shown++;
  return { shown, total: items.length };
}

/** Modes drawn as roads: with the plan's planned links, whatever their status (style.ts). */
export const ROAD_MODES: readonly string[] = ['expressway', 'road', 'bridge'];

/** The layer group a transit line is drawn in: lines in service, or the plan's links and roads. */
export function transitGroupOf(line: { mode: string; status: string }): 'transit-open' | 'transit-planned' {
  return !ROAD_MODES.includes(line.mode) && line.status === 'open' ? 'transit-open' : 'transit-planned';
}

/**
 * The facility filter the map and the counts share: category ticked and — when a district is
 * chosen — the facility's park passes the park filters.
 */
export function facilityPredicate(
  filters: { categories: readonly string[]; district: string | null },
  parkShown: (parkId: string) => boolean,
): (facility: { category: string; parkId: string }) => boolean {
  const parkFilter = filters.district === null ? () => true : parkShown;
  return (facility) => matchesFacility(facility, filters.categories, parkFilter);
}
