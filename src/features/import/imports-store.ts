/**
 * What the UI knows of the user's imported data: layer metadata, reports, analyses, the file waiting
 * for its column mapping, the open panel and table. The features themselves stay in the import
 * worker (src/workers/import-protocol.ts). Imported data is the user's own and device-local: it is
 * never put in the URL (a shared link could not carry it), but it survives a reload (IndexedDB).
 *
 * Small on purpose: the map area reads it at first paint; everything that talks to the worker is in
 * import-service.ts, loaded on first use.
 */
import { create } from 'zustand';
import type {
  Datum,
  ImportedLayerMeta,
  ImportFormat,
  ImportReport,
  LayerAnalysis,
  TableInspection,
} from '../../import/types.ts';

/** A tabular file waiting for the user to confirm which columns hold the coordinates. */
export interface PendingTable {
  id: number;
  fileName: string;
  bytes: ArrayBuffer;
  format: ImportFormat;
  table: TableInspection;
}

export interface ImportsState {
  panelOpen: boolean;
  /** Layers bottom to top as drawn. */
  layers: ImportedLayerMeta[];
  /** Bumped whenever a layer's features change (the map then fetches new tiles). */
  revisions: Record<string, number>;
  /** Newest first. */
  reports: (ImportReport & { id: number; layerId: string | null })[];
  analyses: Record<string, LayerAnalysis>;
  /** Files being read or parsed now. */
  busy: string[];
  pending: PendingTable[];
  /** The datum the user states for the next files. */
  datum: Datum;
  /** The layer whose feature table is open. */
  tableLayerId: string | null;
  /** Stored layers that could not be read back, and storage failures: shown, never dropped silently. */
  storageProblems: string[];
  /** A request to fit the map to an extent (acted on once per revision). */
  fit: { bbox: [number, number, number, number]; revision: number } | null;
  /** A feature to show in a popup (a click on the map, or a row of the table). */
  popup: { layerId: string; index: number; lngLat: { lng: number; lat: number }; revision: number } | null;
}

export const useImports = create<ImportsState>(() => ({
  panelOpen: false,
  layers: [],
  revisions: {},
  reports: [],
  analyses: {},
  busy: [],
  pending: [],
  datum: 'wgs84',
  tableLayerId: null,
  storageProblems: [],
  fit: null,
  popup: null,
}));

/**
 * Set while this device has imported layers stored, so a page load starts the import worker (and
 * restores them) only when there is something to restore.
 */
export const STORED_LAYERS_FLAG = 'gz-atlas.imports.stored';

export function hasStoredLayers(): boolean {
  try {
    return localStorage.getItem(STORED_LAYERS_FLAG) === '1';
  } catch {
    return false;
  }
}

/** The data panel's element id (the toolbar button's aria-controls while the panel is open). */
export const DATA_PANEL_ID = 'data-panel';
