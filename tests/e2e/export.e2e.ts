/**
 * Map export: the PNG at 2× has twice the map's size, is not blank, and carries the furniture — a
 * title band, a legend with the layers' colours, a scale bar and an attribution strip, each checked
 * in the decoded pixels of the downloaded file; the print layout (A3 landscape) prints alone, with
 * its title, map, north arrow, legend, scale and attribution on one sheet of A3 landscape paper.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { KEY_COLOURS } from '../../src/export/legend.ts';
import { seriousViolations } from './axe.ts';
import { launch, OUTPUT_DIR, open, type Session, screenshot, waitForMapReady } from './browser.ts';

const baseUrl = inject('baseUrl');
const TEST_TIMEOUT_MS = 400_000;
let session: Session;

beforeAll(async () => {
  session = await launch();
});
afterAll(async () => {
  await session?.close();
});

interface Bitmap {
  width: number;
  height: number;
  /** RGBA, row by row. */
  data: Uint8Array;
}

/** A minimal PNG decoder (8-bit RGB or RGBA, not interlaced: what canvas.toBlob writes). */
function decodePng(file: Buffer): Bitmap {
  expect(file.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (offset < file.length) {
    const length = file.readUInt32BE(offset);
    const type = file.toString('latin1', offset + 4, offset + 8);
    const body = file.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      expect(body[8]).toBe(8); // bit depth
      expect(body[12]).toBe(0); // not interlaced
      channels = body[9] === 6 ? 4 : body[9] === 2 ? 3 : 0;
      expect(channels).toBeGreaterThan(0);
    } else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') break;
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = new Uint8Array(width * height * 4);
  let prev = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const cur = new Uint8Array(stride);
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? (cur[i - channels] ?? 0) : 0;
      const b = prev[i] ?? 0;
      const c = i >= channels ? (prev[i - channels] ?? 0) : 0;
      const x = line[i] ?? 0;
      let v: number;
      if (filter === 0) v = x;
      else if (filter === 1) v = x + a;
      else if (filter === 2) v = x + b;
      else if (filter === 3) v = x + ((a + b) >> 1);
      else {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v = x + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
      }
      cur[i] = v & 0xff;
    }
    for (let px = 0; px < width; px++) {
      const o = (y * width + px) * 4;
      out[o] = cur[px * channels] ?? 0;
      out[o + 1] = cur[px * channels + 1] ?? 0;
      out[o + 2] = cur[px * channels + 2] ?? 0;
      out[o + 3] = channels === 4 ? (cur[px * channels + 3] ?? 0) : 255;
    }
    prev = cur;
  }
  return { width, height, data: out };
}

interface RegionStats {
  /** Share of near-white pixels (the furniture's panels). */
  light: number;
  /** Share of dark "ink" pixels (text, the scale bar). */
  ink: number;
  /** The longest horizontal run of ink pixels on one row. */
  longestInkRun: number;
  /** Pixels within 40 (per channel) of each probe colour. */
  near: number[];
}

function hex(c: string): [number, number, number] {
  return [1, 3, 5].map((i) => Number.parseInt(c.slice(i, i + 2), 16)) as [number, number, number];
}

function region(
  bitmap: Bitmap,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  probes: string[] = [],
): RegionStats {
  const colours = probes.map(hex);
  let light = 0;
  let ink = 0;
  let total = 0;
  let longestInkRun = 0;
  const near = colours.map(() => 0);
  for (let y = Math.max(0, Math.floor(y0)); y < Math.min(bitmap.height, y1); y++) {
    let run = 0;
    for (let x = Math.max(0, Math.floor(x0)); x < Math.min(bitmap.width, x1); x++) {
      const o = (y * bitmap.width + x) * 4;
      const r = bitmap.data[o] ?? 0;
      const g = bitmap.data[o + 1] ?? 0;
      const b = bitmap.data[o + 2] ?? 0;
      total++;
      if (r > 225 && g > 225 && b > 225) light++;
      const dark = r < 100 && g < 100 && b < 110;
      if (dark) {
        ink++;
        run++;
        longestInkRun = Math.max(longestInkRun, run);
      } else run = 0;
      colours.forEach(([cr, cg, cb], i) => {
        if (Math.abs(r - cr) < 40 && Math.abs(g - cg) < 40 && Math.abs(b - cb) < 40)
          near[i] = (near[i] ?? 0) + 1;
      });
    }
  }
  return { light: light / total, ink: ink / total, longestInkRun, near };
}

function distinctColours(bitmap: Bitmap): number {
  const seen = new Set<number>();
  for (let i = 0; i < bitmap.data.length; i += 4 * 7) {
    seen.add(((bitmap.data[i] ?? 0) << 16) | ((bitmap.data[i + 1] ?? 0) << 8) | (bitmap.data[i + 2] ?? 0));
  }
  return seen.size;
}

describe('map export', () => {
  it(
    'downloads a 2× PNG of the map with title, legend, scale bar and attribution drawn into it',
    async () => {
      const atlas = await open(session, baseUrl, '/');
      const { page } = atlas;
      await waitForMapReady(page);
      const map = await page.evaluate(() => {
        const canvas = window.__atlas!.map.getCanvas();
        return {
          width: canvas.clientWidth,
          height: canvas.clientHeight,
          ratio: window.__atlas!.map.getPixelRatio(),
        };
      });
      expect(map.width).toBeGreaterThan(300);

      await page.getByTestId('export-map-button').click();
      const dialog = page.getByTestId('export-map-dialog');
      await dialog.waitFor();
      // The title follows the view (the city-wide atlas here) in the UI language (zh by default).
      expect(await page.getByTestId('export-title').inputValue()).toBe('广州价值创新园区地图');
      expect(await seriousViolations(page, 'export-map-dialog')).toEqual([]);
      await page.getByTestId('export-title').fill('导出测试 Export test');
      await page.getByTestId('export-scale-2').check();

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('export-png').click(),
      ]);
      expect(download.suggestedFilename()).toBe('guangzhou-atlas-map-2x.png');
      const file = readFileSync(await download.path());
      mkdirSync(OUTPUT_DIR, { recursive: true });
      writeFileSync(path.join(OUTPUT_DIR, 'export-map-2x.png'), file);
      const png = decodePng(file);

      // Twice the map's CSS size, and the map was put back at the screen's pixel ratio.
      expect(png.width).toBe(map.width * 2);
      expect(png.height).toBe(map.height * 2);
      await expect.poll(() => page.evaluate(() => window.__atlas!.map.getPixelRatio())).toBe(map.ratio);
      await expect
        .poll(() => page.getByTestId('export-status').textContent())
        .toContain('guangzhou-atlas-map-2x.png');

      // Not blank: a map has many colours.
      expect(distinctColours(png)).toBeGreaterThan(200);

      const u = 2;
      const { width: w, height: h } = png;
      // Title band along the top: a light panel with dark text.
      const title = region(png, 0, 0, w / 2, 48 * u);
      expect(title.light).toBeGreaterThan(0.6);
      expect(title.ink).toBeGreaterThan(0.01);
      // Attribution strip along the bottom.
      const credit = region(png, 0, h - 24 * u, w * 0.6, h);
      expect(credit.light).toBeGreaterThan(0.6);
      expect(credit.ink).toBeGreaterThan(0.003);
      // Legend over the bottom-left corner: a light panel, dark labels and the layers' colours.
      const legend = region(png, 12 * u, h - 24 * u - 230 * u, 12 * u + 180 * u, h - 24 * u - 14 * u, [
        KEY_COLOURS.parks,
        KEY_COLOURS['transit-open'],
      ]);
      expect(legend.light).toBeGreaterThan(0.4);
      expect(legend.ink).toBeGreaterThan(0.01);
      expect(legend.near[0]).toBeGreaterThan(100);
      expect(legend.near[1]).toBeGreaterThan(40);
      // Scale bar over the bottom-right corner: one long unbroken dark bar.
      const bar = region(png, w - 250 * u, h - 24 * u - 60 * u, w, h - 24 * u);
      expect(bar.longestInkRun).toBeGreaterThan(40 * u);
      // North arrow in the top-right corner, under the title band.
      const north = region(png, w - 70 * u, 48 * u, w, 48 * u + 70 * u);
      expect(north.ink).toBeGreaterThan(0.02);

      expect(atlas.pageErrors).toEqual([]);
      expect(atlas.consoleErrors).toEqual([]);
      expect(await atlas.cspViolations()).toEqual([]);
      await atlas.context.close();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'lays out an A3 landscape page that prints alone, with every piece of map furniture on it',
    async () => {
      const atlas = await open(session, baseUrl, '/parks/huangpu-biotech?lang=en', {
        // The browser's print dialog would wait for a person: count the calls instead.
        initScripts: ['window.__printed = 0; window.print = () => { window.__printed += 1; };'],
      });
      const { page } = atlas;
      await waitForMapReady(page);
      await page.getByTestId('export-map-button').click();
      await page.getByTestId('export-map-dialog').waitFor();
      // English UI: the English title with the park's name.
      await expect
        .poll(() => page.getByTestId('export-title').inputValue())
        .toMatch(/^Guangzhou Value Innovation Parks Atlas · .+/);
      const title = await page.getByTestId('export-title').inputValue();
      await page.getByTestId('export-paper-A3').check();
      await page.getByTestId('export-orientation-landscape').check();
      await page.getByTestId('export-print').click();
      await page.getByTestId('print-layout').waitFor();
      // The print dialog opens once, when the map image has loaded.
      await expect
        .poll(() => page.evaluate(() => (window as unknown as { __printed: number }).__printed))
        .toBe(1);

      expect(await seriousViolations(page, 'print-layout')).toEqual([]);
      await page.emulateMedia({ media: 'print' });
      // Only the sheet prints: the app and the preview's buttons are hidden.
      expect(await page.locator('#root').isVisible()).toBe(false);
      expect(await page.getByTestId('print-go').isVisible()).toBe(false);
      const sheet = await page.getByTestId('print-sheet').boundingBox();
      expect(sheet).not.toBeNull();
      expect(sheet!.width / sheet!.height).toBeCloseTo(420 / 297, 2);
      // 420 mm at 96 CSS pixels to the inch.
      expect(sheet!.width).toBeCloseTo((420 / 25.4) * 96, 0);
      expect(await page.getByTestId('print-title').textContent()).toBe(title);
      for (const id of [
        'print-title',
        'print-map',
        'print-north',
        'print-legend',
        'print-scale',
        'print-attribution',
      ]) {
        const box = await page.getByTestId(id).boundingBox();
        expect(box, id).not.toBeNull();
        expect(box!.x).toBeGreaterThanOrEqual(sheet!.x);
        expect(box!.y).toBeGreaterThanOrEqual(sheet!.y);
        expect(box!.x + box!.width).toBeLessThanOrEqual(sheet!.x + sheet!.width + 0.5);
        expect(box!.y + box!.height).toBeLessThanOrEqual(sheet!.y + sheet!.height + 0.5);
      }
      // The map image loaded, keeps the map's aspect and is drawn at that aspect.
      const image = await page.getByTestId('print-map').evaluate((img: HTMLImageElement) => ({
        w: img.naturalWidth,
        h: img.naturalHeight,
        cw: img.clientWidth,
        ch: img.clientHeight,
      }));
      expect(image.w).toBeGreaterThan(0);
      expect(image.cw / image.ch).toBeCloseTo(image.w / image.h, 1);
      const visibleGroups = new URL(page.url()).searchParams.get('layers');
      const rows = await page.getByTestId('print-legend').locator('li').allTextContents();
      expect(rows).toContain('Stations');
      if (visibleGroups) expect(rows.length).toBe(visibleGroups.split(',').length);
      expect(await page.getByTestId('print-scale').textContent()).toMatch(/\d+ k?m · Scale 1:[\d,]+/);
      expect(await page.getByTestId('print-attribution').textContent()).toMatch(/^Data sources: /);

      // Printed, it is one page of A3 landscape (1190.55 × 841.89 pt).
      const pdfBytes = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      writeFileSync(path.join(OUTPUT_DIR, 'export-print-a3-landscape.pdf'), pdfBytes);
      const pdf = pdfBytes.toString('latin1');
      const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [
        Number(m[1]),
        Number(m[2]),
      ]);
      expect(boxes.length).toBe(1);
      // (Chromium rounds the page to whole CSS pixels: within 1.5 pt.)
      expect(Math.abs((boxes[0]?.[0] ?? 0) - 1190.55)).toBeLessThan(1.5);
      expect(Math.abs((boxes[0]?.[1] ?? 0) - 841.89)).toBeLessThan(1.5);

      await screenshot(page, 'export-print-a3-landscape');
      await page.emulateMedia({ media: 'screen' });
      // On screen the preview fits the window's width.
      const preview = await page.getByTestId('print-sheet').boundingBox();
      expect(preview!.width).toBeLessThanOrEqual(1280);
      expect(preview!.width / preview!.height).toBeCloseTo(420 / 297, 2);
      await screenshot(page, 'export-print-preview');
      await page.getByTestId('print-close').click();
      await expect.poll(() => page.getByTestId('print-layout').count()).toBe(0);
      expect(atlas.pageErrors).toEqual([]);
      expect(atlas.consoleErrors).toEqual([]);
      expect(await atlas.cspViolations()).toEqual([]);
      await atlas.context.close();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'lists a visible imported layer in the legend under its own name, as text only',
    async () => {
      const atlas = await open(session, baseUrl, '/?lang=en', {
        initScripts: [
          'window.__printed = 0; window.print = () => { window.__printed += 1; };',
          'window.alert = () => { window.__injected = true; };',
        ],
      });
      const { page } = atlas;
      await waitForMapReady(page);
      const hostileName = '<img src=x onerror=alert(1)>.geojson';
      const points = {
        type: 'FeatureCollection',
        features: [
          [113.32, 23.11],
          [113.36, 23.12],
          [113.4, 23.1],
        ].map((coordinates, i) => ({
          type: 'Feature',
          properties: { name: `site ${i}` },
          geometry: { type: 'Point', coordinates },
        })),
      };
      await page.getByTestId('data-button').click();
      await page.getByTestId('import-file').setInputFiles({
        name: hostileName,
        mimeType: 'application/geo+json',
        buffer: Buffer.from(JSON.stringify(points)),
      });
      await expect.poll(() => page.getByTestId('imported-layer').count()).toBe(1);
      await page.getByTestId('data-button').click();

      await page.getByTestId('export-map-button').click();
      await page.getByTestId('export-map-dialog').waitFor();
      await page.getByTestId('export-paper-A4').check();
      await page.getByTestId('export-orientation-portrait').check();
      await page.getByTestId('export-print').click();
      await page.getByTestId('print-layout').waitFor();
      const last = page.getByTestId('print-legend').locator('li').last();
      await expect.poll(() => last.textContent()).toContain('<img src=x onerror=alert(1)>');
      expect(await last.locator('.print-sym').getAttribute('data-kind')).toBe('point');
      // The name stayed text: no element was made of it.
      expect(await page.getByTestId('print-legend').locator('img').count()).toBe(0);
      const sheet = await page.getByTestId('print-sheet').boundingBox();
      expect(sheet!.height / sheet!.width).toBeCloseTo(297 / 210, 2);
      expect(await atlas.injected()).toBe(false);
      expect(atlas.pageErrors).toEqual([]);
      expect(await atlas.cspViolations()).toEqual([]);
      await atlas.context.close();
    },
    TEST_TIMEOUT_MS,
  );
});
