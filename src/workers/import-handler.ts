/**
 * The import worker's logic as a pure async message handler (no `self`, no DOM): tests and the
 * benchmark call it directly with an in-memory store; import-worker.ts wires it to `self.onmessage`
 * with IndexedDB. It owns every imported layer's features; the main thread only ever gets metadata,
 * reports, pages of rows, single features, tiles and export bytes (protocol: import-protocol.ts).
 *
 * Never throws: every failure answers its request with `{ type: 'error', message }`.
 */

import type { PointAnalysis } from '../domain/point-analysis.ts';
import {
  type AnalysisPark,
  type AnalysisStation,
  createPointAnalyser,
  type PointAnalyser,
} from '../domain/point-analysis.ts';
import { convertFeatures, detectDatumSuspicion } from '../import/datum.ts';
import { toCsv } from '../import/export-table.ts';
import {
  allPropertyKeys,
  featureName,
  pointsOf,
  representativeLngLat,
  summarise,
} from '../import/layer-features.ts';
import type { LayerStore } from '../import/layer-store.ts';
import { featuresKey, metaKey } from '../import/layer-store.ts';
import type { parseFile } from '../import/parse-file.ts';
import {
  type Datum,
  type FeatureRow,
  IMPORT_COLORS,
  type ImportedLayerMeta,
  type ImportFormat,
  type ImportReport,
  type LayerAnalysis,
  type LayerStyle,
  type PointMetrics,
  type ReportNote,
  type RowSortKey,
  type TableInspection,
} from '../import/types.ts';
import { createLayerTiles, type LayerTiles, type TileOptions } from '../import/vector-tiles.ts';
import type { AnalysisReference, ImportRequest, ImportResponse } from './import-protocol.ts';

/** Reads a tabular file's header for the column-mapping step (parse-file.ts's `inspectTable`). */
export type InspectTable = (
  bytes: Uint8Array,
  fileName: string,
  encoding?: 'utf-8' | 'gbk',
) => Promise<{ format: ImportFormat; table?: TableInspection }>;

export interface ImportHandlerDeps {
  store: LayerStore;
  parse: typeof parseFile;
  inspect: InspectTable;
  /** Clock for `createdAt` (tests fix it). */
  now?: () => number;
  /** Tile index tuning (benchmark). */
  tiles?: TileOptions;
}

/** A response and the buffers to transfer with it. */
export interface ImportHandlerResult {
  response: ImportResponse;
  transfer: Transferable[];
}

/** One layer as the worker holds it. */
interface LiveLayer {
  meta: ImportedLayerMeta;
  features: GeoJSON.Feature[];
  tiles: LayerTiles;
  /** The last report (convertDatum answers with it, updated). */
  report: ImportReport;
  points: ReturnType<typeof pointsOf> | null;
  analysis: { result: PointAnalysis; analyser: PointAnalyser; summary: LayerAnalysis } | null;
  /** The last sorted order of the table (one per layer: sorting 10⁶ rows is worth keeping). */
  sorted: { key: string; order: Int32Array } | null;
}

const FORMATS: readonly ImportFormat[] = ['geojson', 'csv', 'kml', 'kmz', 'shapefile', 'xlsx', 'unknown'];
const DATUMS: readonly Datum[] = ['wgs84', 'gcj02', 'bd09'];
const LAYER_ID = /^imp-[a-z0-9]+$/;
const COLOR = /^#[0-9a-f]{6}$/i;
const MAX_NAME = 200;
const MAX_ROWS_PAGE = 1000;

const note = (code: string, zh: string, en: string): ReportNote => ({ code, zh, en });
const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));
const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** The stored metadata's user-set fields, validated; the rest is recomputed from the features. */
function readMeta(
  raw: unknown,
  id: string,
): Omit<ImportedLayerMeta, 'featureCount' | 'kinds' | 'bbox' | 'propertyKeys'> | string {
  if (!isObj(raw)) return 'metadata is not an object';
  if (raw.id !== id || !LAYER_ID.test(id)) return 'metadata names another layer id';
  if (typeof raw.name !== 'string' || typeof raw.fileName !== 'string') return 'name or file name missing';
  if (!FORMATS.includes(raw.format as ImportFormat)) return 'unknown format';
  if (!DATUMS.includes(raw.datum as Datum)) return 'unknown datum';
  const s = raw.style;
  if (!isObj(s) || typeof s.color !== 'string' || !COLOR.test(s.color)) return 'style colour missing';
  if (typeof s.opacity !== 'number' || typeof s.radius !== 'number') return 'style missing';
  return {
    id,
    name: raw.name.slice(0, MAX_NAME),
    fileName: raw.fileName,
    format: raw.format as ImportFormat,
    datum: raw.datum as Datum,
    style: { color: s.color.toLowerCase(), opacity: clamp(s.opacity, 0, 1), radius: clamp(s.radius, 1, 30) },
    visible: raw.visible !== false,
    createdAt: typeof raw.createdAt === 'number' ? raw.createdAt : 0,
  };
}

/** A file name base safe on every OS (the layer name is untrusted text). */
function safeFileBase(name: string): string {
  const base = name
    .replace(/\.[a-z0-9]{1,8}$/i, '')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, '_')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 80);
  return base || 'atlas-layer';
}

type Key = string | number | null;
/** Sort key of a property value: numbers, then booleans, then text; missing (null) always last. */
function propertyKey(v: unknown): [number, Key] {
  if (typeof v === 'number') return Number.isFinite(v) ? [0, v] : [3, null];
  if (typeof v === 'boolean') return [1, v ? 1 : 0];
  if (typeof v === 'string') return v === '' ? [3, null] : [2, v];
  if (v === null || v === undefined) return [3, null];
  return [2, JSON.stringify(v)];
}

export function createImportHandler(deps: ImportHandlerDeps) {
  const { store, parse, inspect } = deps;
  const now = deps.now ?? Date.now;
  const layers = new Map<string, LiveLayer>();
  let reference: AnalysisReference | null = null;
  let analyser: PointAnalyser | null = null;
  let idCounter = 0;

  function newId(): string {
    for (;;) {
      const id = `imp-${now().toString(36)}${(idCounter++).toString(36)}${Math.floor(Math.random() * 36 ** 4).toString(36)}`;
      if (!layers.has(id)) return id.toLowerCase();
    }
  }

  function nextColor(): string {
    const used = new Set([...layers.values()].map((l) => l.meta.style.color));
    return IMPORT_COLORS.find((c) => !used.has(c)) ?? IMPORT_COLORS[layers.size % IMPORT_COLORS.length]!;
  }

  function live(meta: ImportedLayerMeta, features: GeoJSON.Feature[], report: ImportReport): LiveLayer {
    return {
      meta,
      features,
      tiles: createLayerTiles(features, deps.tiles),
      report,
      points: null,
      analysis: null,
      sorted: null,
    };
  }

  function layerOf(id: unknown): LiveLayer {
    const l = typeof id === 'string' ? layers.get(id) : undefined;
    if (!l) throw new Error(`no imported layer "${String(id)}"`);
    return l;
  }

  function withSummary(
    base: Omit<ImportedLayerMeta, 'featureCount' | 'kinds' | 'bbox' | 'propertyKeys'>,
    features: readonly GeoJSON.Feature[],
  ): ImportedLayerMeta {
    const s = summarise(features);
    return {
      ...base,
      featureCount: features.length,
      kinds: s.kinds,
      bbox: s.bbox,
      propertyKeys: s.propertyKeys,
    };
  }

  const notStored = (e: unknown) =>
    note(
      'not-stored',
      `图层未能保存到本设备（${errorText(e)}），刷新后将不再保留。`,
      `The layer could not be saved on this device (${errorText(e)}); it will not survive a reload.`,
    );

  function metricsOf(l: LiveLayer, index: number): PointMetrics | null {
    if (!l.analysis || !l.points) return null;
    const slot = l.points.slotOf[index]!;
    return slot >= 0 ? l.analysis.analyser.metricsAt(l.analysis.result, slot) : null;
  }

  function rowOf(l: LiveLayer, index: number): FeatureRow {
    const f = l.features[index]!;
    return {
      index,
      name: featureName(f),
      geometryType: f.geometry?.type ?? 'None',
      lngLat: representativeLngLat(f),
      properties: f.properties ?? {},
      metrics: metricsOf(l, index),
    };
  }

  /** The table's order for a sort (ascending keys, missing last whatever the direction). */
  function orderOf(l: LiveLayer, sort: RowSortKey, descending: boolean): Int32Array | null {
    if (sort.kind === 'index') return null;
    const key = `${sort.kind}:${sort.kind === 'property' ? sort.key : ''}:${descending}`;
    if (l.sorted?.key === key) return l.sorted.order;
    const n = l.features.length;
    const dir = descending ? -1 : 1;
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    if (sort.kind === 'name' || sort.kind === 'property') {
      const ranks = new Uint8Array(n);
      const values: Key[] = new Array(n);
      for (let i = 0; i < n; i++) {
        const f = l.features[i]!;
        const [r, v] =
          sort.kind === 'name'
            ? propertyKey(featureName(f))
            : propertyKey(f.properties ? f.properties[sort.key] : undefined);
        ranks[i] = r;
        values[i] = v;
      }
      order.sort((a, b) => {
        const ra = ranks[a]!;
        const rb = ranks[b]!;
        if (ra === 3 || rb === 3) return ra === rb ? a - b : ra === 3 ? 1 : -1;
        if (ra !== rb) return (ra - rb) * dir;
        const va = values[a]!;
        const vb = values[b]!;
        // Code-point order for text: locale collation is far too slow for 10⁶ rows.
        return va < vb ? -dir : va > vb ? dir : a - b;
      });
    } else {
      const d = new Float64Array(n).fill(Number.NaN);
      const a = l.analysis;
      if (a && l.points) {
        const src =
          sort.kind === 'nearestOpenStation'
            ? a.result.openDistanceM
            : sort.kind === 'nearestPlannedStation'
              ? a.result.plannedDistanceM
              : a.result.parkDistanceM;
        const { featureOf } = l.points;
        for (let s = 0; s < featureOf.length; s++) {
          const v = src[s]!;
          if (Number.isFinite(v)) d[featureOf[s]!] = v;
        }
      }
      order.sort((x, y) => {
        const vx = d[x]!;
        const vy = d[y]!;
        const mx = Number.isNaN(vx);
        const my = Number.isNaN(vy);
        if (mx || my) return mx === my ? x - y : mx ? 1 : -1;
        return vx === vy ? x - y : (vx - vy) * dir;
      });
    }
    l.sorted = { key, order };
    return order;
  }

  function exportCsv(list: { layer: LiveLayer; indexes: readonly number[] }[]): string {
    const multi = list.length > 1;
    const propKeys = allPropertyKeys(
      (function* () {
        for (const { layer, indexes } of list) for (const i of indexes) yield layer.features[i]!;
      })(),
    );
    const analysed = list.some(({ layer }) => layer.analysis);
    const taken = new Set(propKeys);
    // Our own columns give way to a property of the same name (renamed with a suffix, never dropped).
    const own = (name: string) => {
      let n = name;
      while (taken.has(n)) n = `${n}_atlas`;
      taken.add(n);
      return n;
    };
    const fixed = [
      ...(multi ? [own('layer')] : []),
      own('index'),
      own('name'),
      own('geometry_type'),
      own('lng'),
      own('lat'),
    ];
    const metricCols = analysed
      ? [
          'nearest_open_station',
          'nearest_open_station_en',
          'nearest_open_station_m',
          'nearest_planned_station',
          'nearest_planned_station_en',
          'nearest_planned_station_m',
          'nearest_park',
          'nearest_park_m',
          'inside_park',
          'within_800m_of_open_station',
        ].map(own)
      : [];
    const round = (d: number) => Math.round(d * 10) / 10;
    function* rows() {
      for (const { layer, indexes } of list) {
        for (const i of indexes) {
          const f = layer.features[i]!;
          const p = representativeLngLat(f);
          const props = f.properties ?? {};
          const row: unknown[] = [
            ...(multi ? [layer.meta.name] : []),
            i,
            featureName(f),
            f.geometry?.type ?? '',
            p?.[0],
            p?.[1],
            ...propKeys.map((k) => props[k]),
          ];
          if (analysed) {
            const m = metricsOf(layer, i);
            row.push(
              m?.nearestOpenStation?.name,
              m?.nearestOpenStation?.nameEn,
              m?.nearestOpenStation ? round(m.nearestOpenStation.distanceM) : null,
              m?.nearestPlannedStation?.name,
              m?.nearestPlannedStation?.nameEn,
              m?.nearestPlannedStation ? round(m.nearestPlannedStation.distanceM) : null,
              m?.nearestPark?.id,
              m?.nearestPark ? round(m.nearestPark.distanceM) : null,
              m?.insideParkId,
              m ? m.inCatchment : null,
            );
          }
          yield row;
        }
      }
    }
    return toCsv([...fixed, ...propKeys, ...metricCols], rows());
  }

  async function handle(req: ImportRequest): Promise<ImportHandlerResult> {
    const ok = (response: ImportResponse, transfer: Transferable[] = []): ImportHandlerResult => ({
      response,
      transfer,
    });
    const { requestId } = req;
    switch (req.type) {
      case 'inspect': {
        if (!(req.bytes instanceof ArrayBuffer)) throw new Error('bytes must be an ArrayBuffer');
        const r = await inspect(new Uint8Array(req.bytes), String(req.fileName), req.encoding);
        return ok({ type: 'inspected', requestId, format: r.format, ...(r.table ? { table: r.table } : {}) });
      }

      case 'import': {
        if (!(req.bytes instanceof ArrayBuffer)) throw new Error('bytes must be an ArrayBuffer');
        const fileName = String(req.fileName);
        const datum = DATUMS.includes(req.options?.datum) ? req.options.datum : 'wgs84';
        const parsed = await parse(new Uint8Array(req.bytes), fileName, { ...req.options, datum });
        const report: ImportReport = {
          fileName,
          format: parsed.format,
          outcome: parsed.outcome,
          featureCount: parsed.outcome === 'rejected' ? 0 : parsed.features.length,
          droppedCount: parsed.droppedCount,
          notes: [...parsed.notes],
          reasons: [...parsed.reasons],
          datum,
        };
        if (parsed.outcome === 'rejected') return ok({ type: 'imported', requestId, report, layer: null });
        const features = parsed.features;
        const meta = withSummary(
          {
            id: newId(),
            name: fileName.slice(0, MAX_NAME),
            fileName,
            format: parsed.format,
            datum,
            style: { color: nextColor(), opacity: 0.85, radius: 4 },
            visible: true,
            createdAt: now(),
          },
          features,
        );
        if (datum === 'wgs84' && reference) {
          const suspicion = detectDatumSuspicion(features, reference.stations);
          if (suspicion) report.suspicion = suspicion;
        }
        try {
          await store.put(meta, features);
        } catch (e) {
          report.notes.push(notStored(e));
        }
        layers.set(meta.id, live(meta, features, report));
        return ok({ type: 'imported', requestId, report, layer: meta });
      }

      case 'convertDatum': {
        const l = layerOf(req.layerId);
        if (req.from !== 'gcj02' && req.from !== 'bd09') throw new Error('from must be gcj02 or bd09');
        if (l.meta.datum !== 'wgs84') {
          throw new Error(`layer was read as ${l.meta.datum}, not WGS-84: it has been converted already`);
        }
        const features = convertFeatures(l.features, req.from);
        const meta = withSummary({ ...l.meta, datum: req.from }, features);
        const report: ImportReport = {
          ...l.report,
          featureCount: features.length,
          datum: req.from,
          notes: [
            ...l.report.notes.filter((n) => n.code !== 'not-stored'),
            note(
              'datum-converted',
              `坐标已按 ${req.from === 'gcj02' ? 'GCJ-02' : 'BD-09'} 重新读取并转换为 WGS-84。`,
              `Coordinates re-read as ${req.from === 'gcj02' ? 'GCJ-02' : 'BD-09'} and converted to WGS-84.`,
            ),
          ],
        };
        delete report.suspicion;
        try {
          await store.put(meta, features);
        } catch (e) {
          report.notes.push(notStored(e));
        }
        layers.set(meta.id, live(meta, features, report));
        return ok({ type: 'converted', requestId, report, layer: meta });
      }

      case 'restore': {
        const unreadable: { key: string; reason: string }[] = [];
        const restored: LiveLayer[] = [];
        for (const id of await store.list()) {
          let raw: { meta: unknown; features: unknown };
          try {
            raw = await store.get(id);
          } catch (e) {
            unreadable.push({ key: metaKey(id), reason: errorText(e) });
            continue;
          }
          if (raw.meta === undefined) {
            unreadable.push({ key: featuresKey(id), reason: 'features without metadata' });
            continue;
          }
          const base = readMeta(raw.meta, id);
          if (typeof base === 'string') {
            unreadable.push({ key: metaKey(id), reason: base });
            continue;
          }
          if (!Array.isArray(raw.features)) {
            unreadable.push({
              key: featuresKey(id),
              reason: raw.features === undefined ? 'features missing' : 'features are not a list',
            });
            continue;
          }
          const features = raw.features as unknown[];
          const bad = features.findIndex((f) => !isObj(f) || f.type !== 'Feature');
          if (bad >= 0) {
            unreadable.push({ key: featuresKey(id), reason: `entry ${bad} is not a GeoJSON feature` });
            continue;
          }
          const meta = withSummary(base, features as GeoJSON.Feature[]);
          const report: ImportReport = {
            fileName: meta.fileName,
            format: meta.format,
            outcome: 'accepted',
            featureCount: meta.featureCount,
            droppedCount: 0,
            notes: [],
            reasons: [],
            datum: meta.datum,
          };
          restored.push(live(meta, features as GeoJSON.Feature[], report));
        }
        // Layers already open in this session (a file dropped while the restore ran, or one the
        // device could not store) stay as they are; the stored ones are (re)loaded.
        for (const l of restored) if (!layers.has(l.meta.id)) layers.set(l.meta.id, l);
        const all = [...layers.values()].sort((a, b) => a.meta.createdAt - b.meta.createdAt);
        return ok({ type: 'restored', requestId, layers: all.map((l) => l.meta), unreadable });
      }

      case 'update': {
        const l = layerOf(req.layerId);
        const patch = isObj(req.patch) ? req.patch : {};
        const before = l.meta;
        const meta: ImportedLayerMeta = { ...before, style: { ...before.style } };
        if (typeof patch.name === 'string' && patch.name.trim())
          meta.name = patch.name.trim().slice(0, MAX_NAME);
        if (typeof patch.visible === 'boolean') meta.visible = patch.visible;
        const s: Partial<LayerStyle> = isObj(patch.style) ? patch.style : {};
        if (typeof s.color === 'string' && COLOR.test(s.color)) meta.style.color = s.color.toLowerCase();
        if (typeof s.opacity === 'number' && Number.isFinite(s.opacity))
          meta.style.opacity = clamp(s.opacity, 0, 1);
        if (typeof s.radius === 'number' && Number.isFinite(s.radius))
          meta.style.radius = clamp(s.radius, 1, 30);
        // Stored first: a change the device did not keep is reported, not shown as if it were.
        await store.put(meta);
        l.meta = meta;
        return ok({ type: 'updated', requestId, layer: meta });
      }

      case 'remove': {
        if (typeof req.layerId !== 'string') throw new Error('layerId must be a string');
        await store.delete(req.layerId);
        layers.delete(req.layerId);
        return ok({ type: 'removed', requestId, layerId: req.layerId });
      }

      case 'tile': {
        const l = layerOf(req.layerId);
        const bytes = l.tiles.tile(req.z, req.x, req.y);
        return ok({ type: 'tile', requestId, bytes }, bytes ? [bytes] : []);
      }

      case 'setReference': {
        const r = req.reference;
        if (!isObj(r) || !Array.isArray(r.stations) || !Array.isArray(r.parks)) {
          throw new Error('reference needs stations and parks');
        }
        analyser = createPointAnalyser(r.stations as AnalysisStation[], r.parks as AnalysisPark[]);
        reference = r;
        for (const l of layers.values()) {
          l.analysis = null; // stale against the new reference
          l.sorted = null;
        }
        return ok({ type: 'referenceSet', requestId });
      }

      case 'analyse': {
        const l = layerOf(req.layerId);
        if (!analyser) throw new Error('no reference data yet: send setReference first');
        const t0 = performance.now();
        l.points ??= pointsOf(l.features);
        const result = analyser.analyse(l.points.lngLats);
        const summary: LayerAnalysis = {
          layerId: l.meta.id,
          analysedPoints: result.count,
          insideByPark: result.insideByPark,
          nearByPark: result.nearByPark,
          inCatchment: result.inCatchmentCount,
          ms: performance.now() - t0,
        };
        l.analysis = { result, analyser, summary };
        l.sorted = null;
        return ok({ type: 'analysed', requestId, analysis: summary });
      }

      case 'rows': {
        const l = layerOf(req.layerId);
        const total = l.features.length;
        const offset = Number.isInteger(req.offset) ? clamp(req.offset, 0, total) : 0;
        const limit = Number.isInteger(req.limit) ? clamp(req.limit, 0, MAX_ROWS_PAGE) : 100;
        const sort: RowSortKey = isObj(req.sort) ? req.sort : { kind: 'index' };
        const order = orderOf(l, sort, req.descending === true);
        const rows: FeatureRow[] = [];
        for (let k = offset; k < Math.min(total, offset + limit); k++) {
          const i = order ? order[k]! : req.descending === true ? total - 1 - k : k;
          rows.push(rowOf(l, i));
        }
        return ok({ type: 'rows', requestId, total, rows });
      }

      case 'feature': {
        const l = layerOf(req.layerId);
        const i = req.index;
        const row = Number.isInteger(i) && i >= 0 && i < l.features.length ? rowOf(l, i) : null;
        return ok({ type: 'feature', requestId, row });
      }

      case 'export': {
        if (!Array.isArray(req.layerIds) || req.layerIds.length === 0) throw new Error('no layers to export');
        const chosen = req.layerIds.map(layerOf);
        let list: { layer: LiveLayer; indexes: readonly number[] }[];
        if (req.indexes !== undefined) {
          if (chosen.length !== 1) throw new Error('a selection belongs to exactly one layer');
          const l = chosen[0]!;
          const indexes = [...new Set(req.indexes)].filter(
            (i) => Number.isInteger(i) && i >= 0 && i < l.features.length,
          );
          list = [{ layer: l, indexes }];
        } else {
          // Arrays, not iterators: the CSV writer walks the indexes twice (keys, then rows).
          list = chosen.map((layer) => ({ layer, indexes: Array.from(layer.features.keys()) }));
        }
        const base = chosen.length === 1 ? safeFileBase(chosen[0]!.meta.name) : 'atlas-layers';
        let text: string;
        let fileName: string;
        let mimeType: string;
        if (req.format === 'csv') {
          text = exportCsv(list);
          fileName = `${base}.csv`;
          mimeType = 'text/csv;charset=utf-8';
        } else if (req.format === 'geojson') {
          const features: GeoJSON.Feature[] = [];
          for (const { layer, indexes } of list) for (const i of indexes) features.push(layer.features[i]!);
          // The features exactly as imported: import(export(x)) gives x back.
          text = JSON.stringify({ type: 'FeatureCollection', features });
          fileName = `${base}.geojson`;
          mimeType = 'application/geo+json';
        } else {
          throw new Error(`unknown export format ${String(req.format)}`);
        }
        const bytes = new TextEncoder().encode(text).buffer as ArrayBuffer;
        return ok({ type: 'exported', requestId, fileName, mimeType, bytes }, [bytes]);
      }

      default:
        throw new Error(`unknown request type ${String((req as { type?: unknown }).type)}`);
    }
  }

  /** Answers one request (a malformed one too) with its response, never a rejection. */
  return async function handleMessage(message: unknown): Promise<ImportHandlerResult> {
    const requestId =
      isObj(message) && typeof message.requestId === 'number' ? (message.requestId as number) : -1;
    try {
      if (!isObj(message)) throw new Error('message is not an object');
      return await handle(message as ImportRequest);
    } catch (e) {
      return { response: { type: 'error', requestId, message: errorText(e) }, transfer: [] };
    }
  };
}

export type ImportHandler = ReturnType<typeof createImportHandler>;
