import { Link } from 'react-router-dom';
import { loadPlanPromises } from '../../data/plan-promises.ts';
import type { ParkId } from '../../data/schemas.ts';
import { useDataset } from '../../data/use-dataset.ts';
import { useLang } from '../../i18n/use-lang.ts';
import { useViewState } from '../../url/use-view-state.ts';
import { hrefForState } from '../../url/view-state.ts';
import { PromiseEvidence, StatusNowText } from './PromiseStatus.tsx';

/** "Plan promises vs today" on a park page: each transit link the plan promised the park. */
export function ParkPromisesSection({ parkId }: { parkId: ParkId }) {
  const { t, b } = useLang();
  const { state } = useViewState();
  const promises = useDataset(loadPlanPromises).promises.filter((p) => p.parkId === parkId);
  return (
    <section className="park-panel__section" aria-labelledby="promises-heading" data-testid="park-promises">
      <h3 id="promises-heading">{t('promises.heading')}</h3>
      {promises.length === 0 ? (
        <p className="muted">{t('promises.noneForPark')}</p>
      ) : (
        <ul className="promise-list">
          {promises.map((p) => (
            <li key={p.id} data-testid="park-promise" data-status={p.statusNow}>
              <strong>{b(p.name)}</strong>{' '}
              <span className="muted">
                {t('promises.then')}: {t(`promises.then.${p.statusThen}`)}
              </span>{' '}
              → <StatusNowText promise={p} />
              <blockquote className="promise-quote">{b(p.planWords)}</blockquote>
              <PromiseEvidence promise={p} />
            </li>
          ))}
        </ul>
      )}
      <p className="footnote">
        {t('promises.method')}{' '}
        <Link to={hrefForState({ ...state, page: { kind: 'promises' }, camera: null })}>
          {t('promises.all')}
        </Link>
      </p>
    </section>
  );
}
