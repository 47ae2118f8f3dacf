/**
 * Geodesic measures of what a user draws on the map: the length of a path and the area of a
 * polygon, given as the vertices clicked (WGS-84 degrees). Bad input never yields a number: one
 * vertex, a polygon of fewer than three, a path or ring crossing the date line (antimeridian), a
 * position that is not a WGS-84 position, or a self-crossing ring give a refusal with a code.
 *
 * Length: Turf `length` (haversine per edge on the sphere of radius 6,371,008.8 m).
 * Area: Turf `area` (spherical polygon area, Chamberlain & Duquette 2007, on the same sphere).
 * Never measured in Web Mercator.
 */
import { kinks, lineString, polygon, area as turfArea, length as turfLength } from '@turf/turf';
import {
  type Hectares,
  type Kilometres,
  type LngLat,
  type Metres,
  type Mu,
  m2ToKm2,
  metres,
  metresToKm,
  SQUARE_METRES_PER_MU,
  type SquareKilometres,
  type SquareMetres,
  squareMetres,
} from './units.ts';

export type MeasureRefusalCode =
  | 'too-few-vertices'
  | 'invalid-position'
  | 'crosses-antimeridian'
  | 'self-intersecting'
  | 'zero-area';

/** Why a drawing was not measured. */
export interface MeasureRefusal {
  ok: false;
  code: MeasureRefusalCode;
  /** English, for logs and tests; the UI shows its own text for the code. */
  reason: string;
  /** For 'too-few-vertices': how many distinct vertices the measure needs. */
  needed?: number;
}

/** The length of a drawn path. */
export interface DistanceMeasure {
  ok: true;
  /** Distinct vertices (consecutive duplicates dropped). */
  vertexCount: number;
  lengthM: Metres;
  lengthKm: Kilometres;
}

/** The area of a drawn polygon, in every unit the atlas shows. */
export interface AreaMeasure {
  ok: true;
  vertexCount: number;
  areaM2: SquareMetres;
  areaHa: Hectares;
  /** 亩 (1 mu = 2000/3 m²). */
  areaMu: Mu;
  areaKm2: SquareKilometres;
  /** Length of the closed ring, metres. */
  perimeterM: Metres;
}

/** Below this a polygon is a line or a point (its vertices are collinear or coincide), m². */
const MIN_AREA_M2 = 0.01;

const refuse = (code: MeasureRefusalCode, reason: string, needed?: number): MeasureRefusal =>
  needed === undefined ? { ok: false, code, reason } : { ok: false, code, reason, needed };

/** Consecutive repeats dropped: a double click or a finishing click adds the same vertex twice. */
export function distinctVertices(vertices: readonly LngLat[]): LngLat[] {
  const out: LngLat[] = [];
  for (const v of vertices) {
    const last = out[out.length - 1];
    if (!last || last[0] !== v[0] || last[1] !== v[1]) out.push(v);
  }
  return out;
}

/**
 * Checks the positions and that no edge crosses the date line. An edge whose longitudes differ by
 * more than 180° runs the short way across ±180°, where Turf would measure the long way round; a
 * longitude beyond ±180 (an unwrapped map click one world over) is across it already.
 */
function checkPath(vertices: readonly LngLat[], closed: boolean): MeasureRefusal | null {
  for (const [lng, lat] of vertices) {
    if (!Number.isFinite(lng) || !Number.isFinite(lat) || Math.abs(lat) > 90)
      return refuse('invalid-position', `not a WGS-84 position: [${lng}, ${lat}]`);
    if (Math.abs(lng) > 180)
      return refuse('crosses-antimeridian', `longitude ${lng} lies beyond the date line (±180°)`);
  }
  const n = vertices.length;
  const edges = closed ? n : n - 1;
  for (let i = 0; i < edges; i++) {
    const a = vertices[i]!;
    const b = vertices[(i + 1) % n]!;
    if (Math.abs(b[0] - a[0]) > 180)
      return refuse('crosses-antimeridian', `edge ${i + 1} crosses the date line (±180°)`);
  }
  return null;
}

/**
 * Geodesic length of a path through `vertices` (WGS-84 degrees), in metres and kilometres.
 * Needs at least two distinct vertices.
 */
export function measureDistance(vertices: readonly LngLat[]): DistanceMeasure | MeasureRefusal {
  const path = distinctVertices(vertices);
  const bad = checkPath(path, false);
  if (bad) return bad;
  if (path.length < 2) return refuse('too-few-vertices', 'a distance needs at least 2 vertices', 2);
  const lengthM = metres(turfLength(lineString(path.map((v) => [v[0], v[1]])), { units: 'meters' }));
  return { ok: true, vertexCount: path.length, lengthM, lengthKm: metresToKm(lengthM) };
}

/**
 * Geodesic area of the polygon whose ring runs through `vertices` (WGS-84 degrees, not closed: the
 * last vertex joins the first), in m², ha, 亩 and km², with its perimeter. Needs at least three
 * distinct vertices, a ring that does not cross itself, and a non-zero area.
 */
export function measureArea(vertices: readonly LngLat[]): AreaMeasure | MeasureRefusal {
  let ring = distinctVertices(vertices);
  // A ring given closed (first = last) is the same polygon.
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (ring.length > 1 && first && last && first[0] === last[0] && first[1] === last[1])
    ring = ring.slice(0, -1);
  const bad = checkPath(ring, true);
  if (bad) return bad;
  if (ring.length < 3) return refuse('too-few-vertices', 'a polygon needs at least 3 vertices', 3);
  const closed = [...ring, ring[0]!].map((v) => [v[0], v[1]]);
  const shape = polygon([closed]);
  // Turf measures a bow-tie as the difference of its lobes (often ~0): refuse rather than mislead.
  if (kinks(shape).features.length > 0) return refuse('self-intersecting', 'the outline crosses itself');
  const areaM2 = squareMetres(turfArea(shape));
  if (!(areaM2 >= MIN_AREA_M2)) return refuse('zero-area', 'the vertices enclose no area (collinear)');
  const perimeterM = metres(turfLength(lineString(closed), { units: 'meters' }));
  return {
    ok: true,
    vertexCount: ring.length,
    areaM2,
    areaHa: (areaM2 / 10_000) as Hectares,
    areaMu: (areaM2 / SQUARE_METRES_PER_MU) as Mu,
    areaKm2: m2ToKm2(areaM2),
    perimeterM,
  };
}
