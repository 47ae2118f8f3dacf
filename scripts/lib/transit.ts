/**
 * Existing-network assembly: official GZMTR table (names, colours, order) + HKUST/Baidu track
 * geometry (WGS-84) + AMap station chains (GCJ-02 → WGS-84 by the reference set) where no track
 * geometry exists. Pure functions of the parsed reference files, so the build stays deterministic.
 */
import type { Position } from 'geojson';
import type { TransitMode } from '../../src/data/schemas.ts';
import { dedupe, roundPosition } from './geo.ts';

export interface OfficialRow {
  line_code: string;
  line_name_zh: string;
  line_name_en: string;
  line_color: string;
  order: string;
  station_code: string;
  station_name_zh: string;
  station_name_en: string;
  lon_wgs84: string;
  lat_wgs84: string;
}

interface RefLine {
  properties: { line_name_zh: string; stations: string[] };
  geometry: { type: 'LineString'; coordinates: Position[] };
}

/** HKUST / AMap line names → official line code. Order matters: first match wins. */
const LINE_NAME_RULES: [RegExp, string][] = [
  [/广清城际/, 'CJ01'],
  [/东环城际/, 'CJ02'],
  [/黄埔有轨电车1号线|黄埔有轨1号线/, 'THP1'],
  [/黄埔有轨2号线/, 'THP2'],
  [/海珠有轨/, 'THZ1'],
  [/南海有轨/, 'TNH1'],
  [/佛山(地铁)?2号线/, 'F2'],
  [/佛山(地铁)?3号线/, 'F3'],
  [/广佛线/, 'GF'],
  [/APM/, 'APM'],
  [/^(地铁)?(\d+)号线/, '$2'],
];

export function lineCodeFromName(name: string): string | undefined {
  for (const [re, code] of LINE_NAME_RULES) {
    const m = name.match(re);
    if (m) return code.startsWith('$') ? m[Number(code.slice(1))] : code;
  }
  return undefined;
}

export function lineIdFromCode(code: string): string {
  return `line-${code.toLowerCase()}`;
}

/** Station names differ between sources by bracketed suffixes: 机场北(T2) / 机场北(2号航站楼). */
export function normaliseStationName(name: string): string {
  return name.replace(/[(（][^)）]*[)）]/g, '').trim();
}

export function modeForCode(code: string): TransitMode {
  if (/^CJ/.test(code)) return 'intercity';
  if (/^T[A-Z]{2}\d/.test(code)) return 'tram';
  return 'metro';
}

export interface LineGeometryResult {
  /** Parts of a MultiLineString, each ≥ 2 positions. */
  parts: Position[][];
  /** Station pairs drawn from track geometry / as straight segments. */
  referencePairs: number;
  chainPairs: number;
  chainRuns: string[];
}

/**
 * Merge the track geometry of a line with straight station-chain segments for the station pairs
 * the track geometry does not cover (extensions opened after the HKUST snapshot).
 * A chain pair counts as covered when both stations lie on one HKUST line of the same code at
 * most two stops apart (sources disagree on a skipped stop such as 官桥 or 机场南).
 */
export function assembleLine(hkust: RefLine[], amap: RefLine[]): LineGeometryResult {
  const parts: Position[][] = [];
  for (const l of hkust) parts.push(dedupe(l.geometry.coordinates.map((p) => roundPosition(p))));
  const covered = (a: string, b: string) =>
    hkust.some((l) => {
      const names = l.properties.stations.map(normaliseStationName);
      const i = names.indexOf(a);
      const j = names.indexOf(b);
      return i >= 0 && j >= 0 && Math.abs(i - j) <= 2;
    });
  let chainPairs = 0;
  let referencePairs = hkust.reduce((n, l) => n + Math.max(0, l.properties.stations.length - 1), 0);
  const chainRuns: string[] = [];
  for (const l of amap) {
    const names = l.properties.stations.map(normaliseStationName);
    const coords = l.geometry.coordinates;
    if (coords.length !== names.length)
      throw new Error(
        `AMap chain ${l.properties.line_name_zh}: ${coords.length} positions for ${names.length} stations`,
      );
    let run: Position[] = [];
    let runNames: string[] = [];
    const flush = () => {
      if (run.length >= 2) {
        parts.push(dedupe(run.map((p) => roundPosition(p))));
        chainRuns.push(`${runNames[0]}–${runNames[runNames.length - 1]}`);
      }
      run = [];
      runNames = [];
    };
    for (let i = 0; i + 1 < names.length; i++) {
      const a = names[i]!;
      const b = names[i + 1]!;
      if (hkust.length > 0 && covered(a, b)) {
        flush();
        continue;
      }
      chainPairs++;
      if (run.length === 0) {
        run.push(coords[i]!);
        runNames.push(l.properties.stations[i]!);
      }
      run.push(coords[i + 1]!);
      runNames.push(l.properties.stations[i + 1]!);
    }
    flush();
  }
  if (hkust.length === 0) referencePairs = 0;
  return { parts: parts.filter((p) => p.length >= 2), referencePairs, chainPairs, chainRuns };
}

/**
 * Official English station names come joined per line ("Wanshengwei; Wanshengwei（THZ1）") and with
 * full-width brackets; keep the first, drop line-code suffixes, use ASCII brackets.
 */
export function cleanStationNameEn(name: string): string {
  const first = name.split(';')[0]!.trim();
  return first
    .replace(/\s*[(（](THZ1|THP1|THP2|TNH1|APM|GF|Line \d+)[)）]\s*$/i, '')
    .replace(/\s*（\s*/g, ' (')
    .replace(/\s*）/g, ')')
    .replace(/\s*\(\s*/g, ' (')
    .trim();
}
