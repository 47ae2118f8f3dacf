// This page's strings load with it (kept out of the first-paint bundle).
import '../../i18n/page-messages.ts';
import { Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { ErrorBoundary } from '../../app/ErrorBoundary.tsx';
import { loadHubs, loadParks, loadStations } from '../../data/geodata.ts';
import { loadParkFigures } from '../../data/park-figures.ts';
import type { ParkId } from '../../data/schemas.ts';
import { useDataset, useLoaded } from '../../data/use-dataset.ts';
import {
  ACCESS_SCORE_FORMULA,
  type AccessInputKey,
  type AccessInputSpec,
} from '../../domain/access-score.ts';
import {
  type ParkAccessInputs,
  type RankedPark,
  rankByAccess,
  type SortDirection,
  sortByValue,
} from '../../domain/ranking.ts';
import { type Translator, useLang } from '../../i18n/use-lang.ts';
import { useAtlasStore } from '../../state/store.ts';
import { useViewState } from '../../url/use-view-state.ts';
import {
  defaultWeights,
  hrefForState,
  normaliseWeights,
  type Page,
  WEIGHT_LIMITS,
} from '../../url/view-state.ts';
import { formatDistanceM, formatShare } from '../access/format.ts';
import { MapArea } from '../atlas/MapArea.tsx';
import { Attribution } from '../attribution/Attribution.tsx';
import { Legend } from '../legend/Legend.tsx';
import { summariseParks } from '../parks/park-summaries.ts';
import { accessLinesCollection, accessTargets } from './access-lines.ts';
import './ranking.css';

/** How long the URL waits for the sliders to stop before it is rewritten. */
const URL_WRITE_DELAY_MS = 300;

/** What goes into the URL: null when the weights are the formula's own or all zero (= the formula's). */
export function urlWeightsOf(weights: readonly number[]): number[] | null {
  const defaults = defaultWeights();
  if (weights.every((w) => w === 0)) return null;
  if (weights.length === defaults.length && weights.every((w, i) => w === defaults[i])) return null;
  return [...weights];
}

function sameWeights(a: readonly number[] | null, b: readonly number[] | null): boolean {
  if (a === null || b === null) return a === b;
  return a.length === b.length && a.every((w, i) => w === b[i]);
}

function inputText(tr: Translator, spec: AccessInputSpec, value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (spec.unit === 'share') return formatShare(tr, value);
  return formatDistanceM(tr, spec.unit === 'km' ? value * 1000 : value);
}

type SortColumn = 'score' | AccessInputKey;
interface Sort {
  column: SortColumn;
  direction: SortDirection;
}

/** Best first: high score or share, short distance. */
function bestFirst(column: SortColumn): SortDirection {
  if (column === 'score') return 'desc';
  const spec = ACCESS_SCORE_FORMULA.inputs.find((i) => i.key === column);
  return spec?.unit === 'share' ? 'desc' : 'asc';
}

function WeightsEditor({ weights, onChange }: { weights: number[]; onChange: (weights: number[]) => void }) {
  const { t, b, n } = useLang();
  const shares = normaliseWeights(urlWeightsOf(weights));
  const allZero = weights.every((w) => w === 0);
  return (
    <fieldset className="weights" data-testid="weights">
      <legend>{t('ranking.weights')}</legend>
      {ACCESS_SCORE_FORMULA.inputs.map((spec, i) => {
        const id = `weight-${spec.key}`;
        const set = (raw: number) => {
          const value = Number.isFinite(raw)
            ? Math.round(Math.min(WEIGHT_LIMITS.max, Math.max(WEIGHT_LIMITS.min, raw)))
            : 0;
          onChange(weights.map((w, j) => (j === i ? value : w)));
        };
        return (
          <div key={spec.key} className="weights__row">
            <label htmlFor={id}>{b(spec.name)}</label>
            <input
              id={id}
              type="range"
              min={WEIGHT_LIMITS.min}
              max={WEIGHT_LIMITS.max}
              step={1}
              value={weights[i] ?? 0}
              onChange={(e) => set(e.target.valueAsNumber)}
              data-testid={`weight-range-${spec.key}`}
            />
            <input
              type="number"
              min={WEIGHT_LIMITS.min}
              max={WEIGHT_LIMITS.max}
              step={1}
              value={weights[i] ?? 0}
              onChange={(e) => set(e.target.valueAsNumber)}
              aria-label={b(spec.name)}
              data-testid={`weight-${spec.key}`}
            />
            <span className="muted weights__share">
              {t('ranking.weight.share', { pct: `${n((shares[i] ?? 0) * 100, 0)}%` })}
            </span>
          </div>
        );
      })}
      {allZero ? <p className="muted">{t('ranking.weights.allZero')}</p> : null}
    </fieldset>
  );
}

function Formula() {
  const tr = useLang();
  const { t, b } = tr;
  return (
    <section aria-labelledby="ranking-formula" className="ranking__formula">
      <h3 id="ranking-formula">{t('ranking.formula')}</h3>
      <p data-testid="ranking-formula">{b(ACCESS_SCORE_FORMULA.description)}</p>
      <ul className="ranking__inputs">
        {ACCESS_SCORE_FORMULA.inputs.map((spec) => (
          <li key={spec.key}>
            {b(spec.name)}
            {spec.normalisation.kind === 'linear-decreasing' ? (
              <span className="muted">
                {' '}
                (1 ≤ {inputText(tr, spec, spec.normalisation.fullAt)}, 0 ≥{' '}
                {inputText(tr, spec, spec.normalisation.zeroAt)})
              </span>
            ) : (
              <span className="muted"> (0–100%)</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function RankingTable({
  ranked,
  inputs,
  selected,
  hrefFor,
}: {
  ranked: RankedPark<ParkId>[];
  inputs: Map<ParkId, ParkAccessInputs<ParkId>>;
  selected: ParkId | null;
  hrefFor: (id: ParkId) => string;
}) {
  const tr = useLang();
  const { t, b, n } = tr;
  const parks = summariseParks(useDataset(loadParks));
  const names = new Map(parks.map((p) => [p.id, p.properties.shortName]));
  const [sort, setSort] = useState<Sort>({ column: 'score', direction: 'desc' });
  const cellValue = (r: RankedPark<ParkId>, column: SortColumn) =>
    column === 'score' ? r.score : (inputs.get(r.parkId)?.values[column] ?? null);
  const rows = sortByValue(ranked, (r) => cellValue(r, sort.column), sort.direction);
  const header = (column: SortColumn, label: string) => {
    const active = sort.column === column ? sort.direction : null;
    return (
      <th
        key={column}
        scope="col"
        aria-sort={active === 'asc' ? 'ascending' : active === 'desc' ? 'descending' : undefined}
        data-column={column}
      >
        <button
          type="button"
          className="sort-button"
          title={t('ranking.sortBy', { col: label })}
          onClick={() =>
            setSort((s) =>
              s.column === column
                ? { column, direction: s.direction === 'asc' ? 'desc' : 'asc' }
                : { column, direction: bestFirst(column) },
            )
          }
        >
          {label}
          <span aria-hidden="true" className="sort-button__mark">
            {active === 'asc' ? '▲' : active === 'desc' ? '▼' : '↕'}
          </span>
        </button>
      </th>
    );
  };
  return (
    <div className="ranking__table-wrap">
      <table className="data-table ranking__table" data-testid="ranking-table">
        <caption className="visually-hidden">{t('ranking.table')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('ranking.rank')}</th>
            <th scope="col">{t('ranking.park')}</th>
            {header('score', t('ranking.score'))}
            {ACCESS_SCORE_FORMULA.inputs.map((spec) => header(spec.key, b(spec.name)))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr
              key={r.parkId}
              data-park-id={r.parkId}
              className={r.parkId === selected ? 'is-selected' : undefined}
            >
              <td className="num">{r.rank}</td>
              <th scope="row">
                <Link to={hrefFor(r.parkId)} aria-current={r.parkId === selected ? 'true' : undefined}>
                  {b(names.get(r.parkId))}
                </Link>
              </th>
              <td className="num" data-testid="ranking-score">
                {n(r.score, 1)}
              </td>
              {ACCESS_SCORE_FORMULA.inputs.map((spec) => (
                <td key={spec.key} className="num">
                  {inputText(tr, spec, inputs.get(r.parkId)?.values[spec.key])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SelectedPark({
  parkId,
  score,
  lines,
  clearHref,
}: {
  parkId: ParkId;
  score: number | null;
  lines: ReturnType<typeof accessTargets>;
  clearHref: string;
}) {
  const tr = useLang();
  const { t, b, n } = tr;
  const { state } = useViewState();
  const park = summariseParks(useDataset(loadParks)).find((p) => p.id === parkId);
  if (!park) return null;
  const kindLabel = (kind: 'open' | 'planned' | 'hub') =>
    kind === 'open' ? t('ranking.lines.open') : kind === 'planned' ? t('ranking.lines.planned') : null;
  return (
    <section className="ranking__selected" aria-labelledby="ranking-selected" data-testid="ranking-selected">
      <h3 id="ranking-selected" tabIndex={-1}>
        {t('ranking.selected', { park: b(park.properties.name) })}
      </h3>
      {score !== null ? (
        <p>
          {t('ranking.score')}: <strong>{n(score, 1)}</strong> / 100
        </p>
      ) : null}
      <ul className="ranking__lines" data-testid="access-lines-list">
        {lines.map((line) => (
          <li key={`${line.kind}-${line.id}`} className={`ranking__line ranking__line--${line.kind}`}>
            {kindLabel(line.kind) ? <span className="muted">{kindLabel(line.kind)}: </span> : null}
            {b(line.name)} · {line.distanceM === 0 ? t('access.inside') : formatDistanceM(tr, line.distanceM)}
          </li>
        ))}
      </ul>
      <p className="footnote">{t('ranking.lines.note')}</p>
      <p>
        <Link to={hrefForState({ ...state, page: { kind: 'atlas', parkId }, camera: null })}>
          {t('ranking.openPark')}
        </Link>{' '}
        · <Link to={clearHref}>{t('ranking.clear')}</Link>
      </p>
    </section>
  );
}

/** /access and /access/:parkId: the parks ranked by access, what-if weights, the map with access lines. */
export function AccessRankingPage() {
  const { t } = useLang();
  const { state, update } = useViewState();
  const page =
    state.page.kind === 'access' ? state.page : { kind: 'access' as const, parkId: null, weights: null };
  const selected = page.parkId;
  const urlWeights = page.weights;
  const urlKey = urlWeights?.join(',') ?? '';
  const [weights, setWeights] = useState<number[]>(() => urlWeights ?? defaultWeights());
  const effective = urlWeightsOf(weights);
  const effectiveKey = effective?.join(',') ?? '';

  // A URL change not made here (back/forward, a pasted link, the reset) wins over the sliders.
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the URL's weights only
  useEffect(() => {
    setWeights((current) =>
      sameWeights(urlWeightsOf(current), urlWeights) ? current : (urlWeights ?? defaultWeights()),
    );
  }, [urlKey]);

  // The sliders write the URL once they rest (replace: a drag is one step of history, not fifty).
  useEffect(() => {
    if (effectiveKey === urlKey) return;
    const timer = window.setTimeout(() => {
      update(
        {
          page: {
            kind: 'access',
            parkId: selected,
            weights: effectiveKey ? effectiveKey.split(',').map(Number) : null,
          },
        },
        { replace: true },
      );
    }, URL_WRITE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [effectiveKey, urlKey, selected, update]);

  const pageFor = useCallback(
    (id: ParkId | null): Page => ({
      kind: 'access',
      parkId: id,
      weights: effectiveKey ? effectiveKey.split(',').map(Number) : null,
    }),
    [effectiveKey],
  );
  const hrefFor = useCallback(
    (id: ParkId | null) => hrefForState({ ...state, page: pageFor(id), camera: null }),
    [state, pageFor],
  );

  const figures = useLoaded(loadParkFigures);
  const parks = useLoaded(loadParks);
  const stations = useLoaded(loadStations);
  const hubs = useLoaded(loadHubs);
  const inputs = useMemo(
    () =>
      new Map(
        (figures.status === 'ready' ? figures.value.parks : []).map((f) => [
          f.parkId,
          {
            parkId: f.parkId,
            values: Object.fromEntries(f.access.contributions.map((c) => [c.key, c.value])),
          } as ParkAccessInputs<ParkId>,
        ]),
      ),
    [figures],
  );
  const ranked = useMemo(
    () =>
      rankByAccess(
        [...inputs.values()],
        normaliseWeights(effectiveKey ? effectiveKey.split(',').map(Number) : null),
      ),
    [inputs, effectiveKey],
  );
  const figure =
    figures.status === 'ready' && selected
      ? figures.value.parks.find((f) => f.parkId === selected)
      : undefined;
  const targets = useMemo(
    () =>
      figure && stations.status === 'ready' && hubs.status === 'ready'
        ? accessTargets(figure, stations.value, hubs.value)
        : [],
    [figure, stations, hubs],
  );
  const accessLines = useMemo(() => {
    if (!selected || parks.status !== 'ready' || targets.length === 0) return null;
    const geometry = parks.value.features.find((f) => f.properties.id === selected)?.geometry;
    if (!geometry || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) return null;
    return accessLinesCollection(geometry, targets);
  }, [selected, parks, targets]);

  const mapStatus = useAtlasStore((s) => s.mapStatus);
  const failed = figures.status === 'error' ? figures.error.message : null;
  return (
    <div className="atlas ranking-page">
      <aside className="atlas__sidebar ranking" aria-labelledby="ranking-title">
        <h2 id="ranking-title">{t('ranking.title')}</h2>
        <p className="muted">{t('ranking.intro')}</p>
        {failed ? <p role="alert">{failed}</p> : null}
        <ErrorBoundary fallback={(message) => <p role="alert">{message}</p>}>
          <Suspense fallback={<p className="muted">{t('parks.loading')}</p>}>
            {selected ? (
              <SelectedPark
                parkId={selected}
                score={ranked.find((r) => r.parkId === selected)?.score ?? null}
                lines={targets}
                clearHref={hrefFor(null)}
              />
            ) : null}
            {figures.status === 'ready' ? (
              <RankingTable ranked={ranked} inputs={inputs} selected={selected} hrefFor={hrefFor} />
            ) : null}
          </Suspense>
        </ErrorBoundary>
        <WeightsEditor weights={weights} onChange={setWeights} />
        <button
          type="button"
          className="print-button"
          onClick={() => setWeights(defaultWeights())}
          data-testid="weights-reset"
        >
          {t('ranking.weights.reset')}
        </button>
        <Formula />
      </aside>
      <section className="atlas__map" aria-label={t('map.label')}>
        <MapArea selectedParkId={selected} pageForPark={pageFor} accessLines={accessLines} />
        {mapStatus === 'ready' ? <Legend /> : null}
        <Attribution />
      </section>
    </div>
  );
}
