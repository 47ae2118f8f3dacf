/** Pixel checks run inside the page on the map's WebGL canvas (kept with preserveDrawingBuffer). */
import type { Page } from 'playwright-core';

export interface CanvasStats {
  width: number;
  height: number;
  distinctColours: number;
  /** Share of pixels that differ from the most common colour. */
  nonBackgroundShare: number;
}

export async function canvasStats(page: Page): Promise<CanvasStats> {
  return page.evaluate(() => {
    const map = window.__atlas!.map;
    const source = map.getCanvas();
    const c = document.createElement('canvas');
    c.width = source.width;
    c.height = source.height;
    const ctx = c.getContext('2d');
    if (!ctx) throw new Error('no 2d context');
    ctx.drawImage(source, 0, 0);
    const { data } = ctx.getImageData(0, 0, c.width, c.height);
    const counts = new Map<number, number>();
    for (let i = 0; i < data.length; i += 16) {
      const key = ((data[i] ?? 0) << 16) | ((data[i + 1] ?? 0) << 8) | (data[i + 2] ?? 0);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const total = data.length / 16;
    const top = Math.max(...counts.values());
    return {
      width: c.width,
      height: c.height,
      distinctColours: counts.size,
      nonBackgroundShare: 1 - top / total,
    };
  });
}

/**
 * Renders two different Chinese strings through MapLibre's own text pipeline (a temporary source
 * and symbol layer) and returns the ink of each and how much the two bitmaps differ. Missing CJK
 * fonts draw identical empty boxes for every character, so real glyphs must give two different
 * bitmaps with ink.
 */
export async function chineseGlyphProbe(
  page: Page,
): Promise<{ inkA: number; inkB: number; difference: number }> {
  return page.evaluate(async () => {
    const map = window.__atlas!.map;
    const w = map.getCanvas().clientWidth;
    const h = map.getCanvas().clientHeight;
    const a = map.unproject([w * 0.3, h * 0.5]);
    const b = map.unproject([w * 0.7, h * 0.5]);
    map.addSource('glyph-probe', {
      type: 'geojson',
      data: {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            geometry: { type: 'Point', coordinates: [a.lng, a.lat] },
            properties: { t: '广州' },
          },
          {
            type: 'Feature',
            geometry: { type: 'Point', coordinates: [b.lng, b.lat] },
            properties: { t: '园区' },
          },
        ],
      },
    });
    map.addLayer({
      id: 'glyph-probe-bg',
      type: 'background',
      paint: { 'background-color': '#ffffff' },
    });
    map.addLayer({
      id: 'glyph-probe',
      type: 'symbol',
      source: 'glyph-probe',
      layout: {
        'text-field': ['get', 't'],
        'text-font': ['Noto Sans CJK SC', 'Noto Sans', 'sans-serif'],
        'text-size': 40,
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      paint: { 'text-color': '#000000' },
    });
    await new Promise<void>((resolve) => map.once('idle', () => resolve()));
    const canvas = map.getCanvas();
    const ratio = canvas.width / canvas.clientWidth;
    const crop = (cx: number) => {
      const size = Math.round(120 * ratio);
      const c = document.createElement('canvas');
      c.width = size;
      c.height = size;
      const ctx = c.getContext('2d');
      if (!ctx) throw new Error('no 2d context');
      ctx.drawImage(
        canvas,
        Math.round(cx * ratio - size / 2),
        Math.round(h * 0.5 * ratio - size / 2),
        size,
        size,
        0,
        0,
        size,
        size,
      );
      const { data } = ctx.getImageData(0, 0, size, size);
      const dark: number[] = [];
      for (let i = 0; i < data.length; i += 4) dark.push((data[i] ?? 255) < 128 ? 1 : 0);
      return dark;
    };
    const A = crop(w * 0.3);
    const B = crop(w * 0.7);
    let difference = 0;
    for (let i = 0; i < A.length; i++) if (A[i] !== B[i]) difference++;
    map.removeLayer('glyph-probe');
    map.removeLayer('glyph-probe-bg');
    map.removeSource('glyph-probe');
    return { inkA: A.reduce((s, v) => s + v, 0), inkB: B.reduce((s, v) => s + v, 0), difference };
  });
}
