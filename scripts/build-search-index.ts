/**
 * Build-time search index: every park, station, line, facility and district with its names and
 * search keys — the Chinese and English names, their full pinyin (`shengwudao`) and pinyin
 * initials (`swd`) from pinyin-pro, all normalised by src/domain/search.ts — plus a point to fly to,
 * an extent for lines, parks and districts, and the district each point lies in.
 *
 * Writes geodata/search-index.json (SearchIndexSchema). Deterministic: same inputs → byte-identical
 * file (inputs named by SHA-256 in `generatedFrom`, checked by the data check's freshness rule).
 *
 * Usage: npx tsx scripts/build-search-index.ts [geodataDir]
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { along, booleanPointInPolygon, lineString, bbox as turfBbox, length as turfLength } from '@turf/turf';
import { customPinyin, pinyin } from 'pinyin-pro';
import {
  DistrictsSchema,
  FacilitiesSchema,
  ParksSchema,
  StationsSchema,
  TransitLinesSchema,
} from '../src/data/schemas.ts';
import { type SearchIndexFile, SearchIndexSchema } from '../src/data/search-index-schema.ts';
import { normaliseSearchText, type SearchEntry, type SearchName } from '../src/domain/search.ts';
import { jsonOnePerLine } from './build/one-per-line.ts';

export const INPUT_FILES = [
  'parks.geojson',
  'stations.geojson',
  'transit-lines.geojson',
  'facilities.geojson',
  'districts.geojson',
] as const;

export const METHOD =
  'keys = NFKC lower-case names without spaces or word joiners (src/domain/search.ts normaliseSearchText) in ' +
  'Chinese and English, full pinyin without tones and pinyin initials (pinyin-pro, word-aware for polyphones); ' +
  'district = the districts.geojson polygon containing the point; line point = the middle of its longest part.';

type Position = [number, number];
type Geometry = GeoJSON.Geometry;

const round = (x: number) => Math.round(x * 1e5) / 1e5;
const roundPoint = (p: readonly number[]): Position => [round(p[0]!), round(p[1]!)];
const roundBbox = (b: readonly number[]): [number, number, number, number] => [
  round(b[0]!),
  round(b[1]!),
  round(b[2]!),
  round(b[3]!),
];

const HAN = /\p{Script=Han}/u;

// Guangzhou readings the general dictionary gets wrong: 涌 (a creek) is chōng in Cantonese place
// names (东涌 Dongchong, 大涌 Dachong), and 花都 is Huādū, not Huādōu.
customPinyin({ 花都: 'hua du', 涌: 'chong' });

/** Full pinyin and initials of a Chinese name (other characters kept as they are). */
export function pinyinKeys(zh: string): string[] {
  if (!HAN.test(zh)) return [];
  const full = pinyin(zh, { toneType: 'none', type: 'array', v: true }).join('');
  const initials = pinyin(zh, { pattern: 'first', toneType: 'none', type: 'array' }).join('');
  return [full, initials].map(normaliseSearchText);
}

/** Every search key of a thing with these names, deduplicated, in a stable order. */
export function keysOf(names: readonly SearchName[], extra: readonly string[] = []): string[] {
  const keys: string[] = [];
  for (const n of names) keys.push(normaliseSearchText(n.zh), normaliseSearchText(n.en), ...pinyinKeys(n.zh));
  keys.push(...extra.map(normaliseSearchText));
  return [...new Set(keys.filter((k) => k.length > 0))];
}

/** "Line 18" is also found as 18号线 (its Chinese name spells the number: 十八号线). */
function lineNumberKeys(en: string): string[] {
  const m = /^(?:Metro )?Line (\d+)$/.exec(en) ?? /^Foshan Line (\d+)$/.exec(en);
  return m ? [`${m[1]}号线`] : [];
}

/** A point in the middle of a line's longest part. */
function midpointOf(geometry: Geometry): Position {
  const parts =
    geometry.type === 'LineString'
      ? [geometry.coordinates]
      : geometry.type === 'MultiLineString'
        ? geometry.coordinates
        : [];
  let best: { coords: GeoJSON.Position[]; km: number } | null = null;
  for (const coords of parts) {
    if (coords.length < 2) continue;
    const km = turfLength(lineString(coords));
    if (!best || km > best.km) best = { coords, km };
  }
  if (!best) throw new Error(`no line in ${geometry.type}`);
  return roundPoint(along(lineString(best.coords), best.km / 2).geometry.coordinates);
}

function centreOf(b: readonly number[]): Position {
  return roundPoint([(b[0]! + b[2]!) / 2, (b[1]! + b[3]!) / 2]);
}

export interface SearchInputs {
  parks: GeoJSON.FeatureCollection;
  stations: GeoJSON.FeatureCollection;
  lines: GeoJSON.FeatureCollection;
  facilities: GeoJSON.FeatureCollection;
  districts: GeoJSON.FeatureCollection;
}

/** Builds the index (pure; no I/O). */
export function buildSearchIndex(input: SearchInputs, generatedFrom: string): SearchIndexFile {
  const districts = input.districts.features as GeoJSON.Feature<
    GeoJSON.Polygon | GeoJSON.MultiPolygon,
    { id: string; name: SearchName }
  >[];
  const districtAt = (point: Position): string | null =>
    districts.find((d) => booleanPointInPolygon(point, d))?.properties.id ?? null;

  // A park is also found by its own name without the place in front (国际生物岛 → 生物岛,
  // 番禺智慧城市 → 智慧城市), so "生物岛" or "shengwudao" ranks the park above the facilities named after it.
  const places = ['广州', '国际', ...districts.map((d) => d.properties.name.zh.replace(/区$/, ''))];
  const ownName = (zh: string): string[] => {
    let rest = zh;
    for (let changed = true; changed; ) {
      changed = false;
      for (const place of places) {
        if (rest.startsWith(place) && rest.length - place.length >= 2) {
          rest = rest.slice(place.length);
          changed = true;
        }
      }
    }
    return rest === zh ? [] : [rest, ...pinyinKeys(rest)];
  };

  const entries: SearchEntry[] = [];
  for (const f of input.parks.features) {
    const p = f.properties as { id: string; name: SearchName; shortName: SearchName; districtCode: string };
    const b = turfBbox(f);
    entries.push({
      kind: 'park',
      id: p.id,
      name: p.shortName,
      district: p.districtCode,
      point: centreOf(b),
      bbox: roundBbox(b),
      keys: keysOf([p.shortName, p.name], ownName(p.shortName.zh)),
    });
  }
  for (const f of input.stations.features) {
    const p = f.properties as { id: string; name: SearchName; status: string };
    const point = roundPoint((f.geometry as GeoJSON.Point).coordinates);
    entries.push({
      kind: 'station',
      id: p.id,
      name: p.name,
      district: districtAt(point),
      point,
      status: p.status,
      keys: keysOf([p.name]),
    });
  }
  for (const f of input.lines.features) {
    const p = f.properties as { id: string; name: SearchName; status: string };
    entries.push({
      kind: 'line',
      id: p.id,
      name: p.name,
      district: null,
      point: midpointOf(f.geometry),
      bbox: roundBbox(turfBbox(f)),
      status: p.status,
      keys: keysOf([p.name], lineNumberKeys(p.name.en)),
    });
  }
  const parkDistrict = new Map(
    input.parks.features.map((f) => {
      const p = f.properties as { id: string; districtCode: string };
      return [p.id, p.districtCode];
    }),
  );
  for (const f of input.facilities.features) {
    const p = f.properties as { id: string; name: SearchName; parkId?: string };
    const point = roundPoint((f.geometry as GeoJSON.Point).coordinates);
    entries.push({
      kind: 'facility',
      id: p.id,
      name: p.name,
      // A park's facility is in the park's district as the plan states it (the simplified district
      // boundaries put some of Bio-Island's points in Haizhu).
      district: (p.parkId && parkDistrict.get(p.parkId)) || districtAt(point),
      point,
      keys: keysOf([p.name]),
    });
  }
  for (const d of districts) {
    const p = d.properties as { id: string; name: SearchName; labelPoint: Position };
    // 海珠区 is also found as 海珠 / haizhu: the name without its 区 / "District".
    const bare = { zh: p.name.zh.replace(/区$/, ''), en: p.name.en.replace(/ District$/, '') };
    entries.push({
      kind: 'district',
      id: p.id,
      name: p.name,
      district: null,
      point: roundPoint(p.labelPoint),
      bbox: roundBbox(turfBbox(d)),
      keys: keysOf([p.name, bare]),
    });
  }
  return {
    generatedFrom,
    method: METHOD,
    districts: districts.map((d) => ({ code: d.properties.id, name: d.properties.name })),
    entries,
  };
}

/** `geodata/<file> sha256:<first 16 hex>` for each input, joined by " + " (as park-figures.json). */
export function generatedFromOf(geodataDir: string): string {
  return INPUT_FILES.map((f) => {
    const sha = createHash('sha256')
      .update(fs.readFileSync(path.join(geodataDir, f)))
      .digest('hex')
      .slice(0, 16);
    return `geodata/${f} sha256:${sha}`;
  }).join(' + ');
}

export function readInputs(geodataDir: string): SearchInputs {
  const read = (file: string, schema: { parse: (x: unknown) => unknown }) => {
    const json = JSON.parse(fs.readFileSync(path.join(geodataDir, file), 'utf8'));
    schema.parse(json);
    // The raw JSON, not zod's output: key order stays the file's.
    return json as GeoJSON.FeatureCollection;
  };
  return {
    parks: read('parks.geojson', ParksSchema),
    stations: read('stations.geojson', StationsSchema),
    lines: read('transit-lines.geojson', TransitLinesSchema),
    facilities: read('facilities.geojson', FacilitiesSchema),
    districts: read('districts.geojson', DistrictsSchema),
  };
}

/** The file's text: one entry per line, so a diff shows which names changed. */
export function serialise(index: SearchIndexFile): string {
  return jsonOnePerLine(index, 'entries');
}

function main() {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const dir = path.resolve(process.argv[2] ?? path.join(here, '..', 'geodata'));
  const index = buildSearchIndex(readInputs(dir), generatedFromOf(dir));
  SearchIndexSchema.parse(index);
  const out = path.join(dir, 'search-index.json');
  fs.writeFileSync(out, serialise(index));
  console.log(
    `build-search-index: ${index.entries.length} entries; search-index.json ${(fs.statSync(out).size / 1024).toFixed(1)} KB`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
