import { useCallback, useEffect, useMemo } from 'react';
import { ErrorBoundary } from '../../app/ErrorBoundary.tsx';
import { importMapView } from '../../app/preload.ts';
import { hasWebGL2 } from '../../app/webgl-support.ts';
import { loadFacilities } from '../../data/content.ts';
import {
  absoluteDatasetUrl,
  type DistrictsCollection,
  loadDistricts,
  loadParks,
  type ParksCollection,
} from '../../data/geodata.ts';
import type { ParkId } from '../../data/schemas.ts';
import { useLoaded } from '../../data/use-dataset.ts';
import { facilityPredicate } from '../../domain/explorer-filters.ts';
import { translate } from '../../i18n/translate.ts';
import { useLang } from '../../i18n/use-lang.ts';
import type { BasemapFailure, FlyTarget } from '../../map/atlas-map.ts';
import { labelPoints } from '../../map/geometry-helpers.ts';
import { useAtlasStore } from '../../state/store.ts';
import { useCameraIntent, useViewState } from '../../url/use-view-state.ts';
import type { LayerGroup, Page } from '../../url/view-state.ts';
import { useBasemap } from '../basemap/use-basemap.ts';
import { useImportedMap } from '../import/use-imported-map.ts';
import { useParkFilters } from '../parks/use-park-filters.ts';
import { useArchiveMap } from '../pmtiles/archive-store.ts';

type MapViewComponent = Awaited<ReturnType<typeof importMapView>>['default'];

const EMPTY: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };
const ignoreCamera = () => {};

function MapFallback({ title, body }: { title: string; body: string }) {
  return (
    <div className="map-fallback" role="alert" data-testid="map-fallback">
      <h2>{title}</h2>
      <p>{body}</p>
    </div>
  );
}

/**
 * Park label points; a text-only park's also carries its positional uncertainty, in both languages,
 * for the map's note under its name (the map picks the language like any other label).
 */
function parkLabelPoints(parks: ParksCollection): GeoJSON.FeatureCollection {
  const points = labelPoints(parks);
  return {
    ...points,
    features: points.features.map((f) => {
      const m = f.properties.positionUncertaintyM;
      if (m === undefined) return f;
      const km = m / 1000;
      const uncertainty = {
        zh: translate('zh', 'map.parkUncertainty', { km }),
        en: translate('en', 'map.parkUncertainty', { km }),
      };
      return { ...f, properties: { ...f.properties, uncertainty } };
    }),
  };
}

/** District label points, derived once the districts file (fetched in parallel with the map) arrives. */
function districtLabelPoints(districts: DistrictsCollection): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: districts.features.map((f) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: f.properties.labelPoint },
      properties: f.properties,
    })),
  };
}

/**
 * The briefing's hold on the map: the slide, not the URL, decides the layers, the highlighted parks
 * and the camera; clicks select nothing and camera moves are not written to the address.
 */
export interface BriefingMap {
  visibleGroups: readonly LayerGroup[];
  /** Parks shown highlighted; the others are faded (none: all parks as usual). */
  highlighted: readonly ParkId[];
  /** A new object for every slide: the map flies there. */
  flyTarget: FlyTarget;
}

/** What the map does on a page other than the atlas (the access ranking, the briefing). */
export interface MapAreaOptions {
  /** The page a click on a park opens (default: its atlas page). */
  pageForPark?: (id: ParkId | null) => Page;
  accessLines?: GeoJSON.FeatureCollection | null;
  briefing?: BriefingMap;
}

interface LoadedMapProps extends MapAreaOptions {
  selectedParkId: ParkId | null;
  parks: ParksCollection;
  MapView: MapViewComponent;
}

function LoadedMap({ selectedParkId, parks, MapView, pageForPark, accessLines, briefing }: LoadedMapProps) {
  const { lang } = useLang();
  const { state, update, setCamera } = useViewState();
  const cameraIntent = useCameraIntent();
  const districts = useLoaded(loadDistricts);
  const facilities = useLoaded(loadFacilities);
  const districtLabels = useMemo(
    () => (districts.status === 'ready' ? districtLabelPoints(districts.value) : EMPTY),
    [districts],
  );
  const facilityProperties = useMemo(
    () =>
      new Map<string, Record<string, unknown>>(
        facilities.status === 'ready'
          ? facilities.value.features.map((f) => [f.properties.id, { ...f.properties }])
          : [],
      ),
    [facilities],
  );
  const focusedFacility = useAtlasStore((s) => s.focusedFacility);
  const focusFacility = useAtlasStore((s) => s.focusFacility);
  const searchFocus = useAtlasStore((s) => s.searchFocus);
  const clearSearchFocus = useAtlasStore((s) => s.clearSearchFocus);
  const hoveredParkId = useAtlasStore((s) => s.hoveredParkId);
  const setHovered = useAtlasStore((s) => s.setHoveredParkId);
  const setMapStatus = useAtlasStore((s) => s.setMapStatus);
  const setProbe = useAtlasStore((s) => s.setProbe);
  const pushNotice = useAtlasStore((s) => s.pushNotice);
  const probeOverlay = useAtlasStore((s) => s.probeOverlay);
  const setSketch = useAtlasStore((s) => s.setSketch);
  const measureRequest = useAtlasStore((s) => s.measureRequest);
  const measureRequestDone = useAtlasStore((s) => s.measureRequestDone);
  const { matches } = useParkFilters();
  // The user's own layers join the map once it has drawn the parks: before that their setters only
  // competed with the first load (measured: map-ready ≈ 0.15 s later in bench-load).
  const ownLayersDue = useAtlasStore((s) => s.mapStatus === 'ready');
  const imported = useImportedMap();
  const archives = useArchiveMap();
  const highlighted = briefing?.highlighted;
  const dimmedParkIds = useMemo(() => {
    const ids = parks.features.map((f) => f.properties.id);
    if (highlighted)
      return new Set(highlighted.length > 0 ? ids.filter((id) => !highlighted.includes(id)) : []);
    return new Set(ids.filter((id) => !matches(id)));
  }, [parks, matches, highlighted]);
  // The facilities the filters leave: the map's clusters count only these, so they are filtered as
  // data rather than by a layer filter.
  const { filters } = state;
  const shownFacilities = useMemo(() => {
    if (facilities.status !== 'ready') return null;
    const shown = facilityPredicate(filters, (id) => matches(id as ParkId));
    return { ...facilities.value, features: facilities.value.features.filter((f) => shown(f.properties)) };
  }, [facilities, filters, matches]);

  const data = useMemo(
    () => ({
      parks,
      parkLabels: parkLabelPoints(parks),
      parkEdges: absoluteDatasetUrl('parkEdges'),
      districts: absoluteDatasetUrl('districts'),
      districtLabels: EMPTY,
      cityOutline: absoluteDatasetUrl('cityOutline'),
      waterLines: absoluteDatasetUrl('waterLines'),
      waterAreas: absoluteDatasetUrl('waterAreas'),
      osmWaterAreas: absoluteDatasetUrl('osmWaterAreas'),
      channels: absoluteDatasetUrl('channels'),
      islands: absoluteDatasetUrl('islands'),
      greenAreas: absoluteDatasetUrl('greenAreas'),
      roads: absoluteDatasetUrl('roads'),
      transitLines: absoluteDatasetUrl('transitLines'),
      stations: absoluteDatasetUrl('stations'),
      hubs: absoluteDatasetUrl('hubs'),
      facilities: absoluteDatasetUrl('facilities'),
      catchments: absoluteDatasetUrl('catchmentAreas'),
      probe: EMPTY,
    }),
    [parks],
  );

  const inBriefing = briefing !== undefined;
  const onSelectPark = useCallback(
    (id: ParkId | null) => {
      // A click during a briefing must not leave it.
      if (inBriefing) return;
      update({ page: pageForPark ? pageForPark(id) : { kind: 'atlas', parkId: id }, camera: null });
    },
    [update, pageForPark, inBriefing],
  );
  // The slide's camera is in the slide, not in the address: the briefing's URL stays /brief/n.
  const onCameraChange = inBriefing ? ignoreCamera : setCamera;
  // "What is near here" is the toolbar's radius tool: a probe opens it (a click on empty ground
  // with no tool open does too, as before the toolbar), and leaving the tool clears the probe.
  const tool = state.tool;
  const onProbe = useCallback(
    (lngLat: { lng: number; lat: number }) => {
      if (inBriefing) return;
      setProbe(lngLat);
      if (tool !== 'radius') update({ tool: 'radius' }, { replace: true });
    },
    [setProbe, tool, update, inBriefing],
  );
  useEffect(() => {
    if (tool !== 'radius') setProbe(null);
  }, [tool, setProbe]);

  const basemap = useBasemap();
  const onlineBasemap = basemap.kind === 'online' ? basemap.basemap : null;
  useEffect(() => {
    if (basemap.kind === 'unavailable')
      pushNotice('warning', translate(lang, `basemap.unavailable.${basemap.reason}`));
  }, [basemap, lang, pushNotice]);
  const onBasemapFailure = useCallback(
    (reason: BasemapFailure) => {
      pushNotice('warning', translate(lang, `basemap.failed.${reason}`));
      update({ basemap: 'embedded' }, { replace: true });
    },
    [lang, pushNotice, update],
  );
  const onError = useCallback(
    (kind: 'no-webgl' | 'error', message: string) => {
      if (kind === 'no-webgl') setMapStatus('no-webgl', message);
      else pushNotice('error', translate(lang, 'map.error', { message }));
    },
    [setMapStatus, pushNotice, lang],
  );

  return (
    <MapView
      lang={lang}
      visibleGroups={briefing ? briefing.visibleGroups : state.layers}
      selectedParkId={
        briefing
          ? briefing.highlighted.length === 1
            ? (briefing.highlighted[0] ?? null)
            : null
          : selectedParkId
      }
      flyTarget={briefing?.flyTarget ?? null}
      hoveredParkId={hoveredParkId}
      dimmedParkIds={dimmedParkIds}
      lineStatuses={state.filters.lineStatuses}
      layerOpacity={state.opacity}
      facilities={shownFacilities}
      basemap={onlineBasemap}
      cameraIntent={cameraIntent}
      data={data}
      districtLabels={districtLabels}
      probeOverlay={probeOverlay}
      accessLines={accessLines ?? null}
      onSelectPark={onSelectPark}
      onHoverPark={setHovered}
      onCameraChange={onCameraChange}
      onProbe={onProbe}
      tool={tool}
      onSketch={setSketch}
      measureRequest={measureRequest}
      onMeasureRequestDone={measureRequestDone}
      focusedFacility={focusedFacility}
      facilityProperties={facilityProperties}
      onFacilityFocused={() => focusFacility(null)}
      featureFocus={searchFocus}
      onFeatureFocused={clearSearchFocus}
      onReady={() => setMapStatus('ready')}
      onError={onError}
      onBasemapFailure={onBasemapFailure}
      {...(ownLayersDue
        ? {
            importedLayers: imported.importedLayers,
            importTileLoader: imported.importTileLoader,
            onPickImported: inBriefing ? undefined : imported.onPickImported,
            popupRequest: imported.popupRequest,
            fitRequest: imported.fitRequest,
            archiveLayers: archives.archiveLayers,
            archiveTileLoader: archives.archiveTileLoader,
            archiveFit: archives.archiveFit,
          }
        : {})}
    />
  );
}

/**
 * The map column: the lazy map, or a useful message when this browser cannot draw it.
 * No Suspense here: React throttles revealing a suspended boundary by up to 300 ms, and the map
 * should start the moment its code and the parks are in. Only the parks are needed before the map
 * starts (label anchors, bounds, feature state); MapLibre's worker fetches every other layer.
 */
export function MapArea({
  selectedParkId,
  pageForPark,
  accessLines,
  briefing,
}: { selectedParkId: ParkId | null } & MapAreaOptions) {
  const { t } = useLang();
  const parks = useLoaded(loadParks);
  const chunk = useLoaded(importMapView);
  const mapStatus = useAtlasStore((s) => s.mapStatus);
  const webgl = useMemo(hasWebGL2, []);
  const setMapStatus = useAtlasStore((s) => s.setMapStatus);
  useEffect(() => {
    if (!webgl) setMapStatus('no-webgl', 'WebGL2 is not available');
  }, [webgl, setMapStatus]);
  if (!webgl || mapStatus === 'no-webgl') {
    return <MapFallback title={t('map.noWebgl.title')} body={t('map.noWebgl.body')} />;
  }
  const failed = parks.status === 'error' ? parks.error : chunk.status === 'error' ? chunk.error : null;
  if (failed) return <MapFallback title={t('map.error', { message: '' })} body={failed.message} />;
  if (parks.status !== 'ready' || chunk.status !== 'ready') {
    return <div className="map-loading">{t('map.loading')}</div>;
  }
  return (
    <ErrorBoundary
      fallback={(message) => <MapFallback title={t('map.error', { message: '' })} body={message} />}
    >
      <LoadedMap
        selectedParkId={selectedParkId}
        parks={parks.value}
        MapView={chunk.value.default}
        pageForPark={pageForPark}
        accessLines={accessLines}
        briefing={briefing}
      />
    </ErrorBoundary>
  );
}
