/**
 * The one component that owns the MapLibre map. It creates the map once, destroys it on unmount,
 * and turns prop changes into the narrowest MapLibre call (setLayoutProperty, setFeatureState,
 * setData, fitBounds). Event handlers are read from a ref, so callbacks stay current without
 * re-registering listeners.
 *
 * This module (and so maplibre-gl) is loaded lazily: the park list and the title paint first.
 */
import 'maplibre-gl/dist/maplibre-gl.css';
import {
  type GeoJSONSource,
  type IControl,
  type LngLatBoundsLike,
  type LngLatLike,
  type MapGeoJSONFeature,
  Map as MaplibreMap,
  type MapMouseEvent,
  NavigationControl,
  Popup,
  ScaleControl,
  setWorkerUrl,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useRef } from 'react';
import type { ParkId } from '../data/schemas.ts';
import type { Camera, Lang, LayerGroup } from '../url/view-state.ts';
import { drawFacilityIcon, FACILITY_CATEGORIES, iconId } from './facility-icons.ts';
import { boundsOf } from './geometry-helpers.ts';
import { LAYER, type LayerId, SOURCE } from './ids.ts';
import { popupContentFor } from './popups.ts';
import { bilingualLabel, buildStyle, LABEL_PROPERTY, LAYER_GROUP_OF, type StyleInputs } from './style.ts';

setWorkerUrl(workerUrl);

declare global {
  interface Window {
    /** The live map, for debugging and for the browser tests (read-only use). */
    __atlas?: { map: MaplibreMap };
  }
}

/** Guangzhou's extent, used when nothing is selected and no camera is in the URL. */
export const CITY_BOUNDS: LngLatBoundsLike = [
  [112.95, 22.52],
  [114.06, 23.94],
];

export interface MapViewProps {
  lang: Lang;
  visibleGroups: readonly LayerGroup[];
  selectedParkId: ParkId | null;
  hoveredParkId: ParkId | null;
  /** Parks outside the list's filter: drawn faded. */
  dimmedParkIds: ReadonlySet<ParkId>;
  /** The camera from the URL at start (null = fit the city or the selected park). */
  camera: Camera | null;
  data: StyleInputs['data'];
  /** Sources whose data changes while the map lives (setData when an entry changes). */
  liveSources: Partial<Record<keyof typeof SOURCE, GeoJSON.FeatureCollection>>;
  onSelectPark: (id: ParkId | null) => void;
  onHoverPark: (id: ParkId | null) => void;
  onCameraChange: (camera: Camera) => void;
  onProbe: (lngLat: { lng: number; lat: number }) => void;
  /** A facility to fly to and open (from a list outside the map). */
  focusedFacility: { id: string; lng: number; lat: number } | null;
  /** Properties of the facilities by id, for the popup of a focused one. */
  facilityProperties: ReadonlyMap<string, Record<string, unknown>>;
  onReady: () => void;
  onError: (kind: 'no-webgl' | 'error', message: string) => void;
}

const INTERACTIVE_POPUP_LAYERS: LayerId[] = [
  LAYER.facilityIcon,
  LAYER.facility,
  LAYER.stationOpen,
  LAYER.stationPlanned,
  LAYER.hub,
  LAYER.transitPlanned,
  LAYER.transitOpen,
  LAYER.roadPlanned,
];

function cameraOf(map: MaplibreMap): Camera {
  const c = map.getCenter();
  return { zoom: map.getZoom(), lat: c.lat, lng: c.lng, bearing: map.getBearing(), pitch: map.getPitch() };
}

/** Room around a fitted extent; on wide maps the right side also leaves room for the open legend. */
function fitPadding(container: HTMLElement) {
  const w = container.clientWidth;
  const h = container.clientHeight;
  // A container not laid out yet (or tiny) gets no padding rather than one that cannot fit.
  if (w < 200 || h < 200) return 0;
  const p = Math.max(24, Math.min(90, w * 0.08));
  const legend = container.parentElement?.querySelector('.legend[open]');
  const right = legend && w > 800 ? Math.min(legend.getBoundingClientRect().width + 16, w * 0.4) : p;
  // The attribution line sits over the bottom edge.
  return { top: p, bottom: p + 18, left: p, right };
}

export default function MapView(props: MapViewProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MaplibreMap | null>(null);
  const readyRef = useRef(false);
  const popupRef = useRef<Popup | null>(null);
  const appliedLive = useRef(new Map<string, GeoJSON.FeatureCollection>());
  const controlsRef = useRef<IControl[]>([]);
  const openPopupRef = useRef<((lngLat: LngLatLike, content: HTMLElement) => void) | null>(null);
  const propsRef = useRef(props);
  propsRef.current = props;
  const appliedRef = useRef<{ selected: ParkId | null; hovered: ParkId | null }>({
    selected: null,
    hovered: null,
  });

  // Create once.
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const p = propsRef.current;
    let map: MaplibreMap;
    const selectedBounds = p.selectedParkId ? parkBounds(p.data.parks, p.selectedParkId) : null;
    const initialBounds = p.camera ? null : (selectedBounds ?? overviewBounds(p.data.parks));
    try {
      map = new MaplibreMap({
        container,
        // Live sources already loaded go straight into the style, saving a setData round trip.
        style: buildStyle({
          lang: p.lang,
          data: { ...p.data, ...p.liveSources },
          visibleGroups: p.visibleGroups,
        }),
        ...(p.camera
          ? {
              center: [p.camera.lng, p.camera.lat],
              zoom: p.camera.zoom,
              bearing: p.camera.bearing,
              pitch: p.camera.pitch,
            }
          : { bounds: initialBounds ?? CITY_BOUNDS, fitBoundsOptions: { padding: fitPadding(container) } }),
        attributionControl: false,
        maxBounds: [
          [111.5, 21.8],
          [115.5, 24.7],
        ],
        minZoom: 7,
        maxZoom: 17,
        dragRotate: true,
        canvasContextAttributes: { preserveDrawingBuffer: true },
        locale: localeFor(p.lang),
      });
    } catch (error) {
      // Without a map instance nothing can be drawn: whatever the cause (usually no WebGL2
      // context), the page falls back to the map-less view with the message.
      p.onError('no-webgl', error instanceof Error ? error.message : String(error));
      return;
    }
    performance.mark('map-created');
    appliedLive.current = new Map(
      Object.entries(p.liveSources).filter(
        (e): e is [string, GeoJSON.FeatureCollection] => e[1] !== undefined,
      ),
    );
    mapRef.current = map;
    appliedRef.current = { selected: null, hovered: null };
    // Icons are drawn on demand, whenever the renderer first asks for one (no sprite file).
    map.setMissingStyleImageResolver((id) => {
      const category = FACILITY_CATEGORIES.find((c) => iconId(c) === id);
      const image = category ? drawFacilityIcon(category) : null;
      if (image && !map.hasImage(id)) map.addImage(id, image, { pixelRatio: 2 });
    });
    controlsRef.current = [];
    addControls(map, controlsRef, p.lang);

    const closePopup = () => {
      popupRef.current?.remove();
      popupRef.current = null;
    };
    const openPopup = (lngLat: LngLatLike, content: HTMLElement) => {
      closePopup();
      popupRef.current = new Popup({ maxWidth: '320px', closeButton: true, focusAfterOpen: false })
        .setLngLat(lngLat)
        .setDOMContent(content)
        .addTo(map);
    };
    openPopupRef.current = openPopup;

    const parkAt = (e: MapMouseEvent): MapGeoJSONFeature | undefined =>
      map.queryRenderedFeatures(e.point, {
        layers: [LAYER.parkMarker, LAYER.parkMarkerNumber, LAYER.parkFill].filter((id) => map.getLayer(id)),
      })[0];

    map.on('mousemove', (e) => {
      const park = parkAt(e);
      const hit =
        park ??
        map.queryRenderedFeatures(e.point, {
          layers: INTERACTIVE_POPUP_LAYERS.filter((id) => map.getLayer(id)),
        })[0];
      map.getCanvas().style.cursor = hit ? 'pointer' : '';
      const id = (park?.properties.id as ParkId | undefined) ?? null;
      if (id !== propsRef.current.hoveredParkId) propsRef.current.onHoverPark(id);
    });
    map.on('mouseout', () => propsRef.current.onHoverPark(null));

    map.on('click', (e) => {
      closePopup();
      const marker = map.queryRenderedFeatures(e.point, {
        layers: [LAYER.parkMarker, LAYER.parkMarkerNumber].filter((id) => map.getLayer(id)),
      })[0];
      if (marker) {
        propsRef.current.onSelectPark(marker.properties.id as ParkId);
        return;
      }
      const layers = [LAYER.facilityCluster, ...INTERACTIVE_POPUP_LAYERS].filter((id) => map.getLayer(id));
      const hit = map.queryRenderedFeatures(e.point, { layers })[0];
      if (hit?.layer.id === LAYER.facilityCluster) {
        const source = map.getSource<GeoJSONSource>(SOURCE.facilities);
        const clusterId = hit.properties.cluster_id as number;
        void source?.getClusterExpansionZoom(clusterId).then((zoom) => {
          const g = hit.geometry;
          if (g.type === 'Point') map.easeTo({ center: g.coordinates as [number, number], zoom });
        });
        return;
      }
      if (hit) {
        const layerId = hit.layer.id === LAYER.facilityIcon ? LAYER.facility : hit.layer.id;
        openPopup(e.lngLat, popupContentFor(layerId, hit.properties, propsRef.current.lang));
        return;
      }
      const park = parkAt(e);
      if (park) {
        propsRef.current.onSelectPark(park.properties.id as ParkId);
        return;
      }
      propsRef.current.onProbe({ lng: e.lngLat.lng, lat: e.lngLat.lat });
    });

    // The page may still be settling when the map starts (the attribution line wrapping, fonts):
    // until the user moves the map, a resize re-fits the initial extent instead of keeping the centre.
    let userMoved = false;
    map.on('movestart', (e) => {
      if ((e as { originalEvent?: unknown }).originalEvent) userMoved = true;
    });
    map.on('resize', () => {
      if (!userMoved && initialBounds && !readyRef.current) {
        map.fitBounds(initialBounds, { padding: fitPadding(container), duration: 0 });
      }
    });

    // One report per finished move (the URL binding rate-limits history writes); the start-up
    // fitting before the first idle is not a move of the user's.
    map.on('moveend', () => {
      if (readyRef.current) propsRef.current.onCameraChange(cameraOf(map));
    });

    map.on('error', (e) => {
      const message = e.error instanceof Error ? e.error.message : String(e.error ?? 'unknown error');
      propsRef.current.onError('error', message);
    });

    map.once('idle', () => {
      readyRef.current = true;
      applySelection(
        map,
        propsRef.current.selectedParkId,
        propsRef.current.hoveredParkId,
        appliedRef.current,
      );
      performance.mark('map-ready');
      propsRef.current.onReady();
    });
    map.on('load', () => {
      performance.mark('map-load');
      applySelection(
        map,
        propsRef.current.selectedParkId,
        propsRef.current.hoveredParkId,
        appliedRef.current,
      );
    });

    window.__atlas = { map };
    return () => {
      closePopup();
      map.remove();
      mapRef.current = null;
      readyRef.current = false;
    };
  }, []);

  // Language: re-set label text, the narrowest change. The style was built in the first language,
  // so nothing is re-set until it changes (re-setting text re-lays out every label tile).
  const labelLang = useRef(props.lang);
  useEffect(() => {
    const map = mapRef.current;
    if (!map || labelLang.current === props.lang) return;
    labelLang.current = props.lang;
    addControls(map, controlsRef, props.lang);
    const apply = () => {
      for (const [layerId, property] of Object.entries(LABEL_PROPERTY)) {
        if (map.getLayer(layerId) && property)
          map.setLayoutProperty(layerId, 'text-field', bilingualLabel(props.lang, property));
      }
    };
    if (map.isStyleLoaded()) apply();
    else map.once('load', apply);
  }, [props.lang]);

  // Layer visibility.
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const visible = new Set(props.visibleGroups);
    const apply = () => {
      for (const [layerId, group] of Object.entries(LAYER_GROUP_OF)) {
        if (!map.getLayer(layerId) || !group) continue;
        const wanted = visible.has(group) ? 'visible' : 'none';
        // An unset visibility is 'visible': setting it anyway would reload every source.
        const current = map.getLayoutProperty(layerId, 'visibility') ?? 'visible';
        if (current !== wanted) map.setLayoutProperty(layerId, 'visibility', wanted);
      }
    };
    if (map.isStyleLoaded()) apply();
    else map.once('load', apply);
  }, [props.visibleGroups]);

  // Selection and hover as feature state.
  useEffect(() => {
    const map = mapRef.current;
    if (!map?.isStyleLoaded()) return;
    applySelection(map, props.selectedParkId, props.hoveredParkId, appliedRef.current);
  }, [props.selectedParkId, props.hoveredParkId]);

  // Parks outside the industry filter, as feature state (no style change, no re-layout).
  const appliedDimmed = useRef<ReadonlySet<ParkId>>(new Set());
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const apply = () => {
      const before = appliedDimmed.current;
      const now = props.dimmedParkIds;
      for (const id of new Set([...before, ...now])) {
        if (before.has(id) === now.has(id)) continue;
        for (const source of [SOURCE.parks, SOURCE.parkLabels])
          map.setFeatureState({ source, id }, { dimmed: now.has(id) });
      }
      appliedDimmed.current = now;
    };
    if (map.isStyleLoaded()) apply();
    else map.once('load', apply);
  }, [props.dimmedParkIds]);

  // Fly to a newly selected park (not on the first render: the initial camera already shows it).
  const firstSelection = useRef(true);
  useEffect(() => {
    if (firstSelection.current) {
      firstSelection.current = false;
      return;
    }
    const map = mapRef.current;
    if (!map) return;
    const id = props.selectedParkId;
    const bounds = id ? parkBounds(props.data.parks, id) : null;
    const reduceMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    map.fitBounds(bounds ?? overviewBounds(props.data.parks), {
      padding: fitPadding(map.getContainer()),
      maxZoom: 13.6,
      duration: reduceMotion ? 0 : 1400,
      essential: false,
    });
  }, [props.selectedParkId, props.data.parks]);

  // A facility picked in a list: fly there and open its popup.
  useEffect(() => {
    const map = mapRef.current;
    const focus = props.focusedFacility;
    if (!map || !focus) return;
    const properties = props.facilityProperties.get(focus.id);
    map.flyTo({ center: [focus.lng, focus.lat], zoom: Math.max(map.getZoom(), 14.5), duration: 800 });
    if (properties)
      openPopupRef.current?.([focus.lng, focus.lat], popupContentFor(LAYER.facility, properties, props.lang));
  }, [props.focusedFacility, props.facilityProperties, props.lang]);

  // Live data.
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const apply = () => {
      for (const [key, data] of Object.entries(props.liveSources)) {
        if (!data || appliedLive.current.get(key) === data) continue;
        const source = map.getSource<GeoJSONSource>(SOURCE[key as keyof typeof SOURCE]);
        if (!source) continue;
        source.setData(data);
        appliedLive.current.set(key, data);
      }
    };
    if (map.isStyleLoaded()) apply();
    else map.once('load', apply);
  }, [props.liveSources]);

  return <div ref={containerRef} className="map-canvas" data-testid="map" />;
}

/** The map controls' own strings, in both languages (English given too, to switch back). */
const CONTROL_STRINGS: Record<Lang, Record<string, string>> = {
  zh: {
    'NavigationControl.ZoomIn': '放大',
    'NavigationControl.ZoomOut': '缩小',
    'NavigationControl.ResetBearing': '重置方向',
    'ScaleControl.Meters': '米',
    'ScaleControl.Kilometers': '公里',
  },
  en: {
    'NavigationControl.ZoomIn': 'Zoom in',
    'NavigationControl.ZoomOut': 'Zoom out',
    'NavigationControl.ResetBearing': 'Reset bearing to north',
    'ScaleControl.Meters': 'm',
    'ScaleControl.Kilometers': 'km',
  },
};

function localeFor(lang: Lang): Record<string, string> {
  return CONTROL_STRINGS[lang];
}

/** Controls read their strings when added: re-add them in the new language. */
function addControls(map: MaplibreMap, controls: { current: IControl[] }, lang: Lang): void {
  for (const c of controls.current) map.removeControl(c);
  map._locale = { ...map._locale, ...localeFor(lang) };
  controls.current = [
    new NavigationControl({ visualizePitch: true }),
    new ScaleControl({ unit: 'metric', maxWidth: 120 }),
  ];
  map.addControl(controls.current[0]!, 'top-right');
  map.addControl(controls.current[1]!, 'bottom-left');
}

/** The overview: all ten parks (they sit in the city's south and centre), else the whole city. */
function overviewBounds(parks: StyleInputs['data']['parks']): LngLatBoundsLike {
  if (typeof parks === 'string' || parks.type !== 'FeatureCollection') return CITY_BOUNDS;
  return (boundsOf(parks) as LngLatBoundsLike | null) ?? CITY_BOUNDS;
}

function parkBounds(parks: StyleInputs['data']['parks'], id: ParkId): LngLatBoundsLike | null {
  if (typeof parks === 'string' || parks.type !== 'FeatureCollection') return null;
  const feature = parks.features.find((f) => (f.properties as { id?: string } | null)?.id === id);
  return feature?.geometry ? (boundsOf(feature.geometry) as LngLatBoundsLike | null) : null;
}

function applySelection(
  map: MaplibreMap,
  selected: ParkId | null,
  hovered: ParkId | null,
  applied: { selected: ParkId | null; hovered: ParkId | null },
): void {
  if (!map.getSource(SOURCE.parks)) return;
  const set = (id: ParkId | null, key: 'selected' | 'hover', value: boolean) => {
    if (!id) return;
    for (const source of [SOURCE.parks, SOURCE.parkLabels])
      map.setFeatureState({ source, id }, { [key]: value });
  };
  set(applied.selected, 'selected', false);
  set(applied.hovered, 'hover', false);
  set(selected, 'selected', true);
  set(hovered, 'hover', true);
  applied.selected = selected;
  applied.hovered = hovered;
}
