/**
 * Loads the plan's structured content (geodata/content/) and the facilities layer. Content is only
 * needed once a park or the plan page is open, so it is fetched then, not at first paint.
 */
import parksContentUrl from '../../geodata/content/parks.json?url';
import planContentUrl from '../../geodata/content/plan.json?url';
import unplacedUrl from '../../geodata/facilities-unplaced.json?url';
import type { ParkContent, PlanContent } from './content-schema.ts';
import { DataLoadError, fetchJson, loadCollection, memo } from './geodata.ts';
import type { Bilingual, FacilityCategory, FacilityProperties, ParkId } from './schemas.ts';

export interface UnplacedFacility {
  id: string;
  parkId: ParkId;
  category: FacilityCategory;
  name: Bilingual;
  reason: Bilingual;
}

export function loadParkContent(): Promise<ParkContent[]> {
  return memo('content/parks', async () => {
    const json = await fetchJson(parksContentUrl);
    if (!Array.isArray(json)) throw new DataLoadError('content/parks.json', 'expected an array of parks');
    return json as ParkContent[];
  });
}

export function loadPlanContent(): Promise<PlanContent> {
  return memo('content/plan', async () => {
    const json = (await fetchJson(planContentUrl)) as PlanContent | null;
    if (!json || typeof json !== 'object' || !Array.isArray(json.taskGroups)) {
      throw new DataLoadError('content/plan.json', 'expected the plan content object');
    }
    return json;
  });
}

export const loadFacilities = () => loadCollection<FacilityProperties>('facilities');

export function loadUnplacedFacilities(): Promise<UnplacedFacility[]> {
  return memo('facilities-unplaced', async () => {
    const json = (await fetchJson(unplacedUrl)) as unknown;
    const list = Array.isArray(json) ? json : (json as { unplaced?: unknown } | null)?.unplaced;
    if (!Array.isArray(list))
      throw new DataLoadError('facilities-unplaced.json', 'expected a list of facilities');
    return list as UnplacedFacility[];
  });
}
