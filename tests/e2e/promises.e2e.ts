/**
 * Plan promises vs today: the /promises table lists every park's promises and filters and sorts
 * them; a park page shows its promises; and the parks with no planned station within 10 km
 * (Zengcheng, Huangpu Biotech) say so instead of naming Pazhou ring-tram stops 28–30 km away.
 * Polling waits with generous timeouts only (a loaded 2-core machine).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { PlanPromises } from '../../src/data/plan-promises-schema.ts';
import { translate } from '../../src/i18n/translate.ts';
import { launch, open, type Session } from './browser.ts';

const baseUrl = inject('baseUrl');
const root = path.resolve(import.meta.dirname, '../..');
const promises = (
  JSON.parse(readFileSync(path.join(root, 'geodata/plan-promises.json'), 'utf8')) as PlanPromises
).promises;
const STEP_MS = 45_000;
const TEST_MS = 120_000;
let session: Session;

beforeAll(async () => {
  session = await launch();
});
afterAll(async () => {
  await session?.close();
});

describe('plan promises', () => {
  it(
    '/promises lists every park’s promises, filters by status and park, and sorts',
    async () => {
      const atlas = await open(session, baseUrl, '/promises?lang=en', { stepTimeoutMs: STEP_MS });
      try {
        const { page } = atlas;
        const rows = page.locator('[data-testid="promise-row"]');
        await expect.poll(() => rows.count(), { timeout: STEP_MS }).toBe(promises.length);
        const parks = await rows.evaluateAll((r) => [...new Set(r.map((x) => x.getAttribute('data-park')))]);
        expect(parks.sort()).toEqual([...new Set(promises.map((p) => p.parkId))].sort());
        expect(await page.locator('[data-testid="promises-table"]').textContent()).toContain(
          'Guanzhou station on Metro Line 12',
        );

        await page.selectOption('[data-testid="promise-filter-status"]', 'open');
        const openCount = promises.filter((p) => p.statusNow === 'open').length;
        await expect.poll(() => rows.count(), { timeout: STEP_MS }).toBe(openCount);
        expect(await rows.evaluateAll((r) => r.map((x) => x.getAttribute('data-status')))).toEqual(
          Array(openCount).fill('open'),
        );
        await page.selectOption('[data-testid="promise-filter-status"]', 'all');
        await page.selectOption('[data-testid="promise-filter-park"]', 'zengcheng-new-display');
        const zc = promises.filter((p) => p.parkId === 'zengcheng-new-display').length;
        await expect.poll(() => rows.count(), { timeout: STEP_MS }).toBe(zc);
        await page.selectOption('[data-testid="promise-filter-park"]', 'all');

        await page.click('[data-testid="sort-statusNow"]');
        await expect.poll(() => rows.first().getAttribute('data-status'), { timeout: STEP_MS }).toBe('open');
        await page.click('[data-testid="sort-statusNow"]');
        await expect
          .poll(() => rows.first().getAttribute('data-status'), { timeout: STEP_MS })
          .toBe('unknown');

        // The same table in Chinese.
        await page.click('[data-testid="lang-switch"]');
        await expect
          .poll(() => page.locator('[data-testid="promises-table"]').textContent(), { timeout: STEP_MS })
          .toContain('地铁12号线官洲站');
        expect(atlas.pageErrors).toEqual([]);
      } finally {
        await atlas.context.close();
      }
    },
    TEST_MS,
  );

  it(
    'a park page shows its promises',
    async () => {
      const atlas = await open(session, baseUrl, '/parks/bio-island?lang=en', { stepTimeoutMs: STEP_MS });
      try {
        const section = atlas.page.locator('[data-testid="park-promises"]');
        await section.waitFor();
        await expect
          .poll(() => section.locator('[data-testid="park-promise"]').count(), { timeout: STEP_MS })
          .toBe(promises.filter((p) => p.parkId === 'bio-island').length);
        const text = (await section.textContent()) ?? '';
        expect(text).toContain('Plan promises vs today');
        expect(text).toContain('Guanzhou station on Metro Line 12');
        expect(text).toContain('open by Oct 2025 (official GZMTR table)');
      } finally {
        await atlas.context.close();
      }
    },
    TEST_MS,
  );

  for (const parkId of ['zengcheng-new-display', 'huangpu-biotech']) {
    it(
      `${parkId}: "none within 10 km" instead of Pazhou ring-tram stops`,
      async () => {
        for (const lang of ['en', 'zh'] as const) {
          const atlas = await open(session, baseUrl, `/parks/${parkId}?lang=${lang}`, {
            stepTimeoutMs: STEP_MS,
          });
          try {
            const section = atlas.page.locator('[data-testid="access-section"]');
            await section.waitFor();
            const planned = section.locator('[data-testid="planned-stations"]');
            await expect
              .poll(() => planned.textContent(), { timeout: STEP_MS })
              .toBe(translate(lang, 'promises.noPlannedWithin', { km: 10 }));
            expect(await section.textContent()).not.toMatch(/Pazhou ring tram|琶洲环区有轨电车/);
          } finally {
            await atlas.context.close();
          }
        }
      },
      TEST_MS,
    );
  }
});
