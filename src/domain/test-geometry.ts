/** Geometry builders shared by the domain tests (not used by the app). */
import type { AreaGeometry } from './area.ts';

/** An axis-aligned rectangle [x0, y0]–[x1, y1] in degrees, counter-clockwise and closed. */
export const rect = (x0: number, y0: number, x1: number, y1: number): AreaGeometry => ({
  type: 'Polygon',
  coordinates: [
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ],
  ],
});
