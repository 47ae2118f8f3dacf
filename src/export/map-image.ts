/**
 * Still images of the live map, shared by the briefing (slide PNG, handout) and the map export
 * (PNG at 1×/2×/3×, print layout): the map's canvas captured once the camera and tiles have settled
 * (the map keeps its drawing buffer — `preserveDrawingBuffer` in atlas-map.ts — so toDataURL reads
 * what was last drawn), and the map furniture drawn onto a 2D canvas: title, legend, scale bar,
 * north arrow and attribution.
 *
 * Every text (layer names from imported files included) is drawn with fillText: nothing here ever
 * reaches an HTML parser.
 */
import attribution from '../../geodata/attribution.json';
import { translate } from '../i18n/translate.ts';
import type { Lang, LayerGroup } from '../url/view-state.ts';
import { groupLegend, type LegendEntry } from './legend.ts';
import { metresPerPixel, scaleBar } from './scale-bar.ts';

export { groupLegend, KEY_COLOURS, type LegendEntry } from './legend.ts';

export interface MapShot {
  dataUrl: string;
  /** Ground metres per pixel of the image. */
  metresPerImagePixel: number;
  width: number;
  height: number;
  /** The map's bearing, degrees clockwise from north (the north arrow turns against it). */
  bearing: number;
  /** Image pixels per CSS pixel of the map on screen. */
  pixelRatio: number;
}

type LiveMap = NonNullable<Window['__atlas']>['map'];

function liveMap(): LiveMap | null {
  return window.__atlas?.map ?? null;
}

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

/** Resolves on the map's next `idle` (forcing a repaint so an already idle map answers too). */
function idle(map: LiveMap, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    map.once('idle', () => {
      clearTimeout(timer);
      resolve();
    });
    map.triggerRepaint();
  });
}

async function settle(map: LiveMap, deadline: number): Promise<void> {
  while (performance.now() < deadline) {
    await idle(map, Math.max(100, deadline - performance.now()));
    if (!map.isMoving()) break;
  }
}

/**
 * Waits for the camera flight and tile loading under way, then captures the map. Two frames first,
 * so the page's effects have handed any new view to the map. `pixelRatio` (e.g. 2 for a 2× export)
 * redraws the map at that many image pixels per CSS pixel for the capture and restores the screen's
 * ratio afterwards; null keeps the ratio the map has.
 */
export async function captureSettledMap(
  timeoutMs = 30_000,
  pixelRatio: number | null = null,
): Promise<MapShot | null> {
  const map = liveMap();
  if (!map) return null;
  const deadline = performance.now() + timeoutMs;
  await nextFrame();
  await nextFrame();
  await settle(map, deadline);
  const screenRatio = map.getPixelRatio();
  const changeRatio = pixelRatio !== null && pixelRatio !== screenRatio;
  try {
    // A new ratio resizes (and clears) the drawing buffer; the next idle has redrawn all of it.
    if (changeRatio) {
      map.setPixelRatio(pixelRatio);
      await settle(map, Math.max(deadline, performance.now() + 5000));
    }
    const canvas = map.getCanvas();
    const { lat } = map.getCenter();
    const cssWidth = canvas.clientWidth || canvas.width;
    return {
      dataUrl: canvas.toDataURL('image/png'),
      metresPerImagePixel: metresPerPixel(lat, map.getZoom()) * (cssWidth / canvas.width),
      width: canvas.width,
      height: canvas.height,
      bearing: map.getBearing(),
      pixelRatio: canvas.width / cssWidth,
    };
  } finally {
    if (changeRatio) map.setPixelRatio(screenRatio);
  }
}

export function attributionText(lang: Lang): string {
  return attribution.items.map((item) => item.text[lang]).join(' · ');
}

export function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('map image did not load'));
    image.src = src;
  });
}

/** Lines of `text` that fit `maxWidth` (breaks between words, or anywhere in Chinese). */
export function wrap(
  ctx: CanvasRenderingContext2D,
  text: string,
  maxWidth: number,
  maxLines: number,
): string[] {
  const lines: string[] = [];
  let line = '';
  for (const token of text.match(/[\u3000-\u9fff\uff00-\uffef]|[^\s\u3000-\u9fff\uff00-\uffef]+|\s+/g) ??
    []) {
    const candidate = line + token;
    if (ctx.measureText(candidate).width > maxWidth && line.trim() !== '') {
      lines.push(line.trim());
      line = token.trim();
      if (lines.length === maxLines) return lines;
    } else line = candidate;
  }
  if (line.trim() !== '' && lines.length < maxLines) lines.push(line.trim());
  return lines;
}

export const FONT = '"Noto Sans CJK SC", "Noto Sans", sans-serif';
const INK = '#1f2a33';
const PANEL = 'rgba(255,255,255,0.92)';

/** The area of the canvas where the map image lies; `u` is the size of one layout unit in pixels. */
export interface MapFrame {
  x: number;
  y: number;
  w: number;
  h: number;
  u: number;
}

/** The legend over the frame's bottom-left corner (above `bottomInset`). */
export function drawLegend(
  ctx: CanvasRenderingContext2D,
  frame: MapFrame,
  entries: readonly LegendEntry[],
  bottomInset = 0,
): void {
  if (entries.length === 0) return;
  const { u } = frame;
  const row = 26 * u;
  ctx.font = `${18 * u}px ${FONT}`;
  const keyW = Math.min(
    frame.w / 2,
    Math.max(...entries.map((e) => ctx.measureText(e.label).width)) + 56 * u,
  );
  const keyH = 16 * u + entries.length * row;
  const keyX = frame.x + 12 * u;
  const keyY = frame.y + frame.h - bottomInset - keyH - 12 * u;
  ctx.fillStyle = PANEL;
  ctx.fillRect(keyX, keyY, keyW, keyH);
  entries.forEach((entry, i) => {
    const sx = keyX + 10 * u;
    const sy = keyY + 12 * u + i * row;
    ctx.fillStyle = entry.color;
    ctx.strokeStyle = entry.color;
    if (entry.kind === 'point') {
      ctx.beginPath();
      ctx.arc(sx + 12 * u, sy + 7 * u, 6 * u, 0, 2 * Math.PI);
      ctx.fill();
    } else if (entry.kind === 'line') ctx.fillRect(sx, sy + 5 * u, 24 * u, 4 * u);
    else ctx.fillRect(sx, sy, 24 * u, 14 * u);
    ctx.fillStyle = INK;
    ctx.fillText(entry.label, keyX + 44 * u, sy + 14 * u, keyW - 52 * u);
  });
}

/** A scale bar over the frame's bottom-right corner; `metresPerPixel` of the canvas as drawn. */
export function drawScaleBar(
  ctx: CanvasRenderingContext2D,
  frame: MapFrame,
  metresPerCanvasPixel: number,
  bottomInset = 0,
): void {
  const { u } = frame;
  const bar = scaleBar(metresPerCanvasPixel, 200 * u);
  if (!bar) return;
  const x = frame.x + frame.w - bar.widthPx - 24 * u;
  const y = frame.y + frame.h - bottomInset - 24 * u;
  ctx.fillStyle = PANEL;
  ctx.fillRect(x - 10 * u, y - 30 * u, bar.widthPx + 20 * u, 42 * u);
  ctx.fillStyle = INK;
  ctx.fillRect(x, y, bar.widthPx, 5 * u);
  ctx.fillRect(x, y - 8 * u, 2 * u, 13 * u);
  ctx.fillRect(x + bar.widthPx - 2 * u, y - 8 * u, 2 * u, 13 * u);
  ctx.font = `${16 * u}px ${FONT}`;
  ctx.fillText(bar.label, x, y - 12 * u);
}

/** A north arrow in the frame's top-right corner, turned against the map's bearing. */
export function drawNorthArrow(
  ctx: CanvasRenderingContext2D,
  frame: MapFrame,
  bearing: number,
  topInset = 0,
): void {
  const { u } = frame;
  const r = 22 * u;
  const cx = frame.x + frame.w - 16 * u - r;
  const cy = frame.y + topInset + 16 * u + r;
  ctx.save();
  ctx.fillStyle = PANEL;
  ctx.beginPath();
  ctx.arc(cx, cy, r, 0, 2 * Math.PI);
  ctx.fill();
  ctx.translate(cx, cy);
  ctx.rotate((-bearing * Math.PI) / 180);
  ctx.fillStyle = INK;
  ctx.beginPath();
  ctx.moveTo(0, -r * 0.8);
  ctx.lineTo(r * 0.35, r * 0.35);
  ctx.lineTo(0, r * 0.15);
  ctx.lineTo(-r * 0.35, r * 0.35);
  ctx.closePath();
  ctx.fill();
  ctx.font = `bold ${11 * u}px ${FONT}`;
  ctx.textAlign = 'center';
  ctx.fillText('N', 0, r * 0.8);
  ctx.restore();
}

/** The attribution line, one line wrapped to `maxWidth`, with its baseline at `y`. */
export function drawAttribution(
  ctx: CanvasRenderingContext2D,
  lang: Lang,
  x: number,
  y: number,
  maxWidth: number,
  fontPx: number,
): void {
  ctx.fillStyle = '#495057';
  ctx.font = `${fontPx}px ${FONT}`;
  const credit = `${translate(lang, 'attribution.heading')}: ${attributionText(lang)}`;
  ctx.fillText(wrap(ctx, credit, maxWidth, 1)[0] ?? '', x, y);
}

export function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('no PNG'))), 'image/png'),
  );
}

export interface MapImageOptions {
  /** Untrusted (typed by the user): drawn with fillText only. Empty: no title band. */
  title: string;
  lang: Lang;
  /** The visible standard layer groups, labelled in `lang`. */
  layers: readonly LayerGroup[];
  /** More rows after the groups' (the visible imported layers: labels are untrusted text). */
  extraLegend?: readonly LegendEntry[];
}

/**
 * The map image at its captured size with the furniture drawn over it: a title band along the top,
 * a north arrow, the legend and the scale bar above an attribution strip along the bottom. The
 * PNG keeps the capture's size (the map's CSS size × the pixel ratio of the capture).
 */
export async function composeMapPng(shot: MapShot, options: MapImageOptions): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = shot.width;
  canvas.height = shot.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d canvas');
  const image = await loadImage(shot.dataUrl);
  ctx.drawImage(image, 0, 0, shot.width, shot.height);
  // Layout units follow the capture's pixel ratio, so 2× and 3× look like 1×, only sharper.
  const u = shot.pixelRatio;
  const frame: MapFrame = { x: 0, y: 0, w: shot.width, h: shot.height, u };

  let titleH = 0;
  const title = options.title.trim();
  if (title) {
    ctx.font = `bold ${26 * u}px ${FONT}`;
    const line = wrap(ctx, title, shot.width - 32 * u, 1)[0] ?? '';
    titleH = 48 * u;
    ctx.fillStyle = PANEL;
    ctx.fillRect(0, 0, shot.width, titleH);
    ctx.fillStyle = INK;
    ctx.fillText(line, 16 * u, 34 * u);
  }
  drawNorthArrow(ctx, frame, shot.bearing, titleH);

  const stripH = 24 * u;
  drawLegend(
    ctx,
    frame,
    [...groupLegend(options.layers, [options.lang]), ...(options.extraLegend ?? [])],
    stripH,
  );
  drawScaleBar(ctx, frame, shot.metresPerImagePixel, stripH);
  ctx.fillStyle = PANEL;
  ctx.fillRect(0, shot.height - stripH, shot.width, stripH);
  drawAttribution(ctx, options.lang, 12 * u, shot.height - 7 * u, shot.width - 24 * u, 13 * u);
  return canvasToPng(canvas);
}

/** Offers a Blob as a download under `fileName` (the object URL is released afterwards). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
