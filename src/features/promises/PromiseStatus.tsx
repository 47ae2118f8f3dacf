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

/** The evidence behind a promise's status, folded: what the data shows and its source. */
export function PromiseEvidence({ promise }: { promise: PlanPromise }) {
  const { t, b } = useLang();
  return (
    <details>
      <summary>{t('promises.evidence')}</summary>
      <p>{b(promise.evidence)}</p>
      <p className="footnote">
        {t('promises.source')}: {promise.source}
      </p>
    </details>
  );
}
