/**
 * Still images of briefing slides: a PNG that puts the settled map image (captured by the shared
 * map-image module) together with the slide's title, points, key, scale bar and attribution.
 *
 * Text is drawn with fillText: deck text never reaches an HTML parser here either.
 */
import {
  canvasToPng,
  drawAttribution,
  drawLegend,
  drawScaleBar,
  FONT,
  groupLegend,
  loadImage,
  type MapShot,
  wrap,
} from '../../export/map-image.ts';
import type { Lang, LayerGroup } from '../../url/view-state.ts';
import type { Slide } from './deck-schema.ts';

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

  // Key over the map's bottom-left corner, scale bar over its bottom-right corner.
  const frame = { x: mapLeft, y: mapTop, w: drawW, h: drawH, u: 1 };
  drawLegend(ctx, frame, groupLegend(layers, langs));
  drawScaleBar(ctx, frame, shot.metresPerImagePixel / scale);

  // Attribution along the bottom.
  drawAttribution(ctx, langs[0] ?? 'zh', 24, H - 14, W - 48, 14);

  return canvasToPng(canvas);
}
