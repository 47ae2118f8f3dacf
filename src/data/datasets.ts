/**
 * The dataset registry: one entry per GeoJSON file in `geodata/`. The app finds a dataset's URL by
 * its `id`; the scripts (scripts/datasets.ts) add how each one is built and checked, validate it
 * against the schema named here, and derive attribution.json, manifest.json and the file table of
 * geodata/SOURCES.md from these entries.
 *
 * Pure data with type-only imports: the app bundles this module at first paint, where it must not
 * pull in the zod validators, so a schema is named here and looked up by the scripts.
 */
import type { z } from 'zod';
import type * as schemas from './schemas.ts';

type Schemas = typeof schemas;

/** The schemas in schemas.ts that describe a whole GeoJSON FeatureCollection. */
type CollectionSchemaName = {
  [K in keyof Schemas]: Schemas[K] extends z.ZodType<{ type: 'FeatureCollection'; features: unknown[] }>
    ? K
    : never;
}[keyof Schemas];

/** Who must be credited for a dataset; the texts are in scripts/datasets.ts (ATTRIBUTIONS). */
export type AttributionId = 'osm' | 'gshhg' | 'datav' | 'metro' | 'wikipedia' | 'plan-2018';

export interface Dataset {
  /** Stable key: the app loads the dataset by it (GEODATA_URLS, loadCollection). */
  id: string;
  /** File name in geodata/. */
  file: `${string}.geojson`;
  schema: CollectionSchemaName;
  /** Every source the data was derived from, directly or through another dataset. */
  attribution: readonly AttributionId[];
}

/** In the order the build writes and the manifest lists them. */
export const DATASETS = [
  {
    id: 'parks',
    file: 'parks.geojson',
    schema: 'ParksSchema',
    attribution: ['osm', 'gshhg', 'metro', 'plan-2018'],
  },
  // Each park's edges with the limit they stand for and their evidence (located features: OSM; inferred: the plan).
  {
    id: 'parkEdges',
    file: 'park-edges.geojson',
    schema: 'ParkEdgesSchema',
    attribution: ['osm', 'gshhg', 'metro', 'plan-2018'],
  },
  { id: 'transitLines', file: 'transit-lines.geojson', schema: 'TransitLinesSchema', attribution: ['metro'] },
  { id: 'stations', file: 'stations.geojson', schema: 'StationsSchema', attribution: ['metro'] },
  { id: 'hubs', file: 'hubs.geojson', schema: 'HubsSchema', attribution: ['osm', 'metro', 'wikipedia'] },
  { id: 'districts', file: 'districts.geojson', schema: 'DistrictsSchema', attribution: ['datav'] },
  { id: 'cityOutline', file: 'city-outline.geojson', schema: 'CityOutlineSchema', attribution: ['datav'] },
  { id: 'waterLines', file: 'water-lines.geojson', schema: 'WaterLinesSchema', attribution: ['gshhg'] },
  { id: 'waterAreas', file: 'water-areas.geojson', schema: 'WaterAreasSchema', attribution: ['gshhg'] },
  // OSM context for the embedded basemap (Panyu, southern Haizhu and northern Nansha only).
  {
    id: 'osmWaterAreas',
    file: 'water-areas-osm.geojson',
    schema: 'OsmWaterAreasSchema',
    attribution: ['osm'],
  },
  { id: 'channels', file: 'channels.geojson', schema: 'ChannelsSchema', attribution: ['osm'] },
  { id: 'islands', file: 'islands.geojson', schema: 'IslandsSchema', attribution: ['osm'] },
  { id: 'greenAreas', file: 'green-areas.geojson', schema: 'GreenAreasSchema', attribution: ['osm'] },
  { id: 'roads', file: 'roads.geojson', schema: 'RoadsSchema', attribution: ['osm'] },
  // Placed at metro stations or relative to the park outlines.
  {
    id: 'facilities',
    file: 'facilities.geojson',
    schema: 'FacilitiesSchema',
    attribution: ['metro', 'plan-2018'],
  },
  // Derived from the park outlines and the stations: it owes what they owe.
  {
    id: 'catchmentAreas',
    file: 'catchments.geojson',
    schema: 'CatchmentAreasSchema',
    attribution: ['osm', 'gshhg', 'metro', 'plan-2018'],
  },
] as const satisfies readonly Dataset[];

export type DatasetName = (typeof DATASETS)[number]['id'];
