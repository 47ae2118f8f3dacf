/**
 * The contract of "bring your own data": what a parsed file, its report, an imported layer and the
 * per-point analysis look like. Shared by the import worker (parsing, storage, tiles, analysis,
 * exports) and the UI. Pure types and constants: no DOM, no React, no MapLibre.
 *
 * Everything here is WGS-84 [lng, lat] degrees once parsed: a file stated (or found) to be GCJ-02 or
 * BD-09 is converted with gcoord before it becomes a layer, never mixed.
 *
 * Every string that came from a file (names, keys, values, the file name) is untrusted: the UI renders
 * it as text only, exports neutralise it.
 */

/** The formats the importer recognises (by content first, then by file name). */
export type ImportFormat = 'geojson' | 'csv' | 'kml' | 'kmz' | 'shapefile' | 'xlsx' | 'unknown';

/** Geodetic datum of the coordinates in a file. */
export type Datum = 'wgs84' | 'gcj02' | 'bd09';

/** Classified outcome of one file (QUALITY-BAR R2). */
export type ImportOutcome = 'accepted' | 'repaired' | 'rejected';

/** A line of a report in both languages, with a stable code for tests. */
export interface ReportNote {
  code: string;
  zh: string;
  en: string;
}

/** Lng/lat column choice for tabular files (CSV, xlsx). Column names as in the header row. */
export interface TableColumns {
  lng: string;
  lat: string;
  /** A column to use as each feature's name (optional). */
  name?: string;
}

/** What a tabular file offers for the column-mapping step. */
export interface TableInspection {
  headers: string[];
  /** The columns detected as longitude / latitude / name (null where nothing fits). */
  detected: { lng: string | null; lat: string | null; name: string | null };
  /** The first rows (≤ 5), as text, to show beside the mapping. */
  sample: string[][];
  /** Text encoding the file was read with (CSV only). */
  encoding?: 'utf-8' | 'gbk';
  rowCount: number;
}

/** Hard limits on what one file may hold (checked before and while parsing). */
export const IMPORT_LIMITS = {
  /** Bytes of the file as picked/dropped/pasted. */
  maxFileBytes: 50 * 1024 * 1024,
  /** Bytes a zip (KMZ, zipped Shapefile, xlsx) may expand to in all. */
  maxUnzippedBytes: 200 * 1024 * 1024,
  /** Features (rows) in one file. */
  maxFeatures: 1_000_000,
  /** Positions in one file, all geometries together. */
  maxVertices: 2_000_000,
  /** Array/object nesting depth of a JSON document. */
  maxDepth: 64,
} as const;

/** How to parse a file. */
export interface ParseOptions {
  /** The datum the user states for the file's coordinates (converted to WGS-84). */
  datum: Datum;
  /** For CSV/xlsx: the columns to read (from the mapping step); detected when absent. */
  columns?: TableColumns;
  /** For CSV: force an encoding instead of detecting one. */
  encoding?: 'utf-8' | 'gbk';
}

/** Result of parsing one file: features in WGS-84 (after the stated datum's conversion). */
export interface ParseResult {
  format: ImportFormat;
  outcome: ImportOutcome;
  features: GeoJSON.Feature[];
  /** Repairs and warnings (outcome `repaired`, or informational on `accepted`). */
  notes: ReportNote[];
  /** Why the file was refused (outcome `rejected`; features then empty). */
  reasons: ReportNote[];
  /** Tabular files: the header and detected columns, for the mapping step. */
  table?: TableInspection;
  /** Features dropped (bad geometry, empty rows …), counted in the notes too. */
  droppedCount: number;
}

/** Evidence that a layer's coordinates sit off by the GCJ-02 (or BD-09) shift. */
export interface DatumSuspicion {
  /** The datum the data looks like it is in. */
  suspected: 'gcj02' | 'bd09';
  /** Features whose name matched a metro station. */
  matched: number;
  /** Median distance of those features from their station as stated, metres. */
  medianOffsetM: number;
  /** The same after converting from the suspected datum, metres. */
  medianAfterM: number;
}

/** The report shown for every file, whatever happened. */
export interface ImportReport {
  /** As given by the user: untrusted text. */
  fileName: string;
  format: ImportFormat;
  outcome: ImportOutcome;
  featureCount: number;
  droppedCount: number;
  notes: ReportNote[];
  reasons: ReportNote[];
  datum: Datum;
  suspicion?: DatumSuspicion;
}

/** How an imported layer is drawn. */
export interface LayerStyle {
  /** #rrggbb */
  color: string;
  /** 0–1 */
  opacity: number;
  /** Circle radius of points, px. */
  radius: number;
}

/** An imported layer as the UI and the map adapter know it (its features stay in the worker). */
export interface ImportedLayerMeta {
  /** Generated, safe for ids: /^imp-[a-z0-9]+$/ */
  id: string;
  /** Shown in the layers panel; starts as the file name; untrusted. */
  name: string;
  fileName: string;
  format: ImportFormat;
  /** The datum the file was read as (its coordinates are WGS-84 now). */
  datum: Datum;
  featureCount: number;
  kinds: { points: number; lines: number; polygons: number };
  /** [minLng, minLat, maxLng, maxLat] WGS-84, or null for an empty layer. */
  bbox: [number, number, number, number] | null;
  /** Property keys seen (first 50), for the table's columns. */
  propertyKeys: string[];
  style: LayerStyle;
  visible: boolean;
  createdAt: number;
}

/** Per-point results of the analysis against parks, stations and catchments. */
export interface PointMetrics {
  nearestOpenStation: { id: string; name: string; nameEn: string; distanceM: number } | null;
  /** Under the 10 km planned-station rule (PLANNED_STATION_MAX_DISTANCE_M). */
  nearestPlannedStation: { id: string; name: string; nameEn: string; distanceM: number } | null;
  /** Distance to the nearest park's boundary (0 inside), metres. */
  nearestPark: { id: string; distanceM: number } | null;
  /** The park the point lies in, if any. */
  insideParkId: string | null;
  /** Within the walking catchment (800 m) of a station in service. */
  inCatchment: boolean;
}

/** The analysis of one layer's point features. */
export interface LayerAnalysis {
  layerId: string;
  analysedPoints: number;
  /** Points inside each park (by park id). */
  insideByPark: Record<string, number>;
  /** Points whose nearest park is this one within 1 km (by park id). */
  nearByPark: Record<string, number>;
  inCatchment: number;
  /** Worker time, ms. */
  ms: number;
}

/** One row of the feature table. */
export interface FeatureRow {
  /** Index of the feature in its layer. */
  index: number;
  name: string;
  geometryType: string;
  /** Representative position (the point, or the first vertex), WGS-84. */
  lngLat: [number, number] | null;
  properties: Record<string, unknown>;
  metrics: PointMetrics | null;
}

/** Sortable columns of the table: a metric or a property key. */
export type RowSortKey =
  | { kind: 'index' }
  | { kind: 'name' }
  | { kind: 'nearestOpenStation' }
  | { kind: 'nearestPlannedStation' }
  | { kind: 'nearestPark' }
  | { kind: 'property'; key: string };

/** Defaults for a new layer's style: distinct from the parks' and transit colours. */
export const IMPORT_COLORS = ['#d6336c', '#7048e8', '#1098ad', '#f59f00', '#37b24d', '#495057'] as const;
