/**
 * What the start-up benchmarks share: the production build (dist/, served by `vite preview` with
 * the strict CSP headers of vite.config.ts) and the bare MapLibre baseline (tests/bench/bare, built
 * here into a temporary folder), both on loopback, plus the atlas's opening camera for a viewport
 * so the bare page draws the same view.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { build, preview } from 'vite';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const median = (xs: number[]): number => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

export interface Servers {
  appUrl: string;
  bareUrl: string;
  close: () => Promise<void>;
}

/** Builds the bare page and serves it and dist/ on loopback (ports picked by the OS if taken). */
export async function startServers(ports = { app: 4191, bare: 4192 }): Promise<Servers> {
  if (!existsSync(path.join(ROOT, 'dist/index.html'))) {
    throw new Error('dist/ is missing: run `npm run build` first');
  }
  const bareRoot = path.join(ROOT, 'tests/bench/bare');
  const bareDir = mkdtempSync(path.join(os.tmpdir(), 'atlas-bare-'));
  await build({
    root: bareRoot,
    logLevel: 'error',
    configFile: false,
    build: {
      outDir: bareDir,
      emptyOutDir: true,
      assetsInlineLimit: 0,
      target: 'es2022',
      chunkSizeWarningLimit: 1200,
    },
  });
  const host = '127.0.0.1';
  const app = await preview({
    root: ROOT,
    logLevel: 'warn',
    preview: { host, port: ports.app, strictPort: false },
  });
  const bare = await preview({
    root: bareRoot,
    configFile: false,
    logLevel: 'warn',
    build: { outDir: bareDir },
    preview: { host, port: ports.bare, strictPort: false },
  });
  return {
    appUrl: app.resolvedUrls?.local[0] ?? `http://${host}:${ports.app}/`,
    bareUrl: bare.resolvedUrls?.local[0] ?? `http://${host}:${ports.bare}/`,
    close: async () => {
      await app.close();
      await bare.close();
      rmSync(bareDir, { recursive: true, force: true });
    },
  };
}

/** Waits for the `map-ready` mark the atlas and the bare page set on the map's first idle. */
export const MAP_READY = () => performance.getEntriesByName('map-ready').length > 0;

export interface Probe {
  /** The map's camera once ready, `zoom/lat/lng` (the bare page reads it from its hash). */
  camera: string;
  /** Chromium's largest-contentful-paint entries up to map-ready: "ms element text". */
  lcp: string[];
}

/**
 * Loads a page once at a viewport and waits for map-ready: the atlas's opening camera (it fits the
 * parks to the map's size, so the bare page is given the same view) and what the LCP element is.
 */
export async function probePage(
  browser: Browser,
  url: string,
  viewport: { width: number; height: number },
  deviceScaleFactor = 1,
): Promise<Probe> {
  const context = await browser.newContext({ viewport, deviceScaleFactor });
  try {
    await context.addInitScript(() => {
      const w = window as unknown as { __lcp: string[] };
      w.__lcp = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as (PerformanceEntry & { element?: Element | null })[]) {
          const el = e.element;
          const text = (el?.textContent ?? '').replace(/\s+/g, ' ').slice(0, 40);
          w.__lcp.push(
            `${e.startTime.toFixed(0)} ms ${el ? `${el.tagName.toLowerCase()}.${el.className}` : '(removed)'} "${text}"`,
          );
        }
      }).observe({ type: 'largest-contentful-paint', buffered: true });
    });
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(MAP_READY, null, { timeout: 120_000 });
    return await page.evaluate(() => {
      const map = window.__atlas?.map;
      const c = map?.getCenter();
      return {
        camera: map && c ? `${map.getZoom()}/${c.lat}/${c.lng}` : '',
        lcp: (window as unknown as { __lcp: string[] }).__lcp,
      };
    });
  } finally {
    await context.close();
  }
}

/** The atlas's opening camera (`zoom/lat/lng`) for a viewport. */
export async function openingCamera(
  browser: Browser,
  appUrl: string,
  viewport: { width: number; height: number },
  deviceScaleFactor = 1,
): Promise<string> {
  return (await probePage(browser, appUrl, viewport, deviceScaleFactor)).camera;
}

/**
 * The same-run reference of the long-task gates: a fixed script task (sorting and a JSON round
 * trip, ~40–50 ms on a quiet 2-core machine), run from a timer like an event handler and timed
 * inside the task, so a loaded machine slows it and the measured work alike. (No named helpers
 * inside evaluate(): tsx would wrap them in a `__name` call the page lacks.)
 */
export const runReference = (page: Page): Promise<number> =>
  page.evaluate(
    () =>
      new Promise<number>((resolve) =>
        setTimeout(() => {
          const t0 = performance.now();
          let seed = 7;
          const xs: number[] = [];
          for (let i = 0; i < 120_000; i++) {
            seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
            xs.push(seed / 4294967296);
          }
          xs.sort((a, b) => a - b);
          const rows = [];
          for (let i = 0; i < 12_000; i++) rows.push({ id: `p${i}`, v: xs[i * 10], tags: ['a', 'b'] });
          if ((JSON.parse(JSON.stringify(rows)) as unknown[]).length !== rows.length) throw new Error();
          resolve(performance.now() - t0);
        }, 0),
      ),
  );
