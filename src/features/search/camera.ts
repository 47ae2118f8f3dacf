/**
 * The camera a chosen search result asks for, written to the URL like any camera (so the map moves
 * through its camera intent, and the link shares the view). Web-Mercator maths on MapLibre's
 * 512-pixel world: pure, no map needed.
 */
import type { SearchEntry } from '../../domain/search.ts';
import type { Camera } from '../../url/view-state.ts';

/** Zoom for a point result (a station or a facility): street level. */
export const POINT_ZOOM = 15;
const MIN_ZOOM = 8;
const WORLD_PX = 512;

const mercatorX = (lng: number) => (lng + 180) / 360;
const mercatorY = (lat: number) => {
  const φ = (lat * Math.PI) / 180;
  return (1 - Math.log(Math.tan(Math.PI / 4 + φ / 2)) / Math.PI) / 2;
};
const latOfMercatorY = (y: number) => (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;

/** The camera that fits `bbox` [w, s, e, n] into a viewport of `size` pixels with `padding` around. */
export function cameraForBounds(
  bbox: readonly [number, number, number, number],
  size: { width: number; height: number },
  padding = 40,
  maxZoom = POINT_ZOOM,
): Camera {
  const [w, s, e, n] = bbox;
  const x0 = mercatorX(w);
  const x1 = mercatorX(e);
  const y0 = mercatorY(n);
  const y1 = mercatorY(s);
  const width = Math.max(1, size.width - 2 * padding);
  const height = Math.max(1, size.height - 2 * padding);
  const dx = Math.max(x1 - x0, 1e-9);
  const dy = Math.max(y1 - y0, 1e-9);
  const zoom = Math.log2(Math.min(width / (WORLD_PX * dx), height / (WORLD_PX * dy)));
  return {
    zoom: Math.min(maxZoom, Math.max(MIN_ZOOM, zoom)),
    lng: (w + e) / 2,
    lat: latOfMercatorY((y0 + y1) / 2),
    bearing: 0,
    pitch: 0,
  };
}

/** Where the map goes for a result: a fit to its extent, or street level at its point. */
export function cameraForEntry(entry: SearchEntry, size: { width: number; height: number }): Camera {
  if (entry.bbox) return cameraForBounds(entry.bbox, size);
  return { zoom: POINT_ZOOM, lng: entry.point[0], lat: entry.point[1], bearing: 0, pitch: 0 };
}
