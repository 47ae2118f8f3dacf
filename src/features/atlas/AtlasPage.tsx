import { lazy, type RefObject, Suspense, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { ErrorBoundary } from '../../app/ErrorBoundary.tsx';
import { loadParks } from '../../data/geodata.ts';
import { useDataset } from '../../data/use-dataset.ts';
import { useLang } from '../../i18n/use-lang.ts';
import { useAtlasStore } from '../../state/store.ts';
import { useViewState } from '../../url/use-view-state.ts';
import { hrefForState } from '../../url/view-state.ts';
import { Attribution } from '../attribution/Attribution.tsx';
import { useImports } from '../import/imports-store.ts';
import { Legend } from '../legend/Legend.tsx';
import { MapToolbar } from '../measure/MapToolbar.tsx';
import { ParkList } from '../parks/ParkList.tsx';
import { ParkPanel } from '../parks/ParkPanel.tsx';
import { summariseParks } from '../parks/park-summaries.ts';
import { MapArea } from './MapArea.tsx';

// The search box is not needed for the first paint: its chunk loads with the page, behind a
// placeholder of the same size (no layout shift).
const SearchBox = lazy(() => import('../search/SearchBox.tsx').then((m) => ({ default: m.SearchBox })));

// The feature table of an imported layer, loaded when one is opened.
const FeatureTableDrawer = lazy(() =>
  import('../import/DataPanel.tsx').then((m) => ({ default: m.FeatureTableDrawer })),
);

// Loaded with the first map click that asks "what is near here", not at first paint.
const ProbePanel = lazy(() => import('../access/ProbePanel.tsx').then((m) => ({ default: m.ProbePanel })));

function NotFound({ id }: { id: string }) {
  const { t } = useLang();
  const { state } = useViewState();
  return (
    <section className="not-found" role="alert" data-testid="park-not-found">
      <h2>{t('park.notFound.title')}</h2>
      <p>{t('park.notFound.body', { id })}</p>
      <Link to={hrefForState({ ...state, page: { kind: 'atlas', parkId: null }, camera: null })}>
        {t('park.back')}
      </Link>
    </section>
  );
}

function Sidebar({ scrollRef }: { scrollRef: RefObject<HTMLElement | null> }) {
  const { state, unknownParkId } = useViewState();
  const parks = summariseParks(useDataset(loadParks));
  const selectedId = state.page.kind === 'atlas' ? state.page.parkId : null;
  const selected = parks.find((p) => p.id === selectedId) ?? null;
  const probe = useAtlasStore((s) => s.probe);
  // A newly selected park opens at the top of the sidebar, with focus on its title for screen readers.
  useEffect(() => {
    if (!selectedId) return;
    scrollRef.current?.scrollTo({ top: 0 });
    document.getElementById('park-panel-title')?.focus({ preventScroll: true });
  }, [selectedId, scrollRef]);
  return (
    <>
      {unknownParkId ? <NotFound id={unknownParkId} /> : null}
      <ErrorBoundary fallback={(message) => <p role="alert">{message}</p>}>
        <Suspense fallback={null}>{probe ? <ProbePanel /> : null}</Suspense>
      </ErrorBoundary>
      {selected ? <ParkPanel park={selected} /> : null}
      <ParkList parks={parks} selectedParkId={selectedId} />
    </>
  );
}

/** The atlas: park list / park panel beside the map. */
export function AtlasPage() {
  const { t } = useLang();
  const { state } = useViewState();
  const selectedId = state.page.kind === 'atlas' ? state.page.parkId : null;
  const mapStatus = useAtlasStore((s) => s.mapStatus);
  const sidebarRef = useRef<HTMLElement>(null);
  const tableOpen = useImports((s) => s.tableLayerId !== null);
  // On a phone the sidebar is a bottom sheet: peeking under the map, or expanded over it.
  const [sheetExpanded, setSheetExpanded] = useState(false);
  return (
    <div
      className={`atlas${selectedId ? ' atlas--park' : ''}${sheetExpanded ? ' atlas--sheet-expanded' : ''}`}
    >
      <aside className="atlas__sidebar" ref={sidebarRef} data-testid="sidebar">
        <button
          type="button"
          className="sheet-handle"
          aria-expanded={sheetExpanded}
          aria-controls="park-list"
          onClick={() => setSheetExpanded((v) => !v)}
          data-testid="sheet-handle"
        >
          {t(sheetExpanded ? 'sheet.collapse' : 'sheet.expand')}
        </button>
        <Suspense
          fallback={
            <div className="search" aria-hidden="true">
              <div className="search__input search__input--placeholder" />
            </div>
          }
        >
          <SearchBox />
        </Suspense>
        <ErrorBoundary fallback={(message) => <p role="alert">{message}</p>}>
          <Suspense fallback={<p className="muted">{t('parks.loading')}</p>}>
            <Sidebar scrollRef={sidebarRef} />
          </Suspense>
        </ErrorBoundary>
      </aside>
      <section className="atlas__map" aria-label={t('map.label')}>
        <MapArea selectedParkId={selectedId} />
        {/* The tools and the legend serve a drawn map: rendered with the page, they held up the
            map's start by ~0.3 s (measured with scripts/bench-load.ts). */}
        {mapStatus === 'ready' ? <MapToolbar /> : null}
        {mapStatus === 'ready' ? <Legend /> : null}
        {tableOpen ? (
          <Suspense fallback={null}>
            <FeatureTableDrawer />
          </Suspense>
        ) : null}
        <Attribution />
      </section>
    </div>
  );
}
