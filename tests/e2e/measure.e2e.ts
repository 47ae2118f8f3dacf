/**
 * The measure tools end to end: open a tool from the toolbar (the URL follows), click vertices on
 * the map canvas at known WGS-84 positions, finish with Enter, and compare the figure shown with
 * Turf's geodesic length / area of the same positions; Esc cancels and then closes the tool; a
 * link with ?tool=area opens the area tool. No fixed sleeps: every wait polls.
 */
import { lineString, polygon, area as turfArea, length as turfLength } from '@turf/turf';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, open, type Session, screenshot, waitForMapReady } from './browser.ts';

const baseUrl = inject('baseUrl');
const TEST_MS = 150_000;
// Pazhou and Bio-Island at zoom 12.5 on a 1600×900 page: every vertex below is on the map, right of
// the toolbar's panel and left of the legend (clickAt checks that the canvas is what gets the click).
const VIEW = '#12.50/23.09000/113.35700/0.0/0';
const VIEWPORT = { width: 1600, height: 900 };
const PATH: [number, number][] = [
  [113.33, 23.105],
  [113.37, 23.1],
  [113.385, 23.075],
];
const RING: [number, number][] = [
  [113.345, 23.08],
  [113.38, 23.078],
  [113.382, 23.1],
  [113.35, 23.102],
];
let session: Session;

beforeAll(async () => {
  session = await launch();
});
afterAll(async () => {
  await session?.close();
});

/** terra-draw loads when a tool opens; its layers on the map mean clicks now add vertices. */
async function waitForDrawing(page: Page): Promise<void> {
  await page.waitForFunction(() => Boolean(window.__atlas?.map.getLayer('measure-linestring')));
}

async function clickAt(page: Page, [lng, lat]: [number, number]): Promise<void> {
  const box = await page.locator('.map-canvas canvas').boundingBox();
  const p = await page.evaluate(([x, y]) => window.__atlas!.map.project([x, y]), [lng, lat] as const);
  const x = (box?.x ?? 0) + p.x;
  const y = (box?.y ?? 0) + p.y;
  const target = await page.evaluate(([px, py]) => document.elementFromPoint(px, py)?.tagName, [
    x,
    y,
  ] as const);
  expect(target, `vertex ${lng},${lat} is covered`).toBe('CANVAS');
  await page.mouse.move(x - 3, y - 3);
  await page.mouse.move(x, y);
  await page.mouse.click(x, y);
}

/** A displayed figure ("8.35 km", "1,234 m²") in metres or square metres. */
function parseFigure(text: string, unit: string): number {
  const value = Number.parseFloat(text.replace(/,/g, ''));
  const factor: Record<string, number> = { m: 1, km: 1000, m2: 1, ha: 1e4, km2: 1e6 };
  return value * (factor[unit] ?? Number.NaN);
}

async function drawnCount(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      window.__atlas!.map.querySourceFeatures('measure-linestring').length +
      window.__atlas!.map.querySourceFeatures('measure-polygon').length,
  );
}

describe('measure tools', () => {
  it(
    'measures a distance equal to Turf geodesic length (within 1 %)',
    async () => {
      const atlas = await open(session, baseUrl, `/?lang=en${VIEW}`, { viewport: VIEWPORT });
      try {
        await waitForMapReady(atlas.page);
        const button = atlas.page.locator('button[data-tool="distance"]');
        await button.click();
        await expect.poll(() => new URL(atlas.page.url()).searchParams.get('tool')).toBe('distance');
        await expect.poll(() => button.getAttribute('aria-pressed')).toBe('true');
        await waitForDrawing(atlas.page);
        for (const p of PATH) await clickAt(atlas.page, p);
        await expect.poll(() => atlas.page.getByTestId('measure-state').textContent()).toContain('drawing');
        await atlas.page.keyboard.press('Enter');
        await expect.poll(() => atlas.page.getByTestId('measure-state').textContent()).toContain('finished');
        const figure = atlas.page.getByTestId('measure-figure');
        const shown = parseFigure(
          (await figure.textContent()) ?? '',
          (await figure.getAttribute('data-unit')) ?? '',
        );
        const expected = turfLength(lineString(PATH), { units: 'meters' });
        expect(Math.abs(shown - expected) / expected).toBeLessThan(0.01);
        await expect.poll(() => atlas.page.getByTestId('measure-live').textContent()).toContain('Distance');
        // The tool still owns the URL after finishing; the sketch is on the map.
        expect(new URL(atlas.page.url()).searchParams.get('tool')).toBe('distance');
        await screenshot(atlas.page, 'measure-distance');
        expect(atlas.pageErrors).toEqual([]);
        expect(atlas.consoleErrors).toEqual([]);
      } finally {
        await atlas.context.close();
      }
    },
    TEST_MS,
  );

  it(
    'measures an area equal to Turf geodesic area (within 1 %), in m², ha, 亩 and km²',
    async () => {
      const atlas = await open(session, baseUrl, `/?lang=en${VIEW}`, { viewport: VIEWPORT });
      try {
        await waitForMapReady(atlas.page);
        await atlas.page.locator('button[data-tool="area"]').click();
        await expect.poll(() => new URL(atlas.page.url()).searchParams.get('tool')).toBe('area');
        await waitForDrawing(atlas.page);
        await clickAt(atlas.page, RING[0]!);
        await clickAt(atlas.page, RING[1]!);
        // Two corners: a clear message, not a number.
        await expect
          .poll(() => atlas.page.getByTestId('measure-refusal').textContent())
          .toMatch(/three corners/);
        await clickAt(atlas.page, RING[2]!);
        await clickAt(atlas.page, RING[3]!);
        await atlas.page.keyboard.press('Enter');
        await expect.poll(() => atlas.page.getByTestId('measure-state').textContent()).toContain('finished');
        const expected = turfArea(polygon([[...RING, RING[0]!]]));
        const panel = atlas.page.getByTestId('measure-panel');
        for (const unit of ['m2', 'ha', 'km2']) {
          const text = (await panel.locator(`[data-unit="${unit}"]`).textContent()) ?? '';
          expect(Math.abs(parseFigure(text, unit) - expected) / expected, unit).toBeLessThan(0.01);
        }
        const mu = Number.parseFloat(
          ((await panel.locator('[data-unit="mu"]').textContent()) ?? '').replace(/,/g, ''),
        );
        expect(Math.abs(mu - expected / (2000 / 3)) / (expected / (2000 / 3))).toBeLessThan(0.01);
        await screenshot(atlas.page, 'measure-area');
        expect(atlas.pageErrors).toEqual([]);
        expect(atlas.consoleErrors).toEqual([]);
      } finally {
        await atlas.context.close();
      }
    },
    TEST_MS,
  );

  it(
    'Esc cancels the drawing, then closes the tool',
    async () => {
      const atlas = await open(session, baseUrl, `/?lang=en${VIEW}`, { viewport: VIEWPORT });
      try {
        await waitForMapReady(atlas.page);
        await atlas.page.locator('button[data-tool="distance"]').click();
        await waitForDrawing(atlas.page);
        await clickAt(atlas.page, PATH[0]!);
        await clickAt(atlas.page, PATH[1]!);
        await expect.poll(() => atlas.page.getByTestId('measure-state').textContent()).toContain('drawing');
        await atlas.page.keyboard.press('Escape');
        await expect.poll(() => atlas.page.getByTestId('measure-state').count()).toBe(0);
        await expect.poll(() => drawnCount(atlas.page)).toBe(0);
        expect(new URL(atlas.page.url()).searchParams.get('tool')).toBe('distance');
        await atlas.page.keyboard.press('Escape');
        await expect.poll(() => new URL(atlas.page.url()).searchParams.get('tool')).toBeNull();
        await expect.poll(() => atlas.page.getByTestId('measure-panel').count()).toBe(0);
        // With no tool open, a click on empty ground asks "what is near here" as before.
        expect(atlas.pageErrors).toEqual([]);
      } finally {
        await atlas.context.close();
      }
    },
    TEST_MS,
  );

  it(
    'a link with ?tool=area opens the area tool',
    async () => {
      const atlas = await open(session, baseUrl, `/?lang=en&tool=area${VIEW}`, { viewport: VIEWPORT });
      try {
        await waitForMapReady(atlas.page);
        await expect
          .poll(() => atlas.page.locator('button[data-tool="area"]').getAttribute('aria-pressed'))
          .toBe('true');
        await expect
          .poll(() => atlas.page.locator('#measure-heading').textContent())
          .toContain('Measure area');
        await waitForDrawing(atlas.page);
        expect(atlas.pageErrors).toEqual([]);
      } finally {
        await atlas.context.close();
      }
    },
    TEST_MS,
  );
});
