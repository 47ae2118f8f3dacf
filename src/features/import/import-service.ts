/**
 * Everything the UI asks of the import worker, with the results written to the imports store.
 * Loaded on first use (a file dropped, the data panel opened, or stored layers to restore), and the
 * worker is started only then: a visitor who never imports pays nothing for it.
 *
 * Every failure ends up as a report or a notice in the store; none is thrown at the UI.
 */
import '../../i18n/data-messages.ts';
import { loadParks, loadStations } from '../../data/geodata.ts';
import { downloadBlob } from '../../export/map-image.ts';
import { translate } from '../../i18n/translate.ts';
import type { Datum, ImportedLayerMeta, LayerStyle, RowSortKey, TableColumns } from '../../import/types.ts';
import { popupNode } from '../../map/popup-content.ts';
import type { Lang } from '../../url/view-state.ts';
import { type ImportClient, startImportWorker } from '../../workers/import-client.ts';
import type { AnalysisReference, ImportResponse } from '../../workers/import-protocol.ts';
import { type ImportsState, type PendingTable, STORED_LAYERS_FLAG, useImports } from './imports-store.ts';

let client: ImportClient | null = null;
let reference: Promise<void> | null = null;
let nextId = 1;

function worker(): ImportClient {
  client ??= startImportWorker();
  return client;
}

/** Narrows a response to the type asked for (the worker answers errors by rejecting). */
async function ask<T extends ImportResponse['type']>(
  request: Parameters<ImportClient['request']>[0],
  type: T,
): Promise<Extract<ImportResponse, { type: T }>> {
  const response = await worker().request(request);
  if (response.type !== type) throw new Error(`unexpected answer ${response.type} to ${request.type}`);
  return response as Extract<ImportResponse, { type: T }>;
}

const set = (patch: Partial<ImportsState> | ((s: ImportsState) => Partial<ImportsState>)) =>
  useImports.setState(patch);

/** The parks and stations the worker analyses against and matches names with (sent once). */
function ensureReference(): Promise<void> {
  reference ??= (async () => {
    const [parks, stations] = await Promise.all([loadParks(), loadStations()]);
    const ref: AnalysisReference = {
      stations: stations.features.flatMap((f) =>
        f.geometry.type === 'Point'
          ? [
              {
                id: f.properties.id,
                name: f.properties.name.zh,
                nameEn: f.properties.name.en,
                status: f.properties.status,
                lngLat: [f.geometry.coordinates[0]!, f.geometry.coordinates[1]!] as [number, number],
              },
            ]
          : [],
      ),
      parks: parks.features.flatMap((f) =>
        f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon'
          ? [{ id: f.properties.id, geometry: f.geometry }]
          : [],
      ),
    };
    await ask({ type: 'setReference', reference: ref }, 'referenceSet');
  })().catch((error: unknown) => {
    reference = null; // try again next time
    throw error;
  });
  return reference;
}

function rememberStored(): void {
  try {
    if (useImports.getState().layers.length > 0) localStorage.setItem(STORED_LAYERS_FLAG, '1');
    else localStorage.removeItem(STORED_LAYERS_FLAG);
  } catch {
    // Private mode: layers still work this session; restore at start-up just won't be attempted.
  }
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

type ShownReport = ImportsState['reports'][number];

function fail(fileName: string, error: unknown): void {
  set((s) => {
    const report: ShownReport = {
      id: nextId++,
      layerId: null,
      fileName,
      format: 'unknown',
      outcome: 'rejected',
      featureCount: 0,
      droppedCount: 0,
      notes: [],
      reasons: [
        {
          code: 'internal',
          zh: `导入失败：${message(error)}`,
          en: `The import failed: ${message(error)}`,
        },
      ],
      datum: s.datum,
    };
    return { reports: [report, ...s.reports].slice(0, 50) };
  });
}

function addLayer(layer: ImportedLayerMeta): void {
  set((s) => ({
    layers: [...s.layers.filter((l) => l.id !== layer.id), layer],
    revisions: { ...s.revisions, [layer.id]: (s.revisions[layer.id] ?? 0) + 1 },
  }));
  rememberStored();
}

function replaceLayer(layer: ImportedLayerMeta, newFeatures: boolean): void {
  set((s) => ({
    layers: s.layers.map((l) => (l.id === layer.id ? layer : l)),
    revisions: newFeatures ? { ...s.revisions, [layer.id]: (s.revisions[layer.id] ?? 0) + 1 } : s.revisions,
  }));
}

/** Analyses a layer's points against the parks and stations (results to the store). */
export async function analyseLayer(layerId: string): Promise<void> {
  try {
    await ensureReference();
    const { analysis } = await ask({ type: 'analyse', layerId }, 'analysed');
    set((s) => ({ analyses: { ...s.analyses, [layerId]: analysis } }));
  } catch (error) {
    set((s) => ({ storageProblems: [...s.storageProblems, message(error)] }));
  }
}

/** Loads the layers stored on this device (at start-up, when there are any). */
export async function restoreLayers(): Promise<void> {
  try {
    const { layers, unreadable } = await ask({ type: 'restore' }, 'restored');
    set((s) => ({
      layers,
      revisions: Object.fromEntries(layers.map((l) => [l.id, (s.revisions[l.id] ?? 0) + 1])),
      storageProblems: unreadable.map((u) => `${u.key}: ${u.reason}`),
    }));
    rememberStored();
    for (const layer of layers) void analyseLayer(layer.id);
  } catch (error) {
    set((s) => ({ storageProblems: [...s.storageProblems, message(error)] }));
  }
}

/** A tile of an imported layer for the map (the adapter's tile loader). */
export async function importTile(
  layerId: string,
  z: number,
  x: number,
  y: number,
): Promise<ArrayBuffer | null> {
  try {
    return (await ask({ type: 'tile', layerId, z, x, y }, 'tile')).bytes;
  } catch {
    return null; // a removed layer's late tile: nothing to draw
  }
}

/** A file as picked, dropped or pasted. */
export interface IncomingFile {
  name: string;
  bytes: () => Promise<ArrayBuffer>;
}

async function runImport(fileName: string, bytes: ArrayBuffer, columns?: TableColumns): Promise<void> {
  const datum = useImports.getState().datum;
  await ensureReference();
  const { report, layer } = await ask(
    { type: 'import', fileName, bytes, options: { datum, ...(columns ? { columns } : {}) } },
    'imported',
  );
  set((s) => ({
    reports: [{ ...report, id: nextId++, layerId: layer?.id ?? null }, ...s.reports].slice(0, 50),
  }));
  if (layer) {
    addLayer(layer);
    void analyseLayer(layer.id);
  }
}

/**
 * Imports files one after the other. A tabular file (CSV, xlsx) first waits for the column-mapping
 * step (pre-filled with the detected columns); everything else is imported at once.
 */
export async function importFiles(files: readonly IncomingFile[]): Promise<void> {
  for (const file of files) {
    set((s) => ({ busy: [...s.busy, file.name] }));
    try {
      const bytes = await file.bytes();
      // The inspection gets a copy: the original is kept for the import itself.
      const inspected = await ask(
        { type: 'inspect', fileName: file.name, bytes: bytes.slice(0) },
        'inspected',
      );
      // A table without both a longitude-like and a latitude-like column (by name or by values)
      // goes straight to the parser, whose report says so: a mapping step would be a dead end.
      const table = inspected.table;
      if (table && table.detected.lng !== null && table.detected.lat !== null) {
        const pending: PendingTable = {
          id: nextId++,
          fileName: file.name,
          bytes,
          format: inspected.format,
          table,
        };
        set((s) => ({ pending: [...s.pending, pending], panelOpen: true }));
      } else {
        await runImport(file.name, bytes);
      }
    } catch (error) {
      fail(file.name, error);
    } finally {
      set((s) => ({ busy: s.busy.filter((name, i) => name !== file.name || s.busy.indexOf(name) !== i) }));
    }
  }
}

/** The column-mapping step's answer: import the pending file with these columns, or drop it. */
export async function resolvePending(id: number, columns: TableColumns | null): Promise<void> {
  const pending = useImports.getState().pending.find((p) => p.id === id);
  if (!pending) return;
  set((s) => ({ pending: s.pending.filter((p) => p.id !== id) }));
  if (!columns) return;
  set((s) => ({ busy: [...s.busy, pending.fileName] }));
  try {
    await runImport(pending.fileName, pending.bytes, columns);
  } catch (error) {
    fail(pending.fileName, error);
  } finally {
    set((s) => ({ busy: s.busy.filter((name) => name !== pending.fileName) }));
  }
}

/** The datum guard's fix: re-read a layer's coordinates as GCJ-02 or BD-09. */
export async function convertLayerDatum(layerId: string, from: Exclude<Datum, 'wgs84'>): Promise<void> {
  try {
    const { report, layer } = await ask({ type: 'convertDatum', layerId, from }, 'converted');
    replaceLayer(layer, true);
    set((s) => ({
      reports: s.reports.map((r) => (r.layerId === layerId ? { ...report, id: r.id, layerId } : r)),
    }));
    void analyseLayer(layerId);
  } catch (error) {
    fail(layerId, error);
  }
}

export async function updateLayer(
  layerId: string,
  patch: Partial<Pick<ImportedLayerMeta, 'name' | 'visible'>> & { style?: Partial<LayerStyle> },
): Promise<void> {
  try {
    const { layer } = await ask({ type: 'update', layerId, patch }, 'updated');
    replaceLayer(layer, false);
  } catch (error) {
    set((s) => ({ storageProblems: [...s.storageProblems, message(error)] }));
  }
}

export async function removeLayer(layerId: string): Promise<void> {
  try {
    await ask({ type: 'remove', layerId }, 'removed');
    set((s) => {
      const { [layerId]: _analysis, ...analyses } = s.analyses;
      return {
        layers: s.layers.filter((l) => l.id !== layerId),
        analyses,
        tableLayerId: s.tableLayerId === layerId ? null : s.tableLayerId,
      };
    });
    rememberStored();
  } catch (error) {
    set((s) => ({ storageProblems: [...s.storageProblems, message(error)] }));
  }
}

export async function fetchRows(
  layerId: string,
  sort: RowSortKey,
  descending: boolean,
  offset: number,
  limit: number,
) {
  return ask({ type: 'rows', layerId, sort, descending, offset, limit }, 'rows');
}

export async function fetchFeature(layerId: string, index: number) {
  return (await ask({ type: 'feature', layerId, index }, 'feature')).row;
}

function valueText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value).slice(0, 300) : String(value).slice(0, 300);
}

/** A picked feature's popup body, built from text nodes only (its properties are untrusted). */
export async function featurePopup(
  layerId: string,
  index: number,
): Promise<((lang: Lang) => HTMLElement) | null> {
  const row = await fetchFeature(layerId, index).catch(() => null);
  if (!row) return null;
  return (lang: Lang) => {
    const layer = useImports.getState().layers.find((l) => l.id === layerId);
    const rows = [
      { label: translate(lang, 'table.popup.layer'), value: layer?.name ?? '' },
      ...Object.entries(row.properties)
        .slice(0, 30)
        .map(([label, value]) => ({ label, value: valueText(value) })),
    ];
    const station = row.metrics?.nearestOpenStation;
    if (station) {
      rows.push({
        label: translate(lang, 'table.nearestOpen'),
        value: `${lang === 'zh' ? station.name : station.nameEn || station.name} · ${Math.round(station.distanceM)} m`,
      });
    }
    return popupNode(row.name || translate(lang, 'table.unnamed'), null, rows);
  };
}

/** Exports layers (or chosen features of one) as a GeoJSON or CSV download. */
export async function exportLayers(
  layerIds: string[],
  format: 'geojson' | 'csv',
  indexes?: number[],
): Promise<string> {
  const { bytes, fileName, mimeType } = await ask(
    { type: 'export', layerIds, format, ...(indexes ? { indexes } : {}) },
    'exported',
  );
  downloadBlob(new Blob([bytes], { type: mimeType }), fileName);
  return fileName;
}
