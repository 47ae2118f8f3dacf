// This page's strings load with it (kept out of the first-paint bundle).
import '../../i18n/page-messages.ts';
import { lazy, Suspense, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { ErrorBoundary } from '../../app/ErrorBoundary.tsx';
import { loadFacilities, loadParkContent, loadUnplacedFacilities } from '../../data/content.ts';
import { loadParks } from '../../data/geodata.ts';
import { loadParkFigures } from '../../data/park-figures.ts';
import type { ParkId } from '../../data/schemas.ts';
import { useDataset } from '../../data/use-dataset.ts';
import { type SortDirection, sortByValue } from '../../domain/ranking.ts';
import { type Translator, useLang } from '../../i18n/use-lang.ts';
import { useDroppedCompareIds, useViewState } from '../../url/use-view-state.ts';
import { hrefForState, MAX_COMPARE_PARKS } from '../../url/view-state.ts';
import { formatDistanceM, formatShare } from '../access/format.ts';
import { type ParkSummary, summariseParks } from '../parks/park-summaries.ts';
import { CompareOutlines } from './CompareOutlines.tsx';
import { buildCompareRows, type CompareCell, type CompareRow, ROW_GROUPS } from './compare-rows.ts';
import './compare.css';

// chart.js is fetched only once a chart is on screen, after the table has painted.
const CompareChart = lazy(() => import('./CompareChart.tsx').then((m) => ({ default: m.CompareChart })));

function rowLabel(tr: Translator, row: CompareRow): string {
  return tr.t(row.label, row.labelValues);
}

/** A cell as the park pages write it. */
export function cellText(tr: Translator, row: CompareRow, cell: CompareCell | undefined): string {
  const v = cell?.value;
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  const { t, n, b } = tr;
  const note = cell?.note ? ` (${b(cell.note)})` : '';
  switch (row.format) {
    case 'km2':
      return `${n(v)} ${t('units.km2')}`;
    case 'percent':
      return `${v > 0 ? '+' : v < 0 ? '−' : ''}${n(Math.abs(v), 1)} %`;
    case 'target':
      return `${n(v)} ${b(cell?.unit)}${note}`;
    case 'year':
      return String(v);
    case 'distanceM':
      return `${v === 0 ? t('access.inside') : formatDistanceM(tr, v)}${note}`;
    case 'share':
      return formatShare(tr, v);
    case 'score':
      return `${n(v, 0)} / 100`;
    case 'perKm2':
      return `${n(v, 0)} ${b(cell?.unit)}/${t('units.km2')}`;
    case 'named':
      return v > 0 ? `✓ ${t('compare.named')}` : `– ${t('compare.notNamed')}`;
    default:
      return n(v, 0);
  }
}

interface Sort {
  rowId: string;
  direction: SortDirection;
}

function ParkPicker({ parks, selected }: { parks: ParkSummary[]; selected: readonly ParkId[] }) {
  const { t, b } = useLang();
  const { update } = useViewState();
  const toggle = (id: ParkId) => {
    const next = selected.includes(id) ? selected.filter((x) => x !== id) : [...selected, id];
    update({ page: { kind: 'compare', parkIds: next.slice(0, MAX_COMPARE_PARKS) } });
  };
  return (
    <fieldset className="compare-picker" data-testid="compare-picker">
      <legend>{t('compare.picker')}</legend>
      <ul>
        {parks.map((p) => (
          <li key={p.id}>
            <label>
              <input
                type="checkbox"
                checked={selected.includes(p.id)}
                onChange={() => toggle(p.id)}
                data-park-id={p.id}
              />
              {p.properties.planOrder}. {b(p.properties.shortName)}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

function CompareTable({
  rows,
  columns,
  parks,
  sort,
  onSort,
}: {
  rows: CompareRow[];
  columns: ParkId[];
  parks: Map<ParkId, ParkSummary>;
  sort: Sort | null;
  onSort: (rowId: string) => void;
}) {
  const tr = useLang();
  const { t, b } = tr;
  const { state } = useViewState();
  const sortedRow = sort ? rows.find((r) => r.id === sort.rowId) : undefined;
  return (
    <div className="compare-table-wrap">
      <table className="data-table compare-table" data-testid="compare-table">
        <caption className="visually-hidden">{t('compare.table')}</caption>
        <thead>
          <tr>
            <td />
            {columns.map((id) => {
              const p = parks.get(id);
              return (
                <th key={id} scope="col" data-park-id={id}>
                  <Link to={hrefForState({ ...state, page: { kind: 'atlas', parkId: id }, camera: null })}>
                    {p ? b(p.properties.shortName) : id}
                  </Link>
                </th>
              );
            })}
          </tr>
        </thead>
        {ROW_GROUPS.map((group) => {
          const groupRows = rows.filter((r) => r.group === group);
          if (groupRows.length === 0) return null;
          return (
            <tbody key={group}>
              <tr className="compare-table__group">
                <th scope="rowgroup" colSpan={columns.length + 1}>
                  {t(`compare.group.${group}`)}
                </th>
              </tr>
              {groupRows.map((row) => {
                const active = sort?.rowId === row.id ? sort.direction : null;
                const label = rowLabel(tr, row);
                return (
                  <tr key={row.id} data-row-id={row.id}>
                    <th
                      scope="row"
                      aria-sort={
                        active === 'asc' ? 'ascending' : active === 'desc' ? 'descending' : undefined
                      }
                    >
                      <button
                        type="button"
                        className="sort-button"
                        onClick={() => onSort(row.id)}
                        aria-label={`${t('compare.sortBy', { row: label })}: ${t(
                          active ? `compare.sort.${active}` : 'compare.sort.none',
                        )}`}
                      >
                        {label}
                        <span aria-hidden="true" className="sort-button__mark">
                          {active === 'asc' ? '▲' : active === 'desc' ? '▼' : '↕'}
                        </span>
                      </button>
                    </th>
                    {columns.map((id) => (
                      <td key={id} className="num" data-park-id={id}>
                        {cellText(tr, row, row.cells[id])}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          );
        })}
      </table>
      <p className="visually-hidden" role="status" aria-live="polite">
        {sortedRow && sort
          ? t('compare.sortedBy', { row: rowLabel(tr, sortedRow), dir: t(`compare.sort.${sort.direction}`) })
          : ''}
      </p>
    </div>
  );
}

function CompareBody({ parkIds }: { parkIds: ParkId[] }) {
  const tr = useLang();
  const { t } = tr;
  const summaries = summariseParks(useDataset(loadParks));
  const content = useDataset(loadParkContent);
  const figures = useDataset(loadParkFigures);
  const placed = useDataset(loadFacilities);
  const unplaced = useDataset(loadUnplacedFacilities);
  const [sort, setSort] = useState<Sort | null>(null);
  const [chartRowId, setChartRowId] = useState('area-mapped');
  const rows = useMemo(
    () =>
      buildCompareRows(parkIds, {
        summaries,
        content,
        figures: figures.parks,
        facilities: [...placed.features.map((f) => f.properties), ...unplaced],
      }),
    [parkIds, summaries, content, figures, placed, unplaced],
  );
  const parks = useMemo(() => new Map(summaries.map((s) => [s.id, s])), [summaries]);
  const sortedRow = sort ? rows.find((r) => r.id === sort.rowId) : undefined;
  const columns =
    sort && sortedRow
      ? sortByValue(parkIds, (id) => sortedRow.cells[id]?.value ?? null, sort.direction)
      : [...parkIds];
  const onSort = (rowId: string) => {
    setSort((s) =>
      s?.rowId === rowId && s.direction === 'asc'
        ? { rowId, direction: 'desc' }
        : { rowId, direction: 'asc' },
    );
    if (rows.find((r) => r.id === rowId)?.chartable) setChartRowId(rowId);
  };
  const chartRows = rows.filter((r) => r.chartable);
  const chartRow = chartRows.find((r) => r.id === chartRowId) ?? chartRows[0];
  return (
    <>
      {sort ? (
        <button type="button" className="link-button" onClick={() => setSort(null)}>
          {t('compare.sort.reset')}
        </button>
      ) : null}
      <CompareTable rows={rows} columns={columns} parks={parks} sort={sort} onSort={onSort} />
      {chartRow ? (
        <section className="compare-section" aria-labelledby="compare-chart-heading">
          <h3 id="compare-chart-heading">{t('compare.chart')}</h3>
          <label className="compare-chart__select">
            {t('compare.chart.row')}{' '}
            <select
              value={chartRow.id}
              onChange={(e) => setChartRowId(e.target.value)}
              data-testid="chart-row"
            >
              {chartRows.map((r) => (
                <option key={r.id} value={r.id}>
                  {t(`compare.group.${r.group}`)} · {rowLabel(tr, r)}
                </option>
              ))}
            </select>
          </label>
          <ErrorBoundary fallback={(message) => <p role="alert">{message}</p>}>
            <Suspense fallback={<p className="muted">{t('compare.chart.loading')}</p>}>
              <CompareChart
                label={t('compare.chart.label', { row: rowLabel(tr, chartRow) })}
                bars={columns.map((id) => {
                  const p = parks.get(id);
                  return {
                    id,
                    name: p ? tr.b(p.properties.shortName) : id,
                    value: chartRow.cells[id]?.value ?? null,
                    text: cellText(tr, chartRow, chartRow.cells[id]),
                  };
                })}
              />
            </Suspense>
          </ErrorBoundary>
        </section>
      ) : null}
      <CompareOutlines parks={columns.flatMap((id) => parks.get(id) ?? [])} />
    </>
  );
}

/** /compare?parks=a,b,…: 2–10 parks side by side, every figure from the park pages' data. */
export function ComparePage() {
  const { t } = useLang();
  const { state } = useViewState();
  const dropped = useDroppedCompareIds();
  const parkIds = state.page.kind === 'compare' ? state.page.parkIds : [];
  return (
    <div className="compare-page" data-testid="compare-page">
      <h2 className="compare-page__title">{t('compare.title')}</h2>
      <p className="muted">{t('compare.intro')}</p>
      {dropped.length > 0 ? (
        <p className="notice notice--warning" role="status" data-testid="compare-dropped">
          {t('compare.dropped', { ids: dropped.join(', ') })}
        </p>
      ) : null}
      <ErrorBoundary fallback={(message) => <p role="alert">{message}</p>}>
        <Suspense fallback={<p className="muted">{t('content.loading')}</p>}>
          <PickerAndBody parkIds={parkIds} />
        </Suspense>
      </ErrorBoundary>
    </div>
  );
}

function PickerAndBody({ parkIds }: { parkIds: ParkId[] }) {
  const { t } = useLang();
  const parks = summariseParks(useDataset(loadParks));
  return (
    <>
      <ParkPicker parks={parks} selected={parkIds} />
      {parkIds.length < 2 ? (
        <p className="compare-page__need" data-testid="compare-need-two">
          {t('compare.needTwo')}
        </p>
      ) : (
        <CompareBody parkIds={parkIds} />
      )}
    </>
  );
}
