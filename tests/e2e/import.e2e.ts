/**
 * Bring your own data, end to end in headless Chromium against the production build (issue 11):
 *  - every good fixture format (GeoJSON, CSV, GBK CSV, KML, KMZ, zipped Shapefile, xlsx) is picked
 *    in the data panel (tables through the column-mapping step) and lands at the right positions,
 *    each site with the right nearest metro station;
 *  - a GCJ-02 file read as WGS-84 is flagged by the datum guard, and converting puts it in place;
 *  - exporting a layer as GeoJSON and importing the export gives the same features;
 *  - drag-and-drop and paste import too; layers survive a reload (IndexedDB);
 *  - the XSS corpus (payloads in keys, values, names, file names and layer names) runs nothing:
 *    an init script defines window.__xss, which every payload calls if it ever executes, and any
 *    dialog fails; popups, the table, the legend and the exports show the payloads as text;
 *  - every file of the hostile corpus gets its expected classified outcome, the layers already
 *    there and the camera stay as they were, no uncaught error, and the page keeps answering.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { HOSTILE_FILES } from '../corpus/hostile.ts';
import { XSS_FILE_NAMES, XSS_LAYER_NAMES, xssCsv, xssGeoJSON } from '../corpus/xss-payloads.ts';
import { seriousViolations } from './axe.ts';
import { type AtlasPage, launch, open, type Session, waitForMapReady } from './browser.ts';

const baseUrl = inject('baseUrl');
const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/import');
const TEST_MS = 300_000;

interface ExpectedSite {
  name: string;
  lng: number;
  lat: number;
  station: { id: string; name: string; nameEn: string };
}
const expected = JSON.parse(readFileSync(path.join(FIXTURES, 'expected.json'), 'utf8')) as {
  sites: ExpectedSite[];
};

/** Records any script execution the XSS corpus would cause (each payload calls window.__xss(n)). */
const XSS_TRAP = `(() => {
  window.__xssHits = [];
  window.__xss = (n) => { window.__xssHits.push(String(n)); };
})();`;

let session: Session;
let tmp: string;
beforeAll(async () => {
  session = await launch();
  tmp = mkdtempSync(path.join(os.tmpdir(), 'atlas-import-e2e-'));
});
afterAll(async () => {
  await session?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

async function openAtlas(query = '?lang=en'): Promise<AtlasPage> {
  const atlas = await open(session, baseUrl, `/${query}`, { initScripts: [XSS_TRAP] });
  await waitForMapReady(atlas.page);
  await openDataPanel(atlas.page);
  return atlas;
}

async function openDataPanel(page: Page): Promise<void> {
  if (await page.getByTestId('data-panel').isVisible()) return;
  await page.getByTestId('data-button').click();
  await page.getByTestId('data-panel').waitFor();
}

const reports = (page: Page) => page.getByTestId('import-report');

/**
 * Picks files in the data panel and waits for the new report; a table goes through the mapping
 * step with the detected columns (which must be the right ones: asserted by the caller's positions).
 */
async function importFiles(
  page: Page,
  files: string | { name: string; mimeType: string; buffer: Buffer },
): Promise<Locator> {
  const before = await reports(page).count();
  await page.getByTestId('import-file').setInputFiles(files);
  await page.waitForFunction(
    (n) =>
      document.querySelectorAll('[data-testid="import-report"]').length > n ||
      document.querySelector('[data-testid="import-mapping"]') !== null,
    before,
  );
  if (await page.getByTestId('import-mapping').count()) {
    await page.getByTestId('import-mapping-confirm').click();
  }
  await expect.poll(() => reports(page).count()).toBeGreaterThan(before);
  return reports(page).first();
}

const layerItems = (page: Page) => page.getByTestId('imported-layer');

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const where = path.join(tmp, `${Date.now()}-${file.suggestedFilename()}`);
  await file.saveAs(where);
  return { name: file.suggestedFilename(), text: readFileSync(where, 'utf8') };
}

/** The newest layer's features as exported GeoJSON. */
async function exportGeoJSON(layer: Locator): Promise<GeoJSON.FeatureCollection> {
  const page = layer.page();
  const file = await download(page, () => layer.getByTestId('layer-export-geojson').click());
  return JSON.parse(file.text) as GeoJSON.FeatureCollection;
}

/** The newest layer's rows as exported CSV (with the analysis columns). */
async function exportCsv(layer: Locator): Promise<Record<string, string>[]> {
  const page = layer.page();
  const file = await download(page, () => layer.getByTestId('layer-export-csv').click());
  expect(file.text.charCodeAt(0), 'CSV starts with a BOM for Excel').toBe(0xfeff);
  return Papa.parse<Record<string, string>>(file.text.slice(1), { header: true, skipEmptyLines: true }).data;
}

function nameOf(f: GeoJSON.Feature): string {
  const p = f.properties ?? {};
  return String(p.name ?? p.名称 ?? p.NAME ?? p.Name ?? '');
}

/** Metres between two WGS-84 positions (equirectangular: fine at these distances). */
function metres(a: [number, number], b: [number, number]): number {
  const k = Math.PI / 180;
  const x = (a[0] - b[0]) * k * Math.cos(((a[1] + b[1]) / 2) * k);
  const y = (a[1] - b[1]) * k;
  return Math.hypot(x, y) * 6_371_008.8;
}

function expectSitesInPlace(fc: GeoJSON.FeatureCollection, toleranceM: number): void {
  expect(fc.features).toHaveLength(expected.sites.length);
  for (const site of expected.sites) {
    const f = fc.features.find((x) => nameOf(x) === site.name);
    expect(f, `site ${site.name}`).toBeTruthy();
    expect(f!.geometry.type).toBe('Point');
    const at = (f!.geometry as GeoJSON.Point).coordinates as [number, number];
    expect(metres(at, [site.lng, site.lat]), `${site.name} position`).toBeLessThan(toleranceM);
  }
}

/** The exported CSV names each site's nearest station in service. */
function expectNearestStations(rows: Record<string, string>[]): void {
  expect(rows).toHaveLength(expected.sites.length);
  const header = Object.keys(rows[0] ?? {});
  const stationColumn = header.find((h) => /nearest.*open.*station/i.test(h) && !/distance|_m$|id/i.test(h));
  expect(stationColumn, `a nearest-station column in ${header.join(', ')}`).toBeTruthy();
  for (const site of expected.sites) {
    const row = rows.find((r) => Object.values(r).includes(site.name));
    expect(row, `row of ${site.name}`).toBeTruthy();
    expect([site.station.name, site.station.nameEn]).toContain(row![stationColumn!]);
  }
}

async function cameraOf(page: Page) {
  return page.evaluate(() => {
    const map = window.__atlas!.map;
    const c = map.getCenter();
    return { lng: c.lng, lat: c.lat, zoom: map.getZoom(), bearing: map.getBearing() };
  });
}

async function layerNames(page: Page): Promise<string[]> {
  return page
    .getByTestId('layer-name')
    .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
}

const xssHits = (page: Page) => page.evaluate(() => (window as unknown as { __xssHits: string[] }).__xssHits);

describe('importing the good fixtures', () => {
  it(
    'puts every format at the right positions with the right nearest stations',
    async () => {
      const atlas = await openAtlas();
      const { page } = atlas;
      for (const file of [
        'sites.geojson',
        'sites.csv',
        'sites-gbk.csv',
        'sites.kml',
        'sites.kmz',
        'sites-shp.zip',
        'sites.xlsx',
      ]) {
        const report = await importFiles(page, path.join(FIXTURES, file));
        await expect.poll(() => report.getAttribute('data-outcome'), { message: file }).toBe('accepted');
        const layer = layerItems(page).first();
        await expect.poll(() => layer.getByTestId('layer-name').inputValue()).toBe(file);
        await layer.getByTestId('layer-analysis').waitFor();
        expectSitesInPlace(await exportGeoJSON(layer), 1);
        expectNearestStations(await exportCsv(layer));
      }
      expect(await layerItems(page).count()).toBe(7);
      // The legend lists them; the map draws them.
      await expect.poll(() => page.getByTestId('legend-imported').locator('li').count()).toBe(7);
      await expect
        .poll(() =>
          page.evaluate(() => {
            const map = window.__atlas!.map;
            const ids = map
              .getStyle()
              .layers.filter((l) => l.id.startsWith('import:'))
              .map((l) => l.id);
            return map.queryRenderedFeatures({ layers: ids }).length;
          }),
        )
        .toBeGreaterThan(0);
      expect(atlas.pageErrors).toEqual([]);
      await atlas.context.close();
    },
    TEST_MS,
  );

  it(
    'flags a GCJ-02 file read as WGS-84 and converts it into place',
    async () => {
      const atlas = await openAtlas();
      const { page } = atlas;
      const report = await importFiles(page, path.join(FIXTURES, 'sites-gcj02.csv'));
      await expect.poll(() => report.getAttribute('data-outcome')).toBe('accepted');
      const warning = report.getByTestId('datum-warning');
      await warning.waitFor();
      const layer = layerItems(page).first();
      const before = await exportGeoJSON(layer);
      // As read (WGS-84 stated), every site sits a few hundred metres off.
      for (const site of expected.sites) {
        const f = before.features.find((x) => nameOf(x) === site.name)!;
        const offset = metres((f.geometry as GeoJSON.Point).coordinates as [number, number], [
          site.lng,
          site.lat,
        ]);
        expect(offset).toBeGreaterThan(200);
        expect(offset).toBeLessThan(900);
      }
      await warning.getByTestId('datum-convert').click();
      await expect.poll(() => report.getByTestId('datum-warning').count()).toBe(0);
      await expect
        .poll(async () => {
          const fc = await exportGeoJSON(layerItems(page).first());
          return Math.max(
            ...expected.sites.map((site) => {
              const f = fc.features.find((x) => nameOf(x) === site.name)!;
              return metres((f.geometry as GeoJSON.Point).coordinates as [number, number], [
                site.lng,
                site.lat,
              ]);
            }),
          );
        })
        .toBeLessThan(5);
      expectNearestStations(await exportCsv(layerItems(page).first()));
      expect(atlas.pageErrors).toEqual([]);
      await atlas.context.close();
    },
    TEST_MS,
  );

  it(
    'round-trips GeoJSON exports, takes drops and pastes, and keeps layers over a reload',
    async () => {
      const atlas = await openAtlas();
      const { page } = atlas;
      await importFiles(page, path.join(FIXTURES, 'sites.geojson'));
      const first = await exportGeoJSON(layerItems(page).first());
      const exported = path.join(tmp, 'exported.geojson');
      writeFileSync(exported, JSON.stringify(first));
      const report = await importFiles(page, exported);
      await expect.poll(() => report.getAttribute('data-outcome')).toBe('accepted');
      const second = await exportGeoJSON(layerItems(page).first());
      expect(second.features).toEqual(first.features);

      // Drag and drop anywhere on the page.
      const before = await reports(page).count();
      const bytes = readFileSync(path.join(FIXTURES, 'sites.kml')).toString('base64');
      const transfer = await page.evaluateHandle((b64) => {
        const data = new DataTransfer();
        const raw = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        data.items.add(new File([raw], 'dropped.kml', { type: 'application/vnd.google-earth.kml+xml' }));
        return data;
      }, bytes);
      await page.locator('.map-canvas').dispatchEvent('dragenter', { dataTransfer: transfer });
      await page.locator('.map-canvas').dispatchEvent('dragover', { dataTransfer: transfer });
      await page.locator('.map-canvas').dispatchEvent('drop', { dataTransfer: transfer });
      await expect.poll(() => reports(page).count()).toBeGreaterThan(before);
      await expect.poll(() => layerNames(page)).toContain('dropped.kml');

      // Paste GeoJSON text into the panel.
      await page.getByTestId('import-paste').fill(JSON.stringify(first));
      const beforePaste = await reports(page).count();
      await page.getByTestId('import-paste').locator('xpath=following-sibling::button[1]').click();
      await expect.poll(() => reports(page).count()).toBeGreaterThan(beforePaste);
      await expect.poll(() => reports(page).first().getAttribute('data-outcome')).toBe('accepted');

      // Rename one, then reload: all four layers come back from IndexedDB, renamed as left.
      const renamed = layerItems(page).first().getByTestId('layer-name');
      await renamed.fill('Candidate sites 候选地块');
      await renamed.press('Enter');
      await expect.poll(() => layerNames(page)).toContain('Candidate sites 候选地块');
      const namesBefore = (await layerNames(page)).sort();
      expect(namesBefore).toHaveLength(4);
      await page.reload();
      await waitForMapReady(page);
      await openDataPanel(page);
      await expect.poll(async () => (await layerNames(page)).sort()).toEqual(namesBefore);
      const restored = await exportGeoJSON(layerItems(page).last());
      expect(restored.features).toEqual(first.features);

      // Removing asks first, then removes it for good (also after a reload).
      await layerItems(page).first().getByTestId('layer-remove').click();
      await layerItems(page).first().getByTestId('layer-remove-confirm').click();
      await expect.poll(() => layerItems(page).count()).toBe(3);
      await page.reload();
      await waitForMapReady(page);
      await openDataPanel(page);
      await expect.poll(() => layerItems(page).count()).toBe(3);
      expect(atlas.pageErrors).toEqual([]);
      await atlas.context.close();
    },
    TEST_MS,
  );
});

describe('untrusted content', () => {
  it(
    'runs none of the XSS corpus in popups, the table, the legend or the exports',
    async () => {
      const atlas = await openAtlas();
      const { page } = atlas;
      await importFiles(page, {
        name: XSS_FILE_NAMES[0]!,
        mimeType: 'application/geo+json',
        buffer: Buffer.from(JSON.stringify(xssGeoJSON())),
      });
      // Every other hostile file name, on a one-point file each, picked together.
      const onePoint = Buffer.from(
        JSON.stringify({
          type: 'FeatureCollection',
          features: [
            { type: 'Feature', geometry: { type: 'Point', coordinates: [113.3, 23.1] }, properties: {} },
          ],
        }),
      );
      const before = await reports(page).count();
      await page.getByTestId('import-file').setInputFiles(
        XSS_FILE_NAMES.slice(1).map((name) => ({
          name,
          mimeType: 'application/geo+json',
          buffer: onePoint,
        })),
      );
      await expect.poll(() => reports(page).count()).toBe(before + XSS_FILE_NAMES.length - 1);
      await importFiles(page, { name: 'xss.csv', mimeType: 'text/csv', buffer: Buffer.from(xssCsv()) });
      // Every file name in the reports, as text.
      const shownNames = await page.locator('.data-report__file').allTextContents();
      expect(shownNames).toEqual(expect.arrayContaining([...XSS_FILE_NAMES]));
      // Layer names: every payload as a name, shown in the panel and in the legend.
      const layer = layerItems(page).first();
      for (const name of XSS_LAYER_NAMES) {
        await layer.getByTestId('layer-name').fill(name);
        await layer.getByTestId('layer-name').press('Enter');
        await expect
          .poll(() => page.getByTestId('legend-imported').textContent())
          .toContain(name.slice(0, 20));
      }
      // The table: every row's text, the payloads included, sorted both ways.
      await layerItems(page).last().getByTestId('layer-table').click();
      const table = page.getByTestId('feature-table');
      await table.waitFor();
      await expect.poll(() => table.getByTestId('feature-row').count()).toBeGreaterThan(5);
      await table.locator('th button').first().click();
      await table.locator('th button').first().click();
      expect(await seriousViolations(page, 'feature-table')).toEqual([]);
      expect(await seriousViolations(page, 'data-panel')).toEqual([]);
      // Popups: click rows (fits the map and opens the feature's popup).
      const rows = table.getByTestId('feature-row');
      const count = Math.min(await rows.count(), 8);
      for (let i = 0; i < count; i++) {
        await rows.nth(i).locator('.feature-table__name').click();
        await page.locator('.maplibregl-popup').first().waitFor();
      }
      // A selection exported from the table: just the chosen rows, cells neutralised.
      await rows.nth(0).locator('input[type="checkbox"]').check();
      await rows.nth(1).locator('input[type="checkbox"]').check();
      const picked = await download(page, () =>
        table.getByRole('button', { name: 'Export selected (CSV)' }).click(),
      );
      expect(Papa.parse<string[]>(picked.text.slice(1), { skipEmptyLines: true }).data).toHaveLength(3);
      await table.getByRole('button', { name: 'Close the feature table' }).click();
      // Exports: CSV cells are neutralised, GeoJSON keeps the text as text.
      const csv = await download(page, () => layerItems(page).last().getByTestId('layer-export-csv').click());
      for (const row of Papa.parse<string[]>(csv.text.slice(1)).data) {
        for (const cell of row) expect(/^[=+\-@\t\r]/.test(cell), `cell ${cell}`).toBe(false);
      }
      await download(page, () => layerItems(page).last().getByTestId('layer-export-geojson').click());
      await page.waitForTimeout(300);
      expect(await xssHits(page)).toEqual([]);
      expect(atlas.dialogs).toEqual([]);
      expect(await atlas.injected()).toBe(false);
      expect(atlas.pageErrors).toEqual([]);
      await atlas.context.close();
    },
    TEST_MS,
  );

  it('gives every hostile file its expected outcome and leaves layers and camera as they were', async () => {
    const atlas = await openAtlas('?lang=en#11.00/23.10000/113.40000/0.0/0');
    const { page } = atlas;
    // One good layer first: it must be untouched by everything after.
    await importFiles(page, path.join(FIXTURES, 'sites.geojson'));
    const goodLayer = layerItems(page).first();
    const goodBefore = await exportGeoJSON(goodLayer);
    const camera = await cameraOf(page);
    for (const entry of HOSTILE_FILES) {
      const file = path.join(tmp, 'hostile', entry.id, entry.fileName.replace(/[/\\]/g, '_'));
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, entry.bytes());
      const layersBefore = await layerItems(page).count();
      const report = await importFiles(page, file);
      const outcome = await report.getAttribute('data-outcome');
      expect(outcome, `${entry.id}: outcome`).toBe(entry.expected.outcome);
      if (entry.expected.code) {
        const codes = await report
          .locator('[data-code]')
          .evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
        expect(codes, `${entry.id}: codes`).toContain(entry.expected.code);
      }
      const layersAfter = await layerItems(page).count();
      expect(layersAfter, `${entry.id}: layers`).toBe(layersBefore + (outcome === 'rejected' ? 0 : 1));
      // Accepted ones are removed again so the next file starts from the same state.
      if (outcome !== 'rejected') {
        await layerItems(page).first().getByTestId('layer-remove').click();
        await layerItems(page).first().getByTestId('layer-remove-confirm').click();
        await expect.poll(() => layerItems(page).count()).toBe(layersBefore);
      }
      // The page answers at once (not frozen by the file).
      expect(await page.evaluate(() => 1 + 1)).toBe(2);
      rmSync(file, { force: true });
    }
    expect(await cameraOf(page)).toEqual(camera);
    expect(await exportGeoJSON(layerItems(page).first())).toEqual(goodBefore);
    expect(atlas.pageErrors).toEqual([]);
    expect(await xssHits(page)).toEqual([]);
    await atlas.context.close();
  }, 900_000);
});
