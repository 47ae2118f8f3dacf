/**
 * Sea/estuary and lake polygons from the GSHHG shoreline lines of the reference set.
 *
 * The reference file holds GSHHG polygons as lines, clipped to a frame. Closed level-1 rings are
 * islands, closed level-2 rings lakes, closed level-3 rings islands in lakes. The mainland is one
 * chain of open level-1 lines that starts and ends on the frame; GSHHG keeps land on the LEFT of
 * the direction of travel (every closed island ring is counter-clockwise — checked at run time).
 * So: mainland = chain closed counter-clockwise along the frame; water = frame − mainland − islands.
 * Every step is verified (orientation, chain continuity, endpoints on the frame, area sanity);
 * on any surprise the function throws and the build skips the file rather than ship a wrong sea.
 */
import { difference, featureCollection, simplify, polygon as turfPolygon, union } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { areaKm2, closeRing, signedRingArea } from './geo.ts';

export interface ShoreLine {
  level: number;
  coordinates: Position[];
}

export interface Frame {
  minLng: number;
  minLat: number;
  maxLng: number;
  maxLat: number;
}

const EPS = 1e-6;
const same = (a: Position, b: Position) => Math.abs(a[0]! - b[0]!) < EPS && Math.abs(a[1]! - b[1]!) < EPS;

/** Position along the frame perimeter, counter-clockwise from the south-west corner (0 … 4). */
function perimeterParam(p: Position, f: Frame): number {
  const [x, y] = p as [number, number];
  const tx = (x - f.minLng) / (f.maxLng - f.minLng);
  const ty = (y - f.minLat) / (f.maxLat - f.minLat);
  if (Math.abs(y - f.minLat) < EPS) return tx; // south edge, west → east
  if (Math.abs(x - f.maxLng) < EPS) return 1 + ty; // east edge, south → north
  if (Math.abs(y - f.maxLat) < EPS) return 2 + (1 - tx); // north edge, east → west
  if (Math.abs(x - f.minLng) < EPS) return 3 + (1 - ty); // west edge, north → south
  throw new Error(`position ${JSON.stringify(p)} is not on the frame`);
}

const CORNERS = (f: Frame): [number, Position][] => [
  [1, [f.maxLng, f.minLat]],
  [2, [f.maxLng, f.maxLat]],
  [3, [f.minLng, f.maxLat]],
  [4, [f.minLng, f.minLat]],
];

/** Walk the frame counter-clockwise from parameter a to b, returning the corners passed. */
function frameWalk(a: number, b: number, f: Frame): Position[] {
  const end = b > a ? b : b + 4;
  const out: Position[] = [];
  for (const lap of [0, 4]) for (const [t, c] of CORNERS(f)) if (t + lap > a && t + lap < end) out.push(c);
  return out;
}

/** Chain open lines end-to-start into one line. */
function chain(lines: Position[][]): Position[] {
  const rest = lines.slice();
  const out = rest.shift()!.slice();
  while (rest.length > 0) {
    const i = rest.findIndex((l) => same(l[0]!, out[out.length - 1]!));
    if (i < 0) throw new Error('open shoreline lines do not form one chain');
    out.push(...rest.splice(i, 1)[0]!.slice(1));
  }
  return out;
}

export interface WaterAreas {
  sea: Feature<Polygon | MultiPolygon>;
  lakes: Feature<Polygon>[];
}

export function buildWaterAreas(lines: ShoreLine[], frame: Frame, toleranceDeg: number): WaterAreas {
  const closed = (l: ShoreLine) =>
    l.coordinates.length >= 4 && same(l.coordinates[0]!, l.coordinates[l.coordinates.length - 1]!);
  const islands = lines.filter((l) => l.level === 1 && closed(l));
  if (islands.some((l) => signedRingArea(l.coordinates) <= 0))
    throw new Error('an island ring is clockwise: land-on-the-left assumption does not hold');
  const mainlandParts = lines.filter((l) => l.level === 1 && !closed(l)).map((l) => l.coordinates);
  if (mainlandParts.length === 0) throw new Error('no open mainland shoreline');
  const coast = chain(mainlandParts);
  const a = perimeterParam(coast[coast.length - 1]!, frame);
  const b = perimeterParam(coast[0]!, frame);
  const mainlandRing = closeRing([...coast, ...frameWalk(a, b, frame)]);
  if (signedRingArea(mainlandRing) <= 0) throw new Error('mainland ring closed the wrong way');
  const simplifyPoly = (rings: Position[][]) =>
    simplify(turfPolygon(rings), { tolerance: toleranceDeg, highQuality: true, mutate: false });
  const framePoly = turfPolygon([
    [
      [frame.minLng, frame.minLat],
      [frame.maxLng, frame.minLat],
      [frame.maxLng, frame.maxLat],
      [frame.minLng, frame.maxLat],
      [frame.minLng, frame.minLat],
    ],
  ]);
  let land: Feature<Polygon | MultiPolygon> = simplifyPoly([mainlandRing]);
  const islandPolys = islands.map((l) => simplifyPoly([l.coordinates]));
  if (islandPolys.length > 0) {
    const u = union(featureCollection([land as Feature<Polygon>, ...islandPolys]));
    if (!u) throw new Error('union of land failed');
    land = u;
  }
  const sea = difference(featureCollection([framePoly, land as Feature<Polygon>]));
  if (!sea) throw new Error('frame minus land is empty');
  const seaKm2 = areaKm2(sea.geometry);
  const frameKm2 = areaKm2(framePoly.geometry);
  // The estuary and channels are a minority of the frame; a sea larger than half means inverted.
  if (seaKm2 <= 0 || seaKm2 > frameKm2 / 2) throw new Error(`implausible sea area ${seaKm2.toFixed(0)} km²`);
  const lakes = lines
    .filter((l) => l.level === 2 && closed(l))
    .map((l) => simplifyPoly([l.coordinates.slice().reverse()]) as Feature<Polygon>);
  return { sea, lakes };
}
