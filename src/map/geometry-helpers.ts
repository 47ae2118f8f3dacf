/** Small geometry helpers the map adapter needs (label anchors, bounds). */
import type { Feature, FeatureCollection, Geometry, Point, Position } from 'geojson';

export type Bounds = [[number, number], [number, number]];

function eachPosition(geometry: Geometry, visit: (p: Position) => void): void {
  switch (geometry.type) {
    case 'Point':
      visit(geometry.coordinates);
      break;
    case 'MultiPoint':
    case 'LineString':
      geometry.coordinates.forEach(visit);
      break;
    case 'MultiLineString':
    case 'Polygon':
      for (const line of geometry.coordinates) line.forEach(visit);
      break;
    case 'MultiPolygon':
      for (const poly of geometry.coordinates) for (const ring of poly) ring.forEach(visit);
      break;
    case 'GeometryCollection':
      for (const g of geometry.geometries) eachPosition(g, visit);
      break;
  }
}

/** [[west, south], [east, north]] of a geometry or collection, or null when it has no positions. */
export function boundsOf(input: Geometry | FeatureCollection): Bounds | null {
  let west = Number.POSITIVE_INFINITY;
  let south = Number.POSITIVE_INFINITY;
  let east = Number.NEGATIVE_INFINITY;
  let north = Number.NEGATIVE_INFINITY;
  const visit = (p: Position) => {
    const [x = Number.NaN, y = Number.NaN] = p;
    if (!Number.isFinite(x) || !Number.isFinite(y)) return;
    west = Math.min(west, x);
    east = Math.max(east, x);
    south = Math.min(south, y);
    north = Math.max(north, y);
  };
  if (input.type === 'FeatureCollection') {
    for (const f of input.features) if (f.geometry) eachPosition(f.geometry, visit);
  } else {
    eachPosition(input, visit);
  }
  return Number.isFinite(west)
    ? [
        [west, south],
        [east, north],
      ]
    : null;
}

/** Area-weighted centroid of a planar ring (good enough for a label anchor at city scale). */
function ringCentroid(ring: Position[]): { x: number; y: number; area: number } {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i]!;
    const [xj = 0, yj = 0] = ring[j]!;
    const f = xj * yi - xi * yj;
    a += f;
    cx += (xi + xj) * f;
    cy += (yi + yj) * f;
  }
  if (a === 0) return { x: ring[0]?.[0] ?? 0, y: ring[0]?.[1] ?? 0, area: 0 };
  return { x: cx / (3 * a), y: cy / (3 * a), area: Math.abs(a / 2) };
}

/** A label point per polygon feature: the centroid of its largest part. */
export function labelPoints<P>(collection: FeatureCollection<Geometry, P>): FeatureCollection<Point, P> {
  const features: Feature<Point, P>[] = [];
  for (const f of collection.features) {
    const g = f.geometry;
    const outers =
      g.type === 'Polygon'
        ? [g.coordinates[0]]
        : g.type === 'MultiPolygon'
          ? g.coordinates.map((p) => p[0])
          : [];
    let best: { x: number; y: number; area: number } | null = null;
    for (const ring of outers) {
      if (!ring) continue;
      const c = ringCentroid(ring);
      if (!best || c.area > best.area) best = c;
    }
    if (best)
      features.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [best.x, best.y] },
        properties: f.properties,
      });
  }
  return { type: 'FeatureCollection', features };
}
