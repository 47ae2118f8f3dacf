/**
 * The map adapter: one imperative class that owns the MapLibre instance. Everything the app wants
 * of the map goes through one idempotent setter per input (language, visible layers, selection,
 * hover, faded parks, live data, camera, facility focus). Each setter remembers its value and
 * applies it once the style is ready — tracked by the adapter's own flag, set on every `style.load`
 * — and everything is re-applied after a style reload, so no update is ever lost.
 *
 * (`map.isStyleLoaded()` is false whenever tiles are loading, and `load` fires once: an update
 * guarded by them is dropped when it arrives mid-flight. That was the bug this class exists to fix.)
 *
 * Event handlers are read from `this.handlers`, replaced by `setHandlers`, so callbacks stay current
 * without re-registering listeners. The only other code that touches MapLibre is the React shell
 * (MapView.tsx), which creates and destroys this class.
 */
import {
  type ExpressionSpecification,
  type GeoJSONSource,
  type IControl,
  type LayerSpecification,
  type LngLatBoundsLike,
  type LngLatLike,
  type MapGeoJSONFeature,
  Map as MaplibreMap,
  type MapMouseEvent,
  type MapOptions,
  type MapSourceDataEvent,
  type MapStyleDataEvent,
  addProtocol as maplibreAddProtocol,
  NavigationControl,
  Popup,
  ScaleControl,
  type SourceSpecification,
} from 'maplibre-gl';
import { LINE_STATUS_FILTERS, type LineStatusFilter, type ParkId } from '../data/vocabulary.ts';
import type { CameraIntent } from '../url/url-store.ts';
import { type Camera, type Lang, type LayerGroup, type MapTool, sameCamera } from '../url/view-state.ts';
import { FEATURE_INDEX_PROPERTY } from '../workers/import-protocol.ts';
// ---- PMTiles archives
import {
  type ArchiveOnMap,
  type ArchiveTileLoader,
  archiveLayerIds,
  archiveLayers,
  archiveSource,
  archiveSourceId,
  setArchiveTileLoader,
} from './archive-layers.ts';
import { type OnlineBasemap, redactKeys } from './basemaps.ts';
import { drawFacilityIcon, FACILITY_CATEGORIES, iconId } from './facility-icons.ts';
import { type Bounds, boundsOf } from './geometry-helpers.ts';
import { LAYER, type LayerId, SOURCE } from './ids.ts';
import {
  type ImportedLayerOnMap,
  type ImportTileLoader,
  importedLayerOf,
  importLayerIds,
  importLayers,
  importSource,
  importSourceId,
  setImportTileLoader,
} from './imported-layers.ts';
import type { MeasureCommand, MeasureDraw, MeasureMode, MeasureSketch } from './measure-draw.ts';
// ---- end PMTiles archives
import { popupContentFor } from './popups.ts';
import {
  bilingualLabel,
  buildStyle,
  followsLineStatusFilter,
  isEmbeddedBasemapLayer,
  labelPropertyOf,
  layerGroupOf,
  lineStatusFilter,
  OPACITY_PROPERTIES,
  type StyleInputs,
  scaleOpacity,
} from './style.ts';

/** Guangzhou's extent, used when there are no parks to fit. */
export const CITY_BOUNDS: LngLatBoundsLike = [
  [112.95, 22.52],
  [114.06, 23.94],
];

/** How long a fit to a newly chosen park takes (0 when the user prefers reduced motion). */
const FIT_DURATION_MS = 1400;
/** How long a briefing's flight to the next slide may take at most. */
const FLIGHT_MAX_MS = 2500;

/** A briefing slide's view: a camera, or null to fit `parkIds` (none: the whole city). */
export interface FlyTarget {
  camera: { lng: number; lat: number; zoom: number; bearing: number; pitch: number } | null;
  parkIds: readonly ParkId[];
}

/** Sources whose data the app replaces at run time (facilities: filtered by the explorer). */
export type LiveSourceKey = 'districtLabels' | 'probe' | 'facilities' | 'accessLines';

const NO_FEATURES: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };

/** Why an online basemap was given up for the embedded one. */
export type BasemapFailure = 'key-rejected' | 'tile-errors' | 'timeout' | 'offline' | 'blocked';

/** An online basemap is given up when no tile has arrived for this long while tiles are pending. */
export const BASEMAP_STALL_MS = 4000;
/** …or after this many failed tiles (a 401/403 gives up at once). */
const BASEMAP_MAX_TILE_ERRORS = 3;
const BASEMAP_ID_PREFIX = 'basemap-';

export interface AtlasMapHandlers {
  onSelectPark: (id: ParkId | null) => void;
  onHoverPark: (id: ParkId | null) => void;
  /** One call per finished camera move after the map is ready. */
  onCameraChange: (camera: Camera) => void;
  onProbe: (lngLat: { lng: number; lat: number }) => void;
  onReady: () => void;
  /** The message never carries an API key (redacted). */
  onError: (kind: 'no-webgl' | 'error', message: string) => void;
  /** The online basemap failed and the embedded one is shown again. */
  onBasemapFailure: (reason: BasemapFailure) => void;
  /** A feature of an imported layer was clicked: its layer, its index in the layer, where. */
  onPickImported?: (layerId: string, index: number, lngLat: { lng: number; lat: number }) => void;
}

export interface FacilityFocus {
  id: string;
  lng: number;
  lat: number;
}

/**
 * A station, line or facility chosen in search: its popup opens once the map has drawn it (the
 * camera is moved by the URL, not by this request). `revision` tells two requests for the same
 * feature apart.
 */
export interface FeatureFocus {
  kind: 'station' | 'line' | 'facility';
  id: string;
  lng: number;
  lat: number;
  revision: number;
}

/** The layers that draw each kind of focusable feature, in the order a hit is preferred. */
const FOCUS_LAYERS: Record<FeatureFocus['kind'], LayerId[]> = {
  station: [LAYER.stationOpen, LAYER.stationPlanned],
  line: [LAYER.transitOpen, LAYER.transitPlanned, LAYER.roadPlanned],
  facility: [LAYER.facility, LAYER.facilityIcon],
};
/** Idle events to wait for the focused feature to be drawn before giving up on its popup. */
const FOCUS_MAX_ATTEMPTS = 6;

export interface AtlasMapOptions {
  container: HTMLElement;
  lang: Lang;
  visibleGroups: readonly LayerGroup[];
  cameraIntent: CameraIntent;
  data: StyleInputs['data'];
  handlers: AtlasMapHandlers;
  /** For the unit tests' fake map; MapLibre's Map otherwise. */
  createMap?: (options: MapOptions) => MaplibreMap;
  prefersReducedMotion?: () => boolean;
  /** For the unit tests: the measure drawing module (loaded on demand otherwise). */
  loadMeasureDraw?: () => Promise<{ MeasureDraw: MeasureDrawClass }>;
  /** For the unit tests: MapLibre's global addProtocol otherwise. */
  addProtocol?: typeof maplibreAddProtocol;
}

type MeasureDrawClass = new (
  map: MaplibreMap,
  mode: MeasureMode,
  onSketch: (sketch: MeasureSketch | null) => void,
) => Pick<MeasureDraw, 'setMode' | 'command' | 'destroy'>;

/** The measure tools draw on the map; the radius tool and no tool leave clicks to the atlas. */
const measureModeOf = (tool: MapTool | null): MeasureMode | null =>
  tool === 'distance' || tool === 'area' ? tool : null;

const POPUP_LAYERS: LayerId[] = [
  LAYER.facilityIcon,
  LAYER.facility,
  LAYER.stationOpen,
  LAYER.stationPlanned,
  LAYER.hub,
  LAYER.transitPlanned,
  LAYER.transitOpen,
  LAYER.roadPlanned,
];
const PARK_MARKER_LAYERS: LayerId[] = [LAYER.parkMarker, LAYER.parkMarkerNumber];
const PARK_LAYERS: LayerId[] = [...PARK_MARKER_LAYERS, LAYER.parkFill];
const PARK_SOURCES = [SOURCE.parks, SOURCE.parkLabels];

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
  // A panel laid over the map's left side (the briefing's caption) is kept clear of the fit.
  const inset = container.closest('[data-map-frame]')?.querySelector('[data-map-inset="left"]');
  const left = inset && w > 800 ? Math.min(inset.getBoundingClientRect().right + 16, w * 0.5) : p;
  // The attribution line sits over the bottom edge.
  return { top: p, bottom: p + 18, left, right };
}

function originOf(url: string): string {
  try {
    return new URL(url.replace(/\{[a-z]\}/g, '0')).origin;
  } catch {
    return '';
  }
}

function reducedMotionPreferred(): boolean {
  return window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}

interface OpenPopup {
  layerId: string;
  properties: Record<string, unknown>;
  lngLat: LngLatLike;
  popup: Popup;
  /** Builds the body in the current language (imported features); popupContentFor otherwise. */
  render?: (lang: Lang) => HTMLElement;
}

export class AtlasMap {
  readonly map: MaplibreMap;
  private handlers: AtlasMapHandlers;
  private readonly container: HTMLElement;
  private readonly parks: StyleInputs['data']['parks'];
  private readonly prefersReducedMotion: () => boolean;
  /** Set by every `style.load`: the style's layers and sources exist and can be changed. */
  private styleReady = false;
  /** Set by the first `idle`: the start-up fitting is over, camera moves are the user's. */
  private ready = false;
  /** The camera is the page's default view (fitted by the app), not one the user or a link chose. */
  private showingDefaultView = false;
  private destroyed = false;
  private controls: IControl[] = [];
  private popup: OpenPopup | null = null;
  private pendingFocus: { focus: FeatureFocus; fallback?: Record<string, unknown>; attempts: number } | null =
    null;
  private appliedFocusRevision = -1;
  /** The briefing's current slide view (null: not in a briefing); a resize re-fits a fitted one. */
  private briefView: FlyTarget | null = null;

  // What the app wants; applied whenever the style is ready.
  private lang: Lang;
  private visibleGroups: ReadonlySet<LayerGroup>;
  private selected: ParkId | null = null;
  private hovered: ParkId | null = null;
  private dimmed: ReadonlySet<ParkId> = new Set();
  private lineStatuses: readonly LineStatusFilter[] = LINE_STATUS_FILTERS;
  private opacity: Partial<Record<LayerGroup, number>> = {};
  /** The layers as built: their own filters and opacities, which the explorer's are combined with. */
  private readonly builtLayers: ReadonlyMap<string, LayerSpecification>;
  private readonly live = new Map<LiveSourceKey, GeoJSON.FeatureCollection>();
  private basemap: OnlineBasemap | null = null;
  private basemapHealth = { tileErrors: 0, lastProgressAt: 0, watchdog: 0, stop: () => {} };
  private tool: MapTool | null = null;
  private onSketch: (sketch: MeasureSketch | null) => void = () => {};
  private measure: Pick<MeasureDraw, 'setMode' | 'command' | 'destroy'> | null = null;
  private measureModule: Promise<{ MeasureDraw: MeasureDrawClass }> | null = null;
  private readonly loadMeasureDraw: () => Promise<{ MeasureDraw: MeasureDrawClass }>;
  private readonly addProtocol: typeof maplibreAddProtocol;
  private imported: readonly ImportedLayerOnMap[] = [];
  // ---- PMTiles archives
  private archives: readonly ArchiveOnMap[] = [];
  // ---- end PMTiles archives

  // What the current style has had applied (reset on every style load).
  private applied = this.nothingApplied();
  private appliedCameraRevision: number;
  private controlsLang: Lang | null = null;

  constructor(options: AtlasMapOptions) {
    this.container = options.container;
    this.handlers = options.handlers;
    this.parks = options.data.parks;
    this.lang = options.lang;
    this.visibleGroups = new Set(options.visibleGroups);
    this.prefersReducedMotion = options.prefersReducedMotion ?? reducedMotionPreferred;
    // terra-draw is loaded with the first measure tool opened, never at start.
    this.loadMeasureDraw = options.loadMeasureDraw ?? (() => import('./measure-draw.ts'));
    this.addProtocol = options.addProtocol ?? maplibreAddProtocol;
    const intent = options.cameraIntent;
    this.selected = intent.parkId;
    this.appliedCameraRevision = intent.revision;
    this.showingDefaultView = intent.camera === null;
    const initialBounds = intent.camera ? null : this.defaultBounds(intent.parkId);
    const createMap = options.createMap ?? ((o: MapOptions) => new MaplibreMap(o));
    // The style is built in the first language and visibility, so nothing is re-set at start.
    const style = buildStyle({
      lang: options.lang,
      data: options.data,
      visibleGroups: options.visibleGroups,
    });
    this.builtLayers = new Map(style.layers.map((l) => [l.id, l]));
    this.map = createMap({
      container: options.container,
      style,
      ...(intent.camera
        ? {
            center: [intent.camera.lng, intent.camera.lat],
            zoom: intent.camera.zoom,
            bearing: intent.camera.bearing,
            pitch: intent.camera.pitch,
          }
        : {
            bounds: initialBounds ?? CITY_BOUNDS,
            fitBoundsOptions: { padding: fitPadding(this.container) },
          }),
      attributionControl: false,
      maxBounds: [
        [111.5, 21.8],
        [115.5, 24.7],
      ],
      minZoom: 7,
      maxZoom: 17,
      dragRotate: true,
      canvasContextAttributes: { preserveDrawingBuffer: true },
      locale: CONTROL_STRINGS[options.lang],
    });
    // The live sources and the language the style was built with count as applied.
    this.applied.lang = options.lang;
    this.applied.groups = this.visibleGroups;
    for (const key of ['districtLabels', 'probe'] as const) {
      const data = options.data[key];
      if (typeof data !== 'string' && data.type === 'FeatureCollection') {
        this.live.set(key, data);
        this.applied.live.set(key, data);
      }
    }
    this.wire(initialBounds);
    this.applyControls();
  }

  // ---------------------------------------------------------------- setters (idempotent)

  setHandlers(handlers: AtlasMapHandlers): void {
    this.handlers = handlers;
  }

  setLanguage(lang: Lang): void {
    this.lang = lang;
    this.applyControls();
    this.sync();
    // An open popup follows the language where it is; the camera does not move.
    if (this.popup) this.popup.popup.setDOMContent(this.popupContent(this.popup));
  }

  setVisibleGroups(groups: readonly LayerGroup[]): void {
    this.visibleGroups = new Set(groups);
    this.sync();
  }

  setSelection(parkId: ParkId | null): void {
    this.selected = parkId;
    this.sync();
  }

  setHover(parkId: ParkId | null): void {
    this.hovered = parkId;
    this.sync();
  }

  /** Parks outside the list's filter: drawn faded (feature state: no style change, no re-layout). */
  setDimmed(parkIds: ReadonlySet<ParkId>): void {
    this.dimmed = parkIds;
    this.sync();
  }

  /** The explorer's line-status filter, on every transit line and station layer. */
  setLineStatuses(statuses: readonly LineStatusFilter[]): void {
    if (statuses.join() === this.lineStatuses.join()) return;
    this.lineStatuses = [...statuses];
    this.sync();
  }

  /** Per-group opacity in whole percent (a group left out is at 100). */
  setLayerOpacity(opacity: Partial<Record<LayerGroup, number>>): void {
    if (JSON.stringify(opacity) === JSON.stringify(this.opacity)) return;
    this.opacity = { ...opacity };
    this.sync();
  }

  setLiveSource(key: LiveSourceKey, data: GeoJSON.FeatureCollection): void {
    this.live.set(key, data);
    this.sync();
  }

  /**
   * The access page's lines from the selected park's boundary to its nearest stations and hubs,
   * with their distance labels (null: none). Lines are LineStrings and labels Points with
   * `kind` (open | planned | hub) and a bilingual `label`, as src/map/style.ts draws them.
   */
  setAccessLines(lines: GeoJSON.FeatureCollection | null): void {
    const current = this.live.get('accessLines');
    if (lines === null && (current === undefined || current === NO_FEATURES)) return;
    if (lines === current) return;
    this.setLiveSource('accessLines', lines ?? NO_FEATURES);
    // Lines to hubs run 10–40 km: while the map shows the page's default view (not a camera the
    // user chose or the link carried), widen it so every line and its label is in sight.
    if (lines && lines.features.length > 0 && this.showingDefaultView) this.fitDefault(this.selected);
  }

  /**
   * The online basemap under the atlas (null: the embedded one). Its tiles are watched: a rejected
   * key, repeated tile errors, a stall, going offline or a CSP block switch back to the embedded
   * basemap within seconds, and `onBasemapFailure` says why. The atlas's own layers stay.
   */
  /**
   * The imported layers to draw, bottom to top, above the transit and below the labels. A layer
   * whose `revision` changed (its features changed) gets a new source, so no stale tile is kept.
   */
  setImportedLayers(layers: readonly ImportedLayerOnMap[]): void {
    this.imported = layers;
    this.sync();
  }

  /** Where the imported layers' tiles come from (the import worker). */
  setImportTileLoader(loader: ImportTileLoader): void {
    setImportTileLoader(loader, this.addProtocol);
  }

  /** Opens a popup whose body `render` builds (as DOM text) in the current language. */
  showPopup(lngLat: { lng: number; lat: number }, render: (lang: Lang) => HTMLElement): void {
    this.closePopup();
    const popup = new Popup({ maxWidth: '320px', closeButton: true, focusAfterOpen: false })
      .setLngLat(lngLat)
      .setDOMContent(render(this.lang))
      .addTo(this.map);
    const open: OpenPopup = { layerId: '', properties: {}, lngLat, popup, render };
    popup.on('close', () => {
      if (this.popup === open) this.popup = null;
    });
    this.popup = open;
  }

  /** Fits the camera to [minLng, minLat, maxLng, maxLat] (e.g. an imported layer), within the map's limits. */
  fitToBounds(bbox: readonly [number, number, number, number]): void {
    const [w, s, e, n] = bbox;
    if (![w, s, e, n].every(Number.isFinite)) return;
    this.map.fitBounds(
      [
        [w, s],
        [e, n],
      ],
      { padding: fitPadding(this.container), maxZoom: 15, duration: this.prefersReducedMotion() ? 0 : 800 },
    );
  }

  setBasemap(basemap: OnlineBasemap | null): void {
    const same = JSON.stringify(basemap?.layers ?? null) === JSON.stringify(this.basemap?.layers ?? null);
    if (same) return;
    this.basemap = basemap;
    this.sync();
  }

  /**
   * Moves the map to what the URL asks for, once per intent: to its camera (a jump, as for a typed
   * hash or back/forward), or — with no camera — a fit to the park or to all parks.
   */
  setCameraIntent(intent: CameraIntent): void {
    if (intent.revision === this.appliedCameraRevision) return;
    this.appliedCameraRevision = intent.revision;
    const map = this.map;
    if (intent.camera) {
      this.showingDefaultView = false;
      if (sameCamera(intent.camera, cameraOf(map))) return;
      map.stop();
      map.jumpTo({
        center: [intent.camera.lng, intent.camera.lat],
        zoom: intent.camera.zoom,
        bearing: intent.camera.bearing,
        pitch: intent.camera.pitch,
      });
      return;
    }
    this.fitDefault(intent.parkId);
  }

  /**
   * The briefing: flies to a slide's view — its camera, or (null) a fit to its parks, or to the city
   * when it names none. Jumps when the user prefers reduced motion. Every call moves the map, even
   * to the view it shows (a slide revisited after the presenter panned).
   */
  flyToView(camera: FlyTarget['camera'], parkIds: readonly ParkId[]): void {
    this.briefView = { camera, parkIds };
    this.showingDefaultView = false;
    const map = this.map;
    const animate = !this.prefersReducedMotion();
    map.stop();
    if (camera) {
      const view = {
        center: [camera.lng, camera.lat] as [number, number],
        zoom: camera.zoom,
        bearing: camera.bearing,
        pitch: camera.pitch,
      };
      if (animate) map.flyTo({ ...view, maxDuration: FLIGHT_MAX_MS, essential: false });
      else map.jumpTo(view);
      return;
    }
    this.fitBriefView(parkIds, animate);
  }

  private fitBriefView(parkIds: readonly ParkId[], animate: boolean): void {
    const bounds = parkIds.length > 0 ? this.parkBounds(parkIds) : null;
    this.map.fitBounds(bounds ?? CITY_BOUNDS, {
      padding: fitPadding(this.container),
      maxZoom: 14,
      bearing: 0,
      pitch: 0,
      duration: animate ? FIT_DURATION_MS : 0,
      maxDuration: FLIGHT_MAX_MS,
      essential: false,
    });
  }

  /** The bounds of the given parks together (null: none of them has a geometry). */
  private parkBounds(parkIds: readonly ParkId[]): Bounds | null {
    const parks = this.parks;
    if (typeof parks === 'string' || parks.type !== 'FeatureCollection') return null;
    const features = parks.features.filter((f) =>
      parkIds.includes((f.properties as { id?: string } | null)?.id as ParkId),
    );
    return features.length > 0 ? boundsOf({ type: 'FeatureCollection', features }) : null;
  }

  /** Fits the page's default view: the park (with its access lines, if any) or all parks. */
  private fitDefault(parkId: ParkId | null): void {
    this.showingDefaultView = true;
    const lines = this.live.get('accessLines');
    const park = this.defaultBounds(parkId);
    const extra = lines && lines.features.length > 0 ? boundsOf(lines) : null;
    const bounds: Bounds | null =
      park && extra
        ? [
            [Math.min(park[0][0], extra[0][0]), Math.min(park[0][1], extra[0][1])],
            [Math.max(park[1][0], extra[1][0]), Math.max(park[1][1], extra[1][1])],
          ]
        : park;
    this.map.fitBounds(bounds ?? CITY_BOUNDS, {
      padding: fitPadding(this.container),
      maxZoom: 13.6,
      duration: this.prefersReducedMotion() ? 0 : FIT_DURATION_MS,
      essential: false,
    });
  }

  /**
   * The open map tool. Distance and area draw on the map (clicks add vertices; `onSketch` gets the
   * vertices, live while drawing); with the radius tool every click asks "what is near here"
   * (`onProbe`); with none, clicks select parks and open popups, and a click on empty ground probes.
   */
  setTool(tool: MapTool | null, onSketch: (sketch: MeasureSketch | null) => void): void {
    this.onSketch = onSketch;
    if (tool === this.tool) return;
    this.tool = tool;
    this.closePopup();
    this.map.getCanvas().style.cursor = '';
    this.applyTool();
  }

  /** Finish, cancel, remove the last vertex of, or clear the measure sketch (no-op without one). */
  measureCommand(command: MeasureCommand): void {
    this.measure?.command(command);
  }

  /** A facility picked in a list: fly there and open its popup (once per call, not per render). */
  focusFacility(focus: FacilityFocus, properties: Record<string, unknown> | undefined): void {
    // Land the facility in the middle of the map's unobstructed part (not under the legend), with
    // `offset` rather than `padding`: MapLibre keeps a flight's padding for every later camera.
    const padding = fitPadding(this.container);
    const offset: [number, number] =
      typeof padding === 'number'
        ? [0, 0]
        : [(padding.left - padding.right) / 2, (padding.top - padding.bottom) / 2];
    this.map.flyTo({
      center: [focus.lng, focus.lat],
      zoom: Math.max(this.map.getZoom(), 14.5),
      offset,
      duration: this.prefersReducedMotion() ? 0 : 800,
    });
    if (properties) this.openPopup(LAYER.facility, properties, [focus.lng, focus.lat]);
  }

  /**
   * Opens the popup of a station, line or facility chosen outside the map (search), once per
   * request: on the next idle at which the map has drawn it — so after the camera move the URL asked
   * for — with the same properties a click would give. A feature not drawn (hidden layer, clustered
   * facility) gets `fallback` properties if given, else no popup after a few idles.
   */
  focusFeature(focus: FeatureFocus, fallback?: Record<string, unknown>): void {
    if (focus.revision === this.appliedFocusRevision) return;
    this.appliedFocusRevision = focus.revision;
    this.pendingFocus = { focus, attempts: 0, ...(fallback ? { fallback } : {}) };
    this.map.triggerRepaint();
  }

  private tryPendingFocus(): void {
    const pending = this.pendingFocus;
    if (!pending || !this.styleReady || this.destroyed) return;
    const { focus, fallback } = pending;
    const layers = this.layersPresent(FOCUS_LAYERS[focus.kind]);
    const hit = layers.length
      ? this.map.queryRenderedFeatures({ layers, filter: ['==', ['get', 'id'], focus.id] })[0]
      : undefined;
    const lngLat: LngLatLike = [focus.lng, focus.lat];
    if (hit) {
      const layerId = hit.layer.id === LAYER.facilityIcon ? LAYER.facility : hit.layer.id;
      this.openPopup(layerId, hit.properties, lngLat);
    } else if (++pending.attempts < FOCUS_MAX_ATTEMPTS) {
      return;
    } else if (fallback) {
      this.openPopup(FOCUS_LAYERS[focus.kind][0]!, fallback, lngLat);
    }
    this.pendingFocus = null;
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.basemapHealth.stop();
    this.closePopup();
    this.measure?.destroy();
    this.measure = null;
    this.map.remove();
  }

  // ---------------------------------------------------------------- applying

  private nothingApplied() {
    return {
      lang: null as Lang | null,
      groups: null as ReadonlySet<LayerGroup> | null,
      basemap: null as OnlineBasemap | null,
      selected: null as ParkId | null,
      hovered: null as ParkId | null,
      dimmed: new Set<ParkId>() as ReadonlySet<ParkId>,
      lineStatuses: LINE_STATUS_FILTERS as readonly LineStatusFilter[],
      opacity: {} as Partial<Record<LayerGroup, number>>,
      live: new Map<LiveSourceKey, GeoJSON.FeatureCollection>(),
      // A (re)loaded style has no imported layers.
      imported: [] as readonly ImportedLayerOnMap[],
      // ---- PMTiles archives: nor any archive.
      archives: [] as readonly ArchiveOnMap[],
    };
  }

  /** Applies every wanted value the current style does not have yet. Safe to call at any time. */
  private sync(): void {
    if (!this.styleReady || this.destroyed) return;
    const map = this.map;
    const applied = this.applied;
    const layers = map.getStyle().layers;

    if (applied.lang !== this.lang) {
      for (const layer of layers) {
        const property = labelPropertyOf(layer);
        if (property) map.setLayoutProperty(layer.id, 'text-field', bilingualLabel(this.lang, property));
      }
      applied.lang = this.lang;
    }

    if (applied.basemap !== this.basemap) {
      this.replaceBasemapLayers(applied.basemap, this.basemap);
      applied.basemap = this.basemap;
      applied.groups = null; // the embedded basemap's visibility depends on it
    }

    if (applied.groups !== this.visibleGroups) {
      const online = this.basemap !== null;
      for (const layer of map.getStyle().layers) {
        const group = layerGroupOf(layer);
        const embedded = isEmbeddedBasemapLayer(layer);
        if (!group && !embedded) continue;
        const shown = (!group || this.visibleGroups.has(group)) && !(embedded && online);
        const wanted = shown ? 'visible' : 'none';
        // An unset visibility is 'visible': setting it anyway would re-lay out the layer.
        const current = map.getLayoutProperty(layer.id, 'visibility') ?? 'visible';
        if (current !== wanted) map.setLayoutProperty(layer.id, 'visibility', wanted);
      }
      applied.groups = this.visibleGroups;
    }

    if (applied.selected !== this.selected || applied.hovered !== this.hovered) {
      this.setParkState(applied.selected, { selected: false });
      this.setParkState(applied.hovered, { hover: false });
      this.setParkState(this.selected, { selected: true });
      this.setParkState(this.hovered, { hover: true });
      applied.selected = this.selected;
      applied.hovered = this.hovered;
    }

    if (applied.dimmed !== this.dimmed) {
      for (const id of new Set([...applied.dimmed, ...this.dimmed])) {
        if (applied.dimmed.has(id) !== this.dimmed.has(id))
          this.setParkState(id, { dimmed: this.dimmed.has(id) });
      }
      applied.dimmed = this.dimmed;
    }

    if (applied.lineStatuses !== this.lineStatuses) {
      const everything = this.lineStatuses.length === LINE_STATUS_FILTERS.length;
      for (const layer of map.getStyle().layers) {
        if (!followsLineStatusFilter(layer)) continue;
        // Every filter in our style is an expression (style.ts), so the two combine with 'all'.
        const own = (this.builtLayers.get(layer.id) as { filter?: ExpressionSpecification } | undefined)
          ?.filter;
        const extra = lineStatusFilter(this.lineStatuses);
        map.setFilter(layer.id, everything ? (own ?? null) : own ? ['all', own, extra] : extra);
      }
      applied.lineStatuses = this.lineStatuses;
    }

    if (applied.opacity !== this.opacity) {
      for (const layer of map.getStyle().layers) {
        const group = layerGroupOf(layer);
        const built = this.builtLayers.get(layer.id);
        if (!group || !built) continue;
        const factor = (this.opacity[group] ?? 100) / 100;
        if (factor === (applied.opacity[group] ?? 100) / 100) continue;
        const paint = (built as { paint?: Record<string, unknown> }).paint ?? {};
        for (const property of OPACITY_PROPERTIES[layer.type] ?? []) {
          // biome-ignore lint/suspicious/noExplicitAny: the property names come from OPACITY_PROPERTIES by layer type
          map.setPaintProperty(layer.id, property as any, scaleOpacity(paint[property], factor));
        }
      }
      applied.opacity = this.opacity;
    }

    for (const [key, data] of this.live) {
      if (applied.live.get(key) === data) continue;
      map.getSource<GeoJSONSource>(SOURCE[key])?.setData(data);
      applied.live.set(key, data);
    }

    if (applied.imported !== this.imported) {
      this.applyImportedLayers(applied.imported, this.imported);
      applied.imported = this.imported;
    }

    // ---- PMTiles archives
    if (applied.archives !== this.archives) {
      this.applyArchiveLayers(applied.archives, this.archives);
      applied.archives = this.archives;
    }
    // ---- end PMTiles archives

    this.applyTool();
  }

  /** Adds, restyles, reorders and removes imported layers to match `next`. */
  private applyImportedLayers(
    previous: readonly ImportedLayerOnMap[],
    next: readonly ImportedLayerOnMap[],
  ): void {
    const wanted = new Map(next.map((l) => [l.id, l]));
    this.syncUserLayers(
      // A layer whose features changed gets a new source (new tile URLs).
      previous
        .filter((old) => wanted.get(old.id)?.revision !== old.revision)
        .map((old) => ({ sourceId: importSourceId(old.id), layerIds: importLayerIds(old.id) })),
      next.map((layer) => ({
        sourceId: importSourceId(layer.id),
        source: importSource(layer),
        layers: importLayers(layer),
      })),
    );
  }

  /**
   * Brings a family of the user's own layers (imported layers, PMTiles archives) to `wanted`, bottom
   * to top, above the transit, stations and facilities and below every label and the park markers:
   * removes the `stale` ones, adds what is missing, restyles and reorders what is already there
   * (cheap: no new tiles).
   */
  private syncUserLayers(
    stale: readonly { sourceId: string; layerIds: readonly string[] }[],
    wanted: readonly {
      sourceId: string;
      source: SourceSpecification;
      layers: readonly LayerSpecification[];
    }[],
  ): void {
    const map = this.map;
    for (const old of stale) {
      for (const id of old.layerIds) if (map.getLayer(id)) map.removeLayer(id);
      if (map.getSource(old.sourceId)) map.removeSource(old.sourceId);
    }
    const before = map.getLayer(LAYER.districtLabel) ? LAYER.districtLabel : undefined;
    for (const entry of wanted) {
      if (!map.getSource(entry.sourceId)) map.addSource(entry.sourceId, entry.source);
      for (const spec of entry.layers) {
        if (!map.getLayer(spec.id)) {
          map.addLayer(spec, before);
          continue;
        }
        map.moveLayer(spec.id, before);
        const visibility =
          (spec.layout as { visibility?: 'visible' | 'none' } | undefined)?.visibility ?? 'visible';
        map.setLayoutProperty(spec.id, 'visibility', visibility);
        for (const [property, value] of Object.entries(spec.paint ?? {})) {
          // biome-ignore lint/suspicious/noExplicitAny: the paint properties come from the layer specs by layer type
          map.setPaintProperty(spec.id, property as any, value);
        }
      }
    }
  }

  // ---- PMTiles archives

  /**
   * The PMTiles archives to draw, bottom to top, above the transit and imported layers and below
   * the labels. Re-applied after every style load, like the imported layers.
   */
  setArchiveLayers(list: readonly ArchiveOnMap[]): void {
    this.archives = list;
    this.sync();
  }

  /** Where the archives' tiles come from (src/map/pmtiles-archives.ts, loaded on demand). */
  setArchiveTileLoader(loader: ArchiveTileLoader): void {
    setArchiveTileLoader(loader, this.addProtocol);
  }

  /** Fits the camera to an archive's [west, south, east, north]. */
  fitArchive(bounds: readonly [number, number, number, number]): void {
    this.fitToBounds(bounds);
  }

  /** Adds, restyles, reorders and removes archive layers to match `next`. */
  private applyArchiveLayers(previous: readonly ArchiveOnMap[], next: readonly ArchiveOnMap[]): void {
    const wanted = new Set(next.map((a) => a.id));
    this.syncUserLayers(
      previous
        .filter((old) => !wanted.has(old.id))
        .map((old) => ({ sourceId: archiveSourceId(old.id), layerIds: archiveLayerIds(old) })),
      next.map((archive) => ({
        sourceId: archiveSourceId(archive.id),
        source: archiveSource(archive),
        layers: archiveLayers(archive),
      })),
    );
  }

  // ---- end PMTiles archives

  /** Starts, switches or stops the drawing for the wanted tool; loads terra-draw the first time. */
  private applyTool(): void {
    if (!this.styleReady || this.destroyed) return;
    const mode = measureModeOf(this.tool);
    if (!mode) {
      if (this.measure) {
        this.measure.destroy();
        this.measure = null;
        this.onSketch(null);
      }
      return;
    }
    if (this.measure) {
      this.measure.setMode(mode);
      return;
    }
    this.measureModule ??= this.loadMeasureDraw();
    this.measureModule.then(
      ({ MeasureDraw }) => {
        // The tool may have closed, or the map gone, while the module loaded.
        const wanted = measureModeOf(this.tool);
        if (this.measure || !wanted || !this.styleReady || this.destroyed) return;
        this.measure = new MeasureDraw(this.map, wanted, (sketch) => this.onSketch(sketch));
      },
      (error: unknown) => {
        this.measureModule = null;
        this.handlers.onError('error', error instanceof Error ? error.message : String(error));
      },
    );
  }

  /** Swaps the raster layers of one online basemap for another's, just above the background. */
  private replaceBasemapLayers(previous: OnlineBasemap | null, next: OnlineBasemap | null): void {
    const map = this.map;
    this.basemapHealth.stop();
    (previous?.layers ?? []).forEach((_, i) => {
      const id = `${BASEMAP_ID_PREFIX}${i}`;
      if (map.getLayer(id)) map.removeLayer(id);
      if (map.getSource(id)) map.removeSource(id);
    });
    if (!next) return;
    const layers = map.getStyle().layers;
    const background = layers.findIndex((l) => l.type === 'background');
    const beforeId = layers[background + 1]?.id;
    next.layers.forEach((layer, i) => {
      const id = `${BASEMAP_ID_PREFIX}${i}`;
      map.addSource(id, {
        type: 'raster',
        tiles: layer.tiles,
        tileSize: layer.tileSize,
        maxzoom: layer.maxzoom,
      });
      map.addLayer({ id, type: 'raster', source: id }, beforeId);
    });
    this.watchBasemap(next);
  }

  private watchBasemap(basemap: OnlineBasemap): void {
    const map = this.map;
    const health = this.basemapHealth;
    health.tileErrors = 0;
    health.lastProgressAt = performance.now();
    const ids = basemap.layers.map((_, i) => `${BASEMAP_ID_PREFIX}${i}`);
    const origins = new Set(basemap.layers.flatMap((l) => l.tiles.map((t) => originOf(t))));
    const onData = (e: MapSourceDataEvent | MapStyleDataEvent) => {
      if (e.dataType === 'source' && ids.includes(e.sourceId) && e.tile)
        health.lastProgressAt = performance.now();
    };
    const onOffline = () => this.failBasemap('offline');
    const onViolation = (e: SecurityPolicyViolationEvent) => {
      if (origins.has(originOf(e.blockedURI))) this.failBasemap('blocked');
    };
    map.on('data', onData);
    window.addEventListener('offline', onOffline);
    document.addEventListener('securitypolicyviolation', onViolation);
    // Hung servers send no error: give up when tiles are pending and none has arrived for a while.
    const watchdog = window.setInterval(() => {
      const pending = ids.some((id) => map.getSource(id) && !map.isSourceLoaded(id));
      if (!pending) health.lastProgressAt = performance.now();
      else if (performance.now() - health.lastProgressAt > BASEMAP_STALL_MS) this.failBasemap('timeout');
    }, 500);
    health.stop = () => {
      window.clearInterval(watchdog);
      map.off('data', onData);
      window.removeEventListener('offline', onOffline);
      document.removeEventListener('securitypolicyviolation', onViolation);
      health.stop = () => {};
    };
  }

  /** Called for errors of the basemap's tile sources (not reported as map errors). */
  private basemapTileError(error: unknown): void {
    const status = (error as { status?: number } | null)?.status;
    if (status === 401 || status === 403) this.failBasemap('key-rejected');
    else if (++this.basemapHealth.tileErrors >= BASEMAP_MAX_TILE_ERRORS) this.failBasemap('tile-errors');
  }

  private failBasemap(failure: BasemapFailure): void {
    if (!this.basemap || this.destroyed) return;
    // Going offline fails every pending tile at once: those errors (or the stall) may arrive before
    // the window's `offline` event, and the user should hear the real reason.
    const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
    const reason = offline && (failure === 'tile-errors' || failure === 'timeout') ? 'offline' : failure;
    this.basemap = null;
    this.sync();
    this.handlers.onBasemapFailure(reason);
  }

  private dropMeasure(): void {
    const measure = this.measure;
    this.measure = null;
    if (!measure) return;
    try {
      measure.destroy();
    } catch {
      // Its layers are gone already; only its listeners needed removing.
    }
    this.onSketch(null);
  }

  private setParkState(id: ParkId | null, state: Record<string, boolean>): void {
    if (!id) return;
    for (const source of PARK_SOURCES) {
      if (this.map.getSource(source)) this.map.setFeatureState({ source, id }, state);
    }
  }

  /** Controls read their strings when added: re-add them in the new language. */
  private applyControls(): void {
    if (this.controlsLang === this.lang) return;
    const map = this.map;
    for (const c of this.controls) map.removeControl(c);
    map._locale = { ...map._locale, ...CONTROL_STRINGS[this.lang] };
    this.controls = [
      new NavigationControl({ visualizePitch: true }),
      new ScaleControl({ unit: 'metric', maxWidth: 120 }),
    ];
    map.addControl(this.controls[0]!, 'top-right');
    map.addControl(this.controls[1]!, 'bottom-left');
    this.controlsLang = this.lang;
  }

  private defaultBounds(parkId: ParkId | null): Bounds | null {
    const parks = this.parks;
    if (typeof parks === 'string' || parks.type !== 'FeatureCollection') return null;
    if (parkId) {
      const feature = parks.features.find((f) => (f.properties as { id?: string } | null)?.id === parkId);
      const bounds = feature?.geometry ? boundsOf(feature.geometry) : null;
      if (bounds) return bounds;
    }
    return boundsOf(parks);
  }

  // ---------------------------------------------------------------- popups

  private popupContent(p: Pick<OpenPopup, 'layerId' | 'properties' | 'render'>): HTMLElement {
    return p.render ? p.render(this.lang) : popupContentFor(p.layerId, p.properties, this.lang);
  }

  private openPopup(layerId: string, properties: Record<string, unknown>, lngLat: LngLatLike): void {
    this.closePopup();
    const popup = new Popup({ maxWidth: '320px', closeButton: true, focusAfterOpen: false })
      .setLngLat(lngLat)
      .setDOMContent(this.popupContent({ layerId, properties }))
      .addTo(this.map);
    const open: OpenPopup = { layerId, properties, lngLat, popup };
    popup.on('close', () => {
      if (this.popup === open) this.popup = null;
    });
    this.popup = open;
  }

  private closePopup(): void {
    const open = this.popup;
    this.popup = null;
    open?.popup.remove();
  }

  // ---------------------------------------------------------------- events

  private layersPresent(ids: LayerId[]): LayerId[] {
    return ids.filter((id) => this.map.getLayer(id));
  }

  /** The topmost imported feature under the pointer: its layer and its index in the layer. */
  private importedAt(e: MapMouseEvent): { layerId: string; index: number } | null {
    const layers = this.imported
      .filter((l) => l.visible)
      .flatMap((l) => importLayerIds(l.id))
      .filter((id) => this.map.getLayer(id));
    if (layers.length === 0) return null;
    const hit = this.map.queryRenderedFeatures(e.point, { layers })[0];
    const layerId = hit ? importedLayerOf(hit.layer.id) : null;
    const index = hit?.properties[FEATURE_INDEX_PROPERTY];
    return layerId && typeof index === 'number' ? { layerId, index } : null;
  }

  private parkAt(e: MapMouseEvent): MapGeoJSONFeature | undefined {
    return this.map.queryRenderedFeatures(e.point, { layers: this.layersPresent(PARK_LAYERS) })[0];
  }

  private wire(initialBounds: LngLatBoundsLike | null): void {
    const map = this.map;
    // Fired for the first style and after any style reload. The first style was built with the
    // initial inputs; a reloaded one has none of the changes made since, so all are applied again.
    let styleLoads = 0;
    map.on('style.load', () => {
      if (styleLoads++ > 0) {
        this.applied = this.nothingApplied();
        // The drawing's layers went with the old style: start it again on the new one.
        this.dropMeasure();
      }
      this.styleReady = true;
      this.sync();
    });

    // Icons are drawn on demand, whenever the renderer first asks for one (no sprite file).
    map.setMissingStyleImageResolver((id) => {
      const category = FACILITY_CATEGORIES.find((c) => iconId(c) === id);
      const image = category ? drawFacilityIcon(category) : null;
      if (image && !map.hasImage(id)) map.addImage(id, image, { pixelRatio: 2 });
    });

    map.on('mousemove', (e) => {
      // The drawing sets its own cursor and owns the pointer while a measure tool is open.
      if (measureModeOf(this.tool)) return;
      if (this.tool === 'radius') {
        map.getCanvas().style.cursor = 'crosshair';
        return;
      }
      const park = this.parkAt(e);
      const hit =
        park ??
        this.importedAt(e) ??
        map.queryRenderedFeatures(e.point, { layers: this.layersPresent(POPUP_LAYERS) })[0];
      map.getCanvas().style.cursor = hit ? 'pointer' : '';
      const id = (park?.properties.id as ParkId | undefined) ?? null;
      if (id !== this.hovered) this.handlers.onHoverPark(id);
    });
    map.on('mouseout', () => this.handlers.onHoverPark(null));

    map.on('click', (e) => {
      if (measureModeOf(this.tool)) return; // a vertex for terra-draw
      this.closePopup();
      if (this.tool === 'radius') {
        this.handlers.onProbe({ lng: e.lngLat.lng, lat: e.lngLat.lat });
        return;
      }
      const marker = map.queryRenderedFeatures(e.point, {
        layers: this.layersPresent(PARK_MARKER_LAYERS),
      })[0];
      if (marker) {
        this.handlers.onSelectPark(marker.properties.id as ParkId);
        return;
      }
      const imported = this.importedAt(e);
      if (imported && this.handlers.onPickImported) {
        this.handlers.onPickImported(imported.layerId, imported.index, {
          lng: e.lngLat.lng,
          lat: e.lngLat.lat,
        });
        return;
      }
      const layers = this.layersPresent([LAYER.facilityCluster, ...POPUP_LAYERS]);
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
        this.openPopup(layerId, hit.properties, e.lngLat);
        return;
      }
      const park = this.parkAt(e);
      if (park) {
        this.handlers.onSelectPark(park.properties.id as ParkId);
        return;
      }
      this.handlers.onProbe({ lng: e.lngLat.lng, lat: e.lngLat.lat });
    });

    // The page may still be settling when the map starts (the attribution line wrapping, fonts):
    // until the user moves the map, a resize re-fits the initial extent instead of keeping the centre.
    let userMoved = false;
    map.on('movestart', (e) => {
      if (!(e as { originalEvent?: unknown }).originalEvent) return;
      userMoved = true;
      this.showingDefaultView = false;
    });
    map.on('resize', () => {
      // A fitted briefing slide stays fitted when the screen changes (entering full screen).
      if (this.briefView && !this.briefView.camera && !userMoved) {
        this.fitBriefView(this.briefView.parkIds, false);
        return;
      }
      if (!userMoved && initialBounds && !this.ready && !this.briefView) {
        map.fitBounds(initialBounds, { padding: fitPadding(this.container), duration: 0 });
      }
    });

    // One report per finished move; the start-up fitting before the first idle is not the user's.
    map.on('moveend', () => {
      if (this.ready) this.handlers.onCameraChange(cameraOf(map));
    });

    map.on('error', (e) => {
      const sourceId = (e as { sourceId?: string }).sourceId;
      if (sourceId?.startsWith(BASEMAP_ID_PREFIX)) {
        this.basemapTileError(e.error);
        return;
      }
      const message = e.error instanceof Error ? e.error.message : String(e.error ?? 'unknown error');
      // Tile URLs in error messages may carry a user's API key.
      this.handlers.onError('error', redactKeys(message));
    });

    map.on('idle', () => this.tryPendingFocus());

    map.on('load', () => performance.mark('map-load'));
    map.once('idle', () => {
      this.ready = true;
      performance.mark('map-ready');
      this.handlers.onReady();
    });
  }
}
