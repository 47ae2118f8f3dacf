/**
 * PMTiles archives as vector layers (issue 11, item 5), in the production build under the strict CSP:
 *  1. the fixture (tests/fixtures/pmtiles/parks-stations.pmtiles) opened as a local file draws its
 *     stations (canvas ink in the archive's colour at a station, none when hidden), lists its layers,
 *     extent and attribution, and is removed cleanly;
 *  2. the same archive from the loopback tile server by URL (HTTP range requests) draws too, and
 *     the URL is remembered;
 *  3. bad cases — not PMTiles (file and URL), a raster archive, a server without range support,
 *     an HTTP error, a bad URL, an origin the CSP does not admit — each give their own message,
 *     while the camera, the map's layers and the open archive stay as they were.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seriousViolations } from './axe.ts';
import {
  type AtlasPage,
  launch,
  open,
  type Session,
  screenshot,
  waitForIdle,
  waitForMapReady,
} from './browser.ts';

const baseUrl = inject('baseUrl');
const tileOrigin = inject('tileOrigin');
const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/pmtiles');
const ARCHIVE = path.join(FIXTURES, 'parks-stations.pmtiles');
const GREEN = '#00ff00';

/** A station of the fixture (Canton Tower), read from the reference data the fixture is built from. */
const station = (() => {
  const stations = JSON.parse(
    fs.readFileSync(path.resolve(import.meta.dirname, '../../geodata/stations.geojson'), 'utf8'),
  ) as GeoJSON.FeatureCollection<GeoJSON.Point, { name: { zh: string } }>;
  const f = stations.features.find((s) => s.properties.name.zh === '广州塔');
  if (!f) throw new Error('no Canton Tower station in the reference data');
  const [lng, lat] = f.geometry.coordinates as [number, number];
  return { lng, lat };
})();

let session: Session;
beforeAll(async () => {
  session = await launch();
});
afterAll(async () => {
  await session?.close();
});

async function openAtlas(): Promise<AtlasPage> {
  const atlas = await open(session, baseUrl, '/?lang=en', { allowOrigins: [tileOrigin] });
  await waitForMapReady(atlas.page);
  await atlas.page.getByTestId('data-button').click();
  await atlas.page.getByTestId('archive-file').waitFor({ state: 'attached' });
  return atlas;
}

/** Pixels of `hex` (±40 per channel) in a 32×32 box around the station, and the map's state. */
function inkAtStation(page: Page, hex: string) {
  return page.evaluate(
    ({ at, hex }) => {
      const map = window.__atlas!.map;
      const rgb = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
      const p = map.project([at.lng, at.lat]);
      const canvas = map.getCanvas();
      const ratio = canvas.width / canvas.clientWidth;
      const size = Math.round(32 * ratio);
      const c = document.createElement('canvas');
      c.width = size;
      c.height = size;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(
        canvas,
        Math.round(p.x * ratio - size / 2),
        Math.round(p.y * ratio - size / 2),
        size,
        size,
        0,
        0,
        size,
        size,
      );
      const data = ctx.getImageData(0, 0, size, size).data;
      let ink = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (rgb.every((v, k) => Math.abs((data[i + k] ?? 0) - v!) <= 40)) ink++;
      }
      return ink;
    },
    { at: station, hex },
  );
}

/** The camera and the map's own layer list: what a failed open must leave alone. */
function mapState(page: Page) {
  return page.evaluate(() => {
    const map = window.__atlas!.map;
    const c = map.getCenter();
    return {
      camera: [c.lng.toFixed(6), c.lat.toFixed(6), map.getZoom().toFixed(3)],
      layers: map.getStyle().layers.map((l) => l.id),
    };
  });
}

const archiveLayerIds = (page: Page) =>
  page.evaluate(() =>
    window
      .__atlas!.map.getStyle()
      .layers.map((l) => l.id)
      .filter((id) => id.startsWith('pmtiles:')),
  );

/** Puts the station in the middle at z13 and waits for the tiles. */
async function lookAtStation(page: Page) {
  await page.evaluate((at) => window.__atlas!.map.jumpTo({ center: [at.lng, at.lat], zoom: 13 }), station);
  await waitForIdle(page);
}

describe('PMTiles archives', () => {
  it('opens a local archive, draws its stations in its colour, credits it and removes it', async () => {
    const atlas = await openAtlas();
    const { page } = atlas;
    await page.getByTestId('archive-file').setInputFiles(ARCHIVE);
    await expect.poll(() => page.getByTestId('archive').count()).toBe(1);
    expect(await page.getByTestId('archive-name').textContent()).toBe('parks-stations.pmtiles');
    expect(await page.getByTestId('archive-layers').textContent()).toContain('parks, stations');
    expect(await page.getByTestId('archive-bounds').textContent()).toMatch(
      /Extent: 113\.\d{4}, 2[23]\.\d{4}/,
    );
    // One fill, line and circle layer per vector layer, all below the labels.
    const ids = await archiveLayerIds(page);
    expect(ids).toHaveLength(6);
    const order = await page.evaluate(() => window.__atlas!.map.getStyle().layers.map((l) => l.id));
    expect(order.indexOf(ids.at(-1)!)).toBeLessThan(order.indexOf('district-label'));

    await page.getByTestId('archive-color').fill(GREEN);
    await lookAtStation(page);
    await expect.poll(() => inkAtStation(page, GREEN)).toBeGreaterThan(10);

    await screenshot(page, 'pmtiles-local-file');
    await page.getByTestId('archive-visible').uncheck();
    await waitForIdle(page);
    expect(await inkAtStation(page, GREEN)).toBe(0);
    await page.getByTestId('archive-visible').check();
    await waitForIdle(page);
    await expect.poll(() => inkAtStation(page, GREEN)).toBeGreaterThan(10);

    expect(await page.getByTestId('archive-attribution').textContent()).toContain('Test fixture');
    await page.getByTestId('archive-remove').click();
    await expect.poll(() => archiveLayerIds(page)).toEqual([]);
    expect(await page.getByTestId('archive-attribution').count()).toBe(0);

    expect(atlas.pageErrors).toEqual([]);
    expect(await atlas.cspViolations()).toEqual([]);
    await atlas.context.close();
  });

  it('opens the archive from a URL with range requests and remembers the URL', async () => {
    const atlas = await openAtlas();
    const { page } = atlas;
    const url = `${tileOrigin}/pmtiles/parks-stations.pmtiles`;
    await page.getByTestId('archive-url').fill(url);
    await page.getByTestId('archive-url-open').click();
    await expect.poll(() => page.getByTestId('archive').count()).toBe(1);
    expect(await page.getByTestId('archive-name').textContent()).toBe('parks-stations.pmtiles');
    await page.getByTestId('archive-color').fill(GREEN);
    await lookAtStation(page);
    await expect.poll(() => inkAtStation(page, GREEN)).toBeGreaterThan(10);
    const remembered = await page.evaluate(() => localStorage.getItem('atlas.pmtiles.urls'));
    expect(JSON.parse(remembered ?? '[]')).toEqual([url]);
    // Zoom-to fits the archive's extent: the camera leaves the station's z13.
    await page.getByTestId('archive-zoom').click();
    await expect.poll(() => page.evaluate(() => window.__atlas!.map.getZoom())).toBeLessThan(12);
    expect(atlas.pageErrors).toEqual([]);
    expect(await atlas.cspViolations()).toEqual([]);
    await atlas.context.close();
  });

  it('says what is wrong with a bad archive or server and changes nothing', async () => {
    const atlas = await openAtlas();
    const { page } = atlas;
    await page.getByTestId('archive-file').setInputFiles(ARCHIVE);
    await expect.poll(() => page.getByTestId('archive').count()).toBe(1);
    await waitForIdle(page);
    const before = await mapState(page);

    const cases: { open: () => Promise<void>; code: string; text: RegExp }[] = [
      {
        open: () =>
          page.getByTestId('archive-file').setInputFiles(path.join(FIXTURES, 'not-pmtiles.pmtiles')),
        code: 'not-pmtiles',
        text: /not a PMTiles archive/,
      },
      {
        open: () => page.getByTestId('archive-file').setInputFiles(path.join(FIXTURES, 'raster.pmtiles')),
        code: 'raster',
        text: /raster archive/,
      },
      {
        open: () => openUrl(page, `${tileOrigin}/pmtiles-norange/parks-stations.pmtiles`),
        code: 'no-range',
        text: /Range/,
      },
      {
        open: () => openUrl(page, `${tileOrigin}/pmtiles/missing.pmtiles`),
        code: 'http-status',
        text: /HTTP 404/,
      },
      {
        open: () => openUrl(page, `${tileOrigin}/pmtiles/not-pmtiles.pmtiles`),
        code: 'not-pmtiles',
        text: /not a PMTiles/,
      },
      // `vite preview` answers an unknown path with the app's HTML page.
      {
        open: () => openUrl(page, `${baseUrl}/nothing-here.pmtiles`),
        code: 'not-pmtiles',
        text: /not a PMTiles/,
      },
      {
        open: () => openUrl(page, 'ftp://example.org/a.pmtiles'),
        code: 'bad-url',
        text: /http:\/\/ or https:\/\//,
      },
      {
        open: () => openUrl(page, 'https://archives.example.org/a.pmtiles'),
        code: 'csp-blocked',
        text: /security policy/,
      },
    ];
    for (const c of cases) {
      await c.open();
      const error = page.getByTestId('archive-error');
      await expect.poll(() => error.getAttribute('data-code').catch(() => null)).toBe(c.code);
      expect(await error.textContent()).toMatch(c.text);
      expect(await error.textContent()).toContain('unchanged');
      expect(await page.getByTestId('archive').count()).toBe(1);
      expect(await mapState(page)).toEqual(before);
      // Clear the message so the next case is read fresh.
      await page.evaluate(() =>
        document.querySelector('[data-testid="archive-error"]')?.setAttribute('data-code', ''),
      );
    }
    await screenshot(page, 'pmtiles-errors');
    // The section with an archive and an error message is accessible.
    expect(await seriousViolations(page, 'archive-panel')).toEqual([]);
    // The only CSP report is the refused archive origin; nothing escaped to the network.
    const violations = await atlas.cspViolations();
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatch(/^connect-src https:\/\/archives\.example\.org/);
    expect(atlas.foreignRequests).toEqual([]);
    expect(atlas.pageErrors).toEqual([]);
    await atlas.context.close();
  });
});

async function openUrl(page: Page, url: string) {
  await page.getByTestId('archive-url').fill(url);
  await page.getByTestId('archive-url-open').click();
}
