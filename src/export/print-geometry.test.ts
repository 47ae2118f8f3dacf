import { describe, expect, it } from 'vitest';
import { fitContain, MARGIN_MM, paperScale, printPage } from './print-geometry.ts';

const inside = (inner: { x: number; y: number; w: number; h: number }, w: number, h: number) =>
  inner.x >= MARGIN_MM - 1e-9 &&
  inner.y >= MARGIN_MM - 1e-9 &&
  inner.x + inner.w <= w - MARGIN_MM + 1e-9 &&
  inner.y + inner.h <= h - MARGIN_MM + 1e-9;

describe('print page geometry', () => {
  it('has the ISO sizes in both orientations and names its CSS page', () => {
    expect(printPage('A4', 'portrait', 4, 3)).toMatchObject({ name: 'a4-portrait', width: 210, height: 297 });
    expect(printPage('A4', 'landscape', 4, 3)).toMatchObject({
      name: 'a4-landscape',
      width: 297,
      height: 210,
    });
    const a3 = printPage('A3', 'landscape', 4, 3);
    expect(a3).toMatchObject({ name: 'a3-landscape', width: 420, height: 297 });
    expect(a3.width / a3.height).toBeCloseTo(Math.SQRT2, 2);
  });

  it('keeps title, map and footer inside the margins, in that order, without overlap', () => {
    for (const paper of ['A4', 'A3'] as const) {
      for (const orientation of ['portrait', 'landscape'] as const) {
        for (const [iw, ih] of [
          [2560, 1600],
          [800, 1600],
        ] as const) {
          const p = printPage(paper, orientation, iw, ih);
          for (const box of [p.title, p.map, p.footer]) expect(inside(box, p.width, p.height)).toBe(true);
          expect(p.title.y + p.title.h).toBeLessThanOrEqual(p.map.y);
          expect(p.map.y + p.map.h).toBeLessThanOrEqual(p.footer.y);
          // The map keeps the image's aspect and touches the space on one side at least.
          expect(p.map.w / p.map.h).toBeCloseTo(iw / ih, 6);
          const above = p.map.y - (p.title.y + p.title.h);
          const below = p.footer.y - (p.map.y + p.map.h);
          expect(above).toBeCloseTo(below, 6);
          expect(Math.abs(p.map.w - p.title.w) < 1e-6 || above < 5).toBe(true);
        }
      }
    }
  });

  it('fits an image into a box without cropping', () => {
    expect(fitContain(200, 100, 100, 100)).toEqual({ w: 100, h: 50 });
    expect(fitContain(100, 200, 100, 100)).toEqual({ w: 50, h: 100 });
    expect(fitContain(0, 0, 30, 40)).toEqual({ w: 30, h: 40 });
  });

  it('gives the scale on paper and a bar in millimetres', () => {
    // 2560 px at 10 m a pixel = 25.6 km on 256 mm of paper: 100 m a millimetre, 1 : 100 000.
    const s = paperScale(10, 2560, 256);
    expect(s.denominator).toBe(100_000);
    expect(s.bar).toEqual({ lengthM: 5000, widthPx: 50, label: '5 km' });
    expect(paperScale(3.3, 1000, 100).denominator).toBe(33_000);
    expect(paperScale(0, 1000, 100)).toEqual({ denominator: 0, bar: null });
  });
});
