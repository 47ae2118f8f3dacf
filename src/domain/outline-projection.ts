/**
 * Park outlines drawn side by side at one scale: every outline is projected with the same
 * local equirectangular projection (metres east/north of its own centre, the cosine of latitude
 * taken at the mean latitude of all the parks, so one metre is the same length in every drawing)
 * and one metres-per-pixel for all, so a park twice as large looks twice as large. Across
 * Guangzhou's 1.5° of latitude the scale error of this projection is under 0.1 %.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import { EARTH_RADIUS_M } from './units.ts';

export interface ProjectedOutline {
  /** SVG path data in a `size × size` box, the outline centred. */
  path: string;
  /** Width and height of the outline, metres. */
  widthM: number;
  heightM: number;
}

export interface SameScaleOutlines {
  outlines: ProjectedOutline[];
  metresPerPixel: number;
  /** A round scale-bar length and its length in pixels. */
  scaleBar: { lengthM: number; px: number };
}

const RAD = Math.PI / 180;

/** The largest 1-2-5 × 10ⁿ length not over `maxM`. */
export function niceLength(maxM: number): number {
  if (!(maxM > 0)) return 0;
  const p = 10 ** Math.floor(Math.log10(maxM));
  for (const f of [5, 2, 1]) if (f * p <= maxM) return f * p;
  return p;
}

function ringsOf(g: Polygon | MultiPolygon): number[][][] {
  return g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
}

/**
 * Projects every outline into a `sizePx` square box (with `paddingPx` left free) at the one scale
 * that fits the largest of them.
 */
export function sameScaleOutlines(
  geometries: readonly (Polygon | MultiPolygon)[],
  sizePx: number,
  paddingPx = 8,
): SameScaleOutlines {
  const all = geometries.flatMap((g) => ringsOf(g).flat());
  const meanLat = all.length > 0 ? all.reduce((s, p) => s + (p[1] ?? 0), 0) / all.length : 0;
  const kx = EARTH_RADIUS_M * RAD * Math.cos(meanLat * RAD);
  const ky = EARTH_RADIUS_M * RAD;
  const projected = geometries.map((g) => {
    const rings = ringsOf(g).map((ring) => ring.map((p) => [(p[0] ?? 0) * kx, -(p[1] ?? 0) * ky]));
    const xs = rings.flat().map((p) => p[0] ?? 0);
    const ys = rings.flat().map((p) => p[1] ?? 0);
    const box = {
      minX: Math.min(...xs),
      maxX: Math.max(...xs),
      minY: Math.min(...ys),
      maxY: Math.max(...ys),
    };
    return { rings, box };
  });
  const largestM = Math.max(
    1,
    ...projected.map(({ box }) => Math.max(box.maxX - box.minX, box.maxY - box.minY)),
  );
  const metresPerPixel = largestM / Math.max(1, sizePx - 2 * paddingPx);
  const outlines = projected.map(({ rings, box }) => {
    const cx = (box.minX + box.maxX) / 2;
    const cy = (box.minY + box.maxY) / 2;
    const path = rings
      .map(
        (ring) =>
          `M${ring
            .map((p) => {
              const x = sizePx / 2 + ((p[0] ?? 0) - cx) / metresPerPixel;
              const y = sizePx / 2 + ((p[1] ?? 0) - cy) / metresPerPixel;
              return `${x.toFixed(2)} ${y.toFixed(2)}`;
            })
            .join('L')}Z`,
      )
      .join('');
    return { path, widthM: box.maxX - box.minX, heightM: box.maxY - box.minY };
  });
  const lengthM = niceLength((sizePx - 2 * paddingPx) * 0.5 * metresPerPixel);
  return { outlines, metresPerPixel, scaleBar: { lengthM, px: lengthM / metresPerPixel } };
}
