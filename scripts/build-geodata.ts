/**
 * Build geodata/ from the reference data set and the hand-authored inputs in geodata/authored/.
 *
 * Usage: tsx scripts/build-geodata.ts [--reference /path/to/geodata-reference]
 *   (default ../shared/geodata-reference relative to the repo root; env GEODATA_REFERENCE)
 *
 * Deterministic: stable order, ≤ 6 decimals, fixed build date (the reference collection date).
 * Only WGS-84 reference files are read; the GCJ-02 `*_original.json` files are never used.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pointOnFeature, simplify } from '@turf/turf';
import type { Feature, LineString, MultiPolygon, Polygon, Position } from 'geojson';
import type { z } from 'zod';
import {
  type Bilingual,
  CityOutlineSchema,
  DistrictsSchema,
  HubsSchema,
  PARK_IDS,
  type ParkId,
  ParksSchema,
  type StationProperties,
  StationsSchema,
  type TransitLineProperties,
  TransitLinesSchema,
  WaterAreasSchema,
  WaterLinesSchema,
} from '../src/data/schemas.ts';
import {
  areaKm2,
  closeRing,
  dedupe,
  kinkCount,
  orientRing,
  pointInAreaGeometry,
  round,
  roundPosition,
  scaleToArea,
} from './lib/geo.ts';
import { parseCsv, readJson, writeGeoJson, writeJson } from './lib/json-io.ts';
import {
  assembleLine,
  cleanStationNameEn,
  lineCodeFromName,
  lineIdFromCode,
  modeForCode,
  normaliseStationName,
  type OfficialRow,
} from './lib/transit.ts';
import { buildWaterAreas } from './lib/water-areas.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..');
export const BUILD_DATE = '2026-12-01';

type Json = Record<string, unknown>;
interface RefFeature<G = { type: string; coordinates: unknown }> {
  type: 'Feature';
  geometry: G;
  properties: Json;
}
interface RefCollection<G = { type: string; coordinates: unknown }> {
  type: 'FeatureCollection';
  features: RefFeature<G>[];
  [k: string]: unknown;
}

function parseArgs(argv: string[]): { reference: string; out: string } {
  let reference =
    process.env.GEODATA_REFERENCE ?? path.resolve(repoRoot, '..', 'shared', 'geodata-reference');
  let out = path.join(repoRoot, 'geodata');
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--reference' && argv[i + 1]) reference = path.resolve(argv[++i]!);
    else if (argv[i] === '--out' && argv[i + 1]) out = path.resolve(argv[++i]!);
  }
  return { reference, out };
}

/** Validate with a zod schema; throw naming the file, feature id and field on failure. */
function validate<S extends z.ZodType>(schema: S, value: unknown, file: string): z.infer<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issues = r.error.issues.slice(0, 10).map((i) => {
    const p = i.path;
    let where = p.join('.');
    if (p[0] === 'features' && typeof p[1] === 'number') {
      const f = (value as { features: { properties?: { id?: string } }[] }).features[p[1]];
      where = `feature ${f?.properties?.id ?? `#${p[1]}`} › ${p.slice(2).join('.')}`;
    }
    return `${where}: ${i.message}`;
  });
  throw new Error(`${file} fails its schema:\n  ${issues.join('\n  ')}`);
}

const fc = <F>(features: F[]) => ({ type: 'FeatureCollection' as const, features });

// ------------------------------------------------------------------ districts & city outline
const DISTRICT_EN: Record<string, string> = {};

function buildDistricts(ref: string) {
  const src = readJson<RefCollection<Polygon | MultiPolygon>>(
    path.join(ref, 'admin/gz_districts_wgs84.geojson'),
  );
  const features = src.features
    .map((f) => {
      const id = String(f.properties.adcode);
      const geometry = roundAreaGeometry(f.geometry);
      const centroid = f.properties.datav_centroid_wgs84 as Position;
      const label = pointInAreaGeometry(centroid, geometry)
        ? roundPosition(centroid)
        : roundPosition(pointOnFeature({ type: 'Feature', properties: {}, geometry }).geometry.coordinates);
      DISTRICT_EN[id] = String(f.properties.name_en);
      return {
        type: 'Feature' as const,
        geometry,
        properties: {
          id,
          name: { zh: String(f.properties.name_zh), en: String(f.properties.name_en) },
          labelPoint: label,
          source: 'datav-2021',
          precision: 'reference' as const,
          precisionNote: {
            zh: 'DataV GeoAtlas 区县行政区划面（GCJ-02），由参考数据集转换为 WGS-84；源数据几何已简化（边界误差可达数百米）。',
            en: 'DataV GeoAtlas district polygon (GCJ-02), converted to WGS-84 by the reference set; simplified source geometry (boundary error up to a few hundred metres).',
          },
        },
      };
    })
    .sort((a, b) => a.properties.id.localeCompare(b.properties.id));
  return validate(DistrictsSchema, fc(features), 'districts.geojson');
}

function roundAreaGeometry(g: Polygon | MultiPolygon): Polygon | MultiPolygon {
  const fixRings = (rings: Position[][]) =>
    rings.map((r, i) => orientRing(closeRing(dedupe(r.map((p) => roundPosition(p)))), i === 0));
  return g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: fixRings(g.coordinates) }
    : { type: 'MultiPolygon', coordinates: g.coordinates.map(fixRings) };
}

function buildCityOutline(ref: string) {
  const src = readJson<RefCollection<Polygon | MultiPolygon>>(
    path.join(ref, 'admin/gz_city_outline_wgs84.geojson'),
  );
  const features = src.features.map((f) => ({
    type: 'Feature' as const,
    geometry: roundAreaGeometry(f.geometry),
    properties: {
      id: '440100',
      name: { zh: '广州市', en: 'Guangzhou' },
      source: 'datav-2021',
      precision: 'reference' as const,
      precisionNote: {
        zh: '由11个 DataV 区县面（已转换为 WGS-84）合并而成；南沙区范围含河口水域。',
        en: 'Union of the 11 DataV district polygons converted to WGS-84; Nansha includes estuary water.',
      },
    },
  }));
  return validate(CityOutlineSchema, fc(features), 'city-outline.geojson');
}

// ------------------------------------------------------------------ water
const WATER_TOLERANCE_DEG = 0.0003; // ≈ 30 m: below GSHHG's own positional error in the estuary
/** The clip frame the reference set used for GSHHG. */
const GSHHG_FRAME = { minLng: 112.9, minLat: 22.45, maxLng: 114.1, maxLat: 24.0 };

function buildWaterLines(ref: string) {
  const shore = readJson<RefCollection<LineString>>(
    path.join(ref, 'water/gshhg_shoreline_guangzhou_wgs84.geojson'),
  );
  const rivers = readJson<RefCollection<LineString>>(
    path.join(ref, 'water/gshhg_wdbii_rivers_guangzhou_wgs84.geojson'),
  );
  const simplifyLine = (coords: Position[]) => {
    const s = simplify(
      { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: coords } },
      { tolerance: WATER_TOLERANCE_DEG, highQuality: true },
    ).geometry.coordinates;
    return dedupe(s.map((p) => roundPosition(p, 5)));
  };
  const features: Feature<LineString, Json>[] = [];
  shore.features.forEach((f, i) => {
    const level = Number(f.properties.gshhg_level);
    const coordinates = simplifyLine(f.geometry.coordinates);
    if (coordinates.length < 2) return;
    features.push({
      type: 'Feature',
      geometry: { type: 'LineString', coordinates },
      properties: {
        id: `shore-${String(i).padStart(3, '0')}`,
        kind: level === 1 ? 'shoreline' : 'lake-shore',
        source: 'gshhg-2.3.7',
        precision: 'reference',
        precisionNote: {
          zh: `GSHHG 全分辨率第${level}级岸线，简化至约30米；岸线数据本身已有数十年历史，在河口一带较为粗略。`,
          en: `GSHHG full-resolution level ${level} shoreline, simplified to ~30 m; the shoreline itself is decades old and coarse in the estuary.`,
        },
      },
    });
  });
  rivers.features.forEach((f, i) => {
    const level = Number(f.properties.gshhg_level);
    const coordinates = simplifyLine(f.geometry.coordinates);
    if (coordinates.length < 2) return;
    features.push({
      type: 'Feature',
      geometry: { type: 'LineString', coordinates },
      properties: {
        id: `river-${String(i).padStart(3, '0')}`,
        kind: level <= 1 ? 'river-major' : 'river',
        source: 'wdbii-gshhg-2.3.7',
        precision: 'reference',
        precisionNote: {
          zh: `GSHHG 随附的 WDB II 河流数据（第${level}级）；位置误差可达约1公里。`,
          en: `WDB II river (level ${level}) as bundled in GSHHG; positional error can reach ~1 km.`,
        },
      },
    });
  });
  return validate(WaterLinesSchema, fc(features), 'water-lines.geojson');
}

function buildWaterAreasFile(ref: string, log: string[]) {
  const shore = readJson<RefCollection<LineString>>(
    path.join(ref, 'water/gshhg_shoreline_guangzhou_wgs84.geojson'),
  );
  const { sea, lakes } = buildWaterAreas(
    shore.features.map((f) => ({
      level: Number(f.properties.gshhg_level),
      coordinates: f.geometry.coordinates,
    })),
    GSHHG_FRAME,
    WATER_TOLERANCE_DEG,
  );
  const round5 = (g: Polygon | MultiPolygon): Polygon | MultiPolygon => {
    const fix = (rings: Position[][]) =>
      rings
        .map((r, i) => orientRing(closeRing(dedupe(r.map((p) => roundPosition(p, 5)))), i === 0))
        .filter((r) => r.length >= 4);
    return g.type === 'Polygon'
      ? { type: 'Polygon', coordinates: fix(g.coordinates) }
      : { type: 'MultiPolygon', coordinates: g.coordinates.map(fix).filter((p) => p.length > 0) };
  };
  const features = [
    {
      type: 'Feature' as const,
      geometry: round5(sea.geometry),
      properties: {
        id: 'sea-pearl-river',
        kind: 'sea' as const,
        source: 'gshhg-2.3.7',
        precision: 'reference' as const,
        precisionNote: {
          zh: '珠江口、各水道及海域：由 GSHHG 裁剪范围（东经112.9°–114.1°，北纬22.45°–24.0°）扣除第1级陆地面得到，简化至约30米。窄于 GSHHG 分辨能力的中心城区河道未能体现。',
          en: 'Pearl River estuary, its channels and the sea, as the GSHHG frame (112.9–114.1 E, 22.45–24.0 N) minus the level-1 land polygons; simplified to ~30 m. Inner-city channels narrower than GSHHG resolves are missing.',
        },
      },
    },
    ...lakes.map((l, i) => ({
      type: 'Feature' as const,
      geometry: round5(l.geometry),
      properties: {
        id: `lake-${String(i).padStart(2, '0')}`,
        kind: 'lake' as const,
        source: 'gshhg-2.3.7',
        precision: 'reference' as const,
        precisionNote: {
          zh: 'GSHHG 第2级（湖泊）面，简化至约30米。GSHHG 未标注其名称，可能是被编码为湖泊的宽阔河段。',
          en: 'GSHHG level-2 (lake) polygon, simplified to ~30 m. GSHHG does not name it; it may be a wide river reach coded as a lake.',
        },
      },
    })),
  ];
  log.push(`water-areas: sea ${areaKm2(sea.geometry).toFixed(0)} km², ${lakes.length} lake(s)`);
  return validate(WaterAreasSchema, fc(features), 'water-areas.geojson');
}

// ------------------------------------------------------------------ transit
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
type StationFeature = Feature<{ type: 'Point'; coordinates: Position }, StationProperties>;

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

// ------------------------------------------------------------------ plan-transit merge (A2)
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

// ------------------------------------------------------------------ hubs
function buildHubs(ref: string, stations: StationFeature[]) {
  const hubsSrc = readJson<RefCollection<{ type: 'Point'; coordinates: Position }>>(
    path.join(ref, 'poi/gz_transport_hubs_wgs84.geojson'),
  );
  const lmSrc = readJson<RefCollection<{ type: 'Point'; coordinates: Position }>>(
    path.join(ref, 'poi/gz_plan_landmarks_wgs84.geojson'),
  );
  const ctx6 = readJson<RefCollection<{ type: string; coordinates: unknown }>>(
    path.join(ref, 'parks-context/park06_nansha_qingsheng_wgs84.geojson'),
  );
  const find = (src: RefCollection<{ type: 'Point'; coordinates: Position }>, zh: string) => {
    const f = src.features.find((x) => x.properties.name_zh === zh);
    if (!f) throw new Error(`reference point ${zh} not found`);
    return f;
  };
  const stationByZh = (zh: string) => {
    const s = stations.find((x) => x.properties.name.zh === zh);
    if (!s) throw new Error(`station ${zh} not found`);
    return s;
  };
  type Kind = 'airport' | 'rail-hub' | 'city-centre' | 'landmark';
  const out: Feature<{ type: 'Point'; coordinates: Position }, Json>[] = [];
  const add = (
    id: string,
    kind: Kind,
    zh: string,
    en: string,
    coords: Position,
    source: string,
    precision: 'located' | 'approximate',
    note: Bilingual,
  ) =>
    out.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: roundPosition(coords) },
      properties: { id, name: { zh, en }, kind, source, precision, precisionNote: note },
    });
  const ap = find(hubsSrc, '广州白云国际机场');
  add(
    'hub-airport-can',
    'airport',
    '广州白云国际机场',
    'Guangzhou Baiyun International Airport',
    ap.geometry.coordinates,
    'wikipedia',
    'located',
    {
      zh: '机场基准点，取自维基百科（北纬23.3925°，东经113.29889°）。',
      en: 'Airport reference point from Wikipedia (23.3925 N, 113.29889 E).',
    },
  );
  const t1 = find(hubsSrc, '机场南(1号航站楼)');
  add(
    'hub-airport-t1',
    'airport',
    '白云机场1号航站楼',
    'Baiyun Airport Terminal 1',
    t1.geometry.coordinates,
    'hkust-baidu-2024',
    'approximate',
    {
      zh: '取地铁3号线机场南(1号航站楼)站的位置，代表1号航站楼。',
      en: 'Position of metro station 机场南(1号航站楼) (Line 3), used as a proxy for Terminal 1.',
    },
  );
  const t2 = find(hubsSrc, '机场北(T2)');
  add(
    'hub-airport-t2',
    'airport',
    '白云机场2号航站楼',
    'Baiyun Airport Terminal 2',
    t2.geometry.coordinates,
    'amap-2026',
    'approximate',
    {
      zh: '取地铁3号线机场北(T2)站的位置，代表2号航站楼。',
      en: 'Position of metro station 机场北(T2) (Line 3), used as a proxy for Terminal 2.',
    },
  );
  const gzs = find(hubsSrc, '广州南站');
  add(
    'hub-guangzhou-south',
    'rail-hub',
    '广州南站',
    'Guangzhou South Railway Station',
    gzs.geometry.coordinates,
    'osm',
    'located',
    {
      zh: 'OSM way/506168739（车站站房）的质心。',
      en: 'Centroid of OSM way/506168739 (station building).',
    },
  );
  const gze = find(hubsSrc, '广州东站');
  add(
    'hub-guangzhou-east',
    'rail-hub',
    '广州东站',
    'Guangzhou East Railway Station',
    gze.geometry.coordinates,
    'osm',
    'located',
    {
      zh: 'OSM way/266991496（车站站房）的质心。',
      en: 'Centroid of OSM way/266991496 (station building).',
    },
  );
  const gz = find(hubsSrc, '广州火车站');
  add(
    'hub-guangzhou',
    'rail-hub',
    '广州站',
    'Guangzhou Railway Station',
    gz.geometry.coordinates,
    'amap-2026',
    'approximate',
    {
      zh: '取地铁2/5号线广州火车站站的位置，紧邻铁路车站（相距约100–300米）。',
      en: 'Position of metro station 广州火车站 (Lines 2/5), next to the railway station (~100–300 m).',
    },
  );
  const gzn = find(hubsSrc, '广州北站');
  add(
    'hub-guangzhou-north',
    'rail-hub',
    '广州北站',
    'Guangzhou North Railway Station',
    gzn.geometry.coordinates,
    'amap-2026',
    'approximate',
    {
      zh: '取地铁9号线广州北站站的位置，位于铁路车站地下或旁侧（相距约100–300米）。',
      en: 'Position of metro station 广州北站 (Line 9), under/next to the railway station (~100–300 m).',
    },
  );
  const gzb = find(hubsSrc, '广州白云站');
  add(
    'hub-guangzhou-baiyun',
    'rail-hub',
    '广州白云站',
    'Guangzhou Baiyun Railway Station',
    gzb.geometry.coordinates,
    'amap-2026',
    'approximate',
    {
      zh: '取地铁12号线广州白云站站的位置，代表该铁路车站。',
      en: 'Position of metro station 广州白云站 (Line 12), used as a proxy for the railway station.',
    },
  );
  const nsb = ctx6.features.find((f) => f.geometry.type === 'Point');
  if (nsb) {
    add(
      'hub-nansha-north',
      'rail-hub',
      '南沙北站（庆盛）',
      'Nansha North (Qingsheng) Railway Station',
      nsb.geometry.coordinates as Position,
      'osm',
      'located',
      {
        zh: 'OSM 中广深港高速铁路南沙北站的车站节点；距地铁4号线庆盛站120米。',
        en: 'OSM station node 南沙北 on the Guangzhou–Shenzhen–Hong Kong high-speed railway; 120 m from Line 4 庆盛 station.',
      },
    );
  }
  const zjxc = stationByZh('珠江新城');
  add(
    'hub-zhujiang-new-town',
    'city-centre',
    '珠江新城',
    'Zhujiang New Town (CBD)',
    zjxc.geometry.coordinates,
    zjxc.properties.source,
    'approximate',
    {
      zh: '取地铁3/5号线珠江新城站的位置，作为中央商务区（CBD）的参考点；CBD 本身占地约6平方公里。',
      en: 'Position of the 珠江新城 metro station (Lines 3/5), used as the reference point of the central business district; the CBD itself covers ~6 km².',
    },
  );
  const lm = (zh: string) => find(lmSrc, zh);
  const fair = lm('琶洲广交会展馆');
  add(
    'lm-canton-fair',
    'landmark',
    '广交会展馆（琶洲）',
    'Canton Fair Complex (Pazhou)',
    fair.geometry.coordinates,
    'osm',
    'located',
    {
      zh: '源自 OSM 的注记位置，位于长约1.5公里的展馆建筑群内（Tsdsj/guangzhou-3d 解码数据）。',
      en: 'OSM-derived label position inside the ~1.5 km long complex (Tsdsj/guangzhou-3d decode).',
    },
  );
  const tower = lm('广州塔');
  add('lm-canton-tower', 'landmark', '广州塔', 'Canton Tower', tower.geometry.coordinates, 'osm', 'located', {
    zh: 'OSM way/584204634 的质心。',
    en: 'Centroid of OSM way/584204634.',
  });
  const pagoda = lm('琶洲塔');
  add(
    'lm-pazhou-pagoda',
    'landmark',
    '琶洲塔',
    'Pazhou Pagoda',
    pagoda.geometry.coordinates,
    'osm',
    'located',
    {
      zh: '源自 OSM 的地标位置（Tsdsj/guangzhou-3d 解码数据）。',
      en: 'OSM-derived landmark position (Tsdsj/guangzhou-3d decode).',
    },
  );
  const hq = lm('琶洲互联网总部集聚区');
  add(
    'lm-pazhou-internet-hq',
    'landmark',
    '琶洲互联网总部集聚区',
    'Pazhou internet headquarters cluster',
    hq.geometry.coordinates,
    'osm',
    'approximate',
    {
      zh: '源自 OSM 的片区注记锚点（近似位置）。',
      en: 'OSM-derived area label anchor (approximate).',
    },
  );
  const bio = lm('广州国际生物岛（官洲岛）');
  add(
    'lm-bio-island',
    'landmark',
    '广州国际生物岛（官洲岛）',
    'Guangzhou International Bio-Island (Guanzhou Island)',
    bio.geometry.coordinates,
    'wikipedia',
    'located',
    {
      zh: '岛屿中心点，取自维基百科“官洲”词条。',
      en: 'Island centre from Wikipedia (Guanzhou).',
    },
  );
  const uni = lm('广州大学城（北）');
  add(
    'lm-university-town',
    'landmark',
    '广州大学城',
    'Guangzhou Higher Education Mega Center (University Town)',
    uni.geometry.coordinates,
    'amap-2026',
    'approximate',
    {
      zh: '取地铁4/12号线大学城北站的位置，代表占地约18平方公里的岛上大学城。',
      en: 'Position of metro station 大学城北 (Lines 4/12), a proxy for the ~18 km² island campus.',
    },
  );
  const kc = lm('中新广州知识城');
  add(
    'lm-knowledge-city',
    'landmark',
    '中新广州知识城',
    'Sino-Singapore Guangzhou Knowledge City',
    kc.geometry.coordinates,
    'amap-2026',
    'approximate',
    {
      zh: '取地铁14号线知识城支线知识城站的位置，仅为这一面积超过100平方公里区域的轨道交通节点。',
      en: 'Position of metro station 知识城 (Line 14 branch), only the rail node of a >100 km² area.',
    },
  );
  const sc = lm('天河智慧城');
  add(
    'lm-tianhe-smart-city',
    'landmark',
    '天河智慧城',
    'Tianhe Smart City',
    sc.geometry.coordinates,
    'amap-2026',
    'approximate',
    {
      zh: '取地铁21号线天河智慧城站的位置，代表智慧城核心区。',
      en: 'Position of metro station 天河智慧城 (Line 21), a proxy for the smart-city core area.',
    },
  );
  const xz = lm('番禺新造');
  add(
    'lm-xinzao',
    'landmark',
    '番禺新造',
    'Xinzao, Panyu',
    xz.geometry.coordinates,
    'amap-2026',
    'approximate',
    {
      zh: '取地铁4号线新造站的位置；方案将其定为第4个园区（番禺智慧城市价值创新园）的 TOD 综合性交通枢纽。',
      en: 'Position of metro station 新造 (Line 4), named by the plan as the TOD hub of park 4.',
    },
  );
  return validate(HubsSchema, fc(out), 'hubs.geojson');
}

// ------------------------------------------------------------------ parks
interface AuthoredPark {
  id: ParkId;
  planOrder: number;
  name: { zh: string; en: string };
  shortName: { zh: string; en: string };
  district: { zh: string; en: string };
  districtCode: string;
  statedAreaKm2: number;
  boundaryText: { zh: string; en: string };
  outlineMethod: { zh: string; en: string };
  confidence: string;
  parts: { ring: Position[]; phase?: number; statedAreaKm2?: number }[];
}

export function buildParks(authored: { parks: AuthoredPark[] }) {
  const byId = new Map(authored.parks.map((p) => [p.id, p]));
  const features = PARK_IDS.map((id, i) => {
    const p = byId.get(id);
    if (!p) throw new Error(`park-outlines.json: park ${id} missing`);
    if (p.planOrder !== i + 1)
      throw new Error(`park-outlines.json: park ${id} has planOrder ${p.planOrder}, expected ${i + 1}`);
    const partTargets = p.parts.map((part) => part.statedAreaKm2 ?? p.statedAreaKm2 / p.parts.length);
    const scaled = p.parts.map((part, k) => {
      if (part.ring.length < 3) throw new Error(`park-outlines.json: park ${id} part ${k} has < 3 positions`);
      const raw = closeRing(part.ring);
      if (kinkCount([raw]) > 0) throw new Error(`park-outlines.json: park ${id} part ${k} self-intersects`);
      const rawKm2 = areaKm2({ type: 'Polygon', coordinates: [raw] });
      if (!(rawKm2 > 0)) throw new Error(`park-outlines.json: park ${id} part ${k} has no area`);
      const s = scaleToArea(part.ring, partTargets[k]!);
      if (kinkCount([s.ring]) > 0)
        throw new Error(`park-outlines.json: park ${id} part ${k} self-intersects after rounding`);
      return { ...s, rawKm2 };
    });
    const geometry: Polygon | MultiPolygon =
      scaled.length === 1
        ? { type: 'Polygon', coordinates: [scaled[0]!.ring] }
        : { type: 'MultiPolygon', coordinates: scaled.map((s) => [s.ring]) };
    const rawTotal = scaled.reduce((n, s) => n + s.rawKm2, 0);
    const factors = scaled.map((s) => round(s.factor, 4).toFixed(4));
    const phaseWord = scaled.length > 1 ? ' (per phase)' : '';
    const scaleEn = ` Hand-drawn outline: ${round(rawTotal, 3)} km² (${round(((rawTotal - p.statedAreaKm2) / p.statedAreaKm2) * 100, 1)} % from the stated area); the build scaled it about its centroid by a linear factor of ${factors.join(' / ')}${phaseWord} to the stated area. Overall confidence: ${p.confidence}.`;
    const scaleZh = `手绘轮廓面积 ${round(rawTotal, 3)} 平方公里（与规划面积相差 ${round(((rawTotal - p.statedAreaKm2) / p.statedAreaKm2) * 100, 1)}%），构建时以质心为中心按线性比例 ${factors.join(' / ')}${scaled.length > 1 ? '（分期）' : ''}缩放至规划面积。`;
    return {
      type: 'Feature' as const,
      geometry,
      properties: {
        id,
        planOrder: p.planOrder,
        name: p.name,
        shortName: p.shortName,
        district: p.district,
        districtCode: p.districtCode,
        statedAreaKm2: p.statedAreaKm2,
        boundaryText: p.boundaryText,
        outlineMethod: { zh: p.outlineMethod.zh + scaleZh, en: p.outlineMethod.en + scaleEn },
        source: 'plan-2018-digitised',
        precision: 'digitised-from-plan-text' as const,
        precisionNote: {
          zh: '依据方案文字描述在 WGS-84 参考数据上手绘，非官方边界；方案明确“具体范围及面积在后续规划编制中明确”。',
          en: "Hand-digitised from the plan's description on WGS-84 reference data; not an official boundary. The plan itself says the exact extent and area are to be fixed in later planning (具体范围及面积在后续规划编制中明确).",
        },
      },
    };
  });
  return validate(ParksSchema, fc(features), 'parks.geojson');
}

// ------------------------------------------------------------------ attribution, manifest
export const ATTRIBUTION = [
  {
    id: 'osm',
    text: { zh: '© OpenStreetMap 贡献者（ODbL）', en: '© OpenStreetMap contributors (ODbL)' },
    appliesTo: ['parks.geojson', 'hubs.geojson'],
  },
  {
    id: 'gshhg',
    text: {
      zh: 'GSHHG © The GMT Team（LGPL）；河流：WDB II',
      en: 'GSHHG © The GMT Team (LGPL); rivers: WDB II',
    },
    appliesTo: ['water-lines.geojson', 'water-areas.geojson', 'parks.geojson'],
  },
  {
    id: 'datav',
    text: { zh: '行政区界：DataV GeoAtlas / 高德', en: 'District boundaries: DataV GeoAtlas / AMap' },
    appliesTo: ['districts.geojson', 'city-outline.geojson'],
  },
  {
    id: 'metro',
    text: {
      zh: '轨道数据：广州地铁（线路站点表）；高德；百度地图（经 HKUST-Trans-Lab/China-Metro-Info）',
      en: 'Metro data: Guangzhou Metro (station lists); AMap; Baidu Maps via HKUST-Trans-Lab/China-Metro-Info',
    },
    appliesTo: ['transit-lines.geojson', 'stations.geojson', 'hubs.geojson', 'parks.geojson'],
  },
  {
    id: 'wikipedia',
    text: { zh: '维基百科坐标（CC BY-SA）', en: 'Wikipedia coordinates (CC BY-SA)' },
    appliesTo: ['hubs.geojson'],
  },
  {
    id: 'plan-2018',
    text: {
      zh: '园区范围依据《广州市价值创新园区建设三年行动方案(2018—2020年)》(穗府办函〔2018〕105号)文字手绘，非官方边界',
      en: 'Park outlines hand-digitised from the text of plan 穗府办函〔2018〕105号; not official boundaries',
    },
    appliesTo: ['parks.geojson'],
  },
];

// ------------------------------------------------------------------ main
export async function build(reference: string, outDir: string): Promise<string[]> {
  const log: string[] = [];
  if (!existsSync(path.join(reference, 'SOURCES.md')))
    throw new Error(`reference data not found at ${reference}`);
  const authoredDir = path.join(outDir, 'authored');
  const districts = buildDistricts(reference);
  const cityOutline = buildCityOutline(reference);
  const waterLines = buildWaterLines(reference);
  let { lines, stations } = buildTransit(reference, log);
  const planFile = path.join(authoredDir, 'plan-transit.json');
  if (existsSync(planFile)) {
    const merged = mergePlanTransit(lines, stations, readJson<PlanTransitFile>(planFile));
    lines = merged.lines;
    stations = merged.stations;
    log.push(
      `plan-transit.json merged: ${lines.filter((l) => l.properties.id.startsWith('plan-')).length} plan line(s), ${stations.filter((s) => s.properties.id.startsWith('plan-st-')).length} plan station(s)`,
    );
  } else log.push('plan-transit.json not present: nothing merged');
  const transitLines = validate(TransitLinesSchema, fc(lines), 'transit-lines.geojson');
  const stationsFc = validate(StationsSchema, fc(stations), 'stations.geojson');
  const hubs = buildHubs(reference, stations);
  const parks = buildParks(readJson<{ parks: AuthoredPark[] }>(path.join(authoredDir, 'park-outlines.json')));

  const outputs: [string, { type: 'FeatureCollection'; features: unknown[] }][] = [
    ['parks.geojson', parks],
    ['transit-lines.geojson', transitLines],
    ['stations.geojson', stationsFc],
    ['hubs.geojson', hubs],
    ['districts.geojson', districts],
    ['city-outline.geojson', cityOutline],
    ['water-lines.geojson', waterLines],
  ];
  try {
    outputs.push(['water-areas.geojson', buildWaterAreasFile(reference, log)]);
  } catch (error) {
    // Not robust on this input: ship no sea rather than a wrong one.
    log.push(`water-areas.geojson skipped: ${error instanceof Error ? error.message : String(error)}`);
    rmSync(path.join(outDir, 'water-areas.geojson'), { force: true });
  }
  for (const [name, collection] of outputs) writeGeoJson(path.join(outDir, name), collection);
  writeJson(path.join(outDir, 'attribution.json'), { items: ATTRIBUTION });
  writeJson(path.join(outDir, 'manifest.json'), {
    buildDate: BUILD_DATE,
    datum: 'WGS-84 (EPSG:4326), [lng, lat]',
    generator: 'scripts/build-geodata.ts',
    files: outputs.map(([name, c]) => ({ file: name, features: c.features.length })),
  });
  for (const [name, c] of outputs) log.push(`${name}: ${c.features.length} features`);
  for (const f of parks.features) {
    const a = areaKm2(f.geometry);
    log.push(
      `park ${f.properties.planOrder} ${f.properties.id}: stated ${f.properties.statedAreaKm2} km², built ${a.toFixed(3)} km²`,
    );
  }
  return log;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { reference, out } = parseArgs(process.argv.slice(2));
  try {
    const log = await build(reference, out);
    for (const l of log) console.log(l);
  } catch (error) {
    console.error(`build-geodata failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
