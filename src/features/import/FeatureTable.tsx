/**
 * The feature table of one imported layer: every feature with its analysis (nearest station in
 * service and planned, nearest park, inside a park, within a station's 800 m walk) and its first
 * properties. Sorting and paging happen in the import worker; only the rows in view (and a margin)
 * are fetched and rendered, so a million-row layer scrolls like a ten-row one.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLang } from '../../i18n/use-lang.ts';
import type { FeatureRow, RowSortKey } from '../../import/types.ts';
import { useParkNames } from '../brief/use-park-names.ts';
import { exportLayers, fetchRows } from './import-service.ts';
import { useImports } from './imports-store.ts';

const ROW_HEIGHT = 30;
const PAGE = 100;
const MAX_PROPERTY_COLUMNS = 4;
/** Selection for "export selected" is capped: a selection is a hand-picked subset. */
const MAX_SELECTION = 10_000;

type SortId =
  | 'index'
  | 'name'
  | 'nearestOpenStation'
  | 'nearestPlannedStation'
  | 'nearestPark'
  | `p:${string}`;

function sortKeyOf(id: SortId): RowSortKey {
  return id.startsWith('p:') ? { kind: 'property', key: id.slice(2) } : ({ kind: id } as RowSortKey);
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value).slice(0, 200);
  return String(value).slice(0, 200);
}

export function FeatureTable({ layerId }: { layerId: string }) {
  const { t, n, lang } = useLang();
  const layer = useImports((s) => s.layers.find((l) => l.id === layerId));
  const analysed = useImports((s) => s.analyses[layerId] !== undefined);
  const revision = useImports((s) => s.revisions[layerId] ?? 0);
  const parkName = useParkNames();
  const [sort, setSort] = useState<{ id: SortId; descending: boolean }>({ id: 'index', descending: false });
  const [pages, setPages] = useState<Map<number, FeatureRow[]>>(new Map());
  const [total, setTotal] = useState<number | null>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewHeight, setViewHeight] = useState(240);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const requested = useRef(new Set<number>());
  // Pages of an older sort order or older features are dropped when they arrive; `generation`
  // re-runs the fetching effect after a reset (the ref is what a response is checked against).
  const [generation, setGeneration] = useState(0);
  const currentGeneration = useRef(0);

  const propertyKeys = useMemo(() => (layer?.propertyKeys ?? []).slice(0, MAX_PROPERTY_COLUMNS), [layer]);

  // A new sort order, new features or new analysis: start again from the top of the pages.
  // biome-ignore lint/correctness/useExhaustiveDependencies: these inputs are exactly what invalidates the fetched pages
  useEffect(() => {
    setPages(new Map());
    requested.current = new Set();
    setTotal(null);
    currentGeneration.current += 1;
    setGeneration(currentGeneration.current);
  }, [sort, revision, analysed, layerId]);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - 10);
  const last = Math.floor((scrollTop + viewHeight) / ROW_HEIGHT) + 10;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `generation` re-runs this after a reset
  useEffect(() => {
    const wanted = new Set<number>();
    for (let p = Math.floor(first / PAGE); p <= Math.floor(last / PAGE); p++) wanted.add(p);
    for (const page of wanted) {
      if (requested.current.has(page) || (total !== null && page * PAGE >= total)) continue;
      requested.current.add(page);
      const askedIn = currentGeneration.current;
      fetchRows(layerId, sortKeyOf(sort.id), sort.descending, page * PAGE, PAGE).then(
        (r) => {
          if (askedIn !== currentGeneration.current) return;
          setTotal(r.total);
          setPages((old) => new Map(old).set(page, r.rows));
        },
        (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
      );
    }
  }, [first, last, layerId, sort, total, generation]);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setViewHeight(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const rowAt = useCallback((i: number) => pages.get(Math.floor(i / PAGE))?.[i % PAGE], [pages]);
  const count = total ?? 0;
  const end = Math.min(count, last);
  const visible: number[] = [];
  for (let i = first; i < end; i++) visible.push(i);

  const header = (id: SortId, label: string) => {
    const active = sort.id === id;
    return (
      <th scope="col" aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'} key={id}>
        <button
          type="button"
          className="feature-table__sort"
          onClick={() => setSort({ id, descending: active ? !sort.descending : false })}
        >
          {label} <span aria-hidden="true">{active ? (sort.descending ? '↓' : '↑') : '↕'}</span>
        </button>
      </th>
    );
  };

  const distance = (m: number | undefined) =>
    m === undefined ? '' : m < 1000 ? `${n(m, 0)} m` : `${n(m / 1000, 2)} km`;
  const stationName = (s: { name: string; nameEn: string } | null | undefined) =>
    s ? (lang === 'zh' ? s.name : s.nameEn || s.name) : '';

  const exportSelection = async (format: 'geojson' | 'csv') => {
    setStatus(t('layers.exporting'));
    try {
      const file = await exportLayers(
        [layerId],
        format,
        [...selected].sort((a, b) => a - b),
      );
      setStatus(t('layers.exported', { file }));
    } catch (e) {
      setStatus(t('layers.exportFailed', { message: e instanceof Error ? e.message : String(e) }));
    }
  };

  if (!layer) return null;
  const columnCount = 8 + propertyKeys.length;
  return (
    <section
      className="feature-table"
      aria-label={t('table.title', { name: layer.name })}
      data-testid="feature-table"
    >
      <div className="feature-table__bar">
        <h2 className="feature-table__title">{t('table.title', { name: layer.name })}</h2>
        <span className="muted" data-testid="feature-table-count">
          {total === null ? t('table.loading') : t('table.count', { count: n(count, 0) })}
        </span>
        {!analysed ? <span className="muted">{t('layers.analysing')}</span> : null}
        <span className="feature-table__spacer" />
        <span className="muted">{t('table.selected', { count: n(selected.size, 0) })}</span>
        <button type="button" disabled={selected.size === 0} onClick={() => void exportSelection('geojson')}>
          {t('table.export.geojson')}
        </button>
        <button type="button" disabled={selected.size === 0} onClick={() => void exportSelection('csv')}>
          {t('table.export.csv')}
        </button>
        <button type="button" onClick={() => setSelected(new Set())} disabled={selected.size === 0}>
          {t('table.clear')}
        </button>
        <button
          type="button"
          aria-label={t('table.close')}
          onClick={() => useImports.setState({ tableLayerId: null })}
        >
          ×
        </button>
      </div>
      <p className="muted" role="status" aria-live="polite">
        {status}
      </p>
      {error ? <p role="alert">{error}</p> : null}
      <div
        className="feature-table__scroller"
        ref={scroller}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the scrolling region must be reachable by keyboard
        tabIndex={0}
      >
        <table aria-rowcount={count + 1}>
          <thead>
            <tr aria-rowindex={1}>
              <th scope="col">
                <span className="visually-hidden">{t('table.select')}</span>
              </th>
              {header('index', '#')}
              {header('name', t('table.name'))}
              {header('nearestOpenStation', t('table.nearestOpen'))}
              {header('nearestPlannedStation', t('table.nearestPlanned'))}
              {header('nearestPark', t('table.nearestPark'))}
              <th scope="col">{t('table.insidePark')}</th>
              <th scope="col">{t('table.inCatchment')}</th>
              {propertyKeys.map((key) => header(`p:${key}`, key))}
            </tr>
          </thead>
          <tbody>
            {first > 0 ? (
              <tr className="feature-table__spacer-row" style={{ height: first * ROW_HEIGHT }}>
                <td colSpan={columnCount} />
              </tr>
            ) : null}
            {visible.map((i) => {
              const row = rowAt(i);
              if (!row) {
                return (
                  <tr key={`loading-${i}`} aria-rowindex={i + 2} className="feature-table__row">
                    <td colSpan={columnCount} className="muted">
                      …
                    </td>
                  </tr>
                );
              }
              const m = row.metrics;
              return (
                <tr
                  key={row.index}
                  aria-rowindex={i + 2}
                  className="feature-table__row"
                  data-testid="feature-row"
                >
                  <td>
                    <input
                      type="checkbox"
                      aria-label={t('table.selectRow', { n: row.index + 1 })}
                      checked={selected.has(row.index)}
                      onChange={(e) => {
                        const on = e.currentTarget.checked;
                        setSelected((old) => {
                          const next = new Set(old);
                          if (on && next.size < MAX_SELECTION) next.add(row.index);
                          else next.delete(row.index);
                          return next;
                        });
                      }}
                    />
                  </td>
                  <td>{row.index + 1}</td>
                  <td>
                    <button
                      type="button"
                      className="feature-table__name"
                      disabled={!row.lngLat}
                      onClick={() => {
                        if (!row.lngLat) return;
                        const [lng, lat] = row.lngLat;
                        useImports.setState((s) => ({
                          fit: { bbox: [lng, lat, lng, lat], revision: (s.fit?.revision ?? 0) + 1 },
                          popup: {
                            layerId,
                            index: row.index,
                            lngLat: { lng, lat },
                            revision: (s.popup?.revision ?? 0) + 1,
                          },
                        }));
                      }}
                    >
                      {row.name || t('table.unnamed')}
                    </button>
                  </td>
                  <td>
                    {stationName(m?.nearestOpenStation)} {distance(m?.nearestOpenStation?.distanceM)}
                  </td>
                  <td>
                    {m && !m.nearestPlannedStation
                      ? t('table.noneWithin10km')
                      : `${stationName(m?.nearestPlannedStation)} ${distance(m?.nearestPlannedStation?.distanceM)}`}
                  </td>
                  <td>
                    {m?.nearestPark
                      ? `${parkName(m.nearestPark.id)} ${distance(m.nearestPark.distanceM)}`
                      : ''}
                  </td>
                  <td>{m ? (m.insideParkId ? parkName(m.insideParkId) : t('table.no')) : ''}</td>
                  <td>{m ? (m.inCatchment ? t('table.yes') : t('table.no')) : ''}</td>
                  {propertyKeys.map((key) => (
                    <td key={key}>{cellText(row.properties[key])}</td>
                  ))}
                </tr>
              );
            })}
            {end < count ? (
              <tr className="feature-table__spacer-row" style={{ height: (count - end) * ROW_HEIGHT }}>
                <td colSpan={columnCount} />
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
    </section>
  );
}
