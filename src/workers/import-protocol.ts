/**
 * Message protocol of the import worker (src/workers/import-worker.ts), which owns every imported
 * layer: it parses and validates files, keeps the features, stores them in IndexedDB, cuts them into
 * vector tiles for the map, analyses their points against the parks and stations (with the same
 * GeoPointIndex the proximity worker uses), pages and sorts the feature table, and serialises
 * exports. The main thread only ever holds layer metadata, reports and pages of rows, so a
 * million-point file never crosses into it.
 *
 * Every request carries a `requestId` echoed by its response. File bytes and tiles are TRANSFERRED.
 */
import type {
  Datum,
  FeatureRow,
  ImportedLayerMeta,
  ImportReport,
  LayerAnalysis,
  LayerStyle,
  ParseOptions,
  RowSortKey,
  TableInspection,
} from '../import/types.ts';

/** Reference data the analysis needs, sent once after the app has loaded it (WGS-84). */
export interface AnalysisReference {
  stations: {
    id: string;
    name: string;
    nameEn: string;
    status: 'open' | 'under-construction' | 'planned';
    lngLat: [number, number];
  }[];
  parks: { id: string; geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon }[];
}

/** Messages the main thread sends. */
export type ImportRequest =
  /** Look at a tabular file (CSV, xlsx) for the column-mapping step; other formats answer `inspected` with table absent. */
  | { type: 'inspect'; requestId: number; fileName: string; bytes: ArrayBuffer; encoding?: 'utf-8' | 'gbk' }
  /** Parse, validate, keep and store a file as a new layer (a rejected file makes no layer). */
  | { type: 'import'; requestId: number; fileName: string; bytes: ArrayBuffer; options: ParseOptions }
  /** Re-read a layer's coordinates as if they were in `from` (converted to WGS-84): the datum guard's fix. */
  | { type: 'convertDatum'; requestId: number; layerId: string; from: Exclude<Datum, 'wgs84'> }
  /** Load every stored layer (at start-up). */
  | { type: 'restore'; requestId: number }
  | {
      type: 'update';
      requestId: number;
      layerId: string;
      patch: Partial<Pick<ImportedLayerMeta, 'name' | 'visible'>> & { style?: Partial<LayerStyle> };
    }
  | { type: 'remove'; requestId: number; layerId: string }
  /** A Mapbox Vector Tile of one layer (source-layer "features"); null bytes for an empty tile. */
  | { type: 'tile'; requestId: number; layerId: string; z: number; x: number; y: number }
  | { type: 'setReference'; requestId: number; reference: AnalysisReference }
  | { type: 'analyse'; requestId: number; layerId: string }
  | {
      type: 'rows';
      requestId: number;
      layerId: string;
      sort: RowSortKey;
      descending: boolean;
      offset: number;
      limit: number;
    }
  /** One feature in full (popup). */
  | { type: 'feature'; requestId: number; layerId: string; index: number }
  /**
   * Serialise layers (or chosen features of one layer) as GeoJSON or CSV. CSV is UTF-8 with a BOM,
   * cells neutralised against formula injection, metrics included when analysed.
   */
  | {
      type: 'export';
      requestId: number;
      layerIds: string[];
      format: 'geojson' | 'csv';
      /** Feature indexes within the single layer of layerIds (a selection); all when absent. */
      indexes?: number[];
    };

/** Messages the worker answers with. */
export type ImportResponse =
  | { type: 'inspected'; requestId: number; format: ImportReport['format']; table?: TableInspection }
  | { type: 'imported'; requestId: number; report: ImportReport; layer: ImportedLayerMeta | null }
  | { type: 'converted'; requestId: number; report: ImportReport; layer: ImportedLayerMeta }
  | {
      type: 'restored';
      requestId: number;
      layers: ImportedLayerMeta[];
      /** Stored entries that could not be read back (named, so nothing is lost silently). */
      unreadable: { key: string; reason: string }[];
    }
  | { type: 'updated'; requestId: number; layer: ImportedLayerMeta }
  | { type: 'removed'; requestId: number; layerId: string }
  | { type: 'tile'; requestId: number; bytes: ArrayBuffer | null }
  | { type: 'referenceSet'; requestId: number }
  | { type: 'analysed'; requestId: number; analysis: LayerAnalysis }
  | { type: 'rows'; requestId: number; total: number; rows: FeatureRow[] }
  | { type: 'feature'; requestId: number; row: FeatureRow | null }
  | { type: 'exported'; requestId: number; fileName: string; mimeType: string; bytes: ArrayBuffer }
  | { type: 'error'; requestId: number; message: string };

/** Vector-tile source-layer name of every imported layer's tiles. */
export const IMPORT_TILE_LAYER = 'features';
/** Property each tile feature carries: its index in the layer (popups and the table use it). */
export const FEATURE_INDEX_PROPERTY = '__i';
