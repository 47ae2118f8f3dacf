import { Suspense } from 'react';
import { Link } from 'react-router-dom';
import { ErrorBoundary } from '../../app/ErrorBoundary.tsx';
import { loadParks } from '../../data/geodata.ts';
import { useDataset } from '../../data/use-dataset.ts';
import { useLang } from '../../i18n/use-lang.ts';
import { useAtlasStore } from '../../state/store.ts';
import { useViewState } from '../../url/use-view-state.ts';
import { hrefForState } from '../../url/view-state.ts';
import { Legend } from '../legend/Legend.tsx';
import { ParkList } from '../parks/ParkList.tsx';
import { ParkPanel } from '../parks/ParkPanel.tsx';
import { summariseParks } from '../parks/park-summaries.ts';
import { MapArea } from './MapArea.tsx';

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

function Sidebar() {
  const { state, unknownParkId } = useViewState();
  const parks = summariseParks(useDataset(loadParks));
  const selectedId = state.page.kind === 'atlas' ? state.page.parkId : null;
  const selected = parks.find((p) => p.id === selectedId) ?? null;
  return (
    <>
      {unknownParkId ? <NotFound id={unknownParkId} /> : null}
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
  return (
    <div className={`atlas${selectedId ? ' atlas--park' : ''}`}>
      <aside className="atlas__sidebar">
        <ErrorBoundary fallback={(message) => <p role="alert">{message}</p>}>
          <Suspense fallback={<p className="muted">{t('parks.loading')}</p>}>
            <Sidebar />
          </Suspense>
        </ErrorBoundary>
      </aside>
      <section className="atlas__map" aria-label={t('map.label')}>
        <MapArea selectedParkId={selectedId} />
        {mapStatus === 'no-webgl' ? null : <Legend />}
      </section>
    </div>
  );
}
