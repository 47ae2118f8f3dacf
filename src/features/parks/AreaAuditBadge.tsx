import type { AreaAudit } from '../../domain/area.ts';
import { useLang } from '../../i18n/use-lang.ts';

/** Δ % of the mapped area against the plan's stated area, coloured by the ±10 % tolerance. */
export function AreaAuditBadge({ audit }: { audit: AreaAudit }) {
  const { lang, n } = useLang();
  const sign = audit.deltaPct > 0 ? '+' : '';
  const title =
    lang === 'zh'
      ? `图上面积与方案面积相差 ${sign}${n(audit.deltaPct, 1)}%（容差 ±10%）`
      : `Mapped area differs from the plan's by ${sign}${n(audit.deltaPct, 1)} % (tolerance ±10 %)`;
  return (
    <span className={`audit-badge audit-badge--${audit.badge}`} title={title}>
      Δ {sign}
      {n(audit.deltaPct, 1)}%
    </span>
  );
}
