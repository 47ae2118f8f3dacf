/**
 * Loads geodata/plan-promises.json (built by scripts/build-promises.ts and validated by the data
 * check), fetched once; the browser only checks its shape.
 */
import planPromisesUrl from '../../geodata/plan-promises.json?url';
import { DataLoadError, fetchJson, memo } from './geodata.ts';
import type { PlanPromises } from './plan-promises-schema.ts';

export function loadPlanPromises(): Promise<PlanPromises> {
  return memo('plan-promises', async () => {
    const json = (await fetchJson(planPromisesUrl)) as PlanPromises | null;
    if (!json || !Array.isArray(json.promises))
      throw new DataLoadError('plan-promises.json', 'expected { promises: [...] }');
    return json;
  });
}
