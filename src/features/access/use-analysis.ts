import { loadFacilities } from '../../data/content.ts';
import { loadStations, loadTransitLines } from '../../data/geodata.ts';
import { useDataset } from '../../data/use-dataset.ts';
import { type Analysis, createAnalysis } from './analysis.ts';

/**
 * The live analysis over the atlas's data (suspends until every data set it needs is loaded).
 * createAnalysis memoises by the data sets' identity, so no React memo is needed to keep the
 * indexes across renders and remounts.
 */
export function useAnalysis(): Analysis {
  const stations = useDataset(loadStations);
  const facilities = useDataset(loadFacilities);
  const lines = useDataset(loadTransitLines);
  return createAnalysis({ stations, facilities, lines });
}
