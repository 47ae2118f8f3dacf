import type { AreaAudit } from '../../domain/area.ts';
import { useLang } from '../../i18n/use-lang.ts';

/** Δ % of the mapped area against the plan's stated area, coloured by the ±10 % tolerance. */
export function AreaAuditBadge({ audit }: { audit: AreaAudit }) {
  const { lang, n } = useLang();
  // One decimal; a difference that rounds to zero reads "±0" rather than "-0".
  const rounded = Math.round(audit.deltaPct * 10) / 10;
  const text = rounded === 0 ? '±0' : `${rounded > 0 ? '+' : ''}${n(rounded, 1)}`;
  const title =
    lang === 'zh'
      ? `图上面积与方案面积相差 ${text}%（容差 ±10%）`
      : `Mapped area differs from the plan's by ${text} % (tolerance ±10 %)`;
  return (
    <span className={`audit-badge audit-badge--${audit.badge}`} title={title}>
      Δ {text}%
    </span>
  );
}
