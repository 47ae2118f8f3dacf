import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type PlanPromise, PlanPromisesSchema } from '../../data/plan-promises-schema.ts';
import { PARK_IDS } from '../../data/schemas.ts';
import { countByStatus, DEFAULT_PROMISE_QUERY, selectPromises } from './promise-table.ts';

const all = PlanPromisesSchema.parse(
  JSON.parse(readFileSync(new URL('../../../geodata/plan-promises.json', import.meta.url), 'utf8')),
).promises as PlanPromise[];

describe('promises table', () => {
  it('shows every promise by default, in plan order of the parks', () => {
    const rows = selectPromises(all, DEFAULT_PROMISE_QUERY);
    expect(rows).toHaveLength(all.length);
    const parkOrder = rows.map((r) => PARK_IDS.indexOf(r.parkId));
    expect(parkOrder).toEqual([...parkOrder].sort((a, b) => a - b));
  });

  it('filters by status and by park, and the counts add up', () => {
    const open = selectPromises(all, { ...DEFAULT_PROMISE_QUERY, status: 'open' });
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((p) => p.statusNow === 'open')).toBe(true);
    const counts = countByStatus(all);
    expect(counts.open).toBe(open.length);
    expect(Object.values(counts).reduce((s, n) => s + n, 0)).toBe(all.length);
    const bio = selectPromises(all, { ...DEFAULT_PROMISE_QUERY, park: 'bio-island' });
    expect(bio.map((p) => p.id)).toEqual(['bio-island-guanzhou-station']);
  });

  it('sorts by status now both ways, ties in plan order', () => {
    const asc = selectPromises(all, { ...DEFAULT_PROMISE_QUERY, sort: 'statusNow' });
    expect(asc[0]!.statusNow).toBe('open');
    expect(asc.at(-1)!.statusNow).toBe('unknown');
    const desc = selectPromises(all, { ...DEFAULT_PROMISE_QUERY, sort: 'statusNow', descending: true });
    expect(desc[0]!.statusNow).toBe('unknown');
    const opens = asc.filter((p) => p.statusNow === 'open').map((p) => PARK_IDS.indexOf(p.parkId));
    expect(opens).toEqual([...opens].sort((a, b) => a - b));
  });
});
