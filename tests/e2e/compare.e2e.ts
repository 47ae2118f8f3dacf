/**
 * The explorer's compare and access-ranking workflows, end to end in the production build under
 * the strict CSP: compare three parks, sort a row, read the chart and the same-scale outlines;
 * change an access weight and see the ranking and the URL change, keep them over a reload, and
 * select a park to draw its access lines on the map.
 *
 * Every wait polls; no fixed sleeps, no timing assertions (a loaded 2-core machine).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { area as turfArea } from '@turf/turf';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ParkFigures } from '../../src/data/park-figures-schema.ts';
import type { ParkId } from '../../src/data/schemas.ts';
import { ACCESS_SCORE_FORMULA } from '../../src/domain/access-score.ts';
import { rankByAccess } from '../../src/domain/ranking.ts';
import { normaliseWeights } from '../../src/url/view-state.ts';
import { type AtlasPage, launch, open, type Session, screenshot, waitForMapReady } from './browser.ts';

const baseUrl = inject('baseUrl');
const root = path.resolve(import.meta.dirname, '../..');
const figures = JSON.parse(readFileSync(path.join(root, 'geodata/park-figures.json'), 'utf8')) as ParkFigures;
const parks = JSON.parse(
  readFileSync(path.join(root, 'geodata/parks.geojson'), 'utf8'),
) as GeoJSON.FeatureCollection;
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const STEP_MS = 60_000;
const TEST_MS = 180_000;
let session: Session;

beforeAll(async () => {
  session = await launch();
});
afterAll(async () => {
  await session?.close();
});

async function expectClean(atlas: AtlasPage) {
  expect(await atlas.cspViolations()).toEqual([]);
  expect(atlas.pageErrors).toEqual([]);
  expect(atlas.consoleErrors).toEqual([]);
  expect(atlas.foreignRequests).toEqual([]);
}

const columnIds = (atlas: AtlasPage) =>
  atlas.page.$$eval('[data-testid="compare-table"] thead th[scope="col"]', (ths) =>
    ths.map((th) => th.getAttribute('data-park-id')),
  );

/** Shoelace area of an SVG path made of M…L…Z rings, in px². */
function pathAreaPx(d: string): number {
  let total = 0;
  for (const ring of d.split('M').filter(Boolean)) {
    const pts = ring
      .replace('Z', '')
      .split('L')
      .map((p) => p.trim().split(/\s+/).map(Number));
    let s = 0;
    for (let i = 0; i < pts.length; i++) {
      const [x1 = 0, y1 = 0] = pts[i] ?? [];
      const [x2 = 0, y2 = 0] = pts[(i + 1) % pts.length] ?? [];
      s += x1 * y2 - x2 * y1;
    }
    total += Math.abs(s) / 2;
  }
  return total;
}

function parkAreaM2(id: string): number {
  const f = parks.features.find((x) => x.properties?.id === id);
  if (!f) throw new Error(`no park ${id}`);
  return turfArea(f);
}

describe('compare', () => {
  it(
    'three parks: three columns, a sorted row reorders them (mouse and keyboard), a chart, outlines at one scale',
    async () => {
      const ids = ['nansha-ai', 'pazhou-internet', 'bio-island'];
      const atlas = await open(session, baseUrl, `/compare?parks=${ids.join(',')}&lang=en`, {
        stepTimeoutMs: STEP_MS,
      });
      const { page } = atlas;
      await page.waitForSelector('[data-testid="compare-table"]');
      expect(await columnIds(atlas)).toEqual(ids);

      // Mapped area, ascending then descending (bio-island 1.83 < pazhou 2.04 < nansha 4.97 km²).
      const areaHeader = page.locator('tr[data-row-id="area-mapped"] th[scope="row"]');
      await areaHeader.locator('button').click();
      await expect.poll(() => columnIds(atlas)).toEqual(['bio-island', 'pazhou-internet', 'nansha-ai']);
      expect(await areaHeader.getAttribute('aria-sort')).toBe('ascending');
      await areaHeader.locator('button').focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => columnIds(atlas)).toEqual(['nansha-ai', 'pazhou-internet', 'bio-island']);
      expect(await areaHeader.getAttribute('aria-sort')).toBe('descending');
      // The cells moved with their columns.
      const firstCell = await page
        .locator('tr[data-row-id="area-stated"] td')
        .first()
        .getAttribute('data-park-id');
      expect(firstCell).toBe('nansha-ai');

      // The chart (Chart.js, loaded with this page) has drawn something.
      await page.waitForSelector('[data-testid="compare-chart"]');
      await expect
        .poll(() =>
          page.$eval('[data-testid="compare-chart"]', (el) => {
            const canvas = el as HTMLCanvasElement;
            if (canvas.width === 0 || canvas.height === 0) return 0;
            const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
            let painted = 0;
            for (let i = 3; i < (data?.length ?? 0); i += 4) if ((data?.[i] ?? 0) > 0) painted++;
            return painted;
          }),
        )
        .toBeGreaterThan(500);

      // Outlines: one scale for all, so pixel areas are in proportion to the parks' areas.
      const paths = await page.$$eval('[data-testid="compare-outline"]', (svgs) =>
        svgs.map((svg) => ({
          id: svg.getAttribute('data-park-id') ?? '',
          d: svg.querySelector('path')?.getAttribute('d') ?? '',
        })),
      );
      expect(paths.map((p) => p.id).sort()).toEqual([...ids].sort());
      const px = new Map(paths.map((p) => [p.id, pathAreaPx(p.d)]));
      const ratioDrawn = (px.get('bio-island') ?? 0) / (px.get('nansha-ai') ?? 1);
      const ratioTrue = parkAreaM2('bio-island') / parkAreaM2('nansha-ai');
      expect(ratioDrawn).toBeLessThan(1);
      expect(ratioDrawn / ratioTrue).toBeGreaterThan(0.97);
      expect(ratioDrawn / ratioTrue).toBeLessThan(1.03);
      const mpp = Number(
        await page.getAttribute('[data-testid="compare-outlines"]', 'data-metres-per-pixel'),
      );
      expect(((px.get('pazhou-internet') ?? 0) * mpp ** 2) / parkAreaM2('pazhou-internet')).toBeCloseTo(1, 1);

      await screenshot(page, 'compare-three-parks');
      await expectClean(atlas);
      await atlas.context.close();
    },
    TEST_MS,
  );

  it(
    'unknown and repeated ids are left out with a notice; the picker adds parks and updates the URL',
    async () => {
      const atlas = await open(session, baseUrl, '/compare?parks=bio-island,not-a-park,bio-island&lang=en', {
        stepTimeoutMs: STEP_MS,
      });
      const { page } = atlas;
      const notice = page.locator('[data-testid="compare-dropped"]');
      await expect.poll(() => notice.textContent()).toContain('not-a-park');
      expect(await notice.textContent()).toContain('bio-island');
      await page.waitForSelector('[data-testid="compare-need-two"]');
      await page.locator('[data-testid="compare-picker"] input[data-park-id="huangpu-biotech"]').click();
      await expect
        .poll(() => new URL(page.url()).searchParams.get('parks'))
        .toBe('bio-island,huangpu-biotech');
      await page.waitForSelector('[data-testid="compare-table"]');
      expect(await columnIds(atlas)).toEqual(['bio-island', 'huangpu-biotech']);
      await expectClean(atlas);
      await atlas.context.close();
    },
    TEST_MS,
  );
});

describe('access ranking', () => {
  const inputs = figures.parks.map((f) => ({
    parkId: f.parkId,
    values: Object.fromEntries(f.access.contributions.map((c) => [c.key, c.value])),
  }));
  const airportOnly = ACCESS_SCORE_FORMULA.inputs.map((i) => (i.key === 'airportKm' ? 100 : 0));
  const expectedDefault = rankByAccess(inputs, normaliseWeights(null)).map((r) => r.parkId);
  const expectedAirport = rankByAccess(inputs, normaliseWeights(airportOnly)).map((r) => r.parkId);

  const rankingOrder = (atlas: AtlasPage) =>
    atlas.page.$$eval('[data-testid="ranking-table"] tbody tr', (trs) =>
      trs.map((tr) => tr.getAttribute('data-park-id')),
    );

  it(
    'a weight change reorders the ranking and is written to ?w=; a reload keeps it; a selected park gets access lines',
    async () => {
      expect(expectedAirport).not.toEqual(expectedDefault);
      const atlas = await open(session, baseUrl, '/access?lang=en', { stepTimeoutMs: STEP_MS });
      const { page } = atlas;
      await page.waitForSelector('[data-testid="ranking-table"] tbody tr');
      expect(await rankingOrder(atlas)).toEqual(expectedDefault);
      await expect.poll(() => page.textContent('[data-testid="ranking-formula"]')).toContain('Access score');

      for (const spec of ACCESS_SCORE_FORMULA.inputs)
        await page.locator(`[data-testid="weight-${spec.key}"]`).fill(spec.key === 'airportKm' ? '100' : '0');
      await expect.poll(() => rankingOrder(atlas)).toEqual(expectedAirport);
      await expect.poll(() => new URL(page.url()).searchParams.get('w')).toBe(airportOnly.join(','));

      await page.reload();
      await page.waitForSelector('[data-testid="ranking-table"] tbody tr');
      await expect.poll(() => rankingOrder(atlas)).toEqual(expectedAirport);
      expect(await page.inputValue('[data-testid="weight-airportKm"]')).toBe('100');

      // Selecting a park draws its access lines, the weights stay.
      const first = expectedAirport[0] as ParkId;
      await page.locator(`[data-testid="ranking-table"] tr[data-park-id="${first}"] a`).click();
      await expect.poll(() => new URL(page.url()).pathname).toBe(`/access/${first}`);
      expect(new URL(page.url()).searchParams.get('w')).toBe(airportOnly.join(','));
      await page.waitForSelector('[data-testid="access-lines-list"] li');
      await waitForMapReady(page, 120_000);
      await expect
        .poll(
          () =>
            page.evaluate(async () => {
              const source = window.__atlas?.map.getSource('access-lines') as
                | { getData: () => Promise<GeoJSON.FeatureCollection> }
                | undefined;
              const data = await source?.getData();
              return (data?.features ?? []).map((f) => f.geometry.type).sort();
            }),
          { timeout: 60_000 },
        )
        .toContain('LineString');
      const kinds = await page.evaluate(async () => {
        const source = window.__atlas?.map.getSource('access-lines') as
          | { getData: () => Promise<GeoJSON.FeatureCollection> }
          | undefined;
        const data = await source?.getData();
        return [...new Set((data?.features ?? []).map((f) => String(f.properties?.kind)))].sort();
      });
      expect(kinds).toEqual(expect.arrayContaining(['hub', 'open']));

      // The reset brings back the formula's weights and drops ?w=.
      await page.locator('[data-testid="weights-reset"]').click();
      await expect.poll(() => rankingOrder(atlas)).toEqual(expectedDefault);
      await expect.poll(() => new URL(page.url()).searchParams.get('w')).toBeNull();
      await screenshot(page, 'access-ranking');
      await expectClean(atlas);
      await atlas.context.close();
    },
    TEST_MS,
  );

  it(
    'NaN, negative and huge weights in the URL are clamped',
    async () => {
      const atlas = await open(session, baseUrl, '/access?lang=en&w=NaN,-5,1e9,10,10,10,10', {
        stepTimeoutMs: STEP_MS,
      });
      const { page } = atlas;
      await page.waitForSelector('[data-testid="ranking-table"] tbody tr');
      expect(await page.inputValue('[data-testid="weight-nearestOpenStationM"]')).toBe('25');
      expect(await page.inputValue('[data-testid="weight-nearestPlannedStationM"]')).toBe('0');
      expect(await page.inputValue('[data-testid="weight-catchment800OpenShare"]')).toBe('100');
      await expectClean(atlas);
      await atlas.context.close();
    },
    TEST_MS,
  );
});

describe('axe-core on the compare and access pages', () => {
  for (const [name, urlPath, ready] of [
    [
      'compare',
      '/compare?parks=nansha-ai,pazhou-internet,bio-island&lang=en',
      '[data-testid="compare-chart"]',
    ],
    ['access ranking', '/access/bio-island', '[data-testid="access-lines-list"] li'],
  ] as const) {
    it(
      `finds no serious or critical violation: ${name}`,
      async () => {
        const atlas = await open(session, baseUrl, urlPath, { stepTimeoutMs: STEP_MS });
        await atlas.page.waitForSelector(ready);
        // evaluate() runs through the DevTools protocol, so the page's strict CSP does not block it.
        await atlas.page.evaluate(axeSource);
        const violations = await atlas.page.evaluate(async () => {
          const axe = (
            window as unknown as {
              axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: unknown[] }> };
            }
          ).axe;
          const result = await axe.run(document, { resultTypes: ['violations'] });
          return result.violations as { id: string; impact: string | null; nodes: { target: string[] }[] }[];
        });
        expect(
          violations
            .filter((v) => v.impact === 'serious' || v.impact === 'critical')
            .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
        ).toEqual([]);
        await atlas.context.close();
      },
      TEST_MS,
    );
  }
});
