/**
 * Load benchmark (QUALITY-BAR P4) and interaction long tasks (P6), in headless Chromium:
 *  - map-ready of the atlas (first idle with the ten parks) vs a bare MapLibre page drawing the
 *    same geodata (tests/bench/bare), alternating runs in the same process; fails if the median
 *    ratio exceeds 1.3;
 *  - the park list and title must paint before the map is ready;
 *  - the longest tasks while selecting a park, toggling a layer and switching language (printed).
 * Needs `npm run build` first (dist/). Prints medians, as the machine is shared and noisy.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { build, preview } from 'vite';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../tests/e2e/browser.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.BENCH_LOAD_RUNS ?? 7);
const MAX_RATIO = 1.3;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

interface LoadMarks {
  ready: number;
  created: number;
  loaded: number;
  listPaint: number | null;
}

async function mapReadyMs(page: Page, url: string): Promise<LoadMarks> {
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('map-ready').length > 0, null, {
    timeout: 60_000,
  });
  // No helper functions inside evaluate(): tsx would wrap them in a `__name` call the page lacks.
  const [ready, created, loaded, listPaint] = await page.evaluate(() =>
    ['map-ready', 'map-created', 'map-load', 'park-list-painted'].map(
      (name) => performance.getEntriesByName(name)[0]?.startTime ?? null,
    ),
  );
  return {
    ready: ready ?? Number.NaN,
    created: created ?? Number.NaN,
    loaded: loaded ?? Number.NaN,
    listPaint: listPaint ?? null,
  };
}

const bareDir = mkdtempSync(path.join(os.tmpdir(), 'atlas-bare-'));
await build({
  root: path.join(root, 'tests/bench/bare'),
  logLevel: 'warn',
  configFile: false,
  build: {
    outDir: bareDir,
    emptyOutDir: true,
    assetsInlineLimit: 0,
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
  },
});
const app = await preview({ root, logLevel: 'warn', preview: { port: 4191, strictPort: false } });
const bare = await preview({
  root: path.join(root, 'tests/bench/bare'),
  configFile: false,
  logLevel: 'warn',
  build: { outDir: bareDir },
  preview: { port: 4192, strictPort: false },
});
const appUrl = app.resolvedUrls?.local[0] ?? 'http://localhost:4191/';
const bareUrl = bare.resolvedUrls?.local[0] ?? 'http://localhost:4192/';
const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  args: CHROMIUM_FLAGS,
});

let failed = false;
try {
  // The bare page opens on the atlas's own opening camera, so both draw the same view.
  const probe = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const probePage = await probe.newPage();
  await mapReadyMs(probePage, appUrl);
  const camera = await probePage.evaluate(() => {
    const map = (window as unknown as { __atlas: { map: import('maplibre-gl').Map } }).__atlas.map;
    const c = map.getCenter();
    return `${map.getZoom()}/${c.lat}/${c.lng}`;
  });
  await probe.close();
  const bareView = `${bareUrl}#${camera}`;
  const runs: Record<'app' | 'bare', LoadMarks[]> = { app: [], bare: [] };
  const listFirst: boolean[] = [];
  for (let i = 0; i < RUNS; i++) {
    for (const which of i % 2 ? (['bare', 'app'] as const) : (['app', 'bare'] as const)) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const r = await mapReadyMs(page, which === 'app' ? appUrl : bareView);
      runs[which].push(r);
      if (which === 'app') listFirst.push(r.listPaint !== null && r.listPaint < r.ready);
      await context.close();
    }
  }
  const m = (which: 'app' | 'bare', key: keyof LoadMarks) => median(runs[which].map((r) => Number(r[key])));
  const ratio = m('app', 'ready') / m('bare', 'ready');
  console.log(`P4 load (median of ${RUNS}, headless Chromium, software WebGL)`);
  console.log(
    '  baseline: a bare MapLibre page (no React, no app) with the same style, data, map size and camera',
  );
  console.log('                                 map created   map load   map-ready (ms after navigation)');
  for (const [label, which] of [
    ['bare MapLibre page', 'bare'],
    ['atlas', 'app'],
  ] as const) {
    console.log(
      `  ${label.padEnd(28)} ${m(which, 'created').toFixed(0).padStart(9)} ${m(which, 'loaded').toFixed(0).padStart(10)} ${m(which, 'ready').toFixed(0).padStart(11)}`,
    );
  }
  console.log(`  ratio atlas / bare            ${ratio.toFixed(2).padStart(6)}   (budget ≤ ${MAX_RATIO})`);
  console.log(
    `  park list painted before map-ready in ${listFirst.filter(Boolean).length}/${listFirst.length} runs`,
  );
  if (ratio > MAX_RATIO) failed = true;
  if (!listFirst.every(Boolean)) failed = true;

  // P6: long tasks during the interactions users do most. Measured twice: with the map, where
  // software WebGL makes every rendered frame a long task, and with WebGL removed, where every
  // long task left is the app's own code (React, the analysis) — that one has the 50 ms budget.
  const NO_WEBGL = `(() => {
    const original = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
      return type === 'webgl2' || type === 'webgl' ? null : original.call(this, type, ...rest);
    };
  })();`;
  for (const mode of ['with the map', 'app code only (no WebGL)'] as const) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    if (mode !== 'with the map') await context.addInitScript(NO_WEBGL);
    const page = await context.newPage();
    if (mode === 'with the map') await mapReadyMs(page, appUrl);
    else {
      await page.goto(appUrl);
      await page.locator('.park-list__item').first().waitFor();
      await page.waitForTimeout(500);
    }
    const longest: Record<string, number> = {};
    const measure = async (name: string, act: () => Promise<void>) => {
      await page.evaluate(() => {
        const w = window as unknown as { __tasks: number[]; __obs?: PerformanceObserver };
        w.__tasks = [];
        w.__obs = new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.__tasks.push(e.duration);
        });
        w.__obs.observe({ type: 'longtask' });
      });
      await act();
      await page.waitForTimeout(1500);
      longest[name] = await page.evaluate(() => {
        const w = window as unknown as { __tasks: number[]; __obs?: PerformanceObserver };
        w.__obs?.disconnect();
        return Math.max(0, ...w.__tasks);
      });
    };
    // The first park opened also loads the analysis and content chunks; measure a warm one too.
    await measure('select a park (first)', () => page.locator('a[data-park-id="nansha-ai"]').click());
    await measure('select another park', () => page.locator('a[data-park-id="bio-island"]').click());
    if (mode === 'with the map') {
      await measure('toggle a layer', () => page.locator('input[data-layer-group="stations"]').click());
    }
    await measure('switch language', () => page.getByTestId('lang-switch').click());
    await measure('back to all parks', () => page.locator('.park-panel__back').click());
    console.log(`P6 longest main-thread task per interaction, ${mode}:`);
    for (const [name, ms] of Object.entries(longest)) {
      const over = mode !== 'with the map' && ms > 50;
      if (over) failed = true;
      console.log(`  ${name.padEnd(24)} ${ms.toFixed(0).padStart(5)} ms${over ? '  OVER 50 ms' : ''}`);
    }
    await context.close();
  }
} finally {
  await browser.close();
  await app.close();
  await bare.close();
  rmSync(bareDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
