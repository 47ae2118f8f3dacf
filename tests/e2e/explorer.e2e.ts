/**
 * The explorer's working surface (issue 9): layers and their legend, filters that the map, the park
 * list and the counts agree on, opacity, a shared link that restores the view, and the phone layout.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type AtlasPage, launch, open, type Session, waitForIdle, waitForMapReady } from './browser.ts';
import { canvasStats } from './pixels.ts';

const baseUrl = inject('baseUrl');
const TEST_TIMEOUT_MS = 150_000;
let session: Session;

beforeAll(async () => {
  session = await launch();
});
afterAll(async () => {
  await session?.close();
});

async function openAtlas(path: string, viewport?: { width: number; height: number }): Promise<AtlasPage> {
  const atlas = await open(session, baseUrl, path, viewport ? { viewport } : {});
  await waitForMapReady(atlas.page);
  return atlas;
}

const search = (atlas: AtlasPage) => atlas.page.evaluate(() => window.location.search);

/** Ids of features the map draws now in the given layers (whole city in view). */
async function rendered(atlas: AtlasPage, layers: string[], property = 'id') {
  await waitForIdle(atlas.page);
  return atlas.page.evaluate(
    ({ layers, property }) => {
      const map = window.__atlas!.map;
      const present = layers.filter((l) => map.getLayer(l));
      return map.queryRenderedFeatures({ layers: present }).map((f) => ({
        value: String(f.properties[property]),
        status: String(f.properties.status),
        precision: String(f.properties.precision),
      }));
    },
    { layers, property },
  );
}

describe('explorer: layers, filters, share, layout', () => {
  it(
    'toggling a layer changes the map, the legend and the URL together',
    async () => {
      const atlas = await openAtlas('/');
      const { page } = atlas;
      await expect.poll(() => page.locator('[data-key-group="stations"]').count()).toBe(1);
      await page.locator('input[data-layer-group="stations"]').uncheck();
      await expect.poll(() => search(atlas)).toContain('layers=');
      expect(await search(atlas)).not.toContain('stations');
      await expect.poll(() => page.locator('[data-key-group="stations"]').count()).toBe(0);
      const visibility = await page.evaluate(() =>
        window.__atlas!.map.getLayoutProperty('station-open', 'visibility'),
      );
      expect(visibility).toBe('none');
      // The key lists only what is visible: switching catchments on adds them.
      expect(await page.locator('[data-key-group="catchments"]').count()).toBe(0);
      await page.locator('input[data-layer-group="catchments"]').check();
      await expect.poll(() => page.locator('[data-key-group="catchments"]').count()).toBe(1);
      expect(atlas.pageErrors).toEqual([]);
      await atlas.context.close();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'a district filter and a line-status filter agree across map, list and counts',
    async () => {
      const atlas = await openAtlas('/');
      const { page } = atlas;
      await page.getByTestId('district-filter').selectOption('huangpu');
      await expect.poll(() => search(atlas)).toContain('district=huangpu');
      const listed = await page
        .locator('.park-list__items a[data-park-id]')
        .evaluateAll((links) => links.map((a) => a.getAttribute('data-park-id')));
      expect(listed.sort()).toEqual(['bio-island', 'huangpu-biotech', 'huangpu-smart-equipment']);
      await expect.poll(() => page.getByTestId('park-count').textContent()).toMatch(/3\D+10/);
      await expect.poll(() => page.locator('[data-count-group="parks"]').textContent()).toBe('3 / 10');
      const dimmed = await page.evaluate(() => {
        const map = window.__atlas!.map;
        const ids = ['bio-island', 'huangpu-biotech', 'nansha-ai', 'pazhou-internet'];
        return ids.map((id) => Boolean(map.getFeatureState({ source: 'parks', id }).dimmed));
      });
      expect(dimmed).toEqual([false, false, true, true]);

      // Lines in service off: no line in service is drawn, and the counts say so.
      await page.locator('input[data-line-status="open"]').uncheck();
      await expect.poll(() => search(atlas)).toContain('status=under-construction,planned,schematic');
      await expect
        .poll(() => page.locator('[data-count-group="transit-open"]').textContent())
        .toMatch(/^0 \/ \d+$/);
      const drawn = await rendered(atlas, [
        'transit-open',
        'transit-planned',
        'road-planned',
        'station-open',
        'station-planned',
      ]);
      expect(drawn.length).toBeGreaterThan(0);
      expect(drawn.filter((f) => f.status === 'open')).toEqual([]);
      // Schematic alignments off too: only surveyed lines and stations are left.
      await page.locator('input[data-line-status="schematic"]').uncheck();
      await expect.poll(() => search(atlas)).toContain('status=under-construction,planned');
      const surveyed = await rendered(atlas, ['transit-planned', 'road-planned', 'station-planned']);
      expect(surveyed.filter((f) => f.precision === 'schematic')).toEqual([]);
      expect(atlas.pageErrors).toEqual([]);
      await atlas.context.close();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'a facility category filter changes the facilities drawn and counted',
    async () => {
      const atlas = await openAtlas('/parks/bio-island');
      const { page } = atlas;
      const before = Number(
        (await page.locator('[data-count-group="facilities"]').textContent())?.split(' / ')[0],
      );
      expect(before).toBeGreaterThan(0);
      await page.locator('input[data-category="education"]').uncheck();
      await expect.poll(() => search(atlas)).toContain('cat=');
      await expect
        .poll(async () =>
          Number((await page.locator('[data-count-group="facilities"]').textContent())?.split(' / ')[0]),
        )
        .toBeLessThan(before);
      expect(await page.locator('[data-key-category="education"]').count()).toBe(0);
      const categories = await page.evaluate(
        () =>
          new Promise<string[]>((resolve) => {
            const map = window.__atlas!.map;
            const read = () =>
              map.querySourceFeatures('facilities').map((f) => String(f.properties.category));
            map.once('idle', () => resolve(read()));
            map.triggerRepaint();
          }),
      );
      expect(categories).not.toContain('education');
      await atlas.context.close();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'opacity is kept in the URL and applied to the layer',
    async () => {
      const atlas = await openAtlas('/');
      const { page } = atlas;
      await page.locator('input[data-opacity-group="parks"]').fill('40');
      await expect.poll(() => search(atlas)).toContain('opacity=parks:40');
      const opacity = await page.evaluate(() =>
        JSON.stringify(window.__atlas!.map.getPaintProperty('park-fill', 'fill-opacity')),
      );
      expect(opacity).toContain('0.4');
      await atlas.context.close();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'a copied link opens the same view in a new page',
    async () => {
      const atlas = await openAtlas(
        '/parks/nansha-ai?lang=en&layers=parks,transit-open,stations,catchments&district=nansha&status=open,planned&opacity=stations:60',
      );
      const { page } = atlas;
      await atlas.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
      // Move the camera, then copy at once: the link carries the latest camera even before the
      // throttled hash write has happened.
      await page.evaluate(() =>
        window.__atlas!.map.jumpTo({ center: [113.55, 22.75], zoom: 12.25, bearing: 15 }),
      );
      await page.getByTestId('copy-link').click();
      await expect.poll(() => page.locator('.share__status').textContent()).toMatch(/copied/i);
      const link = await page.evaluate(() => navigator.clipboard.readText());
      expect(link).toContain('/parks/nansha-ai?');
      expect(link).toContain('#12.25/22.75000/113.55000/15.0/0');

      const copy = await openAtlas(link.replace(baseUrl, ''));
      const view = await copy.page.evaluate(() => {
        const map = window.__atlas!.map;
        const c = map.getCenter();
        return {
          path: window.location.pathname,
          search: window.location.search,
          zoom: map.getZoom(),
          lng: c.lng,
          lat: c.lat,
          bearing: map.getBearing(),
          stations: map.getLayoutProperty('station-open', 'visibility') ?? 'visible',
          hubs: map.getLayoutProperty('hub', 'visibility'),
          lang: document.documentElement.lang,
        };
      });
      expect(view.path).toBe('/parks/nansha-ai');
      expect(new URLSearchParams(view.search).toString()).toBe(
        new URLSearchParams(new URL(link).search).toString(),
      );
      expect(view.zoom).toBeCloseTo(12.25, 1);
      expect(view.lng).toBeCloseTo(113.55, 3);
      expect(view.lat).toBeCloseTo(22.75, 3);
      expect(view.bearing).toBeCloseTo(15, 0);
      expect(view.stations).toBe('visible');
      expect(view.hubs).toBe('none');
      expect(view.lang).toBe('en');
      await expect.poll(() => copy.page.getByTestId('park-count').textContent()).toMatch(/1\D+10/);
      await atlas.context.close();
      await copy.context.close();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'a phone shows the map first with the sidebar as a bottom sheet',
    async () => {
      const atlas = await openAtlas('/', { width: 390, height: 844 });
      const { page } = atlas;
      const handle = page.getByTestId('sheet-handle');
      expect(await handle.isVisible()).toBe(true);
      const box = async (selector: string) => page.locator(selector).first().boundingBox();
      const map = await box('.map-canvas');
      const sheet = await box('.atlas__sidebar');
      expect(map && sheet).toBeTruthy();
      // The map fills the width and reaches under the sheet; the sheet peeks from the bottom.
      expect(map!.width).toBeGreaterThanOrEqual(389);
      expect(sheet!.y).toBeGreaterThan(map!.y + map!.height * 0.4);
      expect(sheet!.y + sheet!.height).toBeGreaterThanOrEqual(map!.y + map!.height - 2);
      const stats = await canvasStats(page);
      expect(stats.distinctColours).toBeGreaterThan(20);
      await handle.click();
      expect(await handle.getAttribute('aria-expanded')).toBe('true');
      await expect
        .poll(async () => (await box('.atlas__sidebar'))!.height)
        .toBeGreaterThan(sheet!.height * 1.8);
      await atlas.context.close();
    },
    TEST_TIMEOUT_MS,
  );
});
