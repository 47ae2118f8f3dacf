/**
 * Search (issue 9 §1): the combobox finds parks, stations, lines and districts by Chinese, English,
 * pinyin and initials; it is operated by keyboard (ARIA 1.2 combobox); choosing a park opens its
 * page, choosing a station moves the map there and opens its popup; bad input finds nothing; and
 * typing causes no long task beyond a same-run reference (QUALITY-BAR P6).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seriousViolations } from './axe.ts';
import { launch, open, type Session, waitForMapReady } from './browser.ts';

const baseUrl = inject('baseUrl');
const TEST_TIMEOUT_MS = 300_000;
let session: Session;

beforeAll(async () => {
  session = await launch();
});
afterAll(async () => {
  await session?.close();
});

const input = (page: Page) => page.getByTestId('search-input');

/** The options shown, as `kind:id`, in order. */
async function options(page: Page): Promise<string[]> {
  return page
    .locator('[role="listbox"] [role="option"]')
    .evaluateAll((els) => els.map((e) => `${e.getAttribute('data-kind')}:${e.getAttribute('data-id')}`));
}

/** Types `text` into an emptied box and waits until the list shows `expected` (a `kind:id`). */
async function typeAndExpect(page: Page, text: string, expected: string): Promise<string[]> {
  await input(page).fill('');
  await input(page).pressSequentially(text, { delay: 20 });
  await page.waitForFunction(
    (want) =>
      [...document.querySelectorAll('[role="listbox"] [role="option"]')].some(
        (e) => `${e.getAttribute('data-kind')}:${e.getAttribute('data-id')}` === want,
      ),
    expected,
    { timeout: 60_000 },
  );
  return options(page);
}

const activeOption = (page: Page) =>
  page.evaluate(() => {
    const box = document.querySelector('[data-testid="search-input"]')!;
    const id = box.getAttribute('aria-activedescendant');
    const option = id ? document.getElementById(id) : null;
    return option ? `${option.getAttribute('data-kind')}:${option.getAttribute('data-id')}` : null;
  });

describe('search', () => {
  it(
    'finds by Chinese, English, pinyin and initials; keyboard; a park opens its page, a station moves the map',
    async () => {
      const atlas = await open(session, baseUrl, '/');
      const { page } = atlas;
      await waitForMapReady(page);

      // ARIA 1.2 combobox wiring.
      const box = input(page);
      await expect(box.getAttribute('role')).resolves.toBe('combobox');
      await expect(box.getAttribute('aria-expanded')).resolves.toBe('false');
      const listId = await box.getAttribute('aria-controls');
      expect(await page.locator(`[id="${listId}"]`).getAttribute('role')).toBe('listbox');
      await box.focus();

      // Chinese, English, pinyin (full, and of a park's own name) and initials.
      expect((await typeAndExpect(page, '生物岛', 'park:bio-island'))[0]).toBe('park:bio-island');
      expect((await typeAndExpect(page, 'Bio-Island', 'park:bio-island'))[0]).toBe('park:bio-island');
      expect((await typeAndExpect(page, 'shengwudao', 'park:bio-island'))[0]).toBe('park:bio-island');
      expect((await typeAndExpect(page, 'swd', 'park:bio-island'))[0]).toBe('park:bio-island');
      const pz = await typeAndExpect(page, 'pz', 'station:st-pazhou');
      expect(pz[0]).toBe('park:pazhou-internet');
      await typeAndExpect(page, '海珠区', 'district:440105');
      await typeAndExpect(page, '18号线', 'line:line-18');
      expect(await box.getAttribute('aria-expanded')).toBe('true');
      // Grouped by kind, each group labelled.
      const groups = await page
        .locator('[role="listbox"] [role="group"]')
        .evaluateAll((els) =>
          els.map((e) => document.getElementById(e.getAttribute('aria-labelledby')!)?.textContent),
        );
      expect(groups.length).toBeGreaterThan(0);
      expect(groups.every((g) => (g ?? '').length > 0)).toBe(true);
      // The open listbox, its groups and options pass axe-core.
      expect(await seriousViolations(page, 'search')).toEqual([]);

      // Bad input: nothing found, nothing thrown.
      for (const bad of ['<img src=x onerror=alert(1)>', '.*', '   ']) {
        await box.fill(bad);
        await page.waitForFunction(
          () =>
            document.querySelector('[data-testid="search-input"]')?.getAttribute('aria-expanded') === 'false',
        );
        expect(await options(page)).toEqual([]);
      }
      await box.fill('x'.repeat(10_000));
      expect(await options(page)).toEqual([]);

      // Keyboard: ↓/↑/Home/End move the active option, Escape closes then clears.
      const list = await typeAndExpect(page, 'pazhou', 'station:st-pazhou');
      expect(list.length).toBeGreaterThan(2);
      expect(await activeOption(page)).toBe(list[0]);
      await page.keyboard.press('ArrowDown');
      expect(await activeOption(page)).toBe(list[1]);
      await page.keyboard.press('End');
      expect(await activeOption(page)).toBe(list[list.length - 1]);
      await page.keyboard.press('ArrowDown'); // wraps
      expect(await activeOption(page)).toBe(list[0]);
      await page.keyboard.press('ArrowUp');
      expect(await activeOption(page)).toBe(list[list.length - 1]);
      await page.keyboard.press('Home');
      expect(await activeOption(page)).toBe(list[0]);
      await page.keyboard.press('Escape');
      expect(await box.getAttribute('aria-expanded')).toBe('false');
      expect(await box.inputValue()).toBe('pazhou');
      await page.keyboard.press('Escape');
      expect(await box.inputValue()).toBe('');

      // Choose a park with the keyboard: its page opens.
      await typeAndExpect(page, 'swd', 'park:bio-island');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/parks\/bio-island(\?|#|$)/, { timeout: 60_000 });
      await page.locator('#park-panel-title').waitFor({ timeout: 60_000 });

      // Choose a station: the camera in the URL and the map's centre move near it, its popup opens.
      await input(page).focus();
      const stations = await typeAndExpect(page, 'modiesha', 'station:st-modiesha');
      const target = stations.indexOf('station:st-modiesha');
      for (let i = 0; i < target; i++) await page.keyboard.press('ArrowDown');
      expect(await activeOption(page)).toBe('station:st-modiesha');
      await page.keyboard.press('Enter');
      // 磨碟沙 is at 113.336 E, 23.101 N.
      await page.waitForFunction(
        () => {
          const c = window.__atlas!.map.getCenter();
          return Math.abs(c.lng - 113.336) < 0.005 && Math.abs(c.lat - 23.101) < 0.005;
        },
        null,
        { timeout: 60_000 },
      );
      await page.waitForFunction(() => /^#15(\.\d+)?\/23\.10\d*\/113\.33\d*/.test(location.hash), null, {
        timeout: 60_000,
      });
      await page.locator('.maplibregl-popup').waitFor({ timeout: 60_000 });
      expect(await page.locator('.maplibregl-popup').textContent()).toContain('磨碟沙');

      // A line: the map fits it (centre inside its extent) and opens its popup; a district: fitted.
      const centreWithin = (bbox: number[]) =>
        page.waitForFunction(
          ([w, s, e, n]) => {
            const c = window.__atlas!.map.getCenter();
            return c.lng > w! && c.lng < e! && c.lat > s! && c.lat < n!;
          },
          bbox,
          { timeout: 60_000 },
        );
      await input(page).focus();
      expect((await typeAndExpect(page, '18号线', 'line:line-18'))[0]).toBe('line:line-18');
      await page.keyboard.press('Enter');
      await centreWithin([113.32281, 22.70139, 113.55212, 23.12828]);
      await page.waitForFunction(
        () => document.querySelector('.maplibregl-popup')?.textContent?.includes('十八号线'),
        null,
        { timeout: 60_000 },
      );
      await input(page).focus();
      expect((await typeAndExpect(page, 'tianhequ', 'district:440106'))[0]).toBe('district:440106');
      await page.keyboard.press('Enter');
      await centreWithin([113.29561, 23.10063, 113.44256, 23.24802]);

      expect(atlas.pageErrors).toEqual([]);
      expect(atlas.consoleErrors).toEqual([]);
      expect(atlas.foreignRequests).toEqual([]);
      await atlas.context.close();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'typing causes no long task from the app beyond a same-run reference (P6)',
    async () => {
      // App code only, as the P6 bench measures it: without WebGL the map (MapLibre's own work) is out.
      const noWebgl = `(() => {
        const original = HTMLCanvasElement.prototype.getContext;
        HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
          return type === 'webgl2' || type === 'webgl' ? null : original.call(this, type, ...rest);
        };
      })();`;
      const atlas = await open(session, baseUrl, '/', { initScripts: [noWebgl] });
      const { page } = atlas;
      await page.locator('.park-list__item').first().waitFor({ timeout: 60_000 });
      await input(page).focus();
      await typeAndExpect(page, 'p', 'park:pazhou-internet'); // the index is in: measure matching, not the fetch
      await input(page).fill('');

      // Judged like the P6 bench: per query, the longest task while typing it against a reference task
      // (a fixed amount of work) run on the same page just before; medians over the queries, so one GC
      // pause or a burst of load on a shared machine does not decide the result.
      const runReference = () =>
        page.evaluate(() => {
          const t0 = performance.now();
          const rows = [];
          for (let i = 0; i < 12_000; i++) rows.push({ id: `p${i}`, v: i / 7, tags: ['a', 'b'] });
          if ((JSON.parse(JSON.stringify(rows)) as unknown[]).length !== rows.length) throw new Error();
          return performance.now() - t0;
        });
      const observe = () =>
        page.evaluate(() => {
          const w = window as unknown as { __tasks: number[]; __obs?: PerformanceObserver };
          w.__tasks = [];
          w.__obs = new PerformanceObserver((list) => {
            for (const e of list.getEntries()) w.__tasks.push(e.duration);
          });
          w.__obs.observe({ type: 'longtask' });
        });
      const longestSinceObserve = () =>
        page.evaluate(() => {
          const w = window as unknown as { __tasks: number[]; __obs?: PerformanceObserver };
          w.__obs?.disconnect();
          return Math.max(0, ...w.__tasks);
        });
      const references: number[] = [];
      const longest: number[] = [];
      for (const q of ['shengwudao', 'huangpu', '琶洲', 'line 18', 'gz', 'pz', 'nansha']) {
        await input(page).fill('');
        references.push(await runReference());
        await observe();
        await input(page).pressSequentially(q, { delay: 15 });
        await page.waitForFunction(() => document.querySelectorAll('[role="option"]').length > 0);
        longest.push(await longestSinceObserve());
      }
      const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] ?? 0;
      console.log(
        `search P6: longest task per query ${longest.map((x) => x.toFixed(0)).join(' ')} ms (median ${median(longest).toFixed(0)}); reference ${references.map((x) => x.toFixed(0)).join(' ')} ms (median ${median(references).toFixed(0)})`,
      );
      // No long task at all on an idle machine; on a loaded one, none beyond 3 × the same-run reference.
      expect(median(longest)).toBeLessThanOrEqual(Math.max(50, 3 * median(references)));
      expect(atlas.pageErrors).toEqual([]);
      await atlas.context.close();
    },
    TEST_TIMEOUT_MS,
  );
});
