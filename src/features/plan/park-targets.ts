import type { ParkContent, Target } from '../../data/content-schema.ts';

/**
 * The park's headline revenue/output target in 亿元: the earliest-year one for the park itself
 * (targets scoped to a wider area, such as 琶洲西区, are skipped). null when the plan gives none.
 */
export function revenueTargetOf(content: ParkContent): Target | null {
  const money = content.goals.targets.filter(
    (t) =>
      t.unit.zh === '亿元' && !(t.scope && /西区|周边/.test(t.scope.zh)) && /收入|产值/.test(t.metric.zh),
  );
  money.sort((a, b) => (a.year ?? 9999) - (b.year ?? 9999));
  return money[0] ?? null;
}
