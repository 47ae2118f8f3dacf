import { lazy, Suspense, useCallback, useEffect, useMemo } from 'react';
import { ErrorBoundary } from '../../app/ErrorBoundary.tsx';
import { hasWebGL2 } from '../../app/webgl-support.ts';
import { loadFacilities } from '../../data/content.ts';
import { absoluteDatasetUrl, loadDistricts, loadParks } from '../../data/geodata.ts';
import type { ParkId } from '../../data/schemas.ts';
import { useDataset } from '../../data/use-dataset.ts';
import { useLang } from '../../i18n/use-lang.ts';
import { labelPoints } from '../../map/geometry-helpers.ts';
import { useAtlasStore } from '../../state/store.ts';
import { useViewState } from '../../url/use-view-state.ts';
import type { Camera } from '../../url/view-state.ts';

const MapView = lazy(() => import('../../map/MapView.tsx'));

const EMPTY: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };

function MapFallback({ title, body }: { title: string; body: string }) {
  return (
    <div className="map-fallback" role="alert" data-testid="map-fallback">
      <h2>{title}</h2>
      <p>{body}</p>
    </div>
  );
}

function LoadedMap({ selectedParkId }: { selectedParkId: ParkId | null }) {
  const { lang } = useLang();
  const { state, update, setCamera } = useViewState();
  const parks = useDataset(loadParks);
  const districts = useDataset(loadDistricts);
  const facilities = useDataset(loadFacilities);
  const focusedFacility = useAtlasStore((s) => s.focusedFacility);
  const facilityProperties = useMemo(
    () =>
      new Map(
        facilities.features.map((f) => [f.properties.id, f.properties as unknown as Record<string, unknown>]),
      ),
    [facilities],
  );
  const hoveredParkId = useAtlasStore((s) => s.hoveredParkId);
  const setHovered = useAtlasStore((s) => s.setHoveredParkId);
  const setMapStatus = useAtlasStore((s) => s.setMapStatus);
  const setProbe = useAtlasStore((s) => s.setProbe);
  const pushNotice = useAtlasStore((s) => s.pushNotice);

  const data = useMemo(
    () => ({
      parks,
      parkLabels: labelPoints(parks),
      districts: absoluteDatasetUrl('districts'),
      districtLabels: {
        type: 'FeatureCollection' as const,
        features: districts.features.map((f) => ({
          type: 'Feature' as const,
          geometry: { type: 'Point' as const, coordinates: f.properties.labelPoint },
          properties: f.properties,
        })),
      },
      cityOutline: absoluteDatasetUrl('cityOutline'),
      waterLines: absoluteDatasetUrl('waterLines'),
      waterAreas: absoluteDatasetUrl('waterAreas'),
      transitLines: absoluteDatasetUrl('transitLines'),
      stations: absoluteDatasetUrl('stations'),
      hubs: absoluteDatasetUrl('hubs'),
      facilities,
      catchments: absoluteDatasetUrl('catchmentAreas'),
      probe: EMPTY,
    }),
    [parks, districts, facilities],
  );
  const probeOverlay = useAtlasStore((s) => s.probeOverlay);

  const onSelectPark = useCallback(
    (id: ParkId | null) => update({ page: { kind: 'atlas', parkId: id }, camera: null }),
    [update],
  );
  const onCameraChange = useCallback((camera: Camera) => setCamera(camera), [setCamera]);
  const onError = useCallback(
    (kind: 'no-webgl' | 'error', message: string) => {
      if (kind === 'no-webgl') setMapStatus('no-webgl', message);
      else pushNotice('error', message);
    },
    [setMapStatus, pushNotice],
  );

  return (
    <MapView
      lang={lang}
      visibleGroups={state.layers}
      selectedParkId={selectedParkId}
      hoveredParkId={hoveredParkId}
      camera={state.camera}
      data={data}
      probeOverlay={probeOverlay}
      onSelectPark={onSelectPark}
      onHoverPark={setHovered}
      onCameraChange={onCameraChange}
      onProbe={setProbe}
      focusedFacility={focusedFacility}
      facilityProperties={facilityProperties}
      onReady={() => setMapStatus('ready')}
      onError={onError}
    />
  );
}

/** The map column: the lazy map, or a useful message when this browser cannot draw it. */
export function MapArea({ selectedParkId }: { selectedParkId: ParkId | null }) {
  const { t } = useLang();
  const mapStatus = useAtlasStore((s) => s.mapStatus);
  const webgl = useMemo(hasWebGL2, []);
  const setMapStatus = useAtlasStore((s) => s.setMapStatus);
  useEffect(() => {
    if (!webgl) setMapStatus('no-webgl', 'WebGL2 is not available');
  }, [webgl, setMapStatus]);
  if (!webgl || mapStatus === 'no-webgl') {
    return <MapFallback title={t('map.noWebgl.title')} body={t('map.noWebgl.body')} />;
  }
  return (
    <ErrorBoundary
      fallback={(message) => <MapFallback title={t('map.error', { message: '' })} body={message} />}
    >
      <Suspense fallback={<div className="map-loading">{t('map.loading')}</div>}>
        <LoadedMap selectedParkId={selectedParkId} />
      </Suspense>
    </ErrorBoundary>
  );
}
