import type { PlanPromise } from '../../data/plan-promises-schema.ts';
import { useLang } from '../../i18n/use-lang.ts';

/** Status now in words: "open by Oct 2025 (official GZMTR table)", never a date no source gives. */
export function StatusNowText({ promise }: { promise: PlanPromise }) {
  const { t } = useLang();
  return (
    <span className={`promise-status promise-status--${promise.statusNow}`}>
      {t(`promises.now.${promise.statusNow}`)}
      {promise.openBy ? ` ${t('promises.openBy', { vintage: t(`promises.vintage.${promise.openBy}`) })}` : ''}
    </span>
  );
}
