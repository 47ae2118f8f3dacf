/**
 * The analysis in the UI: every park shows its access figures with their method, and a click on
 * the map answers "what is near here" on the map and in the sidebar.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PARK_IDS } from '../../src/data/vocabulary.ts';
import { launch, open, type Session, screenshot, waitForIdle, waitForMapReady } from './browser.ts';

const baseUrl = inject('baseUrl');
let session: Session;

beforeAll(async () => {
  session = await launch();
});
afterAll(async () => {
  await session?.close();
});

describe('park access figures', () => {
  it('appear for every park: score, stations, catchments, hubs, output per area', async () => {
    const atlas = await open(session, baseUrl, `/parks/${PARK_IDS[0]}?lang=en`);
    for (const id of PARK_IDS) {
      await atlas.page.goto(`${baseUrl}/parks/${id}?lang=en`);
      const section = atlas.page.locator('[data-testid="access-section"]');
      await section.waitFor();
      const score = Number(await section.locator('.score__number').textContent());
      expect(score, id).toBeGreaterThanOrEqual(0);
      expect(score, id).toBeLessThanOrEqual(100);
      await expect(section.locator('[data-testid="catchment-table"] tbody tr').count()).resolves.toBe(2);
      const hubs = (await section.locator('[data-testid="hub-table"]').textContent()) ?? '';
      expect(hubs, id).toMatch(/Airport/i);
      expect(hubs, id).toMatch(/Guangzhou South/i);
      await expect(section.textContent()).resolves.toContain('Method:');
    }
    expect(atlas.pageErrors).toEqual([]);
    await atlas.context.close();
  });
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
