/**
 * OSM context for the embedded basemap (issue 10): major roads, water areas, named channels,
 * islands and green areas from the reference set's `basemap-context/` (WGS-84, ODbL). The reference
 * repeats a long source sentence on every feature; here each feature gets a short source key
 * (explained in geodata/SOURCES.md), a precision and a bilingual note, and only what the map draws.
 *
 * Coverage is partial (Panyu, southern Haizhu, northern Nansha): the style and the legend say so.
 */
import path from 'node:path';
import { simplify } from '@turf/turf';
import type { LineString, MultiLineString, Polygon, Position } from 'geojson';
import type { RoadClass } from '../../src/data/schemas.ts';
import { closeRing, dedupe, distanceM, kinkCount, orientRing, roundPosition } from '../lib/geo.ts';
import { readJson } from '../lib/json-io.ts';
import { fc, type RefCollection, type RefFeature } from './context.ts';

const DIR = 'basemap-context';
/** The Panyu drivable graph (OSM Guangdong extract 2026-03-09, no names). */
const PANYU_GRAPH = 'osm-panyu-graph-2026-03';
/** The Nansha OSM API export (objects up to 2026-03-24): names, water, islands, green. */
const NANSHA_EXPORT = 'osm-nansha-2026-03';

/**
 * ≈ 8 m. Roads are drawn from z10.5 and labelled from z13 (≈ 17 m per pixel at this latitude);
 * at the park-page zooms (13–14.5) this stays within a pixel, and it drops about a third of the
 * vertices the reference kept at 5 m.
 */
const ROAD_TOLERANCE_DEG = 0.00008;
/** Pieces shorter than this are under a pixel where links appear (z13) and about 2 px at z14.5. */
const MIN_ROAD_PART_M = 12;

const ROAD_CLASSES: readonly RoadClass[] = [
  'motorway',
  'trunk',
  'primary',
  'secondary',
  'motorway_link',
  'trunk_link',
  'primary_link',
  'secondary_link',
];

interface RefNamed {
  name_zh?: string | null;
  name_en?: string | null;
  osm_id?: string | null;
  class?: string;
  ref?: string | null;
}

const read = <G>(ref: string, file: string) =>
  readJson<RefCollection<G>>(path.join(ref, DIR, file)).features as (RefFeature<G> & {
    properties: RefNamed;
  })[];

function osmName(p: RefNamed) {
  if (!p.name_zh) return undefined;
  return p.name_en ? { zh: p.name_zh, en: p.name_en } : { zh: p.name_zh };
}

function lengthM(line: Position[]): number {
  let m = 0;
  for (let i = 1; i < line.length; i++) m += distanceM(line[i - 1]!, line[i]!);
  return m;
}

function simplifiedLine(coords: Position[], tolerance: number): Position[] {
  const s = simplify(
    { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: coords } },
    { tolerance, highQuality: true },
  ).geometry.coordinates;
  return dedupe(s.map((p) => roundPosition(p)));
}

/**
 * One English name per Chinese road name: the reference names some carriageways of a road in
 * English and leaves others without, and spells a few two ways (– or -, Macao or Macau). The most
 * frequent spelling wins (ties: the shorter), so one road reads the same along its length.
 */
function englishByChineseName(features: { properties: RefNamed }[]): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const { properties: p } of features) {
    if (!p.name_zh || !p.name_en) continue;
    const byEn = counts.get(p.name_zh) ?? new Map<string, number>();
    byEn.set(p.name_en, (byEn.get(p.name_en) ?? 0) + 1);
    counts.set(p.name_zh, byEn);
  }
  const out = new Map<string, string>();
  for (const [zh, byEn] of counts) {
    const [best] = [...byEn].sort(
      (a, b) => b[1] - a[1] || a[0].length - b[0].length || a[0].localeCompare(b[0]),
    );
    out.set(zh, best![0]);
  }
  return out;
}

/**
 * Joins lines that meet end to end where exactly two line ends share a position (the reference
 * splits a road at every OSM way boundary). Long lines matter: a line label needs a run of line
 * as long as the name, and a road cut into 1–2 km pieces gets no name at the park zooms.
 */
function mergeAtEnds(parts: Position[][]): Position[][] {
  const key = (p: Position) => `${p[0]},${p[1]}`;
  let lines = parts;
  for (let merged = true; merged; ) {
    merged = false;
    const ends = new Map<string, number[]>();
    lines.forEach((line, i) => {
      for (const p of [line[0]!, line[line.length - 1]!]) ends.set(key(p), [...(ends.get(key(p)) ?? []), i]);
    });
    const used = new Set<number>();
    const out: Position[][] = [];
    for (const [k, at] of ends) {
      const [i, j] = at;
      if (at.length !== 2 || i === j || used.has(i!) || used.has(j!)) continue;
      const a = lines[i!]!;
      const b = lines[j!]!;
      const head = key(a[a.length - 1]!) === k ? a : a.slice().reverse();
      const tail = key(b[0]!) === k ? b : b.slice().reverse();
      out.push([...head, ...tail.slice(1)]);
      used.add(i!).add(j!);
      merged = true;
    }
    lines = [...out, ...lines.filter((_, i) => !used.has(i))];
  }
  return lines;
}

/**
 * Major roads: one MultiLineString per class and name (unnamed: per class and ref), joined end to
 * end, simplified to ≈ 8 m.
 */
export function buildRoads(ref: string, log: string[]) {
  const input = read<LineString>(ref, 'roads_major_osm_wgs84.geojson');
  const english = englishByChineseName(input);
  const groups = new Map<string, { cls: RoadClass; zh?: string; refs: string[]; parts: Position[][] }>();
  for (const f of input) {
    const cls = f.properties.class as RoadClass;
    if (!ROAD_CLASSES.includes(cls)) throw new Error(`roads: unexpected class ${String(cls)}`);
    const zh = f.properties.name_zh ?? undefined;
    const refNo = f.properties.ref ?? '';
    // A named road stays one line across sections signed differently (G0425, G0425;G9411 …).
    const key = zh ? `${cls}|${zh}` : `${cls}||${refNo}`;
    const group = groups.get(key) ?? { cls, zh, refs: [], parts: [] };
    group.refs.push(refNo);
    group.parts.push(dedupe(f.geometry.coordinates.map((p) => roundPosition(p))));
    groups.set(key, group);
  }
  /** The route numbers every section of the road carries ("G0425" for G0425 and G0425;G9411). */
  const commonRef = (refs: string[]) =>
    refs
      .map((r) => r.split(';').filter(Boolean))
      .reduce((common, tokens) => common.filter((t) => tokens.includes(t)))
      .join(';') || undefined;
  let dropped = 0;
  for (const group of groups.values()) {
    group.parts = mergeAtEnds(group.parts)
      .map((line) => simplifiedLine(line, ROAD_TOLERANCE_DEG))
      .filter((line) => {
        const keep = line.length >= 2 && lengthM(line) >= MIN_ROAD_PART_M;
        if (!keep) dropped++;
        return keep;
      });
  }
  const sorted = [...groups.values()].sort(
    (a, b) =>
      ROAD_CLASSES.indexOf(a.cls) - ROAD_CLASSES.indexOf(b.cls) ||
      (a.zh ?? '').localeCompare(b.zh ?? '') ||
      (commonRef(a.refs) ?? '').localeCompare(commonRef(b.refs) ?? ''),
  );
  const serial = new Map<RoadClass, number>();
  const features = sorted.map((g) => {
    const n = serial.get(g.cls) ?? 0;
    serial.set(g.cls, n + 1);
    const en = g.zh ? english.get(g.zh) : undefined;
    const geometry: LineString | MultiLineString =
      g.parts.length === 1
        ? { type: 'LineString', coordinates: g.parts[0]! }
        : { type: 'MultiLineString', coordinates: g.parts };
    return {
      type: 'Feature' as const,
      geometry,
      properties: {
        id: `road-${g.cls.replace('_', '-')}-${String(n).padStart(2, '0')}`,
        class: g.cls,
        ...(g.zh ? { name: en ? { zh: g.zh, en } : { zh: g.zh } } : {}),
        ...(commonRef(g.refs) ? { ref: commonRef(g.refs) } : {}),
        source: g.zh ? `${PANYU_GRAPH}+${NANSHA_EXPORT}` : PANYU_GRAPH,
        precision: 'reference' as const,
        precisionNote: g.zh
          ? {
              zh: 'OpenStreetMap 道路：几何取自番禺区可行驶路网（OSM 广东提取 2026-03-09），名称与编号取自南沙 OSM 导出（2026-03-24）；简化至约8米。与地铁站对照，中位距离12米。',
              en: 'OpenStreetMap road: geometry from the Panyu drivable network (OSM Guangdong extract 2026-03-09), name and ref from the Nansha OSM export (2026-03-24); simplified to ~8 m. Median 12 m from the metro stations beside it.',
            }
          : {
              zh: 'OpenStreetMap 道路：几何取自番禺区可行驶路网（OSM 广东提取 2026-03-09），简化至约8米。该路网不带道路名称（OSM 中多有名称），此处不作猜测。与地铁站对照，中位距离12米。',
              en: 'OpenStreetMap road: geometry from the Panyu drivable network (OSM Guangdong extract 2026-03-09), simplified to ~8 m. That network carries no road names (OSM mostly has them); none were guessed. Median 12 m from the metro stations beside it.',
            },
      },
    };
  });
  const parts = [...groups.values()].reduce((n, g) => n + g.parts.length, 0);
  const vertices = features.reduce(
    (s, f) =>
      s +
      (f.geometry.type === 'LineString'
        ? f.geometry.coordinates.length
        : f.geometry.coordinates.reduce((t, part) => t + part.length, 0)),
    0,
  );
  log.push(
    `roads: ${input.length} reference lines → ${features.length} features of ${parts} lines (${vertices} vertices; ${dropped} pieces under ${MIN_ROAD_PART_M} m dropped)`,
  );
  return fc(features);
}

/**
 * A reference polygon as RFC 7946 wants it (closed, outer ring counter-clockwise, holes clockwise).
 * Not simplified further: the reference already applied 5 m Douglas–Peucker, and these files are a
 * few kilobytes. Throws on a self-intersection rather than ship a ring the map would fill wrongly.
 */
function polygon(f: RefFeature<Polygon>, what: string): Polygon {
  const rings = f.geometry.coordinates.map((r, i) =>
    orientRing(closeRing(dedupe(r.map((p) => roundPosition(p)))), i === 0),
  );
  if (rings.some((r) => r.length < 4) || kinkCount(rings) > 0)
    throw new Error(`${what} ${String(f.properties.osm_id)}: degenerate or self-intersecting ring`);
  return { type: 'Polygon', coordinates: rings };
}

const osmIdOf = (p: RefNamed) => (p.osm_id ? { osmId: p.osm_id } : {});

/** Kind from the reference `class` (`prefix` + OSM value), through a fixed table. */
function kindOf<K extends string>(cls: string | undefined, table: Record<string, K>, what: string): K {
  const kind = cls ? table[cls] : undefined;
  if (!kind) throw new Error(`${what}: unexpected class ${String(cls)}`);
  return kind;
}

const WATER_KIND = {
  water_river: 'river',
  water_lake: 'lake',
  water_pond: 'pond',
  water_wastewater: 'basin',
  water_unspecified: 'water',
} as const;

/** OSM water polygons around 庆盛/东涌: finer than GSHHG there, drawn over it. */
export function buildOsmWaterAreas(ref: string) {
  const features = read<Polygon>(ref, 'water_areas_osm_wgs84.geojson').map((f, i) => {
    const name = osmName(f.properties);
    return {
      type: 'Feature' as const,
      geometry: polygon(f, 'water area'),
      properties: {
        id: `osm-water-${String(i).padStart(2, '0')}`,
        kind: kindOf(f.properties.class, WATER_KIND, 'water area'),
        ...(name ? { name } : {}),
        ...osmIdOf(f.properties),
        source: NANSHA_EXPORT,
        precision: 'reference' as const,
        precisionNote: {
          zh: 'OpenStreetMap 水面（natural=water，南沙导出 2026-03-24），源数据已简化至约5米。比 GSHHG 岸线精细，绘于其上；仅覆盖庆盛、东涌一带。',
          en: 'OpenStreetMap water area (natural=water, Nansha export 2026-03-24), simplified to ~5 m by the source. Finer than the GSHHG shoreline and drawn over it; covers only the 庆盛/东涌 area.',
        },
      },
    };
  });
  return fc(features);
}

const CHANNEL_KIND = {
  waterway_river: 'river',
  waterway_canal: 'canal',
  waterway_stream: 'stream',
} as const;

/** OSM river/canal/stream centre lines, with names where OSM has them. */
export function buildChannels(ref: string) {
  const features = read<LineString>(ref, 'rivers_named_wgs84.geojson').map((f, i) => {
    const name = osmName(f.properties);
    return {
      type: 'Feature' as const,
      geometry: {
        type: 'LineString' as const,
        coordinates: dedupe(f.geometry.coordinates.map((p) => roundPosition(p))),
      },
      properties: {
        id: `channel-${String(i).padStart(2, '0')}`,
        kind: kindOf(f.properties.class, CHANNEL_KIND, 'channel'),
        ...(name ? { name } : {}),
        ...osmIdOf(f.properties),
        source: NANSHA_EXPORT,
        precision: 'reference' as const,
        precisionNote: {
          zh: 'OpenStreetMap 河道中心线（waterway，南沙导出 2026-03-24，完整路段），源数据已简化至约5米。名称仅取 OSM 已有者。',
          en: 'OpenStreetMap waterway centre line (Nansha export 2026-03-24, whole ways), simplified to ~5 m by the source. Names only where OSM has them.',
        },
      },
    };
  });
  return fc(features);
}

/** OSM island outlines: land drawn over the coarse GSHHG estuary water. */
export function buildIslands(ref: string) {
  const features = read<Polygon>(ref, 'islands_osm_wgs84.geojson').map((f, i) => {
    const name = osmName(f.properties);
    if (!name) throw new Error(`island ${String(f.properties.osm_id)} has no name`);
    return {
      type: 'Feature' as const,
      geometry: polygon(f, 'island'),
      properties: {
        id: `island-${String(i).padStart(2, '0')}`,
        name,
        ...osmIdOf(f.properties),
        source: NANSHA_EXPORT,
        precision: 'reference' as const,
        precisionNote: {
          zh: 'OpenStreetMap 岛屿轮廓（place=island，南沙导出 2026-03-24），源数据已简化至约5米。作为陆地绘于 GSHHG 粗略水面之上。',
          en: 'OpenStreetMap island outline (place=island, Nansha export 2026-03-24), simplified to ~5 m by the source. Drawn as land over the coarse GSHHG water.',
        },
      },
    };
  });
  return fc(features);
}

const GREEN_KIND = {
  park: 'park',
  grass: 'grass',
  recreation_ground: 'recreation-ground',
  scrub: 'scrub',
} as const;

/** OSM parks, grass, recreation grounds and scrub around 东涌. */
export function buildGreenAreas(ref: string) {
  const features = read<Polygon>(ref, 'green_areas_wgs84.geojson').map((f, i) => {
    const name = osmName(f.properties);
    return {
      type: 'Feature' as const,
      geometry: polygon(f, 'green area'),
      properties: {
        id: `green-${String(i).padStart(2, '0')}`,
        kind: kindOf(f.properties.class, GREEN_KIND, 'green area'),
        ...(name ? { name } : {}),
        ...osmIdOf(f.properties),
        source: NANSHA_EXPORT,
        precision: 'reference' as const,
        precisionNote: {
          zh: 'OpenStreetMap 绿地（leisure=park、landuse=grass/recreation_ground、natural=scrub，南沙导出 2026-03-24）；仅覆盖东涌一带。',
          en: 'OpenStreetMap green area (leisure=park, landuse=grass/recreation_ground, natural=scrub; Nansha export 2026-03-24); covers only the 东涌 area.',
        },
      },
    };
  });
  return fc(features);
}
