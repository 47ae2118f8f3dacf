/**
 * The analysis in the UI: every park shows its access figures, equal to the precomputed ones in
 * geodata/park-figures.json, with their method; a click on the map answers "what is near here" on
 * the map and in the sidebar.
 *
 * One test per park, and generous per-step timeouts with no fixed sleeps: on a loaded 2-core
 * machine one page (map in software WebGL included) can take many seconds to settle.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ParkFigures } from '../../src/data/park-figures-schema.ts';
import type { ParkProperties } from '../../src/data/schemas.ts';
import { ACCESS_SCORE_FORMULA } from '../../src/domain/access-score.ts';
import { formatDistanceM, formatShare } from '../../src/features/access/format.ts';
import { formatNumber, translate } from '../../src/i18n/translate.ts';
import type { Translator } from '../../src/i18n/use-lang.ts';
import { launch, open, type Session, screenshot, waitForIdle, waitForMapReady } from './browser.ts';

const baseUrl = inject('baseUrl');
const root = path.resolve(import.meta.dirname, '../..');
const figures = JSON.parse(readFileSync(path.join(root, 'geodata/park-figures.json'), 'utf8')) as ParkFigures;
const parkNames = new Map(
  (
    JSON.parse(readFileSync(path.join(root, 'geodata/parks.geojson'), 'utf8')) as {
      features: { properties: ParkProperties }[];
    }
  ).features.map((f) => [f.properties.id, f.properties.name]),
);
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

// The page's own formatting, so the expected text is exactly what a reader sees.
const en: Translator = {
  lang: 'en',
  t: (key, values) => translate('en', key, values),
  b: (text) => (text ? text.en : ''),
  n: (value, digits) => formatNumber('en', value, digits),
};
const distance = (km: number) => formatDistanceM(en, km * 1000);
const squash = (text: string | null) => (text ?? '').replace(/\s+/g, '');
const rowsOf = (cells: string[][]) => cells.map((row) => row.map(squash));

describe('park access figures', () => {
  for (const park of figures.parks) {
    it(
      `${park.parkId}: score and its inputs, stations, catchments, hubs, other parks, output and facilities equal the precomputed figures`,
      async () => {
        const atlas = await open(session, baseUrl, `/parks/${park.parkId}?lang=en`, {
          stepTimeoutMs: STEP_MS,
        });
        try {
          const section = atlas.page.locator('[data-testid="access-section"]');
          await section.waitFor();
          const table = (selector: string) =>
            section
              .locator(`${selector} tbody tr`)
              .evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent ?? '')));

          expect(await section.locator('.score__number').textContent()).toBe(en.n(park.access.score, 0));
          // A missing planned-station input is "none within 10 km" (the 10 km rule), others "—".
          const inputValue = (unit: string, value: number | null, key?: string) =>
            value === null
              ? key === 'nearestPlannedStationM'
                ? en.t('promises.noPlannedWithin', { km: 10 })
                : '—'
              : unit === 'share'
                ? formatShare(en, value)
                : formatDistanceM(en, unit === 'km' ? value * 1000 : value);
          expect(rowsOf(await table('.formula')).map((row) => row.slice(1))).toEqual(
            ACCESS_SCORE_FORMULA.inputs.map((spec) => {
              const c = park.access.contributions.find((x) => x.key === spec.key)!;
              return [inputValue(spec.unit, c.value, spec.key), en.n(c.weight, 2), en.n(c.points, 1)].map(
                squash,
              );
            }),
          );

          const stations = await section.locator('.station-hits li').allTextContents();
          expect(stations.map(squash)).toEqual(
            [...park.stations.open, ...park.stations.planned].map((s) =>
              squash(
                `${s.name.en}${s.lines.map((l) => l.name.en).join('')}${s.inside ? en.t('access.inside') : formatDistanceM(en, s.distanceM)}`,
              ),
            ),
          );

          expect(rowsOf(await table('[data-testid="catchment-table"]'))).toEqual(
            park.catchments.map((c) =>
              [
                formatDistanceM(en, c.radiusM),
                formatShare(en, c.open),
                formatShare(en, c.planned),
                formatShare(en, c.any),
              ].map(squash),
            ),
          );
          expect(rowsOf(await table('[data-testid="hub-table"]'))).toEqual(
            park.hubs.map((h) =>
              [h.name.en, distance(h.fromBoundaryKm), distance(h.fromCentroidKm)].map(squash),
            ),
          );
          const hubText = squash(await section.locator('[data-testid="hub-table"]').textContent());
          expect(hubText).toMatch(/Airport/);
          expect(hubText).toMatch(/GuangzhouSouth/);
          expect(rowsOf(await table('[data-testid="park-distances"]'))).toEqual(
            park.otherParks.map((d) =>
              [parkNames.get(d.id)?.en ?? d.id, distance(d.fromBoundaryKm), distance(d.fromCentroidKm)].map(
                squash,
              ),
            ),
          );

          const text = squash(await section.textContent());
          if (park.output) {
            expect(text).toContain(
              squash(`${en.n(park.output.byStatedAreaPerKm2, 0)} ${park.output.unit.en}/`),
            );
            expect(text).toContain(
              squash(`${en.n(park.output.byComputedAreaPerKm2, 0)} ${en.t('access.output.byComputed')}`),
            );
          } else expect(text).toContain(squash(en.t('access.output.none')));
          const facilities = await section.locator('[data-testid="facilities-near"] li').allTextContents();
          expect(facilities.map(squash)).toEqual(
            park.facilitiesNear.hits.map((h) =>
              squash(
                `${h.name.en}${en.t(`category.${h.category}`)}${h.distanceM === 0 ? en.t('access.inside') : formatDistanceM(en, h.distanceM)}`,
              ),
            ),
          );
          for (const key of [
            'access.method.stations',
            'access.method.catchments',
            'access.method.hubs',
          ] as const)
            expect(text).toContain(squash(en.t(key)));
          expect(atlas.pageErrors).toEqual([]);
        } finally {
          await atlas.context.close();
        }
      },
      TEST_MS,
    );
  }
});

describe('what is near here', () => {
  it('answers a click on the map with nearby stations and facilities, drawn on the map', async () => {
    // Canton Tower area: open stations all around, no park under the cursor.
    const atlas = await open(session, baseUrl, '/?lang=en#14.00/23.10900/113.31910/0.0/0');
    await waitForMapReady(atlas.page);
    const box = await atlas.page.locator('.map-canvas canvas').boundingBox();
    await atlas.page.mouse.click(
      (box?.x ?? 0) + (box?.width ?? 0) / 2,
      (box?.y ?? 0) + (box?.height ?? 0) / 2,
    );
    const panel = atlas.page.locator('[data-testid="probe-panel"]');
    await panel.waitFor();
    await expect(panel.locator('.station-hits li').first().textContent()).resolves.toMatch(/\d/);
    await waitForIdle(atlas.page);
    const drawn = await atlas.page.evaluate(() => {
      const map = window.__atlas!.map;
      return {
        radius: map.queryRenderedFeatures({ layers: ['probe-radius'] }).length,
        links: map.queryRenderedFeatures({ layers: ['probe-links'] }).length,
      };
    });
    expect(drawn.radius).toBeGreaterThan(0);
    expect(drawn.links).toBeGreaterThan(0);
    await screenshot(atlas.page, 'probe');
    await atlas.page.locator('[data-testid="probe-radius"]').selectOption('3000');
    await expect
      .poll(() => atlas.page.locator('[data-testid="probe-panel"] h4').last().textContent())
      .toMatch(/\(\d+\)/);
    expect(atlas.pageErrors).toEqual([]);
    expect(atlas.consoleErrors).toEqual([]);
    await atlas.context.close();
  });
});
