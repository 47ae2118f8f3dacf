/**
 * Still images of briefing slides: the live map's canvas captured once the slide's flight has
 * settled (the map keeps its drawing buffer, so toDataURL reads what is on screen), and a PNG that
 * puts the map image together with the slide's title, key, scale bar and attribution.
 *
 * Text is drawn with fillText: deck text never reaches an HTML parser here either.
 */
import attribution from '../../../geodata/attribution.json';
import { translate } from '../../i18n/translate.ts';
import { THEME } from '../../map/theme.ts';
import type { Lang, LayerGroup } from '../../url/view-state.ts';
import type { Slide } from './deck-schema.ts';
import { metresPerPixel, scaleBar } from './scale-bar.ts';

export interface MapShot {
  dataUrl: string;
  /** Ground metres per pixel of the image. */
  metresPerImagePixel: number;
  width: number;
  height: number;
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

/**
 * Waits for the camera flight and tile loading that a slide change started, then captures the
 * map. Two frames first, so the page's effects have handed the new slide to the map.
 */
export async function captureSettledMap(timeoutMs = 30_000): Promise<MapShot | null> {
  const map = liveMap();
  if (!map) return null;
  const deadline = performance.now() + timeoutMs;
  await nextFrame();
  await nextFrame();
  while (performance.now() < deadline) {
    await idle(map, Math.max(100, deadline - performance.now()));
    if (!map.isMoving()) break;
  }
  const canvas = map.getCanvas();
  const { lat } = map.getCenter();
  const cssWidth = canvas.clientWidth || canvas.width;
  return {
    dataUrl: canvas.toDataURL('image/png'),
    metresPerImagePixel: metresPerPixel(lat, map.getZoom()) * (cssWidth / canvas.width),
    width: canvas.width,
    height: canvas.height,
  };
}

/** Colours of the key, as the map draws each group (see map/theme.ts). */
export const KEY_COLOURS: Record<LayerGroup, string> = {
  parks: THEME.park,
  'transit-open': '#1971c2',
  'transit-planned': THEME.stationPlannedStroke,
  stations: THEME.stationStroke,
  hubs: THEME.hub,
  facilities: THEME.facility.education,
  catchments: THEME.catchmentOpen,
  districts: THEME.districtLine,
};

export function attributionText(lang: Lang): string {
  return attribution.items.map((item) => item.text[lang]).join(' · ');
}

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('map image did not load'));
    image.src = src;
  });
}

/** Lines of `text` that fit `maxWidth` (breaks between words, or anywhere in Chinese). */
function wrap(ctx: CanvasRenderingContext2D, text: string, maxWidth: number, maxLines: number): string[] {
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

const FONT = '"Noto Sans CJK SC", "Noto Sans", sans-serif';

/**
 * One slide as a 1600 × 1000 PNG: title (and points) above, the map image, its key, a scale bar
 * and the attribution. `langs` is one language or both (side by side in the caption).
 */
export async function composeSlidePng(
  shot: MapShot,
  slide: Slide,
  layers: readonly LayerGroup[],
  langs: readonly Lang[],
): Promise<Blob> {
  const W = 1600;
  const H = 1000;
  const canvas = document.createElement('canvas');
  canvas.width = W;
  canvas.height = H;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d canvas');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, W, H);

  // Caption band.
  const captionH = 190;
  const columnW = (W - 48 - 24 * (langs.length - 1)) / langs.length;
  langs.forEach((lang, i) => {
    const x = 24 + i * (columnW + 24);
    ctx.fillStyle = '#1f2a33';
    ctx.font = `bold 34px ${FONT}`;
    const title = wrap(ctx, slide.title[lang], columnW, 2);
    for (const [j, l] of title.entries()) ctx.fillText(l, x, 52 + j * 40);
    ctx.font = `20px ${FONT}`;
    ctx.fillStyle = '#3d4650';
    let y = 52 + title.length * 40 + 6;
    for (const point of slide.points) {
      for (const l of wrap(ctx, `• ${point[lang]}`, columnW, 1)) {
        if (y > captionH - 4) break;
        ctx.fillText(l, x, y);
        y += 26;
      }
    }
  });

  // Map image, fitted into the remaining area.
  const mapTop = captionH;
  const mapH = H - captionH - 40;
  const image = await loadImage(shot.dataUrl);
  const scale = Math.min(W / image.width, mapH / image.height);
  const drawW = image.width * scale;
  const drawH = image.height * scale;
  const mapLeft = (W - drawW) / 2;
  ctx.drawImage(image, mapLeft, mapTop, drawW, drawH);

  // Key over the map's bottom-left corner.
  if (layers.length > 0) {
    ctx.font = `18px ${FONT}`;
    const labels = layers.map((g) => langs.map((lang) => translate(lang, `layer.${g}`)).join(' · '));
    const keyW = Math.min(drawW / 2, Math.max(...labels.map((l) => ctx.measureText(l).width)) + 56);
    const keyH = 16 + labels.length * 26;
    const keyX = mapLeft + 12;
    const keyY = mapTop + drawH - keyH - 12;
    ctx.fillStyle = 'rgba(255,255,255,0.92)';
    ctx.fillRect(keyX, keyY, keyW, keyH);
    labels.forEach((label, i) => {
      const group = layers[i] as LayerGroup;
      ctx.fillStyle = KEY_COLOURS[group];
      ctx.fillRect(keyX + 10, keyY + 12 + i * 26, 24, 14);
      ctx.fillStyle = '#1f2a33';
      ctx.fillText(label, keyX + 44, keyY + 26 + i * 26, keyW - 52);
    });
  }

  // Scale bar over the map's bottom-right corner.
  const bar = scaleBar(shot.metresPerImagePixel / scale, 200);
  if (bar) {
    const x = mapLeft + drawW - bar.widthPx - 24;
    const y = mapTop + drawH - 24;
    ctx.fillStyle = 'rgba(255,255,255,0.92)';
    ctx.fillRect(x - 10, y - 30, bar.widthPx + 20, 42);
    ctx.fillStyle = '#1f2a33';
    ctx.fillRect(x, y, bar.widthPx, 5);
    ctx.fillRect(x, y - 8, 2, 13);
    ctx.fillRect(x + bar.widthPx - 2, y - 8, 2, 13);
    ctx.font = `16px ${FONT}`;
    ctx.fillText(bar.label, x, y - 12);
  }

  // Attribution along the bottom.
  ctx.fillStyle = '#495057';
  ctx.font = `14px ${FONT}`;
  const credit = `${translate(langs[0] ?? 'zh', 'attribution.heading')}: ${attributionText(langs[0] ?? 'zh')}`;
  ctx.fillText(wrap(ctx, credit, W - 48, 1)[0] ?? '', 24, H - 14);

  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('no PNG'))), 'image/png'),
  );
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
