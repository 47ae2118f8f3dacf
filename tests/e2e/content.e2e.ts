/**
 * Park knowledge, as a reader meets it: every park page shows every item the plan lists for the
 * park, in both languages; the facilities layer toggles and its features open their details.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ParkContent } from '../../src/data/content-schema.ts';
import { SUPPORTING_CATEGORIES } from '../../src/data/vocabulary.ts';
import { launch, open, type Session, screenshot, waitForIdle, waitForMapReady } from './browser.ts';

const baseUrl = inject('baseUrl');
const root = path.resolve(import.meta.dirname, '../..');
const parks = JSON.parse(
  readFileSync(path.join(root, 'geodata/content/parks.json'), 'utf8'),
) as ParkContent[];
const facilities = JSON.parse(
  readFileSync(path.join(root, 'geodata/facilities.geojson'), 'utf8'),
) as GeoJSON.FeatureCollection<
  GeoJSON.Point,
  { id: string; parkId: string; name: { zh: string; en: string } }
>;
/** Per navigation or wait, ms; a test does a handful of them. */
const STEP_MS = 45_000;
const TEST_MS = 120_000;
let session: Session;

beforeAll(async () => {
  session = await launch();
});
afterAll(async () => {
  await session?.close();
});

/** Whitespace-insensitive, because the page lays text out with its own spacing. */
const squash = (text: string) => text.replace(/\s+/g, '');

describe('park pages', () => {
  // One test per park and language, with generous per-step timeouts and no fixed sleeps: a whole
  // page (map in software WebGL included) can take many seconds on a loaded 2-core machine.
  for (const lang of ['zh', 'en'] as const) {
    for (const park of parks) {
      it(
        `${park.id} (${lang}): shows every target, lead industry and supporting item`,
        async () => {
          const atlas = await open(session, baseUrl, `/parks/${park.id}?lang=${lang}`, {
            stepTimeoutMs: STEP_MS,
          });
          try {
            await atlas.page.locator('[data-testid="six-in-one"]').waitFor();
            await atlas.page.locator('[data-testid="facilities-section"]').waitFor();
            const text = squash((await atlas.page.locator('.park-panel').textContent()) ?? '');
            const expected = [
              park.name[lang],
              park.goals.summary[lang],
              park.leadIndustriesText[lang],
              ...park.leadIndustries.map((i) => i.name[lang]),
              ...park.goals.targets.map((t) => t.metric[lang]),
              ...SUPPORTING_CATEGORIES.flatMap((c) => park.supporting[c] ?? []).map(
                (item) => item.text[lang],
              ),
              ...park.location.limits.map((l) => l.name[lang]),
            ];
            expect(expected.length).toBeGreaterThan(5);
            const missing = expected.filter((e) => !text.includes(squash(e)));
            expect(missing, `${park.id} (${lang})`).toEqual([]);
            expect(atlas.pageErrors).toEqual([]);
            expect(atlas.foreignRequests).toEqual([]);
          } finally {
            await atlas.context.close();
          }
        },
        TEST_MS,
      );
    }
  }

  it('lists facilities whose location is not known yet, with the reason', async () => {
    const atlas = await open(session, baseUrl, '/parks/huadu-military-civil?lang=en');
    const unplaced = atlas.page.locator('[data-testid="unplaced-facilities"] li');
    await unplaced.first().waitFor();
    expect(await unplaced.count()).toBeGreaterThan(3);
    await expect(atlas.page.locator('[data-testid="unplaced-facilities"]').textContent()).resolves.toMatch(
      /\w{6,}/,
    );
    await atlas.context.close();
  });

  it('prints one park per page without the map', async () => {
    const atlas = await open(session, baseUrl, '/parks/bio-island');
    await atlas.page.locator('[data-testid="six-in-one"]').waitFor();
    await atlas.page.emulateMedia({ media: 'print' });
    await expect(atlas.page.locator('.atlas__map').isVisible()).resolves.toBe(false);
    await expect(atlas.page.locator('.park-list').isVisible()).resolves.toBe(false);
    await expect(atlas.page.locator('.park-panel').isVisible()).resolves.toBe(true);
    const pdf = await atlas.page.pdf({ format: 'A4' });
    expect(pdf.byteLength).toBeGreaterThan(10_000);
    await atlas.context.close();
  });
});

describe('industry filter', () => {
  it('narrows the park list to the parks with a lead industry, and back', async () => {
    const atlas = await open(session, baseUrl, '/?lang=en');
    const filter = atlas.page.getByTestId('industry-filter');
    await filter.waitFor();
    await filter.selectOption('biomedicine');
    const expected = parks
      .filter((p) => p.leadIndustries.some((i) => i.tags.includes('biomedicine')))
      .map((p) => p.id);
    expect(expected.length).toBeGreaterThan(0);
    await expect
      .poll(() =>
        atlas.page
          .locator('.park-list__item a')
          .evaluateAll((as) => as.map((a) => a.getAttribute('data-park-id'))),
      )
      .toEqual(expected);
    // The map keeps every park but fades those outside the filter.
    await waitForMapReady(atlas.page);
    const dimmed = () =>
      atlas.page.evaluate(() => {
        const map = window.__atlas!.map;
        return ['pazhou-internet', 'bio-island'].map((id) =>
          Boolean(map.getFeatureState({ source: 'parks', id }).dimmed),
        );
      });
    await expect.poll(dimmed).toEqual([true, false]);
    await filter.selectOption('');
    await expect.poll(() => atlas.page.locator('.park-list__item').count()).toBe(10);
    await expect.poll(dimmed).toEqual([false, false]);
    await atlas.context.close();
  });
});

describe('facilities layer', () => {
  const target =
    facilities.features.find((f) => f.properties.parkId === 'bio-island') ?? facilities.features[0];

  it('toggles from the legend and opens a facility on click', async () => {
    expect(target).toBeDefined();
    if (!target) return;
    const [lng, lat] = target.geometry.coordinates;
    const atlas = await open(
      session,
      baseUrl,
      `/parks/${target.properties.parkId}#15.00/${lat}/${lng}/0.0/0`,
    );
    await waitForMapReady(atlas.page);
    const rendered = () =>
      atlas.page.evaluate(() => {
        const map = window.__atlas!.map;
        return map.queryRenderedFeatures({ layers: ['facility'] }).length;
      });
    expect(await rendered()).toBeGreaterThan(0);
    await atlas.page.locator('input[data-layer-group="facilities"]').click();
    await expect
      .poll(() =>
        atlas.page.evaluate(() => {
          const map = window.__atlas!.map;
          return map.getLayoutProperty('facility', 'visibility');
        }),
      )
      .toBe('none');
    await atlas.page.locator('input[data-layer-group="facilities"]').click();
    await expect.poll(rendered).toBeGreaterThan(0);
    await waitForIdle(atlas.page);
    const point = await atlas.page.evaluate(
      ([x, y]) => {
        const map = window.__atlas!.map;
        const p = map.project([x as number, y as number]);
        return { x: p.x, y: p.y };
      },
      [lng, lat],
    );
    const box = await atlas.page.locator('.map-canvas canvas').boundingBox();
    await atlas.page.mouse.click((box?.x ?? 0) + point.x, (box?.y ?? 0) + point.y);
    const popup = atlas.page.locator('.maplibregl-popup .popup');
    await popup.waitFor();
    await expect(popup.textContent()).resolves.toContain(target.properties.name.zh);
    await screenshot(atlas.page, 'facility-popup');
    expect(atlas.pageErrors).toEqual([]);
    expect(atlas.consoleErrors).toEqual([]);
    await atlas.context.close();
  });

  it('shows a facility picked from the park page on the map', async () => {
    if (!target) return;
    const atlas = await open(session, baseUrl, `/parks/${target.properties.parkId}?lang=en`);
    await waitForMapReady(atlas.page);
    await atlas.page.locator(`[data-facility-id="${target.properties.id}"] button`).click();
    const popup = atlas.page.locator('.maplibregl-popup .popup');
    await popup.waitFor();
    await expect(popup.textContent()).resolves.toContain(target.properties.name.en);
    await atlas.context.close();
  });
});

describe('plan page', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`shows the 20 tasks, 3 safeguards and the parks table (${lang})`, async () => {
      const atlas = await open(session, baseUrl, `/plan?lang=${lang}`);
      await atlas.page.locator('.plan-page').waitFor();
      await expect(atlas.page.locator('.tasks > li').count()).resolves.toBe(20);
      await expect(atlas.page.locator('[data-testid="parks-glance"] tbody tr').count()).resolves.toBe(10);
      const text = (await atlas.page.locator('.plan-page').textContent()) ?? '';
      expect(text).toContain(lang === 'zh' ? '穗府办函〔2018〕105号' : 'Lead units');
      expect(atlas.pageErrors).toEqual([]);
      await atlas.context.close();
    });
  }
});
