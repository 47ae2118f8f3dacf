/**
 * The geometry of a printed map page, in millimetres from the sheet's top-left corner: paper size
 * and orientation, the title band, the map frame (shrunk to the map image's aspect, so nothing is
 * cropped or stretched), the footer with legend, scale and attribution, and the map's scale on
 * paper. Pure: the print layout only places elements where this says.
 */
import { type ScaleBar, scaleBar } from './scale-bar.ts';

export const PAPERS = ['A4', 'A3'] as const;
export type Paper = (typeof PAPERS)[number];
export const ORIENTATIONS = ['portrait', 'landscape'] as const;
export type Orientation = (typeof ORIENTATIONS)[number];

/** ISO 216 sizes, portrait (width × height), mm. */
export const PAPER_MM: Record<Paper, readonly [number, number]> = { A4: [210, 297], A3: [297, 420] };

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface PrintPage {
  /** The CSS named page (`@page a3-landscape`) that sets the paper size. */
  name: `${Lowercase<Paper>}-${Orientation}`;
  width: number;
  height: number;
  title: Box;
  map: Box;
  footer: Box;
}

/** Margin kept free on every side (printers cannot print to the edge), mm. */
export const MARGIN_MM = 10;

/** Heights of the title band and the footer; A3 gets a little more room than A4. */
function bands(paper: Paper): { title: number; footer: number; gap: number } {
  return paper === 'A3' ? { title: 16, footer: 34, gap: 4 } : { title: 12, footer: 30, gap: 3 };
}

/**
 * The page for `paper` in `orientation` with a map image of `imageWidth` × `imageHeight` pixels
 * (any unit: only the aspect counts), centred in the space between title and footer.
 */
export function printPage(
  paper: Paper,
  orientation: Orientation,
  imageWidth: number,
  imageHeight: number,
): PrintPage {
  const [shortSide, longSide] = PAPER_MM[paper];
  const width = orientation === 'portrait' ? shortSide : longSide;
  const height = orientation === 'portrait' ? longSide : shortSide;
  const { title, footer, gap } = bands(paper);
  const inner = { x: MARGIN_MM, w: width - 2 * MARGIN_MM };
  const space: Box = {
    x: inner.x,
    y: MARGIN_MM + title + gap,
    w: inner.w,
    h: height - 2 * MARGIN_MM - title - footer - 2 * gap,
  };
  const fitted = fitContain(imageWidth, imageHeight, space.w, space.h);
  return {
    name: `${paper.toLowerCase() as Lowercase<Paper>}-${orientation}`,
    width,
    height,
    title: { x: inner.x, y: MARGIN_MM, w: inner.w, h: title },
    map: { x: space.x + (space.w - fitted.w) / 2, y: space.y + (space.h - fitted.h) / 2, ...fitted },
    footer: { x: inner.x, y: height - MARGIN_MM - footer, w: inner.w, h: footer },
  };
}

/** The largest `w` × `h` of the image's aspect inside `boxW` × `boxH` (the whole box if unknown). */
export function fitContain(
  imageW: number,
  imageH: number,
  boxW: number,
  boxH: number,
): { w: number; h: number } {
  if (!(imageW > 0 && imageH > 0)) return { w: boxW, h: boxH };
  const s = Math.min(boxW / imageW, boxH / imageH);
  return { w: imageW * s, h: imageH * s };
}

export interface PaperScale {
  /** The representative fraction's denominator, rounded to 2 significant figures (1 : 25 000). */
  denominator: number;
  /** A scale bar measured in millimetres of paper. */
  bar: ScaleBar | null;
}

/** The map's scale on paper, when an image `imageWidthPx` wide is printed `printedWidthMm` wide. */
export function paperScale(
  metresPerImagePixel: number,
  imageWidthPx: number,
  printedWidthMm: number,
  maxBarMm = 50,
): PaperScale {
  const metresPerMm = (metresPerImagePixel * imageWidthPx) / printedWidthMm;
  const exact = metresPerMm * 1000;
  const magnitude = 10 ** Math.max(0, Math.floor(Math.log10(exact)) - 1);
  return {
    denominator: Number.isFinite(exact) && exact > 0 ? Math.round(exact / magnitude) * magnitude : 0,
    bar: scaleBar(metresPerMm, maxBarMm),
  };
}
