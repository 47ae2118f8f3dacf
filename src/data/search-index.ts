/**
 * Loads geodata/search-index.json (built by scripts/build-search-index.ts, validated by the data
 * check) once, when the search box is first used: it is not needed for the first paint.
 */
import searchIndexUrl from '../../geodata/search-index.json?url';
import type { SearchIndex } from '../domain/search.ts';
import { DataLoadError, fetchJson, memo } from './geodata.ts';

export function loadSearchIndex(): Promise<SearchIndex> {
  return memo('search-index', async () => {
    const json = (await fetchJson(searchIndexUrl)) as SearchIndex | null;
    if (!json || !Array.isArray(json.entries) || !Array.isArray(json.districts))
      throw new DataLoadError('search-index.json', 'expected { districts: [...], entries: [...] }');
    return json;
  });
}
