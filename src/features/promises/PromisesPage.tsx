import { Suspense, useState } from 'react';
import { Link } from 'react-router-dom';
import { ErrorBoundary } from '../../app/ErrorBoundary.tsx';
import { loadParks } from '../../data/geodata.ts';
import { loadPlanPromises } from '../../data/plan-promises.ts';
import type { StatusNow } from '../../data/plan-promises-schema.ts';
import { PARK_IDS, type ParkId } from '../../data/schemas.ts';
import { useDataset } from '../../data/use-dataset.ts';
import { useLang } from '../../i18n/use-lang.ts';
import { useViewState } from '../../url/use-view-state.ts';
import { hrefForState } from '../../url/view-state.ts';
import { PromiseEvidence, StatusNowText } from './PromiseStatus.tsx';
import {
  countByStatus,
  DEFAULT_PROMISE_QUERY,
  type PromiseQuery,
  type PromiseSortKey,
  STATUS_NOW_ORDER,
  selectPromises,
} from './promise-table.ts';

function SortHeader({
  label,
  sortKey,
  query,
  onSort,
}: {
  label: string;
  sortKey: PromiseSortKey;
  query: PromiseQuery;
  onSort: (key: PromiseSortKey) => void;
}) {
  const active = query.sort === sortKey;
  return (
    <th scope="col" aria-sort={active ? (query.descending ? 'descending' : 'ascending') : 'none'}>
      <button
        type="button"
        className="link-button"
        onClick={() => onSort(sortKey)}
        data-testid={`sort-${sortKey}`}
      >
        {label} {active ? (query.descending ? '▼' : '▲') : ''}
      </button>
    </th>
  );
}

function PromisesTable() {
  const { t, b } = useLang();
  const { state } = useViewState();
  const all = useDataset(loadPlanPromises).promises;
  const parks = useDataset(loadParks).features;
  const [query, setQuery] = useState<PromiseQuery>(DEFAULT_PROMISE_QUERY);
  const rows = selectPromises(all, query);
  const counts = countByStatus(all);
  const parkName = (id: ParkId) => {
    const park = parks.find((f) => f.properties.id === id);
    return park ? b(park.properties.name) : id;
  };
  const onSort = (sort: PromiseSortKey) =>
    setQuery((q) => ({ ...q, sort, descending: q.sort === sort ? !q.descending : false }));
  return (
    <>
      <div className="promise-filters">
        <label>
          {t('promises.filter.status')}{' '}
          <select
            value={query.status}
            onChange={(e) => setQuery((q) => ({ ...q, status: e.target.value as StatusNow | 'all' }))}
            data-testid="promise-filter-status"
          >
            <option value="all">
              {t('promises.filter.all')} ({all.length})
            </option>
            {STATUS_NOW_ORDER.map((s) => (
              <option key={s} value={s}>
                {t(`promises.now.${s}`)} ({counts[s]})
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          {t('promises.filter.park')}{' '}
          <select
            value={query.park}
            onChange={(e) => setQuery((q) => ({ ...q, park: e.target.value as ParkId | 'all' }))}
            data-testid="promise-filter-park"
          >
            <option value="all">{t('promises.filter.all')}</option>
            {PARK_IDS.map((id) => (
              <option key={id} value={id}>
                {parkName(id)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p role="status" data-testid="promise-count">
        {t('promises.count', { shown: rows.length, total: all.length })}
      </p>
      <div className="table-scroll">
        <table className="data-table promise-table" data-testid="promises-table">
          <thead>
            <tr>
              <SortHeader label={t('promises.col.park')} sortKey="park" query={query} onSort={onSort} />
              <th scope="col">{t('promises.col.promise')}</th>
              <SortHeader label={t('promises.col.kind')} sortKey="kind" query={query} onSort={onSort} />
              <th scope="col">{t('promises.col.words')}</th>
              <SortHeader label={t('promises.col.then')} sortKey="statusThen" query={query} onSort={onSort} />
              <SortHeader label={t('promises.col.now')} sortKey="statusNow" query={query} onSort={onSort} />
              <th scope="col">{t('promises.col.evidence')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.id} data-testid="promise-row" data-park={p.parkId} data-status={p.statusNow}>
                <td>
                  <Link
                    to={hrefForState({ ...state, page: { kind: 'atlas', parkId: p.parkId }, camera: null })}
                  >
                    {parkName(p.parkId)}
                  </Link>
                </td>
                <th scope="row">{b(p.name)}</th>
                <td>{t(`promises.kind.${p.kind}`)}</td>
                <td className="promise-quote">{b(p.planWords)}</td>
                <td>{t(`promises.then.${p.statusThen}`)}</td>
                <td>
                  <StatusNowText promise={p} />
                </td>
                <td>
                  <PromiseEvidence promise={p} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** /promises: every transit link the 2018 plan promised, its status then and now, with evidence. */
export function PromisesPage() {
  const { t } = useLang();
  return (
    <article className="plan-page" aria-labelledby="promises-title" data-testid="promises-page">
      <h2 id="promises-title" className="plan-page__title">
        {t('promises.pageTitle')}
      </h2>
      <p>{t('promises.intro')}</p>
      <ErrorBoundary fallback={(message) => <p role="alert">{message}</p>}>
        <Suspense fallback={<p className="muted">{t('content.loading')}</p>}>
          <PromisesTable />
        </Suspense>
      </ErrorBoundary>
      <p className="footnote">{t('promises.method')}</p>
    </article>
  );
}
