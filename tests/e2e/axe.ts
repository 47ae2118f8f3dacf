/** axe-core in the page: the serious and critical violations inside one element (as a11y.e2e.ts). */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** "rule: targets" of every serious or critical violation inside the element with `testId`. */
export async function seriousViolations(page: Page, testId: string): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async (id) => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: unknown,
            opts: unknown,
          ) => Promise<{
            violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document.querySelector(`[data-testid="${id}"]`), {
      resultTypes: ['violations'],
    });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, testId);
}
