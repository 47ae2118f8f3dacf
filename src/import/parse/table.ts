/**
 * Tables (CSV with papaparse, xlsx with @e965/xlsx) into point features. Columns holding longitude and
 * latitude are detected by their header (zh/en) and, failing that, by their values; the mapping step
 * may override them (ParseOptions.columns). Every cell stays text; formula cells are kept as their
 * text (never evaluated) and counted in a note.
 */
import * as XLSX from '@e965/xlsx';
import Papa from 'papaparse';
import { IMPORT_LIMITS, type ReportNote, type TableColumns, type TableInspection } from '../types.ts';
import { notes } from './notes.ts';
import { decodeText } from './text.ts';
import { type ValidateResult, validateFeatures } from './validate.ts';
import { checkZipExpansion } from './zip.ts';

export interface RawTable {
  headers: string[];
  rows: string[][];
  encoding?: 'utf-8' | 'gbk';
  notes: ReportNote[];
  /** Set when the table was refused for its row count before being parsed. */
  tooMany?: number;
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return text.endsWith('\n') ? n : n + 1;
}

export function readCsv(bytes: Uint8Array, encoding?: 'utf-8' | 'gbk'): RawTable {
  const decoded = decodeText(bytes, encoding);
  const pre: ReportNote[] = [];
  if (decoded.bom) pre.push(notes.bomStripped());
  if (decoded.encoding === 'gbk') pre.push(notes.encodingGbk());
  // Without quotes every line is a row: refuse an over-long table before papaparse builds it.
  if (!decoded.text.includes('"') && countLines(decoded.text) > IMPORT_LIMITS.maxFeatures + 1) {
    return { headers: [], rows: [], tooMany: countLines(decoded.text) - 1, notes: pre };
  }
  // papaparse follows RFC 4180 as Excel writes it: quoted fields, doubled quotes, newlines inside quotes.
  const parsed = Papa.parse<string[]>(decoded.text, { skipEmptyLines: 'greedy' });
  const data = parsed.data;
  const headers = (data[0] ?? []).map((h, i) => String(h).trim() || `column${i + 1}`);
  const rows = data.slice(1);
  let formulas = 0;
  for (const row of rows)
    for (const cell of row) if (typeof cell === 'string' && cell.startsWith('=')) formulas++;
  if (formulas) pre.push(notes.formulaCells(formulas));
  return {
    headers,
    rows,
    encoding: decoded.encoding === 'gbk' ? 'gbk' : 'utf-8',
    notes: pre,
  };
}

export function readXlsx(bytes: Uint8Array): RawTable {
  // xlsx unzips on its own with no cap: measure the expansion with ours first (throws on a bomb).
  checkZipExpansion(bytes, IMPORT_LIMITS.maxUnzippedBytes);
  const book = XLSX.read(bytes, { type: 'array', cellFormula: true, cellHTML: false, dense: false });
  const sheetName = book.SheetNames[0];
  const sheet = sheetName === undefined ? undefined : book.Sheets[sheetName];
  if (!sheet?.['!ref']) return { headers: [], rows: [], notes: [] };
  const range = XLSX.utils.decode_range(sheet['!ref']);
  const all: string[][] = [];
  let formulas = 0;
  for (let r = range.s.r; r <= range.e.r; r++) {
    const row: string[] = [];
    for (let c = range.s.c; c <= range.e.c; c++) {
      const cell = sheet[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
      if (!cell) {
        row.push('');
        continue;
      }
      if (cell.f) formulas++;
      // The cached value (what Excel showed) as text; a formula without one is kept as its source.
      if (cell.v === undefined || cell.v === null) row.push(cell.f ? `=${cell.f}` : '');
      else if (cell.v instanceof Date) row.push(cell.v.toISOString());
      else row.push(String(cell.v));
    }
    if (row.some((v) => v.trim() !== '')) all.push(row);
    if (all.length > IMPORT_LIMITS.maxFeatures + 1) break;
  }
  const headers = (all[0] ?? []).map((h, i) => h.trim() || `column${i + 1}`);
  return { headers, rows: all.slice(1), notes: formulas ? [notes.formulaCells(formulas)] : [] };
}

const LNG_NAMES = [
  '经度',
  'lng',
  'lon',
  'long',
  'longitude',
  'x',
  '东经',
  'lng_wgs84',
  'wgs84_lng',
  'gcj_lng',
  'bd_lng',
  'point_x',
  'xcoord',
  'x坐标',
];
const LAT_NAMES = [
  '纬度',
  'lat',
  'latitude',
  'y',
  '北纬',
  'lat_wgs84',
  'wgs84_lat',
  'gcj_lat',
  'bd_lat',
  'point_y',
  'ycoord',
  'y坐标',
];
const NAME_NAMES = [
  '名称',
  'name',
  '名字',
  '站名',
  '标题',
  'title',
  '地点',
  '企业名称',
  '公司名称',
  '园区名称',
  'label',
];

const norm = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/[\s()（）[\]]/g, '');

function byHeader(headers: string[], names: string[], contains: RegExp): string | null {
  for (const h of headers) if (names.includes(norm(h))) return h;
  for (const h of headers) if (contains.test(norm(h))) return h;
  return null;
}

/** Detects lng/lat/name columns by header names, then by value ranges (Guangzhou first, then China). */
export function detectColumns(headers: string[], rows: string[][]): TableInspection['detected'] {
  let lng = byHeader(headers, LNG_NAMES, /经度|^lng|^lon|longitude/);
  let lat = byHeader(headers, LAT_NAMES, /纬度|^lat|latitude/);
  const name = byHeader(headers, NAME_NAMES, /名称|name/);
  if (!lng || !lat) {
    const sample = rows.slice(0, 200);
    const share = (col: number, lo: number, hi: number) => {
      let ok = 0;
      let seen = 0;
      for (const r of sample) {
        const v = (r[col] ?? '').trim();
        if (!v) continue;
        seen++;
        const n = toNumber(v);
        if (n !== null && n >= lo && n <= hi) ok++;
      }
      return seen ? ok / seen : 0;
    };
    const pick = (ranges: [number, number][], taken: string | null) => {
      for (const [lo, hi] of ranges) {
        const i = headers.findIndex((h, k) => h !== taken && share(k, lo, hi) >= 0.8);
        if (i >= 0) return headers[i] as string;
      }
      return null;
    };
    if (!lng)
      lng = pick(
        [
          [112, 115.5],
          [73, 136],
        ],
        lat,
      );
    if (!lat)
      lat = pick(
        [
          [21.5, 24.5],
          [3, 54],
        ],
        lng,
      );
  }
  return { lng, lat, name };
}

export function inspect(table: RawTable): TableInspection {
  return {
    headers: table.headers,
    detected: detectColumns(table.headers, table.rows),
    sample: table.rows.slice(0, 5).map((r) => table.headers.map((_, i) => String(r[i] ?? ''))),
    ...(table.encoding ? { encoding: table.encoding } : {}),
    rowCount: table.tooMany ?? table.rows.length,
  };
}

function toNumber(v: string): number | null {
  const t = v.trim().replace(/°$/, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** Rows to point features with every cell as a text property. */
export function tableToFeatures(
  table: RawTable,
  columns: TableColumns | undefined,
): ValidateResult & { table: TableInspection } {
  const inspection = inspect(table);
  const lngCol = columns?.lng ?? inspection.detected.lng;
  const latCol = columns?.lat ?? inspection.detected.lat;
  const nameCol = columns?.name ?? inspection.detected.name;
  const fail = (note: ReportNote) => ({
    features: [],
    notes: [...table.notes],
    reasons: [note],
    droppedCount: 0,
    table: inspection,
  });
  const rowCount = table.tooMany ?? table.rows.length;
  if (rowCount > IMPORT_LIMITS.maxFeatures)
    return fail(notes.tooManyFeatures(rowCount, IMPORT_LIMITS.maxFeatures));
  const li = lngCol ? table.headers.indexOf(lngCol) : -1;
  const ai = latCol ? table.headers.indexOf(latCol) : -1;
  if (li < 0 || ai < 0 || li === ai) return fail(notes.noCoordinateColumns());
  const ni = nameCol ? table.headers.indexOf(nameCol) : -1;
  const headers = table.headers;
  const features: GeoJSON.Feature[] = [];
  let bad = 0;
  for (const row of table.rows) {
    const x = toNumber(String(row[li] ?? ''));
    const y = toNumber(String(row[ai] ?? ''));
    if (x === null || y === null) {
      bad++;
      continue;
    }
    const properties: Record<string, string> = {};
    for (let i = 0; i < headers.length; i++) {
      const h = headers[i] as string;
      const v = String(row[i] ?? '');
      // A "__proto__" header must become a key, not the object's prototype.
      if (h === '__proto__')
        Object.defineProperty(properties, h, {
          value: v,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      else properties[h] = v;
    }
    if (ni >= 0 && !('name' in properties)) properties.name = String(row[ni] ?? '');
    features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: [x, y] }, properties });
  }
  const result = validateFeatures(features);
  result.notes.unshift(...table.notes);
  if (bad) {
    result.notes.push(notes.rowsDropped(bad));
    result.droppedCount += bad;
  }
  return { ...result, table: inspection };
}
