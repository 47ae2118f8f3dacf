/**
 * The transit network: lines and stations in service from the reference set (official GZMTR table,
 * HKUST/Baidu track geometry, AMap station chains), plus the lines, stations and annotations the plan
 * names (geodata/authored/plan-transit.json).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Feature, LineString, Position } from 'geojson';
import {
  type Bilingual,
  PARK_IDS,
  type ParkId,
  type StationProperties,
  StationsSchema,
  type TransitLineProperties,
  TransitLinesSchema,
} from '../../src/data/schemas.ts';
import { dedupe, roundPosition } from '../lib/geo.ts';
import { parseCsv, readJson } from '../lib/json-io.ts';
import {
  assembleLine,
  cleanStationNameEn,
  lineCodeFromName,
  lineIdFromCode,
  modeForCode,
  normaliseStationName,
  type OfficialRow,
} from '../lib/transit.ts';
import { type BuildContext, fc, type RefCollection, type RefFeature, validate } from './context.ts';

export interface TransitNetwork {
  lines: LineFeature[];
  stations: StationFeature[];
}

/** The network in service with the plan's lines, stations and annotations merged in. */
export function buildTransitNetwork({
  referenceDir,
  authoredDir,
  log,
}: Omit<BuildContext, 'transit'>): TransitNetwork {
  const network = buildTransit(referenceDir, log);
  const planFile = path.join(authoredDir, 'plan-transit.json');
  if (!existsSync(planFile)) {
    log.push('plan-transit.json not present: nothing merged');
    return network;
  }
  const merged = mergePlanTransit(network.lines, network.stations, readJson<PlanTransitFile>(planFile));
  log.push(
    `plan-transit.json merged: ${merged.lines.filter((l) => l.properties.id.startsWith('plan-')).length} plan line(s), ${merged.stations.filter((s) => s.properties.id.startsWith('plan-st-')).length} plan station(s)`,
  );
  return merged;
}

interface OfficialLine {
  code: string;
  nameZh: string;
  nameEn: string;
  colour: string;
  rows: OfficialRow[];
}

function readOfficialTable(ref: string): Map<string, OfficialLine> {
  const rows = parseCsv(
    readFileSync(path.join(ref, 'metro/gzmtr_line_station_order_2025-10.csv'), 'utf8'),
  ) as unknown as OfficialRow[];
  const byCode = new Map<string, OfficialLine>();
  for (const r of rows) {
    const code = r.line_code;
    const line = byCode.get(code) ?? {
      code,
      nameZh: '',
      nameEn: r.line_name_en,
      colour: r.line_color,
      rows: [],
    };
    line.rows.push(r);
    byCode.set(code, line);
  }
  for (const line of byCode.values()) {
    // Several entries share a code (三号线/三北线, 十四号线/十四号线(知识城)): prefer the plain name.
    const names = [...new Set(line.rows.map((r) => r.line_name_zh))];
    const plain = names
      .filter((n) => !/[(（]/.test(n))
      .sort(
        (a, b) =>
          Number(!a.includes('号线')) - Number(!b.includes('号线')) ||
          a.length - b.length ||
          a.localeCompare(b),
      );
    line.nameZh = plain[0] ?? names.sort((a, b) => a.length - b.length)[0]!;
  }
  return byCode;
}

const CODE_ORDER = (code: string): [number, string] => {
  const n = Number(code);
  if (Number.isFinite(n)) return [0, String(n).padStart(3, '0')];
  const group = /^(APM|GF)$/.test(code) ? 1 : /^TH|^TN/.test(code) ? 2 : /^CJ/.test(code) ? 3 : 4;
  return [group, code];
};
const compareCodes = (a: string, b: string) => {
  const [ga, ka] = CODE_ORDER(a);
  const [gb, kb] = CODE_ORDER(b);
  return ga - gb || ka.localeCompare(kb);
};

type LineFeature = Feature<
  LineString | { type: 'MultiLineString'; coordinates: Position[][] },
  TransitLineProperties
>;
export type StationFeature = Feature<{ type: 'Point'; coordinates: Position }, StationProperties>;

/** The network in service: one line per official line code, one station per place. */
function buildTransit(ref: string, log: string[]) {
  const official = readOfficialTable(ref);
  const hkust = readJson<RefCollection<LineString>>(
    path.join(ref, 'metro/gz_metro_lines_hkust2024_wgs84.geojson'),
  );
  const amap = readJson<RefCollection<LineString>>(
    path.join(ref, 'metro/gz_metro_lines_amap2026_station_chain_wgs84.geojson'),
  );
  const group = <T extends RefFeature<LineString>>(list: T[]) => {
    const m = new Map<string, T[]>();
    for (const f of list) {
      const code = lineCodeFromName(String(f.properties.line_name_zh));
      if (!code) throw new Error(`no line code for reference line ${String(f.properties.line_name_zh)}`);
      m.set(code, [...(m.get(code) ?? []), f]);
    }
    return m;
  };
  const hk = group(hkust.features);
  const am = group(amap.features);
  const lines: LineFeature[] = [];
  for (const code of [...official.keys()].sort(compareCodes)) {
    const o = official.get(code)!;
    const hkLines = (hk.get(code) ?? []) as unknown as Parameters<typeof assembleLine>[0];
    const amLines = (am.get(code) ?? []) as unknown as Parameters<typeof assembleLine>[1];
    let parts: Position[][];
    let precision: 'reference' | 'station-chain';
    let source: string;
    let note: Bilingual;
    if (hkLines.length > 0 || amLines.length > 0) {
      const r = assembleLine(hkLines, amLines);
      parts = r.parts;
      if (r.chainPairs === 0) {
        precision = 'reference';
        source = 'hkust-baidu-2024';
        note = {
          zh: '线路走向取自百度地图公共交通数据（由 HKUST-Trans-Lab 转换为 WGS-84，2024年3月）。',
          en: 'Track alignment from Baidu Maps transit data (converted to WGS-84 by HKUST-Trans-Lab, 2024-03).',
        };
      } else if (hkLines.length === 0) {
        precision = 'station-chain';
        source = 'amap-2026';
        note = {
          zh: '以直线段连接相邻车站（高德2026年8月车站坐标，由 GCJ-02 转换为 WGS-84）；并非实际轨道走向。',
          en: 'Straight segments between consecutive stations (AMap 2026-08 station positions converted GCJ-02 → WGS-84); not the track alignment.',
        };
      } else {
        precision = 'station-chain';
        source = 'hkust-baidu-2024+amap-2026';
        const runsZh = r.chainRuns.map((run) => run.replace('–', '至')).join('、');
        note = {
          zh: `大部分为实际轨道走向（百度/HKUST，2024年3月，WGS-84）；${runsZh}区段在2024年数据快照之后开通或未收录，以高德2026年8月车站坐标（GCJ-02 → WGS-84）之间的直线段表示。`,
          en: `Mostly track alignment (Baidu/HKUST 2024-03, WGS-84); straight segments between AMap 2026-08 stations (GCJ-02 → WGS-84) for ${r.chainRuns.join(', ')}, opened or missing after the 2024 snapshot.`,
        };
      }
    } else {
      // No geometry in either source: chain the official order through the stations that have coordinates.
      const pts = o.rows
        .filter((r) => r.lon_wgs84 && r.lat_wgs84)
        .sort((a, b) => Number(a.order) - Number(b.order))
        .map((r) => roundPosition([Number(r.lon_wgs84), Number(r.lat_wgs84)]));
      const located = dedupe(pts);
      // A chain through a minority of the stations would draw a route that skips most of the line.
      if (located.length < 2 || located.length < o.rows.length / 2) {
        log.push(
          `transit: ${code} (${o.nameZh}) skipped — ${located.length} located station(s) of ${o.rows.length}`,
        );
        continue;
      }
      parts = [located];
      precision = 'station-chain';
      source = 'gzmtr-2025+stations';
      note = {
        zh: `按官方站序，以直线段连接${o.rows.length}座车站中具有 WGS-84 坐标的${located.length}座；并非实际轨道走向。`,
        en: `Straight segments through the ${located.length} of ${o.rows.length} stations with WGS-84 positions, in the official order; not the track alignment.`,
      };
    }
    const geometry =
      parts.length === 1
        ? { type: 'LineString' as const, coordinates: parts[0]! }
        : { type: 'MultiLineString' as const, coordinates: parts };
    lines.push({
      type: 'Feature',
      geometry,
      properties: {
        id: lineIdFromCode(code),
        name: { zh: o.nameZh, en: o.nameEn },
        mode: modeForCode(code),
        colour: o.colour.toUpperCase(),
        status: 'open',
        parkIds: [],
        source,
        precision,
        precisionNote: note,
      },
    });
  }

  // Stations: one per place, all serving lines; WGS-84 reference points only.
  const stationsSrc = readJson<RefCollection<{ type: 'Point'; coordinates: Position }>>(
    path.join(ref, 'metro/gz_metro_stations_wgs84.geojson'),
  );
  const lineIds = new Set(lines.map((l) => l.properties.id));
  const zhToCode = new Map<string, string>();
  for (const o of official.values()) for (const r of o.rows) zhToCode.set(r.line_name_zh, o.code);
  const EN_FALLBACK: Record<string, string> = {
    '林岳东(2号线)': 'Linyue East',
    中大南门: 'Zhongda South Gate',
    南漖: 'Nanjiao',
    南浦西: 'Nanpu West',
    会展西: 'Huizhan West',
    广州塔东: 'Canton Tower East',
    洪圣沙: 'Hongshengsha',
    官桥: 'Guanqiao',
  };
  interface Draft {
    nameZh: string;
    nameEn: string;
    slug: string;
    coords: Position;
    codes: Set<string>;
    coordSource: string;
  }
  const drafts = new Map<string, Draft>();
  for (const f of stationsSrc.features) {
    const p = f.properties;
    const nameZh = String(p.name_zh);
    const codes = new Set<string>();
    for (const n of (p.lines_gzmtr as string[] | null) ?? []) {
      const c = zhToCode.get(n);
      if (c) codes.add(c);
    }
    for (const n of [
      ...((p.lines_amap as string[] | null) ?? []),
      ...((p.lines_hkust as string[] | null) ?? []),
    ]) {
      const c = lineCodeFromName(n);
      if (c) codes.add(c);
    }
    const nameEn = cleanStationNameEn(
      (p.name_en as string | null) ?? EN_FALLBACK[nameZh] ?? String(p.pinyin ?? nameZh),
    );
    const pinyin = typeof p.pinyin === 'string' && /^[A-Za-z ]+$/.test(p.pinyin) ? p.pinyin : undefined;
    const slugBase = (pinyin ?? nameEn)
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      // pinyin words are joined (XiLang → xilang); English names are hyphenated
      .replace(/[^a-z0-9]+/g, pinyin ? '' : '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40);
    const key = normaliseStationName(nameZh);
    const existing = drafts.get(key);
    if (existing) {
      for (const c of codes) existing.codes.add(c);
      continue;
    }
    drafts.set(key, {
      nameZh,
      nameEn,
      slug: slugBase || 'x',
      coords: roundPosition(f.geometry.coordinates),
      codes,
      coordSource: String(p.coord_source ?? ''),
    });
  }
  const slugCount = new Map<string, number>();
  for (const d of drafts.values()) slugCount.set(d.slug, (slugCount.get(d.slug) ?? 0) + 1);
  const stations: StationFeature[] = [];
  for (const d of drafts.values()) {
    const codes = [...d.codes].sort(compareCodes);
    const ids = codes.map(lineIdFromCode).filter((id) => lineIds.has(id));
    if (ids.length === 0) {
      log.push(`stations: ${d.nameZh} skipped — no line with geometry (${codes.join(', ') || 'no line'})`);
      continue;
    }
    const slug = slugCount.get(d.slug)! > 1 ? `${d.slug}-${codes[0]!.toLowerCase()}` : d.slug;
    const fromAmap = d.coordSource.startsWith('AMap');
    const modes = codes.map(modeForCode);
    const mode = modes.includes('metro') ? 'metro' : modes.includes('intercity') ? 'intercity' : 'tram';
    stations.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: d.coords },
      properties: {
        id: `st-${slug}`,
        name: { zh: d.nameZh, en: d.nameEn },
        lineIds: ids,
        status: 'open',
        mode,
        parkIds: [],
        source: fromAmap ? 'amap-2026' : 'hkust-baidu-2024',
        precision: 'located',
        precisionNote: fromAmap
          ? {
              zh: '高德 GCJ-02 → WGS-84（参考数据集）；误差约20米',
              en: 'AMap GCJ-02 → WGS-84 (reference set); ≈ 20 m',
            }
          : { zh: '百度 BD-09 → WGS-84（HKUST，2024年3月）', en: 'Baidu BD-09 → WGS-84 (HKUST, 2024-03)' },
      },
    });
  }
  const seen = new Set<string>();
  for (const s of stations) {
    if (seen.has(s.properties.id)) throw new Error(`duplicate station id ${s.properties.id}`);
    seen.add(s.properties.id);
  }
  stations.sort((a, b) => a.properties.id.localeCompare(b.properties.id));
  return { lines, stations };
}

interface PlanTransitFile {
  annotations?: {
    lineId: string;
    parkIds?: ParkId[];
    planStatus?: TransitLineProperties['planStatus'];
    planText?: { zh: string; en: string };
  }[];
  lines?: { type: 'FeatureCollection'; features: unknown[] };
  stations?: { type: 'FeatureCollection'; features: unknown[] };
}

export function mergePlanTransit(
  lines: LineFeature[],
  stations: StationFeature[],
  plan: PlanTransitFile,
  file = 'authored/plan-transit.json',
): { lines: LineFeature[]; stations: StationFeature[] } {
  const byId = new Map(lines.map((l) => [l.properties.id, l]));
  for (const a of plan.annotations ?? []) {
    const line = byId.get(a.lineId);
    if (!line) throw new Error(`${file}: annotation for unknown lineId "${a.lineId}"`);
    const parkIds = [...new Set([...line.properties.parkIds, ...(a.parkIds ?? [])])].sort(
      (x, y) => PARK_IDS.indexOf(x) - PARK_IDS.indexOf(y),
    );
    // One annotation per park is allowed: texts are joined, the first plan status is kept.
    const prev = line.properties.planText;
    const planText =
      prev && a.planText && prev.zh !== a.planText.zh
        ? { zh: `${prev.zh}；${a.planText.zh}`, en: `${prev.en}; ${a.planText.en}` }
        : (prev ?? a.planText);
    const planStatus = line.properties.planStatus ?? a.planStatus;
    line.properties = {
      ...line.properties,
      parkIds,
      ...(planStatus ? { planStatus } : {}),
      ...(planText ? { planText } : {}),
    };
  }
  const extraLines = validate(TransitLinesSchema, plan.lines ?? fc([]), `${file} › lines`)
    .features as LineFeature[];
  const extraStations = validate(StationsSchema, plan.stations ?? fc([]), `${file} › stations`)
    .features as StationFeature[];
  for (const l of extraLines) {
    if (!l.properties.id.startsWith('plan-'))
      throw new Error(`${file}: line id "${l.properties.id}" must start with plan-`);
    if (byId.has(l.properties.id)) throw new Error(`${file}: duplicate line id "${l.properties.id}"`);
    byId.set(l.properties.id, l);
  }
  const stationIds = new Set(stations.map((s) => s.properties.id));
  for (const s of extraStations) {
    if (!s.properties.id.startsWith('plan-st-'))
      throw new Error(`${file}: station id "${s.properties.id}" must start with plan-st-`);
    if (stationIds.has(s.properties.id))
      throw new Error(`${file}: duplicate station id "${s.properties.id}"`);
    stationIds.add(s.properties.id);
    for (const id of s.properties.lineIds)
      if (!byId.has(id)) throw new Error(`${file}: station ${s.properties.id} names unknown line "${id}"`);
  }
  return { lines: [...lines, ...extraLines], stations: [...stations, ...extraStations] };
}
