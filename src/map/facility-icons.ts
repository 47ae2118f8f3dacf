/**
 * Category pictograms for the facilities layer, drawn locally on a canvas and added to the map
 * as images: no sprite request, so they work offline and under the strict CSP. White on
 * transparent; the circle beneath carries the category colour.
 */
import type { FacilityCategory } from '../data/schemas.ts';

export const ICON_SIZE_PX = 32;
export const iconId = (category: FacilityCategory) => `facility-${category}`;

type Draw = (c: CanvasRenderingContext2D) => void;

const DRAW: Record<FacilityCategory, Draw> = {
  living: (c) => {
    c.beginPath();
    c.moveTo(6, 16);
    c.lineTo(16, 7);
    c.lineTo(26, 16);
    c.moveTo(9, 14);
    c.lineTo(9, 25);
    c.lineTo(23, 25);
    c.lineTo(23, 14);
    c.stroke();
    c.fillRect(14, 18, 4, 7);
  },
  commercial: (c) => {
    c.strokeRect(8, 12, 16, 13);
    c.beginPath();
    c.arc(16, 12, 4.5, Math.PI, 0);
    c.stroke();
  },
  education: (c) => {
    c.beginPath();
    c.moveTo(4, 13);
    c.lineTo(16, 8);
    c.lineTo(28, 13);
    c.lineTo(16, 18);
    c.closePath();
    c.fill();
    c.beginPath();
    c.moveTo(9, 16);
    c.lineTo(9, 21);
    c.quadraticCurveTo(16, 26, 23, 21);
    c.lineTo(23, 16);
    c.stroke();
  },
  medical: (c) => {
    c.fillRect(13, 7, 6, 18);
    c.fillRect(7, 13, 18, 6);
  },
  transport: (c) => {
    c.strokeRect(9, 7, 14, 15);
    c.fillRect(11, 10, 10, 5);
    c.beginPath();
    c.moveTo(11, 22);
    c.lineTo(8, 26);
    c.moveTo(21, 22);
    c.lineTo(24, 26);
    c.stroke();
  },
  ecology: (c) => {
    c.beginPath();
    c.moveTo(16, 6);
    c.quadraticCurveTo(27, 14, 16, 22);
    c.quadraticCurveTo(5, 14, 16, 6);
    c.fill();
    c.fillRect(15, 20, 2, 7);
  },
  innovation: (c) => {
    c.beginPath();
    c.arc(16, 13, 6.5, 0, Math.PI * 2);
    c.fill();
    c.fillRect(13, 19, 6, 3);
    c.fillRect(14, 23, 4, 2);
  },
  fund: (c) => {
    c.beginPath();
    c.moveTo(10, 7);
    c.lineTo(16, 15);
    c.lineTo(22, 7);
    c.moveTo(16, 15);
    c.lineTo(16, 26);
    c.moveTo(11, 17);
    c.lineTo(21, 17);
    c.moveTo(11, 21);
    c.lineTo(21, 21);
    c.stroke();
  },
  'service-platform': (c) => {
    c.beginPath();
    c.moveTo(6, 12);
    c.lineTo(16, 6);
    c.lineTo(26, 12);
    c.closePath();
    c.fill();
    for (const x of [9, 14.5, 20]) c.fillRect(x, 14, 3, 9);
    c.fillRect(6, 24, 20, 2.5);
  },
  community: (c) => {
    for (const [x, y, r] of [
      [11, 11, 3.5],
      [21, 11, 3.5],
    ] as const) {
      c.beginPath();
      c.arc(x, y, r, 0, Math.PI * 2);
      c.fill();
      c.beginPath();
      c.arc(x, y + 12, 5.5, Math.PI, 0);
      c.fill();
    }
  },
};

export const FACILITY_CATEGORIES = Object.keys(DRAW) as FacilityCategory[];

/** The pictogram of a category as RGBA pixels (ICON_SIZE_PX²), or null where canvas 2D is unavailable. */
export function drawFacilityIcon(category: FacilityCategory): ImageData | null {
  const canvas = document.createElement('canvas');
  canvas.width = ICON_SIZE_PX;
  canvas.height = ICON_SIZE_PX;
  const c = canvas.getContext('2d');
  if (!c) return null;
  c.fillStyle = '#ffffff';
  c.strokeStyle = '#ffffff';
  c.lineWidth = 2.6;
  c.lineCap = 'round';
  c.lineJoin = 'round';
  DRAW[category](c);
  return c.getImageData(0, 0, ICON_SIZE_PX, ICON_SIZE_PX);
}
