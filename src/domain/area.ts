/**
 * Geodesic measures of a park outline: area (km², ha, 亩), perimeter (km), centroid and bbox.
 * Geometry is validated first ({@link validateAreaGeometry}); bad geometry yields a reason, never
 * a number.
 *
 * Area: Turf `area` (spherical polygon area after Chamberlain & Duquette 2007, on a sphere of
 * radius 6,371,008.8 m), which is insensitive to ring orientation and subtracts holes.
 * Perimeter: Turf `length` in kilometres of every ring (outer rings and holes), haversine per edge.
 */
import { lineString, area as turfArea, length as turfLength } from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { type ValidationOptions, validateAreaGeometry } from './geometry-validation.ts';
import {
  type BBox,
  type Hectares,
  type Kilometres,
  km2ToHa,
  km2ToMu,
  type LngLat,
  type Mu,
  type SquareKilometres,
} from './units.ts';

/** A park outline: GeoJSON Polygon or MultiPolygon in WGS-84 degrees. */
export type AreaGeometry = Polygon | MultiPolygon;

/** Measures of a valid area geometry. */
export interface AreaMeasures {
  ok: true;
  /** Geodesic area, km². */
  areaKm2: SquareKilometres;
  /** The same area in hectares. */
  areaHa: Hectares;
  /** The same area in 亩 (1 mu = 666.6667 m²). */
  areaMu: Mu;
  /** Length of all rings (outer and holes), km. */
  perimeterKm: Kilometres;
  /**
   * Area-weighted centroid, degrees. Computed in a local equirectangular frame (lng scaled by the
   * cosine of the mean latitude): exact enough at park scale (< 1 m for a few km). May lie
   * outside a concave outline.
   */
  centroid: LngLat;
  /** [minLng, minLat, maxLng, maxLat], degrees. */
  bbox: BBox;
}

/** A refusal: the geometry failed validation. */
export interface MeasureFailure {
  ok: false;
  code: string;
  reason: string;
}

function polygonsOf(g: AreaGeometry): Position[][][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

function centroidOf(g: AreaGeometry, bbox: BBox): LngLat {
  const lat0 = ((bbox[1] + bbox[3]) / 2) * (Math.PI / 180);
  const k = Math.cos(lat0);
  const x0 = bbox[0];
  const y0 = bbox[1];
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (const poly of polygonsOf(g)) {
    for (const [ri, ring] of poly.entries()) {
      let ra = 0;
      let rx = 0;
      let ry = 0;
      for (let i = 0; i < ring.length - 1; i++) {
        const p = ring[i]!;
        const q = ring[i + 1]!;
        const px = (p[0]! - x0) * k;
        const py = p[1]! - y0;
        const qx = (q[0]! - x0) * k;
        const qy = q[1]! - y0;
        const c = px * qy - qx * py;
        ra += c;
        rx += (px + qx) * c;
        ry += (py + qy) * c;
      }
      // Outer rings add, holes subtract, whatever their orientation.
      const sign = (ri === 0 ? 1 : -1) * Math.sign(ra);
      a += sign * ra;
      cx += sign * rx;
      cy += sign * ry;
    }
  }
  return [x0 + cx / (3 * a) / k, y0 + cy / (3 * a)];
}

function bboxOf(g: AreaGeometry): BBox {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const poly of polygonsOf(g)) {
    for (const ring of poly) {
      for (const p of ring) {
        if (p[0]! < minX) minX = p[0]!;
        if (p[0]! > maxX) maxX = p[0]!;
        if (p[1]! < minY) minY = p[1]!;
        if (p[1]! > maxY) maxY = p[1]!;
      }
    }
  }
  return [minX, minY, maxX, maxY];
}

/** Geodesic area of an area geometry that is already known to be valid, km² (no validation). */
export function areaKm2Unchecked(g: AreaGeometry): SquareKilometres {
  return (turfArea(g) / 1e6) as SquareKilometres;
}

/**
 * Measures a Polygon/MultiPolygon: geodesic area (km², ha, 亩), perimeter (km), centroid and bbox.
 * Validates first and returns `{ ok: false, code, reason }` for bad geometry.
 */
export function measure(geometry: unknown, options: ValidationOptions = {}): AreaMeasures | MeasureFailure {
  const v = validateAreaGeometry(geometry, options);
  if (!v.ok) return v;
  const g = geometry as AreaGeometry;
  const areaKm2 = areaKm2Unchecked(g);
  let perimeterKm = 0;
  for (const poly of polygonsOf(g)) {
    for (const ring of poly) {
      perimeterKm += turfLength(lineString(ring), { units: 'kilometers' });
    }
  }
  const bbox = bboxOf(g);
  return {
    ok: true,
    areaKm2,
    areaHa: km2ToHa(areaKm2),
    areaMu: km2ToMu(areaKm2),
    perimeterKm: perimeterKm as Kilometres,
    centroid: centroidOf(g, bbox),
    bbox,
  };
}

/** Badge of an area audit: within tolerance, within twice the tolerance, or beyond. */
export type AuditBadge = 'ok' | 'warn' | 'fail';

/** Result of comparing a computed area with the area the plan states. */
export interface AreaAudit {
  /** (computed − stated) / stated × 100, percent (signed). */
  deltaPct: number;
  /** |deltaPct| ≤ tolerance × 100. */
  withinTolerance: boolean;
  /** 'ok' within tolerance, 'warn' within 2 × tolerance, 'fail' beyond (or non-finite input). */
  badge: AuditBadge;
}

/**
 * Audits a computed area against the stated one (QUALITY-BAR D3: ±10 %).
 * @param statedKm2 area the plan states, km² (> 0)
 * @param computedKm2 geodesic area of the outline, km²
 * @param tolerance allowed relative difference as a fraction (default 0.10 = ±10 %)
 */
export function auditArea(statedKm2: number, computedKm2: number, tolerance = 0.1): AreaAudit {
  if (!(statedKm2 > 0) || !Number.isFinite(statedKm2) || !Number.isFinite(computedKm2)) {
    return { deltaPct: Number.NaN, withinTolerance: false, badge: 'fail' };
  }
  const delta = (computedKm2 - statedKm2) / statedKm2;
  const abs = Math.abs(delta);
  const withinTolerance = abs <= tolerance + 1e-12;
  return {
    deltaPct: delta * 100,
    withinTolerance,
    badge: withinTolerance ? 'ok' : abs <= 2 * tolerance + 1e-12 ? 'warn' : 'fail',
  };
}
