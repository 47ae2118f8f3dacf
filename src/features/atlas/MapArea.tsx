import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { ErrorBoundary } from '../../app/ErrorBoundary.tsx';
import { importMapView } from '../../app/preload.ts';
import { hasWebGL2 } from '../../app/webgl-support.ts';
import { CONTENT_URLS, loadFacilities } from '../../data/content.ts';
import { absoluteDatasetUrl, loadDistricts, loadParks } from '../../data/geodata.ts';
import type { ParkId } from '../../data/schemas.ts';
import { useDataset } from '../../data/use-dataset.ts';
import { useLang } from '../../i18n/use-lang.ts';
import { labelPoints } from '../../map/geometry-helpers.ts';
import { useAtlasStore } from '../../state/store.ts';
import { useViewState } from '../../url/use-view-state.ts';
import type { Camera } from '../../url/view-state.ts';

const MapView = lazy(importMapView);

const EMPTY: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };

function MapFallback({ title, body }: { title: string; body: string }) {
  return (
    <div className="map-fallback" role="alert" data-testid="map-fallback">
      <h2>{title}</h2>
      <p>{body}</p>
    </div>
  );
}

/** District label points, derived once the districts file (fetched in parallel with the map) arrives. */
function useDistrictLabels(): GeoJSON.FeatureCollection {
  const [labels, setLabels] = useState(EMPTY);
  useEffect(() => {
    let live = true;
    loadDistricts()
      .then((districts) => {
        if (!live) return;
        setLabels({
          type: 'FeatureCollection',
          features: districts.features.map((f) => ({
            type: 'Feature',
            geometry: { type: 'Point', coordinates: f.properties.labelPoint },
            properties: f.properties,
          })),
        });
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return labels;
}

/** Facility properties by id, for the popup of a facility picked from a list. */
function useFacilityProperties(): ReadonlyMap<string, Record<string, unknown>> {
  const [byId, setById] = useState<ReadonlyMap<string, Record<string, unknown>>>(new Map());
  useEffect(() => {
    let live = true;
    loadFacilities()
      .then((facilities) => {
        if (live) setById(new Map(facilities.features.map((f) => [f.properties.id, { ...f.properties }])));
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return byId;
}

function LoadedMap({ selectedParkId }: { selectedParkId: ParkId | null }) {
  const { lang } = useLang();
  const { state, update, setCamera } = useViewState();
  // Only the parks are needed before the map starts (label anchors, bounds, feature state);
  // every other layer is fetched by MapLibre's worker from its URL.
  const parks = useDataset(loadParks);
  const districtLabels = useDistrictLabels();
  const facilityProperties = useFacilityProperties();
  const focusedFacility = useAtlasStore((s) => s.focusedFacility);
  const hoveredParkId = useAtlasStore((s) => s.hoveredParkId);
  const setHovered = useAtlasStore((s) => s.setHoveredParkId);
  const setMapStatus = useAtlasStore((s) => s.setMapStatus);
  const setProbe = useAtlasStore((s) => s.setProbe);
  const pushNotice = useAtlasStore((s) => s.pushNotice);
  const probeOverlay = useAtlasStore((s) => s.probeOverlay);

  const data = useMemo(
    () => ({
      parks,
      parkLabels: labelPoints(parks),
      districts: absoluteDatasetUrl('districts'),
      districtLabels: EMPTY,
      cityOutline: absoluteDatasetUrl('cityOutline'),
      waterLines: absoluteDatasetUrl('waterLines'),
      waterAreas: absoluteDatasetUrl('waterAreas'),
      transitLines: absoluteDatasetUrl('transitLines'),
      stations: absoluteDatasetUrl('stations'),
      hubs: absoluteDatasetUrl('hubs'),
      facilities: new URL(CONTENT_URLS.facilities, window.location.href).href,
      catchments: absoluteDatasetUrl('catchmentAreas'),
      probe: EMPTY,
    }),
    [parks],
  );
  const liveSources = useMemo(
    () => ({ districtLabels, probe: probeOverlay }),
    [districtLabels, probeOverlay],
  );

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
      liveSources={liveSources}
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
