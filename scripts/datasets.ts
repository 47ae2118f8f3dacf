/**
 * The scripts' half of the dataset registry (src/data/datasets.ts has the half the app shares): for
 * each dataset, how it is built, which per-file checks the data check runs on it, and how
 * geodata/SOURCES.md describes it. The attribution texts live here too. scripts/build-geodata.ts
 * runs the build steps in registry order and writes attribution.json, manifest.json and the
 * registry's part of SOURCES.md from these tables; scripts/checks/geodata.ts checks every entry.
 */
import path from 'node:path';
import type { z } from 'zod';
import { type AttributionId, DATASETS, type Dataset, type DatasetName } from '../src/data/datasets.ts';
import type { Bilingual } from '../src/data/schemas.ts';
import * as schemas from '../src/data/schemas.ts';
import { buildCityOutline, buildDistricts } from './build/admin.ts';
import {
  buildChannels,
  buildGreenAreas,
  buildIslands,
  buildOsmWaterAreas,
  buildRoads,
} from './build/basemap.ts';
import { type BuildContext, type BuiltCollection, fc } from './build/context.ts';
import { buildHubs } from './build/hubs.ts';
import { buildParkEdgesStep, buildParksStep } from './build/parks.ts';
import { buildWaterAreasFile, buildWaterLines } from './build/water.ts';
import { readJson } from './lib/json-io.ts';

/** The attribution lines the app shows, in this order (attribution.json). */
export const ATTRIBUTIONS = {
  osm: { zh: '© OpenStreetMap 贡献者（ODbL）', en: '© OpenStreetMap contributors (ODbL)' },
  gshhg: {
    zh: 'GSHHG © The GMT Team（LGPL）；河流：WDB II',
    en: 'GSHHG © The GMT Team (LGPL); rivers: WDB II',
  },
  datav: { zh: '行政区界：DataV GeoAtlas / 高德', en: 'District boundaries: DataV GeoAtlas / AMap' },
  metro: {
    zh: '轨道数据：广州地铁（线路站点表）；高德；百度地图（经 HKUST-Trans-Lab/China-Metro-Info）',
    en: 'Metro data: Guangzhou Metro (station lists); AMap; Baidu Maps via HKUST-Trans-Lab/China-Metro-Info',
  },
  wikipedia: { zh: '维基百科坐标（CC BY-SA）', en: 'Wikipedia coordinates (CC BY-SA)' },
  'plan-2018': {
    zh: '园区范围依据《广州市价值创新园区建设三年行动方案(2018—2020年)》(穗府办函〔2018〕105号)文字手绘，非官方边界',
    en: 'Park outlines hand-digitised from the text of plan 穗府办函〔2018〕105号; not official boundaries',
  },
} as const satisfies Record<AttributionId, Bilingual>;

/**
 * The per-file parts of the geodata check (scripts/checks/geodata.ts): the dataset's zod schema,
 * unique ids, `source` + `precision` + a bilingual `precisionNote` on every feature, and geometry
 * validity (closed rings, no kinks, Guangzhou frame, ≤ 6 decimals). Cross-file rules (park area
 * audit, datum, station lines) and the content check come on top.
 */
export type FileCheck = 'schema' | 'ids' | 'provenance' | 'geometry';
const ALL_FILE_CHECKS: readonly FileCheck[] = ['schema', 'ids', 'provenance', 'geometry'];

/** A step of scripts/build-geodata.ts. */
interface BuildStep {
  run: (ctx: BuildContext) => BuiltCollection;
  /** When the step throws, ship no file rather than a wrong one; the data check accepts its absence. */
  optional?: true;
}
/** A file that its own script writes (run by hand; build-geodata leaves it alone). */
interface OwnScript {
  script: `scripts/${string}.ts`;
}

interface DatasetScripts {
  build: BuildStep | OwnScript;
  checks: readonly FileCheck[];
  /** The dataset's row in the file table of geodata/SOURCES.md (Markdown). */
  sources: { features: string; origin: string; precision: string };
}

export const DATASET_SCRIPTS = {
  parks: {
    build: { run: buildParksStep },
    checks: ALL_FILE_CHECKS,
    sources: {
      features: '10 (ids/order = `PARK_IDS`)',
      origin:
        "`plan-2018-digitised`: each ring is the edges of `authored/park-outlines.json` joined as drawn (never scaled; the mapped area is the outline's own)",
      precision:
        "`digitised-from-plan-text`. `placement`: `located` (parks 1, 3, 6, 9: at least one edge follows a located OSM feature, see `park-edges.geojson`) or `text-only` (parks 2, 4, 5, 7, 8, 10: no limit located, placed from the plan's words and text facts; `positionUncertaintyM` 1 000–3 000 m). `precisionNote` says which limits were located. The plan itself says 具体范围及面积在后续规划编制中明确: none of these is an official boundary.",
    },
  },
  parkEdges: {
    build: { run: buildParkEdgesStep },
    checks: ALL_FILE_CHECKS,
    sources: {
      features:
        'one LineString per edge of each park ring (`<parkId>:<edgeId>`), in counter-clockwise ring order',
      origin:
        "`authored/park-outlines.json`: `limit` = the plan's own words for the limit the edge stands for; `evidence` `located` = vertices copied or clipped from the reference feature named in `source` (file under `../shared/geodata-reference`) and `sourceFeature` (OSM way or relation ids, or the feature's name; park 9 at a stated `offsetM`), `inferred` = drawn from the plan's words, the reason in `precisionNote`",
      precision:
        "`reference` (located: the data check holds every vertex within 50 m of its feature — of a line, or of a polygon's rings — after the stated offset) / `digitised-from-plan-text` (inferred)",
    },
  },
  transitLines: {
    build: { run: (ctx) => fc(ctx.transit().lines) },
    checks: ALL_FILE_CHECKS,
    sources: {
      features: 'existing network `line-<gzmtr code>` + merged `plan-*`',
      origin:
        'names/colours `gzmtr-2025`; geometry `hkust-baidu-2024` (`reference`: track alignment) or AMap station chains (`station-chain`: straight segments between stations) — lines 10, 11, 12 and the 3-east, 13-west, 14-south, 22-north extensions are station chains; `precisionNote` names the chained runs. Lines in the official table without any coordinates (THP2, TNH1, 广肇 CJ03, 广惠 CJ04, 琶莲 CJ05, and Foshan 3 where < ½ of the stations are located) are left out. Plan-named lines from `authored/plan-transit.json` are appended; annotations add `parkIds`/`planStatus`/`planText` to existing lines.',
      precision: '`reference` / `station-chain` / (plan) `schematic`',
    },
  },
  stations: {
    build: { run: (ctx) => fc(ctx.transit().stations) },
    checks: ALL_FILE_CHECKS,
    sources: {
      features: 'one per station (interchanges once, all `lineIds`) + merged `plan-st-*`',
      origin:
        'positions from the reference `metro/gz_metro_stations_wgs84.geojson` (`amap-2026` = AMap converted, or `hkust-baidu-2024`), names zh/en from the official table; ids `st-<pinyin>` (suffix `-<line>` where two stations share a pinyin)',
      precision: '`located` (≈ 20–50 m)',
    },
  },
  hubs: {
    build: {
      run: (ctx) =>
        buildHubs(
          readJson(path.join(ctx.authoredDir, 'hubs.json')),
          ctx.referenceDir,
          ctx.transit().stations,
        ),
    },
    checks: ALL_FILE_CHECKS,
    sources: {
      features:
        'airport (reference point + T1/T2 proxies), rail hubs (广州南/东/站/北/白云, 南沙北 OSM node), city centre 珠江新城 (metro-station position), plan landmarks',
      origin:
        '`osm`, `wikipedia`, station proxies (`amap-2026`, `hkust-baidu-2024`); positions and provenance per hub in `authored/hubs.json`',
      precision:
        '`located` for OSM/Wikipedia objects; `approximate` for station proxies (said in `precisionNote`)',
    },
  },
  districts: {
    build: { run: (ctx) => buildDistricts(ctx.referenceDir) },
    checks: ALL_FILE_CHECKS,
    sources: {
      features: '11',
      origin: '`datav-2021`, English names and a label point (DataV centroid, or a point on the surface)',
      precision: '`reference` (simplified source, boundary error up to a few hundred m)',
    },
  },
  cityOutline: {
    build: { run: (ctx) => buildCityOutline(ctx.referenceDir) },
    checks: ALL_FILE_CHECKS,
    sources: {
      features: '1',
      origin: '`datav-2021` union',
      precision: '`reference`',
    },
  },
  waterLines: {
    build: { run: (ctx) => buildWaterLines(ctx.referenceDir) },
    checks: ALL_FILE_CHECKS,
    sources: {
      features: 'GSHHG shoreline + WDB II rivers',
      origin:
        '`gshhg-2.3.7`, `wdbii-gshhg-2.3.7`; simplified (Douglas–Peucker, 0.0003° ≈ 30 m), 5 decimals. `kind`: `shoreline` (level 1), `lake-shore` (levels 2–3), `river-major` (WDB levels 0–1), `river` (2–4)',
      precision:
        '`reference` (coarse: GSHHG banks are stair-stepped at ~100 m; WDB II can be ~1 km off; inner-city Pearl River channels are missing or crude)',
    },
  },
  waterAreas: {
    build: { run: (ctx) => buildWaterAreasFile(ctx.referenceDir, ctx.log), optional: true },
    checks: ALL_FILE_CHECKS,
    sources: {
      features: '1 sea/estuary polygon (`sea-pearl-river`, with the islands as holes) + 2 lakes',
      origin:
        '`gshhg-2.3.7`: the mainland is the one chain of open level-1 lines, closed counter-clockwise along the reference clip frame (112.9–114.1 E, 22.45–24.0 N; GSHHG keeps land on the left, verified on every island ring); sea = frame − mainland − islands (turf union/difference), lakes = closed level-2 rings; simplified to ~30 m, 5 decimals. The build verifies orientation, chain continuity and a plausible sea area and skips the file if any check fails. Open lakes cut by the frame (outside Guangzhou) and islands in lakes are left out.',
      precision:
        '`reference` (as coarse as GSHHG: inner-city Pearl River channels west of Pazhou are missing)',
    },
  },
  osmWaterAreas: {
    build: { run: (ctx) => buildOsmWaterAreas(ctx.referenceDir) },
    checks: ALL_FILE_CHECKS,
    sources: {
      features:
        '14 (`kind` river 2 — the 沙湾水道/市桥水道 water around 大刀沙–观龙岛 and a reach south of 东涌 —, lake 2, pond 3, basin 2, water 5); `osmId` kept',
      origin:
        '`osm-nansha-2026-03` (`basemap-context/water_areas_osm_wgs84.geojson`): rings closed and oriented, not simplified further (the reference applied 5 m Douglas–Peucker)',
      precision: '`reference`. Covers only 22.83–22.92 N, 113.39–113.51 E (庆盛/东涌)',
    },
  },
  channels: {
    build: { run: (ctx) => buildChannels(ctx.referenceDir) },
    checks: ALL_FILE_CHECKS,
    sources: {
      features:
        '41 centre lines (`kind` river 19, canal 17, stream 5), 20 named (沙湾水道, 市桥水道, 莲花山水道, 骝岗水道 …); `osmId` kept',
      origin: '`osm-nansha-2026-03` (`basemap-context/rivers_named_wgs84.geojson`, whole OSM ways)',
      precision:
        '`reference`. Nansha and southern Panyu only: none of the city-centre channels (前航道, 后航道, 黄埔涌)',
    },
  },
  islands: {
    build: { run: (ctx) => buildIslands(ctx.referenceDir) },
    checks: ALL_FILE_CHECKS,
    sources: {
      features: '4: 海鸥岛, 小虎岛, 大刀沙, 观龙岛; `osmId` kept',
      origin:
        '`osm-nansha-2026-03` (`basemap-context/islands_osm_wgs84.geojson`): land drawn over the GSHHG estuary water',
      precision: '`reference`',
    },
  },
  greenAreas: {
    build: { run: (ctx) => buildGreenAreas(ctx.referenceDir) },
    checks: ALL_FILE_CHECKS,
    sources: {
      features: '9 (`kind` park 4, grass 2, scrub 2, recreation-ground 1); `osmId` kept',
      origin: '`osm-nansha-2026-03` (`basemap-context/green_areas_wgs84.geojson`)',
      precision: '`reference`. Only around 东涌 (22.86–22.90 N)',
    },
  },
  roads: {
    build: { run: (ctx) => buildRoads(ctx.referenceDir, ctx.log) },
    checks: ALL_FILE_CHECKS,
    sources: {
      features:
        'one MultiLineString per `class` and name (unnamed: per `class` and `ref`; `ref` = the route numbers every section carries): OSM motorway, trunk, primary, secondary and their links; named only where the Nansha export overlaps (广澳高速, 广州绕城高速, 莞佛高速, 广龙高速, 市南路, 联岛路 …)',
      origin:
        '`osm-panyu-graph-2026-03` geometry (`basemap-context/roads_major_osm_wgs84.geojson`), names and refs from `osm-nansha-2026-03`; lines joined end to end where exactly two meet, simplified (Douglas–Peucker, 0.00008° ≈ 8 m), pieces under 12 m dropped, one English name per Chinese name (the most frequent OSM spelling)',
      precision:
        '`reference` (median 12 m from the metro stations beside them). Covers Panyu, southern Haizhu, 长洲岛 and northern Nansha only (113.21–113.58 E, 22.85–23.10 N)',
    },
  },
  facilities: {
    build: { script: 'scripts/build-facilities.ts' },
    // Schema, ids and precision notes are the content check's (scripts/checks/content.ts), which knows the facility rules.
    checks: ['geometry'],
    sources: {
      features: 'the supporting facilities of the plan that have, or will have, a place',
      origin:
        "`authored/facilities.json` (see “Plan content and supporting facilities” below): `gzmtr-stations-amap2026` (metro station positions), `plan-2018-approx` (placed from the plan's words relative to the park outlines)",
      precision: '`located` at metro stations; `approximate` (reasoning in `precisionNote`)',
    },
  },
  catchmentAreas: {
    build: { script: 'scripts/build-catchments.ts' },
    // Derived geometry: it carries no source or precision of its own (see “Walking catchments” below).
    checks: ['schema', 'ids', 'geometry'],
    sources: {
      features: 'one per park × radius × station group with any coverage',
      origin:
        'derived from `parks.geojson` and `stations.geojson` by `scripts/build-catchments.ts`; `catchments.json` holds the figures',
      precision: 'derived; simplified for the map',
    },
  },
} as const satisfies Record<DatasetName, DatasetScripts>;

export const isBuildStep = (build: BuildStep | OwnScript): build is BuildStep => 'run' in build;

/** The data check accepts a missing file only when its build step may skip it. */
export const isRequired = (dataset: Dataset): boolean => {
  const { build } = DATASET_SCRIPTS[dataset.id as DatasetName];
  return !(isBuildStep(build) && build.optional);
};

/** The zod schema a dataset's file must validate against. */
export const schemaOf = (dataset: Dataset): z.ZodType =>
  // biome-ignore lint/performance/noDynamicNamespaceImportAccess: scripts are not bundled, and the registry names schemas by their export
  schemas[dataset.schema];

/** attribution.json: each attribution with the files it applies to, in registry order. */
export function attributionItems() {
  return Object.entries(ATTRIBUTIONS).map(([id, text]) => ({
    id,
    text,
    appliesTo: DATASETS.filter((d) => (d.attribution as readonly string[]).includes(id)).map((d) => d.file),
  }));
}

/** The registry's part of geodata/SOURCES.md: the file table and the attribution list. */
export function sourcesSection(): string {
  const rows = DATASETS.map((d) => {
    const { features, origin, precision } = DATASET_SCRIPTS[d.id].sources;
    return `| \`${d.file}\` | ${features} | ${origin} | ${precision} |`;
  });
  const attributions = attributionItems().map(
    (a) => `- ${a.text.en} — ${a.appliesTo.map((f) => `\`${f}\``).join(', ')}.`,
  );
  return [
    '| file | features | origin | precision |',
    '|---|---|---|---|',
    ...rows,
    '| `attribution.json` | attribution lines and the files they apply to | — | — |',
    '| `manifest.json` | file list, feature counts, fixed build date | — | — |',
    '',
    '## Attribution the app must show',
    '',
    ...attributions,
  ].join('\n');
}

const SOURCES_BEGIN = '<!-- registry: generated by scripts/build-geodata.ts from scripts/datasets.ts -->';
const SOURCES_END = '<!-- registry: end -->';

/** SOURCES.md with the registry's part replaced; throws when the markers are missing. */
export function withSourcesSection(markdown: string): string {
  const begin = markdown.indexOf(SOURCES_BEGIN);
  const end = markdown.indexOf(SOURCES_END);
  if (begin < 0 || end < begin)
    throw new Error(`SOURCES.md: markers ${SOURCES_BEGIN} … ${SOURCES_END} not found`);
  return `${markdown.slice(0, begin + SOURCES_BEGIN.length)}\n${sourcesSection()}\n${markdown.slice(end)}`;
}
