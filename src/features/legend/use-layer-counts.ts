import { useMemo } from 'react';
import { loadFacilities } from '../../data/content.ts';
import { loadParks, loadStations, loadTransitLines } from '../../data/geodata.ts';
import type { ParkId } from '../../data/schemas.ts';
import { useLoaded } from '../../data/use-dataset.ts';
import {
  countShown,
  facilityPredicate,
  matchesLineStatus,
  transitGroupOf,
} from '../../domain/explorer-filters.ts';
import type { Filters, LayerGroup } from '../../url/view-state.ts';

export type LayerCounts = Partial<Record<LayerGroup, { shown: number; total: number }>>;

/**
 * How many features of each filterable group the filters leave, by the same predicates the map's
 * filters are built from (src/domain/explorer-filters.ts). Groups whose data has not loaded yet are
 * left out rather than shown as 0.
 */
export function useLayerCounts(filters: Filters, parkShown: (id: ParkId) => boolean): LayerCounts {
  const parks = useLoaded(loadParks);
  const lines = useLoaded(loadTransitLines);
  const stations = useLoaded(loadStations);
  const facilities = useLoaded(loadFacilities);
  return useMemo(() => {
    const counts: LayerCounts = {};
    if (parks.status === 'ready') {
      counts.parks = countShown(parks.value.features, (f) => parkShown(f.properties.id));
    }
    if (lines.status === 'ready') {
      for (const group of ['transit-open', 'transit-planned'] as const) {
        const inGroup = lines.value.features.filter((f) => transitGroupOf(f.properties) === group);
        counts[group] = countShown(inGroup, (f) => matchesLineStatus(f.properties, filters.lineStatuses));
      }
    }
    if (stations.status === 'ready') {
      counts.stations = countShown(stations.value.features, (f) =>
        matchesLineStatus(f.properties, filters.lineStatuses),
      );
    }
    if (facilities.status === 'ready') {
      const shown = facilityPredicate(filters, (id) => parkShown(id as ParkId));
      counts.facilities = countShown(facilities.value.features, (f) => shown(f.properties));
    }
    return counts;
  }, [parks, lines, stations, facilities, filters, parkShown]);
}
