/**
 * The URL and the map agree, both ways, with camera motion on (as most users have it). Each test
 * reproduces one of the faults found in the first build (D1–D5) and proves it fixed.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type AtlasPage, launch, open, type Session, waitForIdle, waitForMapReady } from './browser.ts';

const baseUrl = inject('baseUrl');
const TEST_TIMEOUT_MS = 150_000;
let session: Session;

beforeAll(async () => {
  session = await launch();
});
afterAll(async () => {
  await session?.close();
});

/** Counts React commits (through the hook React DevTools uses; it works with production builds). */
const COUNT_REACT_COMMITS = `(() => {
  window.__commits = 0;
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    isDisabled: false,
    renderers: new Map(),
    inject() { return 1; },
    checkDCE() {},
    onCommitFiberRoot() { window.__commits++; },
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
    onScheduleFiberRoot() {},
  };
})();`;

async function openAnimated(path: string, initScripts: string[] = []): Promise<AtlasPage> {
  const atlas = await open(session, baseUrl, path, { reducedMotion: 'no-preference', initScripts });
  await waitForMapReady(atlas.page, 60_000);
  return atlas;
}

/** For every layer whose label follows the language: is the given language first in its text? */
async function labelLanguages(atlas: AtlasPage): Promise<Record<string, 'zh' | 'en'>> {
  return atlas.page.evaluate(() => {
    const map = window.__atlas!.map;
    const out: Record<string, 'zh' | 'en'> = {};
    for (const layer of map.getStyle().layers) {
      const meta = layer.metadata as { 'atlas:label'?: string } | undefined;
      if (!meta?.['atlas:label']) continue;
      const field = JSON.stringify(map.getLayoutProperty(layer.id, 'text-field'));
      out[layer.id] = field.indexOf('"en"') < field.indexOf('"zh"') ? 'en' : 'zh';
    }
    return out;
  });
}

/** Starts a long camera flight and resolves once it is under way (tiles loading as it goes). */
async function startFlight(atlas: AtlasPage, to: [number, number], zoom: number) {
  return atlas.page.evaluate(
    ({ to, zoom }) =>
      new Promise<{ moving: boolean }>((resolve) => {
        const map = window.__atlas!.map;
        map.flyTo({ center: to, zoom, duration: 4000, essential: true });
        requestAnimationFrame(() => requestAnimationFrame(() => resolve({ moving: map.isMoving() })));
      }),
    { to, zoom },
  );
}

const mapCentre = (atlas: AtlasPage) =>
  atlas.page.evaluate(() => {
    const map = window.__atlas!.map;
    const c = map.getCenter();
    return { lng: c.lng, lat: c.lat, zoom: map.getZoom() };
  });

describe('URL ↔ map', () => {
  it(
    'D1: a language switch during a camera flight re-labels every label layer',
    async () => {
      const atlas = await openAnimated('/');
      const flight = await startFlight(atlas, [113.37, 23.08], 13.5);
      expect(flight.moving).toBe(true);
      await atlas.page.getByTestId('lang-switch').click();
      await atlas.page.waitForURL(/lang=en/);
      await waitForIdle(atlas.page);
      const labels = await labelLanguages(atlas);
      expect(Object.keys(labels).length).toBeGreaterThanOrEqual(4);
      for (const [layer, lang] of Object.entries(labels)) expect(lang, layer).toBe('en');
      // The flight was not interrupted by the language switch.
      const c = await mapCentre(atlas);
      expect(c.lng).toBeCloseTo(113.37, 2);
      expect(c.zoom).toBeCloseTo(13.5, 1);
      expect(atlas.pageErrors).toEqual([]);
      await atlas.context.close();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'D1: a layer toggled during a flight, while tiles load, is hidden for good',
    async () => {
      const atlas = await openAnimated('/?lang=en');
      await startFlight(atlas, [113.52, 22.8], 12);
      await atlas.page.locator('input[data-layer-group="stations"]').click();
      await atlas.page.waitForURL(/layers=/);
      await waitForIdle(atlas.page);
      const visibility = await atlas.page.evaluate(() =>
        ['station-open', 'station-planned', 'station-label'].map((id) =>
          window.__atlas!.map.getLayoutProperty(id, 'visibility'),
        ),
      );
      expect(visibility).toEqual(['none', 'none', 'none']);
      await atlas.context.close();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'D2: camera moves just before following a link never send the user back',
    async () => {
      const atlas = await openAnimated('/');
      // Both moves and the click in one task, so the second camera write is surely still pending.
      await atlas.page.evaluate(() => {
        const map = window.__atlas!.map;
        map.panBy([80, 0], { duration: 0 });
        map.panBy([0, 60], { duration: 0 });
        document.querySelector<HTMLAnchorElement>('.app-header__nav a[href^="/plan"]')!.click();
      });
      await atlas.page.waitForURL('**/plan**');
      await atlas.page.waitForTimeout(1500); // longer than any pending camera write could wait
      expect(new URL(atlas.page.url()).pathname).toBe('/plan');
      expect(new URL(atlas.page.url()).hash).toBe('');
      await atlas.page.locator('.plan-page').waitFor();
      await atlas.context.close();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'D3: a camera typed into the address bar moves the map; back and forward move it too',
    async () => {
      const atlas = await openAnimated('/');
      const url = new URL(atlas.page.url());
      url.hash = '#13.20/23.08000/113.37000/0.0/0';
      await atlas.page.goto(url.href); // a fragment navigation, as from the address bar
      await expect
        .poll(async () => {
          const c = await mapCentre(atlas);
          return [c.lng.toFixed(2), c.lat.toFixed(2), c.zoom.toFixed(1)];
        })
        .toEqual(['113.37', '23.08', '13.2']);

      // Two parks chosen in turn, then back: the first park and its camera return.
      await atlas.page.locator('a[data-park-id="nansha-ai"]').click();
      await atlas.page.waitForURL(/parks\/nansha-ai#/, { timeout: 30_000 });
      const nansha = await mapCentre(atlas);
      await atlas.page.locator('a[data-park-id="bio-island"]').click();
      await atlas.page.waitForURL(/parks\/bio-island#/, { timeout: 30_000 });
      await atlas.page.goBack();
      await atlas.page.waitForURL(/parks\/nansha-ai/);
      await expect
        .poll(() => atlas.page.locator('.park-panel').getAttribute('data-park-id'))
        .toBe('nansha-ai');
      await expect
        .poll(async () => {
          const c = await mapCentre(atlas);
          return Math.abs(c.lng - nansha.lng) < 0.002 && Math.abs(c.lat - nansha.lat) < 0.002;
        })
        .toBe(true);
      await atlas.page.goForward();
      await atlas.page.waitForURL(/parks\/bio-island/);
      await expect.poll(async () => (await mapCentre(atlas)).lng, { timeout: 20_000 }).toBeLessThan(113.4); // Bio-Island, 113.37 E; Nansha is at 113.5 E
      expect(atlas.pageErrors).toEqual([]);
      await atlas.context.close();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'D4: panning the map re-renders no component',
    async () => {
      const atlas = await openAnimated('/parks/tianhe-software', [COUNT_REACT_COMMITS]);
      await atlas.page.locator('.park-panel').waitFor();
      await waitForIdle(atlas.page);
      await atlas.page.waitForTimeout(1000); // let late data (figures, facilities) settle
      const result = await atlas.page.evaluate(async () => {
        const w = window as unknown as { __commits: number };
        const map = window.__atlas!.map;
        const before = w.__commits;
        let moves = 0;
        map.on('moveend', () => moves++);
        for (let i = 0; i < 5; i++) {
          map.panBy([40, 10], { duration: 0 });
          await new Promise((r) => setTimeout(r, 700)); // each move's hash write goes through
        }
        return { commits: w.__commits - before, moves, hash: location.hash };
      });
      expect(result.moves).toBe(5);
      expect(result.hash).toMatch(/^#\d+\.\d{2}\//); // the camera did reach the URL
      expect(result.commits).toBe(0);
      await atlas.context.close();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'D4: the commit counter does see React work (the check above can fail)',
    async () => {
      const atlas = await openAnimated('/parks/tianhe-software', [COUNT_REACT_COMMITS]);
      await atlas.page.locator('.park-panel').waitFor();
      const before = await atlas.page.evaluate(() => (window as unknown as { __commits: number }).__commits);
      await atlas.page.getByTestId('lang-switch').click();
      await atlas.page.waitForURL(/lang=en/);
      expect(before).toBeGreaterThan(0);
      await expect
        .poll(() => atlas.page.evaluate(() => (window as unknown as { __commits: number }).__commits))
        .toBeGreaterThan(before);
      await atlas.context.close();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'D5: switching language keeps the camera and does not reopen a facility popup',
    async () => {
      const atlas = await openAnimated('/parks/pazhou-internet');
      const button = atlas.page.locator('[data-facility-id] button').first();
      await button.click();
      await atlas.page.locator('.maplibregl-popup .popup').waitFor();
      await waitForIdle(atlas.page);
      // The user closes the popup and looks elsewhere.
      await atlas.page.locator('.maplibregl-popup-close-button').click();
      await atlas.page.evaluate(() => window.__atlas!.map.jumpTo({ center: [113.3, 23.12], zoom: 12 }));
      await waitForIdle(atlas.page);
      await atlas.page.getByTestId('lang-switch').click();
      await atlas.page.waitForURL(/lang=en/);
      await atlas.page.waitForTimeout(1500); // a flight back would have started by now
      const c = await mapCentre(atlas);
      expect(c.lng).toBeCloseTo(113.3, 3);
      expect(c.lat).toBeCloseTo(23.12, 3);
      expect(await atlas.page.locator('.maplibregl-popup').count()).toBe(0);
      await atlas.context.close();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'an open popup follows the language in place',
    async () => {
      const atlas = await openAnimated('/parks/pazhou-internet');
      await atlas.page.locator('[data-facility-id] button').first().click();
      const popup = atlas.page.locator('.maplibregl-popup .popup');
      await popup.waitFor();
      await expect(popup.textContent()).resolves.toContain('类别');
      await atlas.page.getByTestId('lang-switch').click();
      await expect.poll(() => popup.textContent()).toContain('Category');
      await atlas.context.close();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'the industry filter lives in the URL and survives a reload',
    async () => {
      const atlas = await openAnimated('/?lang=en');
      const filter = atlas.page.getByTestId('industry-filter');
      await filter.waitFor();
      await filter.selectOption('biomedicine');
      await atlas.page.waitForURL(/industry=biomedicine/);
      const shown = await atlas.page.locator('.park-list__item').count();
      expect(shown).toBeLessThan(10);
      await atlas.page.reload();
      await waitForMapReady(atlas.page, 60_000);
      await expect.poll(() => atlas.page.getByTestId('industry-filter').inputValue()).toBe('biomedicine');
      await expect.poll(() => atlas.page.locator('.park-list__item').count()).toBe(shown);
      await atlas.context.close();
    },
    TEST_TIMEOUT_MS,
  );
});
