/**
 * The React shell around the map adapter (atlas-map.ts): creates it once, destroys it on unmount,
 * and hands every prop to its setter. The setters are idempotent, so calling them on each change
 * is all the shell does; it holds no map logic of its own.
 *
 * This module (and so maplibre-gl) is loaded lazily: the park list and the title paint first.
 */
import 'maplibre-gl/dist/maplibre-gl.css';
import { setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useRef } from 'react';
import type { LineStatusFilter, ParkId } from '../data/vocabulary.ts';
import type { MeasureCommand, MeasureSketch } from '../state/store.ts';
import type { CameraIntent } from '../url/url-store.ts';
import type { Lang, LayerGroup, MapTool } from '../url/view-state.ts';
import type { ArchiveOnMap, ArchiveTileLoader } from './archive-layers.ts';
import {
  AtlasMap,
  type AtlasMapHandlers,
  type FacilityFocus,
  type FeatureFocus,
  type FlyTarget,
} from './atlas-map.ts';
import type { OnlineBasemap } from './basemaps.ts';
import type { ImportedLayerOnMap, ImportTileLoader } from './imported-layers.ts';
import type { StyleInputs } from './style.ts';

setWorkerUrl(workerUrl);

declare global {
  interface Window {
    /** The live map, for debugging and for the browser tests (read-only use). */
    __atlas?: { map: AtlasMap['map'] };
  }
}

export interface MapViewProps extends AtlasMapHandlers {
  lang: Lang;
  visibleGroups: readonly LayerGroup[];
  selectedParkId: ParkId | null;
  hoveredParkId: ParkId | null;
  /** Parks outside the list's filter: drawn faded. */
  dimmedParkIds: ReadonlySet<ParkId>;
  /** The explorer's line-status filter. */
  lineStatuses: readonly LineStatusFilter[];
  /** Per-group opacity in whole percent. */
  layerOpacity: Partial<Record<LayerGroup, number>>;
  /** The facilities the filters leave (null until loaded: the style's own file is shown). */
  facilities: GeoJSON.FeatureCollection | null;
  /** The online basemap to draw under the atlas (null: the embedded one). */
  basemap: OnlineBasemap | null;
  /** Where the URL wants the camera (see url-store.ts). */
  cameraIntent: CameraIntent;
  /** The style's data; read once, when the map is created. */
  data: StyleInputs['data'];
  districtLabels: GeoJSON.FeatureCollection;
  probeOverlay: GeoJSON.FeatureCollection;
  /** The access page's lines from the selected park to its stations and hubs (null: none). */
  accessLines?: GeoJSON.FeatureCollection | null;
  /** A facility to fly to and open (from a list outside the map): acted on once per new value. */
  focusedFacility: FacilityFocus | null;
  /** Properties of the facilities by id, for the popup of a focused one. */
  facilityProperties: ReadonlyMap<string, Record<string, unknown>>;
  /** Called once the map has acted on `focusedFacility`, so the request is not acted on again. */
  onFacilityFocused: () => void;
  /** The open map tool (from the URL). */
  tool: MapTool | null;
  /** The measure drawing's sketch, live while drawing. */
  onSketch: (sketch: MeasureSketch | null) => void;
  /** A command for the measure drawing, acted on once per new value. */
  measureRequest: { command: MeasureCommand } | null;
  onMeasureRequestDone: () => void;
  /** A station, line or facility chosen in search: its popup opens (once per revision). */
  featureFocus: FeatureFocus | null;
  /** Called once the map has taken `featureFocus`, so a later map does not act on it again. */
  onFeatureFocused: () => void;
  /** The briefing's slide view: the map flies there once per new object (null: not a briefing). */
  flyTarget?: FlyTarget | null;
  /** The user's imported layers, bottom to top (their tiles come from `importTileLoader`). */
  importedLayers?: readonly ImportedLayerOnMap[];
  importTileLoader?: ImportTileLoader;
  /** A popup to open (acted on once per revision); `render` builds its body as DOM text. */
  popupRequest?: {
    lngLat: { lng: number; lat: number };
    render: (lang: Lang) => HTMLElement;
    revision: number;
  } | null;
  /** An extent to fit the camera to (acted on once per revision). */
  fitRequest?: { bbox: [number, number, number, number]; revision: number } | null;
  /** The user's PMTiles archives, bottom to top (their tiles come from `archiveTileLoader`). */
  archiveLayers?: readonly ArchiveOnMap[];
  archiveTileLoader?: ArchiveTileLoader;
  /** An archive's extent to fit the camera to (acted on once per revision). */
  archiveFit?: { bbox: [number, number, number, number]; revision: number } | null;
}

export default function MapView(props: MapViewProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const atlasRef = useRef<AtlasMap | null>(null);
  const propsRef = useRef(props);
  propsRef.current = props;

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const p = propsRef.current;
    // Handlers are forwarded through the ref, so the adapter always calls the current ones.
    const handlers: AtlasMapHandlers = {
      onSelectPark: (id) => propsRef.current.onSelectPark(id),
      onHoverPark: (id) => propsRef.current.onHoverPark(id),
      onCameraChange: (camera) => propsRef.current.onCameraChange(camera),
      onProbe: (lngLat) => propsRef.current.onProbe(lngLat),
      onReady: () => propsRef.current.onReady(),
      onError: (kind, message) => propsRef.current.onError(kind, message),
      onBasemapFailure: (reason) => propsRef.current.onBasemapFailure(reason),
      onPickImported: (layerId, index, lngLat) => propsRef.current.onPickImported?.(layerId, index, lngLat),
    };
    let atlas: AtlasMap;
    try {
      atlas = new AtlasMap({
        container,
        lang: p.lang,
        visibleGroups: p.visibleGroups,
        cameraIntent: p.cameraIntent,
        // Live sources already loaded go straight into the style, saving a setData round trip.
        data: { ...p.data, districtLabels: p.districtLabels, probe: p.probeOverlay },
        handlers,
      });
    } catch (error) {
      // Without a map instance nothing can be drawn: whatever the cause (usually no WebGL2
      // context), the page falls back to the map-less view with the message.
      p.onError('no-webgl', error instanceof Error ? error.message : String(error));
      return;
    }
    performance.mark('map-created');
    atlasRef.current = atlas;
    window.__atlas = { map: atlas.map };
    return () => {
      atlas.destroy();
      atlasRef.current = null;
    };
  }, []);

  useEffect(() => atlasRef.current?.setLanguage(props.lang), [props.lang]);
  useEffect(() => atlasRef.current?.setVisibleGroups(props.visibleGroups), [props.visibleGroups]);
  useEffect(() => atlasRef.current?.setSelection(props.selectedParkId), [props.selectedParkId]);
  useEffect(() => atlasRef.current?.setHover(props.hoveredParkId), [props.hoveredParkId]);
  useEffect(() => atlasRef.current?.setDimmed(props.dimmedParkIds), [props.dimmedParkIds]);
  useEffect(() => atlasRef.current?.setBasemap(props.basemap), [props.basemap]);
  useEffect(() => atlasRef.current?.setLineStatuses(props.lineStatuses), [props.lineStatuses]);
  useEffect(() => atlasRef.current?.setLayerOpacity(props.layerOpacity), [props.layerOpacity]);
  useEffect(() => {
    if (props.facilities) atlasRef.current?.setLiveSource('facilities', props.facilities);
  }, [props.facilities]);
  useEffect(() => atlasRef.current?.setCameraIntent(props.cameraIntent), [props.cameraIntent]);
  // After the camera intent, so a slide's view wins over the page's default fit.
  useEffect(() => {
    const target = props.flyTarget;
    if (target) atlasRef.current?.flyToView(target.camera, target.parkIds);
  }, [props.flyTarget]);
  useEffect(
    () => atlasRef.current?.setLiveSource('districtLabels', props.districtLabels),
    [props.districtLabels],
  );
  useEffect(() => atlasRef.current?.setLiveSource('probe', props.probeOverlay), [props.probeOverlay]);
  useEffect(() => atlasRef.current?.setAccessLines(props.accessLines ?? null), [props.accessLines]);
  useEffect(() => {
    if (props.importTileLoader) atlasRef.current?.setImportTileLoader(props.importTileLoader);
  }, [props.importTileLoader]);
  useEffect(() => atlasRef.current?.setImportedLayers(props.importedLayers ?? []), [props.importedLayers]);
  useEffect(() => {
    if (props.archiveTileLoader) atlasRef.current?.setArchiveTileLoader(props.archiveTileLoader);
  }, [props.archiveTileLoader]);
  useEffect(() => atlasRef.current?.setArchiveLayers(props.archiveLayers ?? []), [props.archiveLayers]);
  useEffect(() => {
    const request = props.archiveFit;
    if (request) atlasRef.current?.fitArchive(request.bbox);
  }, [props.archiveFit]);
  useEffect(() => {
    const request = props.popupRequest;
    if (request) atlasRef.current?.showPopup(request.lngLat, request.render);
  }, [props.popupRequest]);
  useEffect(() => {
    const request = props.fitRequest;
    if (request) atlasRef.current?.fitToBounds(request.bbox);
  }, [props.fitRequest]);
  useEffect(() => atlasRef.current?.setTool(props.tool, (s) => propsRef.current.onSketch(s)), [props.tool]);
  useEffect(() => {
    const request = props.measureRequest;
    const atlas = atlasRef.current;
    if (!request || !atlas) return;
    atlas.measureCommand(request.command);
    propsRef.current.onMeasureRequestDone();
  }, [props.measureRequest]);
  // Only a new focus moves the map: a language switch or a re-render must not fly back to it.
  useEffect(() => {
    const focus = props.focusedFacility;
    const atlas = atlasRef.current;
    if (!focus || !atlas) return;
    atlas.focusFacility(focus, propsRef.current.facilityProperties.get(focus.id));
    propsRef.current.onFacilityFocused();
  }, [props.focusedFacility]);

  useEffect(() => {
    const focus = props.featureFocus;
    if (!focus) return;
    const fallback =
      focus.kind === 'facility' ? propsRef.current.facilityProperties.get(focus.id) : undefined;
    const atlas = atlasRef.current;
    if (!atlas) return;
    atlas.focusFeature(focus, fallback);
    propsRef.current.onFeatureFocused();
  }, [props.featureFocus]);

  return <div ref={containerRef} className="map-canvas" data-testid="map" />;
}
