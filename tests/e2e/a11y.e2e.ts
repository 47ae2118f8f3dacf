/**
 * Accessibility (QUALITY-BAR R7): axe-core finds no serious or critical violation in the main
 * states, and the atlas works from the keyboard alone.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, open, type Session, waitForMapReady } from './browser.ts';

const baseUrl = inject('baseUrl');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let session: Session;

beforeAll(async () => {
  session = await launch();
});
afterAll(async () => {
  await session?.close();
});

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

async function seriousViolations(page: Page): Promise<string[]> {
  // evaluate() runs through the DevTools protocol, so the page's strict CSP does not block it.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: unknown[] }> };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations as AxeViolation[];
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('axe-core', () => {
  for (const [name, path] of [
    ['default view', '/'],
    ['park page (zh)', '/parks/pazhou-internet'],
    ['park page (en)', '/parks/huangpu-biotech?lang=en'],
    ['plan page', '/plan?lang=en'],
    ['plan promises page', '/promises?lang=en'],
    ['measure tool and filters', '/?tool=distance&district=huangpu&status=open,planned&opacity=parks:60'],
    ['unknown park', '/parks/nowhere'],
    ['briefing slide', '/brief/3?lang=en'],
  ] as const) {
    it(`finds no serious or critical violation: ${name}`, async () => {
      const atlas = await open(session, baseUrl, path);
      if (!path.startsWith('/plan') && !path.startsWith('/promises')) await waitForMapReady(atlas.page);
      else await atlas.page.locator('.plan-page').waitFor();
      expect(await seriousViolations(atlas.page)).toEqual([]);
      await atlas.context.close();
    });
  }
});

describe('keyboard', () => {
  it('selects a park, switches language and toggles a layer with the keyboard only', async () => {
    const atlas = await open(session, baseUrl, '/');
    await waitForMapReady(atlas.page);
    const { page } = atlas;
    // The skip link is the first stop and leads to the park list.
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.className)).resolves.toContain('skip-link');
    await page.keyboard.press('Enter');
    let found = false;
    for (let i = 0; i < 40 && !found; i++) {
      await page.keyboard.press('Tab');
      found = await page.evaluate(
        () => document.activeElement?.getAttribute('data-park-id') === 'bio-island',
      );
    }
    expect(found).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/parks/bio-island**');
    await page.getByTestId('lang-switch').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/lang=en/);
    await page.locator('input[data-layer-group="hubs"]').focus();
    await page.keyboard.press('Space');
    await page.waitForURL(/layers=/);
    expect(new URL(page.url()).searchParams.get('layers')).not.toContain('hubs');
    // The map itself takes keyboard focus and pans with the arrow keys.
    await page.locator('.maplibregl-canvas').focus();
    const before = await page.evaluate(() => window.__atlas!.map.getCenter().lng);
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(600);
    const after = await page.evaluate(() => window.__atlas!.map.getCenter().lng);
    expect(after).toBeGreaterThan(before);
    await atlas.context.close();
  });
});
