/**
 * Filtering and sorting of the promises table (pure, so the rules are unit-tested): filters by
 * status now and by park; sorting by park (plan order), kind, status then or status now, with the
 * plan order and the file order as tie-breakers so the table never reshuffles equal rows.
 */
import type { PlanPromise, StatusNow, StatusThen } from '../../data/plan-promises-schema.ts';
import { PARK_IDS, type ParkId } from '../../data/schemas.ts';

export type PromiseSortKey = 'park' | 'kind' | 'statusThen' | 'statusNow';
export interface PromiseQuery {
  status: StatusNow | 'all';
  park: ParkId | 'all';
  sort: PromiseSortKey;
  descending: boolean;
}
export const DEFAULT_PROMISE_QUERY: PromiseQuery = {
  status: 'all',
  park: 'all',
  sort: 'park',
  descending: false,
};

/** Status now, most delivered first (the order of a sort by status). */
export const STATUS_NOW_ORDER: readonly StatusNow[] = [
  'open',
  'partly-open',
  'under-construction',
  'not-started',
  'dropped',
  'unknown',
];
const STATUS_THEN_ORDER: readonly StatusThen[] = [
  'under-construction',
  'accelerate',
  'implement',
  'improve',
  'planned',
];

function rank(p: PlanPromise, key: PromiseSortKey): number | string {
  switch (key) {
    case 'park':
      return PARK_IDS.indexOf(p.parkId);
    case 'kind':
      return p.kind;
    case 'statusThen':
      return STATUS_THEN_ORDER.indexOf(p.statusThen);
    case 'statusNow':
      return STATUS_NOW_ORDER.indexOf(p.statusNow);
  }
}

const cmp = (a: number | string, b: number | string) =>
  typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));

/** The rows the table shows for a query. */
export function selectPromises(all: readonly PlanPromise[], q: PromiseQuery): PlanPromise[] {
  const order = new Map(all.map((p, i) => [p.id, i]));
  return all
    .filter(
      (p) => (q.status === 'all' || p.statusNow === q.status) && (q.park === 'all' || p.parkId === q.park),
    )
    .sort((a, b) => {
      const primary = cmp(rank(a, q.sort), rank(b, q.sort));
      if (primary !== 0) return q.descending ? -primary : primary;
      return PARK_IDS.indexOf(a.parkId) - PARK_IDS.indexOf(b.parkId) || order.get(a.id)! - order.get(b.id)!;
    });
}

/** How many promises have each status now (all statuses, zero included). */
export function countByStatus(all: readonly PlanPromise[]): Record<StatusNow, number> {
  const counts = Object.fromEntries(STATUS_NOW_ORDER.map((s) => [s, 0])) as Record<StatusNow, number>;
  for (const p of all) counts[p.statusNow] += 1;
  return counts;
}
