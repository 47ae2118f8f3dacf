import { useMemo } from 'react';
import { loadFacilities } from '../../data/content.ts';
import { loadCatchments, loadHubs, loadParks, loadStations, loadTransitLines } from '../../data/geodata.ts';
import { useDataset } from '../../data/use-dataset.ts';
import { type Analysis, createAnalysis } from './analysis.ts';

/** The analysis over the atlas's data (suspends until every data set it needs is loaded). */
export function useAnalysis(): Analysis {
  const parks = useDataset(loadParks);
  const stations = useDataset(loadStations);
  const hubs = useDataset(loadHubs);
  const facilities = useDataset(loadFacilities);
  const lines = useDataset(loadTransitLines);
  const catchments = useDataset(loadCatchments);
  return useMemo(
    () => createAnalysis({ parks, stations, hubs, facilities, lines, catchments }),
    [parks, stations, hubs, facilities, lines, catchments],
  );
}
