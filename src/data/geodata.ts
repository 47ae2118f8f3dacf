/**
 * Loads the atlas's own data files (built into `geodata/`, shipped as hashed static assets).
 * Each file is fetched once and memoised. A missing or malformed file rejects with a
 * DataLoadError naming the file, so the UI can say which data is missing instead of failing blank.
 *
 * Only types come from the zod schemas here: the data check validates these files at build time,
 * so the browser does a cheap structural check instead of shipping the validator.
 */
import type { FeatureCollection, Geometry } from 'geojson';
import type { z } from 'zod';
import catchmentsUrl from '../../geodata/catchments.json?url';
import { DATASETS, type DatasetName } from './datasets.ts';
import type {
  Catchments,
  DistrictPropertiesSchema,
  HubProperties,
  ParkEdgeProperties,
  ParkProperties,
  StationProperties,
  TransitLineProperties,
} from './schemas.ts';

export type Collection<P> = FeatureCollection<Geometry, P>;
export type ParksCollection = Collection<ParkProperties>;
export type StationsCollection = Collection<StationProperties>;
export type TransitLinesCollection = Collection<TransitLineProperties>;
export type HubsCollection = Collection<HubProperties>;
export type DistrictsCollection = Collection<z.infer<typeof DistrictPropertiesSchema>>;

// Every GeoJSON file in geodata/ becomes a hashed asset; the registry says which file a dataset is.
const URL_BY_PATH = import.meta.glob<string>('../../geodata/*.geojson', {
  query: '?url',
  import: 'default',
  eager: true,
});

export class DataLoadError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    // The message names the file, so whatever shows it tells the user which data is missing.
    super(`${file}: ${reason}`);
    this.name = 'DataLoadError';
  }
}

/** URL of a registered dataset's file; rejects naming the file when the build does not have it. */
function datasetUrl(name: DatasetName): string {
  const { file } = DATASETS.find((d) => d.id === name)!;
  const url = URL_BY_PATH[`../../geodata/${file}`];
  if (!url) throw new DataLoadError(file, 'the file is not part of this build');
  return url;
}

/** Absolute URL of a dataset (MapLibre's worker resolves relative URLs against its own script). */
export function absoluteDatasetUrl(name: DatasetName): string {
  return new URL(datasetUrl(name), window.location.href).href;
}

function fileName(url: string): string {
  return (
    url
      .split('/')
      .pop()
      ?.replace(/-[\w-]{8}\./, '.') ?? url
  );
}

export async function fetchJson(url: string, fetcher: typeof fetch = fetch): Promise<unknown> {
  const file = fileName(url);
  let response: Response;
  try {
    response = await fetcher(url);
  } catch (error) {
    throw new DataLoadError(file, `network error (${String(error)})`);
  }
  if (!response.ok) throw new DataLoadError(file, `HTTP ${response.status}`);
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new DataLoadError(file, 'the file is not valid JSON');
  }
}

export function assertFeatureCollection(value: unknown, file: string): asserts value is FeatureCollection {
  const v = value as { type?: unknown; features?: unknown } | null;
  if (v?.type !== 'FeatureCollection' || !Array.isArray(v.features)) {
    throw new DataLoadError(file, 'expected a GeoJSON FeatureCollection');
  }
}

const cache = new Map<string, Promise<unknown>>();

export function memo<T>(key: string, load: () => Promise<T>): Promise<T> {
  let p = cache.get(key) as Promise<T> | undefined;
  if (!p) {
    // A failed load stays cached as failed: readers (React's use()) must see the same rejected
    // promise on every render, or each render would start a new fetch and never show the error.
    p = load();
    cache.set(key, p);
  }
  return p;
}

export function loadCollection<P>(name: DatasetName): Promise<Collection<P>> {
  return memo(name, async () => {
    const url = datasetUrl(name);
    const json = await fetchJson(url);
    assertFeatureCollection(json, fileName(url));
    return json as Collection<P>;
  });
}

export const loadParks = () => loadCollection<ParkProperties>('parks');
export const loadParkEdges = () => loadCollection<ParkEdgeProperties>('parkEdges');
export const loadStations = () => loadCollection<StationProperties>('stations');
export const loadTransitLines = () => loadCollection<TransitLineProperties>('transitLines');
export const loadHubs = () => loadCollection<HubProperties>('hubs');
export const loadDistricts = () => loadCollection<z.infer<typeof DistrictPropertiesSchema>>('districts');

export function loadCatchments(): Promise<Catchments> {
  return memo('catchments', async () => {
    const json = (await fetchJson(catchmentsUrl)) as Catchments | null;
    if (!json || !Array.isArray(json.rows))
      throw new DataLoadError('catchments.json', 'expected { rows: [...] }');
    return json;
  });
}
