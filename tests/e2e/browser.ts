/**
 * Launches Debian's Chromium through playwright-core (never a downloaded browser) and opens the
 * atlas with guards every browser test wants: requests leaving the origin are aborted and counted,
 * console errors, page errors, CSP violations, dialogs and injected-script markers are recorded.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { TILE_PROVIDER_ORIGINS } from '../../src/map/basemaps.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Playwright's own default (30 s) is too short for a loaded 2-core machine with software WebGL. */
export const DEFAULT_STEP_TIMEOUT_MS = 60_000;
export const OUTPUT_DIR = path.resolve(import.meta.dirname, '../output');

/** Flags for Debian's Chromium headless on a machine with no GPU and no network (PLATFORM-NOTES). */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
];

export interface Session {
  browser: Browser;
  close: () => Promise<void>;
}

/** Launches Chromium; playwright gives every launch a fresh temporary profile of its own. */
export async function launch(): Promise<Session> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_FLAGS,
  });
  return { browser, close: () => browser.close() };
}

export interface AtlasPage {
  page: Page;
  context: BrowserContext;
  foreignRequests: string[];
  consoleErrors: string[];
  pageErrors: string[];
  dialogs: string[];
  cspViolations: () => Promise<string[]>;
  injected: () => Promise<boolean>;
}

export interface OpenOptions {
  viewport?: { width: number; height: number };
  /** Scripts run before the app (e.g. to remove WebGL2). */
  initScripts?: string[];
  /** Same-origin requests to answer with HTTP 500 (a broken server or a missing file). */
  failRequests?: RegExp;
  /** 'no-preference' to run with animated camera flights, as most users see them. */
  reducedMotion?: 'reduce' | 'no-preference';
  /**
   * Serve the online basemap providers' tiles (OpenStreetMap, Tianditu) from the loopback tile
   * server instead of the network; `osmMode` picks how its OpenStreetMap tiles answer
   * (see tile-server.ts: 'ok', 'status/500', 'hang', 'garbage', 'huge').
   */
  providerTiles?: { tileOrigin: string; osmMode?: string };
  /** Other origins the page may reach (e.g. the loopback tile server as a custom basemap). */
  allowOrigins?: string[];
  /** Timeout of every navigation and locator step in this page, ms (default DEFAULT_STEP_TIMEOUT_MS). */
  stepTimeoutMs?: number;
}

export async function open(
  session: Session,
  baseUrl: string,
  urlPath: string,
  options: OpenOptions = {},
): Promise<AtlasPage> {
  const context = await session.browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    deviceScaleFactor: 1,
    reducedMotion: options.reducedMotion ?? 'reduce',
  });
  context.setDefaultTimeout(options.stepTimeoutMs ?? DEFAULT_STEP_TIMEOUT_MS);
  const origin = new URL(baseUrl).origin;
  const foreignRequests: string[] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (options.failRequests?.test(url)) return route.fulfill({ status: 500, body: 'server error' });
    if (url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    const target = new URL(url);
    if (target.origin === origin || options.allowOrigins?.includes(target.origin)) return route.continue();
    const tiles = options.providerTiles;
    if (tiles && (TILE_PROVIDER_ORIGINS as readonly string[]).includes(target.origin)) {
      const path =
        target.hostname === 'tile.openstreetmap.org'
          ? `/${tiles.osmMode ?? 'ok'}${target.pathname}`
          : `${target.pathname}${target.search}`;
      try {
        // No timeout: a hanging tile server must look hung to the page.
        const response = await route.fetch({ url: `${tiles.tileOrigin}${path}`, timeout: 0 });
        await route.fulfill({ response });
      } catch {
        // The page went away (or the request was cancelled) while the tile was pending.
      }
      return;
    }
    foreignRequests.push(url);
    return route.abort();
  });
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[]; __injected: boolean };
    w.__csp = [];
    w.__injected = false;
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  for (const script of options.initScripts ?? []) await context.addInitScript(script);
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  const dialogs: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => pageErrors.push(String(err)));
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(`${baseUrl}${urlPath}`);
  return {
    page,
    context,
    foreignRequests,
    consoleErrors,
    pageErrors,
    dialogs,
    cspViolations: () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp),
    injected: () => page.evaluate(() => (window as unknown as { __injected: boolean }).__injected),
  };
}

/** Resolves when the map has reached its first `idle` (the app marks `map-ready` then). */
export async function waitForMapReady(page: Page, timeoutMs = 90_000): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByName('map-ready').length > 0, null, {
    timeout: timeoutMs,
  });
}

/** Waits until the map is idle again after a change. */
export async function waitForIdle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = window.__atlas!.map;
        if (map.loaded() && !map.isMoving()) {
          map.once('idle', () => resolve());
          map.triggerRepaint();
        } else map.once('idle', () => resolve());
      }),
  );
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const file = path.join(OUTPUT_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
