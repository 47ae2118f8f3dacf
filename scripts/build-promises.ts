/**
 * Builds geodata/plan-promises.json from geodata/authored/plan-promises.json: each promise gets the
 * plan's words (from authored/plan-transit.json where it holds them — not copied by hand — or the
 * quote in plan-promises.json, checked against the plan text), and each promise with a `reference`
 * gets its status and evidence from the reference data's dated snapshots: Baidu/HKUST (2024-03),
 * the official GZMTR line–station table (2025-10) and AMap (2026-08, GCJ-02 file: only its line and
 * station names are read here, never its coordinates). "Open by" is the oldest snapshot listing the
 * line or station; no snapshot gives opening dates, so none is written. The evidence also names the
 * line's station nearest the park's mapped outline (geodata/stations.geojson, parks.geojson).
 *
 * Deterministic (no timestamps). Usage: npx tsx scripts/build-promises.ts [geodataDir] [referenceDir]
 * (reference default: ../shared/geodata-reference next to the repo, or GEODATA_REFERENCE).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type AuthoredPromise,
  AuthoredPromisesSchema,
  type PlanPromise,
  type PlanPromises,
  PlanPromisesSchema,
  type Vintage,
} from '../src/data/plan-promises-schema.ts';
import { type Bilingual, ParksSchema, StationsSchema, TransitLinesSchema } from '../src/data/schemas.ts';
import { distanceToAreaM } from '../src/domain/boundary-distance.ts';
import type { AreaGeometry } from '../src/domain/index.ts';
import { jsonOnePerLine } from './build/one-per-line.ts';
import { DEFAULT_PLAN_TEXT } from './checks/content.ts';
import { parseCsv, readJson } from './lib/json-io.ts';
import { lineCodeFromName, lineIdFromCode, normaliseStationName } from './lib/transit.ts';

/** Inputs inside geodata/, recorded in generatedFrom (the freshness check re-hashes them). */
export const INPUT_FILES = [
  'authored/plan-promises.json',
  'authored/plan-transit.json',
  'transit-lines.geojson',
  'stations.geojson',
  'parks.geojson',
] as const;

/** Reference files read, relative to the reference directory. */
export const REFERENCE_FILES = [
  'metro/gz_metro_lines_hkust2024_wgs84.geojson',
  'metro/gzmtr_line_station_order_2025-10.csv',
  'metro/amap_subway_guangzhou_2026-08_gcj02_original.json',
] as const;

export const METHOD =
  'Promises and the plan’s words: geodata/authored/plan-promises.json (+ plan-transit.json annotations). A promise ' +
  'with a reference line is "open by" the oldest snapshot that lists the line (or the station on it): Baidu/HKUST ' +
  '2024-03, official GZMTR table 2025-10, AMap 2026-08; the official table has no status field — being listed is taken ' +
  'as in service. No snapshot gives opening dates. Other statuses and evidence are authored from what the reference ' +
  'data shows; "unknown" means the reference data cannot tell.';

const VINTAGE_LABEL: Record<Vintage, Bilingual> = {
  'hkust-baidu-2024-03': { zh: '百度/HKUST（2024年3月）', en: 'Baidu/HKUST (Mar 2024)' },
  'gzmtr-2025-10': { zh: '广州地铁官方线路站点表（2025年10月）', en: 'official GZMTR table (Oct 2025)' },
  'amap-2026-08': { zh: '高德（2026年8月）', en: 'AMap (Aug 2026)' },
};
const VINTAGES = Object.keys(VINTAGE_LABEL) as Vintage[];

/** One line entry of a snapshot: its name there and its stations in order. */
interface SnapshotLine {
  name: string;
  stations: string[];
}
export type Snapshots = Record<Vintage, Map<string, SnapshotLine[]>>;

function push(map: Map<string, SnapshotLine[]>, code: string | undefined, line: SnapshotLine) {
  if (!code) return;
  map.set(code, [...(map.get(code) ?? []), line]);
}

/** The three snapshots' lines by line code (names only; no coordinates are read). */
export function readSnapshots(referenceDir: string): Snapshots {
  const hk = new Map<string, SnapshotLine[]>();
  const hkust = readJson<{ features: { properties: { line_name_zh: string; stations: string[] } }[] }>(
    path.join(referenceDir, REFERENCE_FILES[0]),
  );
  for (const f of hkust.features)
    push(hk, lineCodeFromName(f.properties.line_name_zh), {
      name: f.properties.line_name_zh,
      stations: f.properties.stations,
    });

  const gz = new Map<string, SnapshotLine[]>();
  const rows = parseCsv(fs.readFileSync(path.join(referenceDir, REFERENCE_FILES[1]), 'utf8')) as Record<
    string,
    string
  >[];
  const entries = new Map<string, { code: string; name: string; rows: { order: number; name: string }[] }>();
  for (const r of rows) {
    const key = `${r.line_code}|${r.line_name_zh}`;
    const e = entries.get(key) ?? { code: r.line_code!, name: r.line_name_zh!, rows: [] };
    e.rows.push({ order: Number(r.order), name: r.station_name_zh! });
    entries.set(key, e);
  }
  for (const e of entries.values())
    push(gz, e.code, { name: e.name, stations: e.rows.sort((a, b) => a.order - b.order).map((r) => r.name) });

  const am = new Map<string, SnapshotLine[]>();
  const amap = readJson<{
    lines: { name: string; stationIds: string[] }[];
    stations: { id: string; name: string }[];
  }>(path.join(referenceDir, REFERENCE_FILES[2]));
  const stationName = new Map(amap.stations.map((s) => [s.id, s.name]));
  for (const l of amap.lines)
    push(am, lineCodeFromName(l.name), {
      name: l.name,
      stations: l.stationIds.map((id) => stationName.get(id) ?? id),
    });
  return { 'hkust-baidu-2024-03': hk, 'gzmtr-2025-10': gz, 'amap-2026-08': am };
}

const ends = (l: SnapshotLine) => `${l.stations[0]}–${l.stations.at(-1)}`;

/** What each snapshot lists for a line (or a station on it), and the oldest snapshot listing it. */
export function referenceEvidence(
  snapshots: Snapshots,
  ref: { line: string; station?: string },
): { listedIn: Vintage[]; text: Bilingual } {
  const listedIn: Vintage[] = [];
  const zh: string[] = [];
  const en: string[] = [];
  const want = ref.station ? normaliseStationName(ref.station) : null;
  for (const v of VINTAGES) {
    const lines = snapshots[v].get(ref.line) ?? [];
    const label = VINTAGE_LABEL[v];
    if (lines.length === 0) {
      zh.push(`${label.zh}：无此线路`);
      en.push(`${label.en}: line not in this set`);
      continue;
    }
    if (want) {
      const on = lines.filter((l) => l.stations.some((s) => normaliseStationName(s) === want));
      if (on.length > 0) listedIn.push(v);
      zh.push(`${label.zh}：${on.length > 0 ? `列于${on.map((l) => l.name).join('、')}` : '线路上未列此站'}`);
      en.push(
        `${label.en}: ${on.length > 0 ? `listed on ${on.map((l) => l.name).join(', ')}` : 'not on the line'}`,
      );
      continue;
    }
    listedIn.push(v);
    zh.push(`${label.zh}：${lines.map((l) => `${ends(l)}（${l.stations.length}站）`).join('；')}`);
    en.push(`${label.en}: ${lines.map((l) => `${ends(l)} (${l.stations.length} stations)`).join('; ')}`);
  }
  const subject = ref.station ? `${ref.station}` : '';
  return {
    listedIn,
    text: {
      zh: `${subject ? `${subject}站 — ` : ''}${zh.join('；')}。`,
      en: `${subject ? `${subject} — ` : ''}${en.join('; ')}.`,
    },
  };
}

export interface PromiseInputs {
  authored: AuthoredPromise[];
  planTransit: {
    annotations?: { lineId: string; parkIds?: string[]; planText?: Bilingual }[];
    lines?: { features: { properties: { id: string; planText?: Bilingual } }[] };
    stations?: { features: { properties: { id: string; planText?: Bilingual } }[] };
  };
  planText: string;
  lineIds: Set<string>;
  stationIds: Set<string>;
  stations: { coordinates: [number, number]; id: string; name: Bilingual; lineIds: string[] }[];
  parks: Map<string, AreaGeometry>;
  snapshots: Snapshots;
}

/** The plan's words for a promise: from plan-transit.json, or the authored quote (checked against the plan). */
function planWordsOf(p: AuthoredPromise, input: PromiseInputs): { words: Bilingual; from: string } {
  if ('from' in p.planWords) {
    const id = p.planWords.id;
    const annotation = input.planTransit.annotations?.find(
      (a) => a.lineId === id && (a.parkIds ?? []).includes(p.parkId),
    );
    const feature = [
      ...(input.planTransit.lines?.features ?? []),
      ...(input.planTransit.stations?.features ?? []),
    ].find((f) => f.properties.id === id);
    const words = annotation?.planText ?? feature?.properties.planText;
    if (!words)
      throw new Error(`plan-promises ${p.id}: plan-transit.json has no plan text for ${id} and ${p.parkId}`);
    return { words, from: `plan-transit:${id}` };
  }
  const flat = (s: string) => s.replace(/\s+/g, '');
  if (!flat(input.planText).includes(flat(p.planWords.zh)))
    throw new Error(`plan-promises ${p.id}: quote not found in the plan text: ${p.planWords.zh}`);
  return { words: { zh: p.planWords.zh, en: p.planWords.en }, from: 'plan-promises' };
}

/** The referenced line's station nearest the park's mapped outline, as a sentence. */
function nearestOnLine(p: AuthoredPromise, input: PromiseInputs): Bilingual | null {
  if (!p.reference) return null;
  const park = input.parks.get(p.parkId);
  const lineId = lineIdFromCode(p.reference.line);
  if (!park) return null;
  let best: { name: Bilingual; d: number } | null = null;
  for (const s of input.stations) {
    if (!s.lineIds.includes(lineId) || s.id.startsWith('plan-st-')) continue;
    const d = distanceToAreaM(s.coordinates, park);
    if (!best || d < best.d) best = { name: s.name, d };
  }
  if (!best) return null;
  const km = (best.d / 1000).toFixed(1);
  return best.d === 0
    ? {
        zh: `该线车站${best.name.zh}位于园区地图轮廓内。`,
        en: `The line's station ${best.name.en} lies inside the park's mapped outline.`,
      }
    : {
        zh: `该线距园区地图轮廓最近的车站：${best.name.zh}，约${km}公里（直线）。`,
        en: `The line's station nearest the park's mapped outline: ${best.name.en}, ≈ ${km} km (straight line).`,
      };
}

/** Resolves the authored promises (pure; no I/O). */
export function buildPromises(input: PromiseInputs, generatedFrom: string, reference: string): PlanPromises {
  const seen = new Set<string>();
  const promises = input.authored.map((p): PlanPromise => {
    if (seen.has(p.id)) throw new Error(`plan-promises: duplicate id ${p.id}`);
    seen.add(p.id);
    if (p.mapFeatureId && !input.lineIds.has(p.mapFeatureId) && !input.stationIds.has(p.mapFeatureId))
      throw new Error(`plan-promises ${p.id}: mapFeatureId ${p.mapFeatureId} is not a line or station`);
    const { words, from } = planWordsOf(p, input);
    let statusNow = p.statusNow;
    let evidence = p.evidence;
    let openBy: Vintage | null = null;
    let source = 'none (authored from what the reference data lacks)';
    if (p.reference) {
      const ev = referenceEvidence(input.snapshots, p.reference);
      if (ev.listedIn.length === 0 && (statusNow ?? 'open') === 'open')
        throw new Error(`plan-promises ${p.id}: no reference snapshot lists ${JSON.stringify(p.reference)}`);
      statusNow ??= 'open';
      if (statusNow === 'open' || statusNow === 'partly-open') openBy = ev.listedIn[0] ?? null;
      const near = nearestOnLine(p, input);
      evidence = {
        zh: [ev.text.zh, near?.zh, p.note?.zh].filter(Boolean).join(''),
        en: [ev.text.en, near?.en, p.note?.en].filter(Boolean).join(' '),
      };
      source = REFERENCE_FILES.join(' + ');
    }
    return {
      id: p.id,
      parkId: p.parkId,
      kind: p.kind,
      name: p.name,
      planWords: words,
      planWordsFrom: from,
      statusThen: p.statusThen,
      statusNow: statusNow!,
      openBy,
      source,
      evidence: evidence!,
      mapFeatureId: p.mapFeatureId ?? null,
    };
  });
  return { generatedFrom, reference, method: METHOD, promises };
}

const sha16 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex').slice(0, 16);

export function readInputs(
  geodataDir: string,
  referenceDir: string,
  planTextFile = process.env.PLAN_TEXT ?? DEFAULT_PLAN_TEXT,
): PromiseInputs {
  const authored = AuthoredPromisesSchema.parse(
    readJson(path.join(geodataDir, 'authored/plan-promises.json')),
  );
  const lines = TransitLinesSchema.parse(readJson(path.join(geodataDir, 'transit-lines.geojson')));
  const stations = StationsSchema.parse(readJson(path.join(geodataDir, 'stations.geojson')));
  const parks = ParksSchema.parse(readJson(path.join(geodataDir, 'parks.geojson')));
  return {
    authored: authored.promises,
    planTransit: readJson(path.join(geodataDir, 'authored/plan-transit.json')),
    planText: fs.readFileSync(planTextFile, 'utf8'),
    lineIds: new Set(lines.features.map((f) => f.properties.id)),
    stationIds: new Set(stations.features.map((f) => f.properties.id)),
    stations: stations.features.map((f) => ({
      coordinates: f.geometry.coordinates as [number, number],
      id: f.properties.id,
      name: f.properties.name,
      lineIds: [...f.properties.lineIds],
    })),
    parks: new Map(parks.features.map((f) => [f.properties.id, f.geometry as AreaGeometry])),
    snapshots: readSnapshots(referenceDir),
  };
}

/** One promise per line, so a diff shows which promise changed. */
export function serialise(file: PlanPromises): string {
  return jsonOnePerLine(file, 'promises');
}

function main() {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const dir = path.resolve(process.argv[2] ?? path.join(here, '..', 'geodata'));
  const ref = path.resolve(
    process.argv[3] ??
      process.env.GEODATA_REFERENCE ??
      path.join(here, '..', '..', 'shared', 'geodata-reference'),
  );
  const generatedFrom = INPUT_FILES.map((f) => `geodata/${f} sha256:${sha16(path.join(dir, f))}`).join(' + ');
  const reference = REFERENCE_FILES.map((f) => `${f} sha256:${sha16(path.join(ref, f))}`).join(' + ');
  const built = buildPromises(readInputs(dir, ref), generatedFrom, reference);
  PlanPromisesSchema.parse(built);
  const out = path.join(dir, 'plan-promises.json');
  fs.writeFileSync(out, serialise(built));
  console.log(
    `build-promises: ${built.promises.length} promises; plan-promises.json ${(fs.statSync(out).size / 1024).toFixed(1)} KB`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
