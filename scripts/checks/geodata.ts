/**
 * Data check for every dataset of the registry (src/data/datasets.ts, scripts/datasets.ts says which
 * per-file checks apply to which file) — QUALITY-BAR D1–D4:
 *   D1 schema (zod, src/data/schemas.ts), unique ids, source + precision present, precision notes
 *      bilingual ({ zh, en }, both non-blank);
 *   D2 geometry: closed rings, ≥ 4 positions, no kinks, holes inside shells, CCW outer rings,
 *      WGS-84 ranges, inside the Guangzhou area, ≤ 6 decimals;
 *   D3 park area audit (geodesic, ±10 % of the plan's stated area; info lists Δ % for every park);
 *   D4 datum: stations agree with the WGS-84 reference (≤ 50 m), nothing sits at the GCJ-02
 *      position of a known point (~500–700 m east-south in Guangzhou).
 * Missing / corrupt file → error naming the file; bad feature → error naming file, feature, field.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import gcoord from 'gcoord';
import type { Position } from 'geojson';
import type { z } from 'zod';
import { DATASETS } from '../../src/data/datasets.ts';
import { PARK_IDS } from '../../src/data/schemas.ts';
import { DATASET_SCRIPTS, type FileCheck, isBuildStep, isRequired, schemaOf } from '../datasets.ts';
import {
  areaKm2,
  decimals,
  distanceM,
  isClosed,
  kinkCount,
  pointInAreaGeometry,
  pointInRing,
  signedRingArea,
} from '../lib/geo.ts';
import { isPrecisionNoteIssue, precisionNoteFindings } from './precision-note.ts';
import type { CheckFinding, DataCheck } from './types.ts';

/** Generous Guangzhou frame: the city outline is 112.95–114.05 E, 22.52–23.94 N. */
export const GZ_BBOX = { minLng: 112.9, maxLng: 114.1, minLat: 22.4, maxLat: 24.0 } as const;
const STATED_AREA_KM2 = [2.1, 3, 3, 3.5, 4.95, 5, 1, 5, 1.83, 3.4];
const DATUM_TOLERANCE_M = 50;

/** The position a WGS-84 point would have if it had been published in GCJ-02, and the reverse. */
const toGcj02 = (p: Position) => gcoord.transform([p[0]!, p[1]!], gcoord.WGS84, gcoord.GCJ02);
const fromGcj02 = (p: Position) => gcoord.transform([p[0]!, p[1]!], gcoord.GCJ02, gcoord.WGS84);

/** Known WGS-84 positions (reference set / OSM), used when the reference folder is not at hand. */
export const KNOWN_WGS84: { file: 'stations.geojson' | 'hubs.geojson'; zh: string; at: Position }[] = [
  { file: 'stations.geojson', zh: '广州塔', at: [113.318056, 23.109096] },
  { file: 'stations.geojson', zh: '珠江新城', at: [113.315797, 23.121978] },
  { file: 'stations.geojson', zh: '体育西路', at: [113.316097, 23.133745] },
  { file: 'stations.geojson', zh: '广州南站', at: [113.264495, 22.991508] },
  { file: 'stations.geojson', zh: '琶洲', at: [113.361209, 23.101055] },
  { file: 'stations.geojson', zh: '官洲', at: [113.371457, 23.070301] },
  { file: 'stations.geojson', zh: '新造', at: [113.410198, 23.030719] },
  { file: 'stations.geojson', zh: '知识城', at: [113.519945, 23.352043] },
  { file: 'hubs.geojson', zh: '广州塔', at: [113.3191477, 23.1090145] },
];

interface AnyFeature {
  type?: unknown;
  geometry?: { type?: unknown; coordinates?: unknown } | null;
  properties?: Record<string, unknown> | null;
}
interface AnyCollection {
  type?: unknown;
  features?: AnyFeature[];
}

export interface GeodataCheckOptions {
  /** Folder of the reference data (for the datum comparison); skipped when absent. */
  referenceDir?: string;
}

function featureId(f: AnyFeature | undefined, index: number): string {
  const id = f?.properties?.id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : `#${index}`;
}

function readCollection(
  dir: string,
  file: string,
  findings: CheckFinding[],
  required: boolean,
): AnyCollection | undefined {
  const full = path.join(dir, file);
  if (!existsSync(full)) {
    if (required) findings.push({ level: 'error', file, message: 'file is missing' });
    return undefined;
  }
  try {
    return JSON.parse(readFileSync(full, 'utf8')) as AnyCollection;
  } catch (error) {
    findings.push({ level: 'error', file, message: `not valid JSON: ${(error as Error).message}` });
    return undefined;
  }
}

function schemaFindings(file: string, schema: z.ZodType, data: AnyCollection): CheckFinding[] {
  const r = schema.safeParse(data);
  if (r.success) return [];
  // Precision notes are reported by provenanceFindings, with the field named precisionNote.zh / .en.
  const issues = r.error.issues.filter(
    (i) => !(i.path[0] === 'features' && i.path[2] === 'properties' && isPrecisionNoteIssue(i.path)),
  );
  return issues.slice(0, 50).map((issue) => {
    const p = issue.path;
    if (p[0] === 'features' && typeof p[1] === 'number') {
      const f = data.features?.[p[1]];
      const field = p.slice(2).join('.') || undefined;
      return {
        level: 'error' as const,
        file,
        featureId: featureId(f, p[1]),
        field,
        message: `schema: ${issue.message}`,
      };
    }
    return {
      level: 'error' as const,
      file,
      field: p.join('.') || undefined,
      message: `schema: ${issue.message}`,
    };
  });
}

/** D2 for one position: finite, WGS-84 ranges, Guangzhou frame, ≤ 6 decimals. */
function positionProblem(p: unknown): string | undefined {
  if (!Array.isArray(p) || p.length < 2) return 'position is not [lng, lat]';
  const [lng, lat] = p as unknown[];
  if (typeof lng !== 'number' || typeof lat !== 'number' || !Number.isFinite(lng) || !Number.isFinite(lat))
    return `non-numeric coordinate ${JSON.stringify(p)}`;
  if (lng < -180 || lng > 180 || lat < -90 || lat > 90)
    return `coordinate out of WGS-84 range ${JSON.stringify(p)} (lng/lat swapped?)`;
  if (lng < GZ_BBOX.minLng || lng > GZ_BBOX.maxLng || lat < GZ_BBOX.minLat || lat > GZ_BBOX.maxLat)
    return `coordinate outside the Guangzhou area ${JSON.stringify(p)} (lng/lat swapped or wrong CRS?)`;
  if (decimals(lng) > 6 || decimals(lat) > 6) return `more than 6 decimals ${JSON.stringify(p)}`;
  return undefined;
}

function geometryFindings(file: string, f: AnyFeature, index: number): CheckFinding[] {
  const out: CheckFinding[] = [];
  const id = featureId(f, index);
  const g = f.geometry;
  if (!g || typeof g !== 'object')
    return [{ level: 'error', file, featureId: id, field: 'geometry', message: 'geometry missing' }];
  const err = (message: string) =>
    out.push({ level: 'error', file, featureId: id, field: 'geometry', message });
  const checkPositions = (list: unknown): boolean => {
    if (!Array.isArray(list)) {
      err('coordinates are not an array');
      return false;
    }
    for (const p of list) {
      const problem = positionProblem(p);
      if (problem) {
        err(problem);
        return false;
      }
    }
    return true;
  };
  const checkPolygon = (rings: unknown, label: string) => {
    if (!Array.isArray(rings) || rings.length === 0) return err(`${label}: no rings`);
    const typed: Position[][] = [];
    for (const [k, ring] of (rings as unknown[]).entries()) {
      const where = `${label} ring ${k}`;
      if (!checkPositions(ring)) return;
      const r = ring as Position[];
      if (r.length < 4) return err(`${where}: ${r.length} positions, a ring needs ≥ 4`);
      if (!isClosed(r)) return err(`${where}: ring is not closed (first ≠ last position)`);
      const ccw = signedRingArea(r) > 0;
      if (k === 0 && !ccw) err(`${where}: outer ring is clockwise (RFC 7946 wants counter-clockwise)`);
      if (k > 0 && ccw) err(`${where}: hole is counter-clockwise (RFC 7946 wants clockwise)`);
      typed.push(r);
    }
    const kinks = kinkCount(typed);
    if (kinks > 0) err(`${label}: self-intersecting (${kinks} kink point(s), e.g. a bow-tie)`);
    const shell = typed[0]!;
    for (const [k, hole] of typed.slice(1).entries())
      if (!hole.every((p) => pointInRing(p, shell)))
        err(`${label} ring ${k + 1}: hole lies outside its shell`);
  };
  switch (g.type) {
    case 'Point':
      checkPositions([g.coordinates]);
      break;
    case 'LineString':
      checkPositions(g.coordinates);
      break;
    case 'MultiLineString':
      for (const part of (g.coordinates as unknown[]) ?? []) checkPositions(part);
      break;
    case 'Polygon':
      checkPolygon(g.coordinates, 'polygon');
      break;
    case 'MultiPolygon':
      for (const [k, poly] of ((g.coordinates as unknown[]) ?? []).entries()) checkPolygon(poly, `part ${k}`);
      break;
    default:
      err(`unexpected geometry type ${String(g.type)}`);
  }
  return out;
}

function provenanceFindings(file: string, f: AnyFeature, index: number): CheckFinding[] {
  const out: CheckFinding[] = [];
  const id = featureId(f, index);
  for (const field of ['source', 'precision'] as const) {
    const v = f.properties?.[field];
    if (typeof v !== 'string' || v.trim() === '')
      out.push({ level: 'error', file, featureId: id, field, message: `every feature needs a ${field}` });
  }
  out.push(...precisionNoteFindings(file, id, f.properties?.precisionNote));
  return out;
}

function idFindings(file: string, c: AnyCollection): CheckFinding[] {
  const out: CheckFinding[] = [];
  const seen = new Map<string, number>();
  for (const [i, f] of (c.features ?? []).entries()) {
    const id = f.properties?.id;
    if (typeof id !== 'string' || id === '') {
      out.push({ level: 'error', file, featureId: `#${i}`, field: 'id', message: 'feature has no id' });
      continue;
    }
    if (seen.has(id))
      out.push({
        level: 'error',
        file,
        featureId: id,
        field: 'id',
        message: `duplicate id (also feature #${seen.get(id)})`,
      });
    else seen.set(id, i);
  }
  return out;
}

/** D3: park count/order and the area audit. */
function parkFindings(
  parks: AnyCollection,
  districts: AnyCollection | undefined,
  outline: AnyCollection | undefined,
): CheckFinding[] {
  const file = 'parks.geojson';
  const out: CheckFinding[] = [];
  const features = parks.features ?? [];
  const ids = features.map((f) => f.properties?.id);
  if (ids.length !== PARK_IDS.length || PARK_IDS.some((id, i) => ids[i] !== id))
    out.push({
      level: 'error',
      file,
      message: `parks must be the ${PARK_IDS.length} PARK_IDS in plan order, got [${ids.join(', ')}]`,
    });
  const rows: string[] = [];
  for (const [i, f] of features.entries()) {
    const id = featureId(f, i);
    const g = f.geometry as Parameters<typeof areaKm2>[0] | undefined;
    const planIndex = PARK_IDS.indexOf(id as (typeof PARK_IDS)[number]);
    const stated = planIndex >= 0 ? STATED_AREA_KM2[planIndex]! : Number(f.properties?.statedAreaKm2);
    if (f.properties?.statedAreaKm2 !== stated)
      out.push({
        level: 'error',
        file,
        featureId: id,
        field: 'statedAreaKm2',
        message: `stated area ${String(f.properties?.statedAreaKm2)} ≠ the plan's ${stated} km²`,
      });
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) continue;
    let computed: number;
    try {
      computed = areaKm2(g);
    } catch {
      continue;
    }
    const delta = ((computed - stated) / stated) * 100;
    rows.push(
      `${planIndex + 1}. ${id}: stated ${stated} km², computed ${computed.toFixed(3)} km², Δ ${delta >= 0 ? '+' : ''}${delta.toFixed(1)} %`,
    );
    if (Math.abs(delta) > 10)
      out.push({
        level: 'error',
        file,
        featureId: id,
        field: 'geometry',
        message: `geodesic area ${computed.toFixed(3)} km² is ${delta.toFixed(1)} % from the stated ${stated} km² (limit ±10 %)`,
      });
    else if (Math.abs(delta) > 3)
      out.push({
        level: 'warning',
        file,
        featureId: id,
        field: 'geometry',
        message: `area Δ ${delta.toFixed(1)} % (aim ±3 %)`,
      });
    const city = outline?.features?.[0]?.geometry;
    if (city && (city.type === 'Polygon' || city.type === 'MultiPolygon')) {
      const cg = city as Parameters<typeof pointInAreaGeometry>[1];
      const verts = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).flatMap(
        (rings) => rings[0] ?? [],
      );
      const outside = verts.filter((p) => !pointInAreaGeometry(p, cg)).length;
      if (outside > 0)
        out.push({
          level: 'error',
          file,
          featureId: id,
          field: 'geometry',
          message: `${outside} vertex/vertices outside the Guangzhou city outline`,
        });
    }
    // Inside the right district (by vertices; water-bound parks may touch the boundary line).
    const code = f.properties?.districtCode;
    const d = districts?.features?.find((x) => x.properties?.id === code);
    if (d?.geometry && (d.geometry.type === 'Polygon' || d.geometry.type === 'MultiPolygon')) {
      const dg = d.geometry as Parameters<typeof pointInAreaGeometry>[1];
      const verts = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).flatMap(
        (rings) => rings[0] ?? [],
      );
      const inside = verts.filter((p) => pointInAreaGeometry(p, dg)).length / Math.max(1, verts.length);
      if (inside < 0.9) {
        const managed = id === 'bio-island';
        out.push({
          level: managed ? 'info' : 'warning',
          file,
          featureId: id,
          field: 'districtCode',
          message: managed
            ? `${Math.round(inside * 100)} % of the outline's vertices lie inside district ${String(code)} — expected: 官洲岛 is administered by Huangpu but drawn inside Haizhu in the DataV polygons`
            : `only ${Math.round(inside * 100)} % of the outline's vertices lie inside district ${String(code)}`,
        });
      }
    }
  }
  out.push({ level: 'info', file, message: `park area audit (geodesic):\n    ${rows.join('\n    ')}` });
  return out;
}

interface RefStation {
  zh: string;
  at: Position;
}

function loadReferenceStations(referenceDir: string | undefined): RefStation[] | undefined {
  if (!referenceDir) return undefined;
  const file = path.join(referenceDir, 'metro', 'gz_metro_stations_wgs84.geojson');
  if (!existsSync(file)) return undefined;
  try {
    const c = JSON.parse(readFileSync(file, 'utf8')) as AnyCollection;
    return (c.features ?? []).map((f) => ({
      zh: String(f.properties?.name_zh),
      at: (f.geometry?.coordinates as Position) ?? [0, 0],
    }));
  } catch {
    return undefined;
  }
}

/** D4: stations at their WGS-84 reference positions; flag positions that look GCJ-02-shifted. */
function datumFindings(
  stations: AnyCollection | undefined,
  hubs: AnyCollection | undefined,
  reference: RefStation[] | undefined,
): CheckFinding[] {
  const out: CheckFinding[] = [];
  const judge = (file: string, f: AnyFeature, index: number, ref: Position, what: string) => {
    const at = (f.geometry?.coordinates as Position | undefined) ?? undefined;
    if (!Array.isArray(at) || typeof at[0] !== 'number' || typeof at[1] !== 'number') return;
    const d = distanceM(at, ref);
    if (d <= DATUM_TOLERANCE_M) return;
    const toGcj = distanceM(at, toGcj02(ref));
    const fromGcj = distanceM(fromGcj02(at), ref);
    const gcjLike = toGcj < 100 || (d > 400 && d < 900 && fromGcj < d / 3);
    out.push({
      level: gcjLike || d > 200 ? 'error' : 'warning',
      file,
      featureId: featureId(f, index),
      field: 'geometry',
      message: gcjLike
        ? `position is ${Math.round(d)} m from the WGS-84 ${what} and ${Math.round(toGcj)} m from its GCJ-02 position — GCJ-02 coordinates presented as WGS-84?`
        : `position is ${Math.round(d)} m from the WGS-84 ${what} (tolerance ${DATUM_TOLERANCE_M} m)`,
    });
  };
  const list = stations?.features ?? [];
  if (reference) {
    const byName = new Map<string, Position>();
    for (const r of reference) if (!byName.has(r.zh)) byName.set(r.zh, r.at);
    let compared = 0;
    for (const [i, f] of list.entries()) {
      const id = String(f.properties?.id ?? '');
      if (id.startsWith('plan-')) continue;
      const name = (f.properties?.name as { zh?: string } | undefined)?.zh;
      const ref = name ? byName.get(name) : undefined;
      if (!ref) continue;
      compared++;
      judge('stations.geojson', f, i, ref, 'reference station');
    }
    out.push({
      level: 'info',
      file: 'stations.geojson',
      message: `datum: ${compared} stations compared with the WGS-84 reference set`,
    });
  }
  for (const k of KNOWN_WGS84) {
    const c = k.file === 'stations.geojson' ? stations : hubs;
    const i = (c?.features ?? []).findIndex(
      (f) => (f.properties?.name as { zh?: string } | undefined)?.zh === k.zh,
    );
    if (i < 0) continue;
    if (reference && k.file === 'stations.geojson') continue; // already compared above
    judge(k.file, c!.features![i]!, i, k.at, `position of ${k.zh}`);
  }
  return out;
}

function crossFileFindings(
  lines: AnyCollection | undefined,
  stations: AnyCollection | undefined,
): CheckFinding[] {
  if (!lines || !stations) return [];
  const ids = new Set((lines.features ?? []).map((f) => f.properties?.id));
  const out: CheckFinding[] = [];
  for (const [i, s] of (stations.features ?? []).entries())
    for (const l of (s.properties?.lineIds as unknown[] | undefined) ?? [])
      if (!ids.has(l))
        out.push({
          level: 'error',
          file: 'stations.geojson',
          featureId: featureId(s, i),
          field: 'lineIds',
          message: `unknown line id ${String(l)}`,
        });
  return out;
}

function manifestFindings(dir: string, counts: Map<string, number>): CheckFinding[] {
  const file = 'manifest.json';
  const full = path.join(dir, file);
  if (!existsSync(full)) return [{ level: 'error', file, message: 'file is missing' }];
  let m: { buildDate?: unknown; files?: { file?: unknown; features?: unknown }[] };
  try {
    m = JSON.parse(readFileSync(full, 'utf8'));
  } catch (error) {
    return [{ level: 'error', file, message: `not valid JSON: ${(error as Error).message}` }];
  }
  const out: CheckFinding[] = [];
  if (typeof m.buildDate !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(m.buildDate))
    out.push({
      level: 'error',
      file,
      field: 'buildDate',
      message: 'buildDate must be a fixed YYYY-MM-DD date',
    });
  for (const entry of m.files ?? []) {
    const name = String(entry.file);
    const actual = counts.get(name);
    if (actual === undefined) continue;
    if (actual !== entry.features)
      out.push({
        level: 'error',
        file,
        field: name,
        message: `manifest says ${String(entry.features)} features, file has ${actual}`,
      });
  }
  for (const name of counts.keys())
    if (!(m.files ?? []).some((e) => e.file === name))
      out.push({ level: 'error', file, field: name, message: 'file not listed' });
  return out;
}

function attributionFindings(dir: string): CheckFinding[] {
  const file = 'attribution.json';
  const full = path.join(dir, file);
  if (!existsSync(full)) return [{ level: 'error', file, message: 'file is missing' }];
  let a: { items?: { id?: unknown; text?: { zh?: unknown; en?: unknown }; appliesTo?: unknown[] }[] };
  try {
    a = JSON.parse(readFileSync(full, 'utf8'));
  } catch (error) {
    return [{ level: 'error', file, message: `not valid JSON: ${(error as Error).message}` }];
  }
  const out: CheckFinding[] = [];
  if (!Array.isArray(a.items) || a.items.length === 0) return [{ level: 'error', file, message: 'no items' }];
  for (const it of a.items) {
    const id = String(it.id ?? '?');
    if (typeof it.text?.zh !== 'string' || typeof it.text?.en !== 'string')
      out.push({ level: 'error', file, featureId: id, field: 'text', message: 'text needs zh and en' });
    for (const f of it.appliesTo ?? [])
      if (!existsSync(path.join(dir, String(f))))
        out.push({
          level: 'error',
          file,
          featureId: id,
          field: 'appliesTo',
          message: `names a missing file ${String(f)}`,
        });
  }
  return out;
}

/** Run D1–D4 over `dir`. */
export function checkGeodata(dir: string, options: GeodataCheckOptions = {}): CheckFinding[] {
  const findings: CheckFinding[] = [];
  const loaded = new Map<string, AnyCollection>();
  for (const dataset of DATASETS) {
    const name = dataset.file;
    const c = readCollection(dir, name, findings, isRequired(dataset));
    if (!c) continue;
    if (c.type !== 'FeatureCollection' || !Array.isArray(c.features)) {
      findings.push({ level: 'error', file: name, message: 'not a GeoJSON FeatureCollection' });
      continue;
    }
    loaded.set(name, c);
    const checks: readonly FileCheck[] = DATASET_SCRIPTS[dataset.id].checks;
    if (checks.includes('schema')) findings.push(...schemaFindings(name, schemaOf(dataset), c));
    if (checks.includes('ids')) findings.push(...idFindings(name, c));
    for (const [i, f] of c.features.entries()) {
      if (checks.includes('provenance')) findings.push(...provenanceFindings(name, f, i));
      if (checks.includes('geometry')) findings.push(...geometryFindings(name, f, i));
    }
  }
  const parks = loaded.get('parks.geojson');
  if (parks)
    findings.push(
      ...parkFindings(parks, loaded.get('districts.geojson'), loaded.get('city-outline.geojson')),
    );
  findings.push(...crossFileFindings(loaded.get('transit-lines.geojson'), loaded.get('stations.geojson')));
  findings.push(
    ...datumFindings(
      loaded.get('stations.geojson'),
      loaded.get('hubs.geojson'),
      loadReferenceStations(options.referenceDir),
    ),
  );
  // The manifest lists what build-geodata writes; the files other scripts write are not in it.
  const manifestCounts = new Map<string, number>();
  for (const d of DATASETS) {
    const c = loaded.get(d.file);
    if (c && isBuildStep(DATASET_SCRIPTS[d.id].build)) manifestCounts.set(d.file, c.features?.length ?? 0);
  }
  findings.push(...manifestFindings(dir, manifestCounts));
  findings.push(...attributionFindings(dir));
  return findings;
}

/** Reference folder: env GEODATA_REFERENCE, else ../shared/geodata-reference beside the repo. */
export function defaultReferenceDir(geodataDir: string): string | undefined {
  const candidates = [
    process.env.GEODATA_REFERENCE,
    path.resolve(geodataDir, '..', '..', 'shared', 'geodata-reference'),
  ];
  return candidates.find((c): c is string => !!c && existsSync(c));
}

const check: DataCheck = (geodataDir) =>
  checkGeodata(geodataDir, { referenceDir: defaultReferenceDir(geodataDir) });
export default check;
