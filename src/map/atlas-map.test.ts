// @vitest-environment jsdom
/**
 * The adapter against a fake map that behaves like MapLibre where it matters here: `isStyleLoaded()`
 * is false while tiles load, `load` fires once, a style reload fires `style.load` again and throws
 * away everything set on the old style.
 */
import type { AddProtocolAction, Map as MaplibreMap, MapOptions } from 'maplibre-gl';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ParkId } from '../data/vocabulary.ts';
import type { CameraIntent } from '../url/url-store.ts';
import { DEFAULT_LAYERS } from '../url/view-state.ts';
import {
  type ArchiveOnMap,
  archiveLayerIds,
  archiveLayers,
  archiveSource,
  parseArchiveTileUrl,
  setArchiveTileLoader,
} from './archive-layers.ts';
import {
  AtlasMap,
  type AtlasMapHandlers,
  type AtlasMapOptions,
  BASEMAP_STALL_MS,
  CITY_BOUNDS,
} from './atlas-map.ts';
import type { OnlineBasemap } from './basemaps.ts';
import { SOURCE } from './ids.ts';
import { type ImportedLayerOnMap, parseImportTileUrl, setImportTileLoader } from './imported-layers.ts';
import { type buildStyle, layerGroupOf } from './style.ts';

type Listener = (event?: unknown) => void;

class FakeMap {
  readonly options: MapOptions;
  layers: {
    id: string;
    type: string;
    metadata?: unknown;
    layout: Record<string, unknown>;
    paint: Record<string, unknown>;
    filter?: unknown;
  }[] = [];
  featureState = new Map<string, Record<string, unknown>>();
  calls: string[] = [];
  camera = { zoom: 10, lat: 23, lng: 113.3, bearing: 0, pitch: 0 };
  tilesLoading = true;
  _locale: Record<string, string> = {};
  private listeners = new Map<string, Listener[]>();
  private style: ReturnType<typeof buildStyle>;

  constructor(options: MapOptions) {
    this.options = options;
    this.style = options.style as ReturnType<typeof buildStyle>;
    this.resetLayers();
  }

  private resetLayers() {
    this.layers = this.style.layers.map((l) => ({
      id: l.id,
      type: l.type,
      metadata: l.metadata,
      layout: { ...((l as { layout?: Record<string, unknown> }).layout ?? {}) },
      paint: { ...((l as { paint?: Record<string, unknown> }).paint ?? {}) },
      filter: (l as { filter?: unknown }).filter,
    }));
    this.featureState.clear();
  }

  // events
  on(type: string, listener: Listener) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
    return this;
  }
  once(type: string, listener: Listener) {
    const wrapped: Listener = (e) => {
      this.listeners.set(
        type,
        (this.listeners.get(type) ?? []).filter((l) => l !== wrapped),
      );
      listener(e);
    };
    return this.on(type, wrapped);
  }
  off(type: string, listener: Listener) {
    this.listeners.set(
      type,
      (this.listeners.get(type) ?? []).filter((l) => l !== listener),
    );
    return this;
  }
  fire(type: string, event?: unknown) {
    for (const l of this.listeners.get(type) ?? []) l(event);
  }
  /** A new style: everything set on the old one is gone, then `style.load` fires. */
  reloadStyle() {
    this.resetLayers();
    this.fire('style.load');
  }

  // style
  isStyleLoaded() {
    return !this.tilesLoading;
  }
  getStyle() {
    return { layers: this.layers };
  }
  getLayer(id: string) {
    return this.layers.find((l) => l.id === id);
  }
  getLayoutProperty(id: string, name: string) {
    return this.getLayer(id)?.layout[name];
  }
  setLayoutProperty(id: string, name: string, value: unknown) {
    const layer = this.getLayer(id);
    if (!layer) throw new Error(`no layer ${id}`);
    layer.layout[name] = value;
    this.calls.push(`layout ${id} ${name}`);
  }
  setFilter(id: string, filter: unknown) {
    const layer = this.getLayer(id);
    if (!layer) throw new Error(`no layer ${id}`);
    layer.filter = filter ?? undefined;
    this.calls.push(`filter ${id}`);
  }
  setPaintProperty(id: string, name: string, value: unknown) {
    const layer = this.getLayer(id);
    if (!layer) throw new Error(`no layer ${id}`);
    layer.paint[name] = value;
    this.calls.push(`paint ${id} ${name}`);
  }
  extraSources = new Set<string>();
  sourceLoaded = new Map<string, boolean>();
  getSource(id: string) {
    return Object.values(SOURCE).includes(id as never) || this.extraSources.has(id)
      ? { setData: () => this.calls.push(`setData ${id}`) }
      : undefined;
  }
  addSource(id: string) {
    this.extraSources.add(id);
    this.calls.push(`addSource ${id}`);
  }
  removeSource(id: string) {
    this.extraSources.delete(id);
    this.calls.push(`removeSource ${id}`);
  }
  addLayer(
    layer: { id: string; type: string; layout?: Record<string, unknown>; paint?: Record<string, unknown> },
    beforeId?: string,
  ) {
    const at = beforeId ? this.layers.findIndex((l) => l.id === beforeId) : this.layers.length;
    this.layers.splice(at, 0, {
      id: layer.id,
      type: layer.type,
      layout: { ...layer.layout },
      paint: { ...layer.paint },
    });
    this.calls.push(`addLayer ${layer.id}`);
  }
  moveLayer(id: string, beforeId?: string) {
    const layer = this.getLayer(id);
    if (!layer) throw new Error(`no layer ${id}`);
    this.layers = this.layers.filter((l) => l !== layer);
    const at = beforeId ? this.layers.findIndex((l) => l.id === beforeId) : this.layers.length;
    this.layers.splice(at, 0, layer);
  }
  removeLayer(id: string) {
    this.layers = this.layers.filter((l) => l.id !== id);
  }
  isSourceLoaded(id: string) {
    return this.sourceLoaded.get(id) ?? true;
  }
  setFeatureState(target: { source: string; id: string }, state: Record<string, unknown>) {
    const key = `${target.source}/${target.id}`;
    this.featureState.set(key, { ...this.featureState.get(key), ...state });
  }
  setMissingStyleImageResolver() {}
  hasImage() {
    return false;
  }
  addImage() {}
  addControl() {
    this.calls.push('addControl');
  }
  removeControl() {}
  /** What the fake has "drawn": queryRenderedFeatures filters it by layer and by an ['==', ['get', 'id'], …] filter. */
  rendered: { layer: { id: string }; properties: Record<string, unknown> }[] = [];
  queryRenderedFeatures(a?: unknown, b?: unknown) {
    const options = (b ?? (a && !Array.isArray(a) && !('x' in (a as object)) ? a : {})) as {
      layers?: string[];
      filter?: [string, unknown, unknown];
    };
    return this.rendered.filter(
      (f) =>
        (!options.layers || options.layers.includes(f.layer.id)) &&
        (!options.filter || f.properties.id === options.filter[2]),
    );
  }
  triggerRepaint() {
    this.calls.push('triggerRepaint');
  }
  getCanvas() {
    return { style: {} };
  }

  // camera
  getCenter() {
    return { lng: this.camera.lng, lat: this.camera.lat };
  }
  getZoom() {
    return this.camera.zoom;
  }
  getBearing() {
    return this.camera.bearing;
  }
  getPitch() {
    return this.camera.pitch;
  }
  jumpTo(o: { center: [number, number]; zoom: number; bearing: number; pitch: number }) {
    this.camera = { lng: o.center[0], lat: o.center[1], zoom: o.zoom, bearing: o.bearing, pitch: o.pitch };
    this.calls.push('jumpTo');
  }
  lastFit: { bounds: unknown; options: Record<string, unknown> } | null = null;
  fitBounds(bounds: unknown, options: Record<string, unknown> = {}) {
    this.lastFit = { bounds, options };
    this.calls.push('fitBounds');
  }
  lastFlight: Record<string, unknown> | null = null;
  flyTo(options: Record<string, unknown> = {}) {
    this.lastFlight = options;
    this.calls.push('flyTo');
  }
  stop() {}
  remove() {
    this.calls.push('remove');
  }
}

const PARKS: GeoJSON.FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { id: 'bio-island' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [113.36, 23.08],
            [113.38, 23.08],
            [113.38, 23.1],
            [113.36, 23.08],
          ],
        ],
      },
    },
  ],
};
const EMPTY: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };

const DATA = {
  parks: PARKS,
  parkLabels: EMPTY,
  parkEdges: EMPTY,
  districts: EMPTY,
  districtLabels: EMPTY,
  cityOutline: EMPTY,
  waterLines: EMPTY,
  waterAreas: EMPTY,
  osmWaterAreas: EMPTY,
  channels: EMPTY,
  islands: EMPTY,
  greenAreas: EMPTY,
  roads: EMPTY,
  transitLines: EMPTY,
  stations: EMPTY,
  hubs: EMPTY,
  facilities: EMPTY,
  catchments: EMPTY,
  probe: EMPTY,
};

function makeAtlas(intent: Partial<CameraIntent> = {}, reducedMotion = false) {
  let fake: FakeMap | undefined;
  const events: string[] = [];
  const handlers: AtlasMapHandlers = {
    onSelectPark: (id) => events.push(`select ${id}`),
    onHoverPark: () => undefined,
    onCameraChange: (c) => events.push(`camera ${c.zoom}`),
    onProbe: () => undefined,
    onReady: () => events.push('ready'),
    onError: (kind, message) => events.push(`${kind} ${message}`),
    onBasemapFailure: (reason) => events.push(`basemap ${reason}`),
  };
  const atlas = new AtlasMap({
    container: document.createElement('div'),
    lang: 'zh',
    visibleGroups: DEFAULT_LAYERS,
    cameraIntent: { camera: null, parkId: null, revision: 0, ...intent },
    data: DATA,
    handlers,
    createMap: (options) => {
      fake = new FakeMap(options);
      return fake as unknown as MaplibreMap;
    },
    prefersReducedMotion: () => reducedMotion,
  });
  if (!fake) throw new Error('no map created');
  return { atlas, fake, events };
}

const textField = (fake: FakeMap, id: string) => JSON.stringify(fake.getLayoutProperty(id, 'text-field'));
const enFirst = (field: string) => field.indexOf('"en"') < field.indexOf('"zh"');

describe('AtlasMap', () => {
  it('filters every line and station layer by status, keeping each layer its own filter', () => {
    const { atlas, fake } = makeAtlas();
    fake.fire('style.load');
    const own = fake.getLayer('transit-open')?.filter;
    atlas.setLineStatuses(['planned']);
    const filtered = fake.layers.filter((l) => JSON.stringify(l.filter ?? null).includes('"schematic"'));
    expect(filtered.map((l) => l.id).sort()).toEqual(
      [
        'road-planned',
        'station-label',
        'station-open',
        'station-planned',
        'transit-open',
        'transit-open-casing',
        'transit-planned',
      ].sort(),
    );
    expect(fake.getLayer('transit-open')?.filter).toEqual(['all', own, expect.anything()]);
    // Re-applied after a style reload; everything ticked gives back the layer's own filter.
    fake.reloadStyle();
    expect(JSON.stringify(fake.getLayer('station-open')?.filter)).toContain('"planned"');
    atlas.setLineStatuses(['open', 'under-construction', 'planned', 'schematic']);
    expect(fake.getLayer('transit-open')?.filter).toEqual(own);
    expect(fake.getLayer('station-label')?.filter).toBeUndefined();
  });

  it("scales a group's opacity from the built values and restores them at 100 %", () => {
    const { atlas, fake } = makeAtlas();
    fake.fire('style.load');
    atlas.setLayerOpacity({ facilities: 50 });
    expect(fake.getLayer('facility-cluster')?.paint['circle-opacity']).toBeCloseTo(0.425, 6);
    expect(fake.getLayer('facility')?.paint['circle-opacity']).toEqual(['*', 0.5, expect.anything()]);
    expect(fake.calls.some((c) => c.startsWith('paint park'))).toBe(false);
    atlas.setLayerOpacity({});
    expect(fake.getLayer('facility-cluster')?.paint['circle-opacity']).toBe(0.85);
  });

  it('keeps a language change made before the style is ready and applies it on style.load', () => {
    const { atlas, fake } = makeAtlas();
    atlas.setLanguage('en');
    expect(fake.calls.filter((c) => c.startsWith('layout'))).toEqual([]);
    fake.fire('style.load');
    for (const id of ['park-label', 'station-label', 'hub-label', 'district-label'])
      expect(enFirst(textField(fake, id)), id).toBe(true);
  });

  it('applies a language change while tiles load after `load` has fired (the lost-update bug)', () => {
    const { atlas, fake } = makeAtlas();
    fake.fire('style.load');
    fake.fire('load');
    fake.tilesLoading = true; // a camera flight: isStyleLoaded() is false, `load` will not fire again
    atlas.setLanguage('en');
    expect(enFirst(textField(fake, 'park-label'))).toBe(true);
  });

  it('re-applies every wanted value after a style reload', () => {
    const { atlas, fake } = makeAtlas();
    fake.fire('style.load');
    atlas.setLanguage('en');
    atlas.setVisibleGroups(['parks']);
    atlas.setSelection('bio-island' as ParkId);
    atlas.setDimmed(new Set(['bio-island' as ParkId]));
    fake.reloadStyle();
    expect(enFirst(textField(fake, 'park-label'))).toBe(true);
    expect(fake.getLayoutProperty('station-open', 'visibility')).toBe('none');
    expect(fake.getLayoutProperty('park-fill', 'visibility') ?? 'visible').toBe('visible');
    expect(fake.featureState.get('parks/bio-island')).toEqual({ selected: true, dimmed: true });
  });

  it('does nothing when a setter repeats its value', () => {
    const { atlas, fake } = makeAtlas();
    fake.fire('style.load');
    atlas.setVisibleGroups(['parks', 'stations']);
    const before = fake.calls.length;
    atlas.setVisibleGroups(['parks', 'stations']);
    atlas.setLanguage('zh');
    atlas.setSelection(null);
    expect(fake.calls.slice(before).filter((c) => c.startsWith('layout'))).toEqual([]);
  });

  it('moves the camera once per intent: a jump to a camera, a fit without one', () => {
    const { atlas, fake } = makeAtlas();
    const camera = { zoom: 12, lat: 23.1, lng: 113.36, bearing: 0, pitch: 0 };
    atlas.setCameraIntent({ camera, parkId: null, revision: 0 });
    expect(fake.calls).not.toContain('jumpTo'); // the map was created with revision 0
    atlas.setCameraIntent({ camera, parkId: null, revision: 1 });
    atlas.setCameraIntent({ camera, parkId: null, revision: 1 });
    expect(fake.calls.filter((c) => c === 'jumpTo')).toHaveLength(1);
    expect(fake.camera.zoom).toBe(12);
    atlas.setCameraIntent({ camera: null, parkId: 'bio-island' as ParkId, revision: 2 });
    expect(fake.calls.filter((c) => c === 'fitBounds')).toHaveLength(1);
  });

  it('reports camera moves only after the first idle, and readiness once', () => {
    const { fake, events } = makeAtlas();
    fake.fire('moveend');
    fake.fire('idle');
    fake.fire('idle');
    fake.fire('moveend');
    expect(events).toEqual(['ready', 'camera 10']);
  });

  it('sets live data only when it changes', () => {
    const { atlas, fake } = makeAtlas();
    fake.fire('style.load');
    const overlay: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };
    atlas.setLiveSource('probe', overlay);
    atlas.setLiveSource('probe', overlay);
    expect(fake.calls.filter((c) => c === 'setData probe')).toHaveLength(1);
  });

  it('draws access lines once per new value, clears them with null and keeps them over a style reload', () => {
    const { atlas, fake } = makeAtlas();
    const lines: GeoJSON.FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: {
            type: 'LineString',
            coordinates: [
              [113.3, 23.1],
              [113.31, 23.11],
            ],
          },
          properties: { kind: 'open' },
        },
      ],
    };
    atlas.setAccessLines(null);
    atlas.setAccessLines(lines); // before the style is ready: kept
    expect(fake.calls.filter((c) => c === 'setData access-lines')).toHaveLength(0);
    fake.fire('style.load');
    atlas.setAccessLines(lines);
    expect(fake.calls.filter((c) => c === 'setData access-lines')).toHaveLength(1);
    fake.fire('style.load'); // a basemap switch reloads the style: re-applied
    expect(fake.calls.filter((c) => c === 'setData access-lines')).toHaveLength(2);
    atlas.setAccessLines(null);
    atlas.setAccessLines(null);
    expect(fake.calls.filter((c) => c === 'setData access-lines')).toHaveLength(3);
    const layers = fake.getStyle().layers;
    for (const id of ['access-line', 'access-line-planned', 'access-label'])
      expect(layerGroupOf(layers.find((l: { id: string }) => l.id === id) ?? {}), id).toBe('parks');
    expect(textField(fake, 'access-label')).toContain('label');
  });

  it('re-adds the map controls in the new language only when it changes', () => {
    const { atlas, fake } = makeAtlas();
    const added = () => fake.calls.filter((c) => c === 'addControl').length;
    expect(added()).toBe(2);
    atlas.setLanguage('zh');
    expect(added()).toBe(2);
    atlas.setLanguage('en');
    expect(added()).toBe(4);
    expect(fake._locale['NavigationControl.ZoomIn']).toBe('Zoom in');
  });
});

describe('AtlasMap feature focus (search)', () => {
  afterEach(() => vi.restoreAllMocks());

  function withPopups() {
    const opened: { layerId: string; id: unknown; lngLat: unknown }[] = [];
    vi.spyOn(
      AtlasMap.prototype as unknown as { openPopup: (...a: unknown[]) => void },
      'openPopup',
    ).mockImplementation((layerId, properties, lngLat) =>
      opened.push({ layerId: layerId as string, id: (properties as { id: unknown }).id, lngLat }),
    );
    return opened;
  }

  it('opens the popup of the focused station once it is drawn, once per request', () => {
    const opened = withPopups();
    const { atlas, fake } = makeAtlas();
    fake.fire('style.load');
    const focus = { kind: 'station' as const, id: 'st-pazhou', lng: 113.36, lat: 23.1, revision: 1 };
    atlas.focusFeature(focus);
    expect(fake.calls).toContain('triggerRepaint');
    fake.fire('idle'); // not drawn yet (the camera is still on its way)
    expect(opened).toEqual([]);
    fake.rendered = [
      { layer: { id: 'station-open' }, properties: { id: 'st-other' } },
      { layer: { id: 'station-open' }, properties: { id: 'st-pazhou' } },
    ];
    fake.fire('idle');
    fake.fire('idle');
    expect(opened).toEqual([{ layerId: 'station-open', id: 'st-pazhou', lngLat: [113.36, 23.1] }]);
    atlas.focusFeature(focus); // the same request again (a re-render): nothing new
    fake.fire('idle');
    expect(opened).toHaveLength(1);
    atlas.focusFeature({ ...focus, revision: 2 });
    fake.fire('idle');
    expect(opened).toHaveLength(2);
  });

  it('waits for the style, and gives up on a feature never drawn unless it has fallback properties', () => {
    const opened = withPopups();
    const { atlas, fake } = makeAtlas();
    atlas.focusFeature({ kind: 'line', id: 'line-18', lng: 113.4, lat: 23, revision: 1 });
    fake.fire('idle'); // style not ready: not counted
    fake.fire('style.load');
    for (let i = 0; i < 10; i++) fake.fire('idle');
    expect(opened).toEqual([]);
    atlas.focusFeature(
      { kind: 'facility', id: 'p1-metro-modiesha', lng: 113.37, lat: 23.1, revision: 2 },
      { id: 'p1-metro-modiesha' },
    );
    for (let i = 0; i < 10; i++) fake.fire('idle');
    expect(opened).toEqual([{ layerId: 'facility', id: 'p1-metro-modiesha', lngLat: [113.37, 23.1] }]);
  });
});

const OSM: OnlineBasemap = {
  id: 'osm',
  layers: [{ tiles: ['https://tile.openstreetmap.org/{z}/{x}/{y}.png'], tileSize: 256, maxzoom: 19 }],
  attribution: { zh: 'OSM', en: 'OSM' },
  termsUrl: null,
};

describe('AtlasMap basemaps', () => {
  afterEach(() => vi.useRealTimers());

  it('puts an online basemap just above the background and hides the embedded one', () => {
    const { atlas, fake } = makeAtlas();
    fake.fire('style.load');
    atlas.setBasemap(OSM);
    expect(fake.layers.map((l) => l.id).slice(0, 2)).toEqual(['background', 'basemap-0']);
    expect(fake.getLayoutProperty('water-fill', 'visibility')).toBe('none');
    expect(fake.getLayoutProperty('city-land', 'visibility')).toBe('none');
    expect(fake.getLayoutProperty('park-fill', 'visibility') ?? 'visible').toBe('visible');
    atlas.setBasemap(null);
    expect(fake.layers.some((l) => l.id === 'basemap-0')).toBe(false);
    expect(fake.getLayoutProperty('water-fill', 'visibility')).toBe('visible');
  });

  it('gives up at once on a rejected key, and after repeated tile errors', () => {
    const { atlas, fake, events } = makeAtlas();
    fake.fire('style.load');
    atlas.setBasemap(OSM);
    fake.fire('error', { sourceId: 'basemap-0', error: { status: 401, message: 'x?tk=SECRET' } });
    expect(events).toContain('basemap key-rejected');
    expect(fake.extraSources.size).toBe(0);

    atlas.setBasemap(OSM);
    fake.fire('error', { sourceId: 'basemap-0', error: { status: 500 } });
    fake.fire('error', { sourceId: 'basemap-0', error: { status: 500 } });
    expect(events.filter((e) => e === 'basemap tile-errors')).toHaveLength(0);
    fake.fire('error', { sourceId: 'basemap-0', error: new Error('Could not decode image') });
    expect(events).toContain('basemap tile-errors');
    expect(events.some((e) => e.startsWith('error'))).toBe(false); // not reported as a map error
  });

  it('gives up on a stalled server within BASEMAP_STALL_MS plus one watchdog tick', () => {
    vi.useFakeTimers();
    const { atlas, fake, events } = makeAtlas();
    fake.fire('style.load');
    atlas.setBasemap(OSM);
    fake.sourceLoaded.set('basemap-0', false);
    vi.advanceTimersByTime(BASEMAP_STALL_MS - 100);
    expect(events).not.toContain('basemap timeout');
    vi.advanceTimersByTime(600);
    expect(events).toContain('basemap timeout');
    expect(BASEMAP_STALL_MS + 600).toBeLessThanOrEqual(5000); // the promise: back within 5 s
  });

  it('a slow server that keeps delivering tiles is not given up', () => {
    vi.useFakeTimers();
    const { atlas, fake, events } = makeAtlas();
    fake.fire('style.load');
    atlas.setBasemap(OSM);
    fake.sourceLoaded.set('basemap-0', false);
    for (let t = 0; t < 20_000; t += 1000) {
      vi.advanceTimersByTime(1000);
      fake.fire('data', { dataType: 'source', sourceId: 'basemap-0', tile: {} });
    }
    expect(events).not.toContain('basemap timeout');
  });

  it('redacts keys from map errors', () => {
    const { fake, events } = makeAtlas();
    fake.fire('error', { error: new Error('Failed https://t0.tianditu.gov.cn/x?tk=SECRET&a=1') });
    expect(events).toEqual(['error Failed https://t0.tianditu.gov.cn/x?tk=…&a=1']);
  });
});

describe('AtlasMap tools', () => {
  type Sketch = Parameters<Parameters<AtlasMap['setTool']>[1]>[0];
  function withFakeDraw() {
    const log: string[] = [];
    const sketches: Sketch[] = [];
    let emit: ((s: Sketch) => void) | null = null;
    class FakeDraw {
      constructor(_map: unknown, mode: string, onSketch: (s: Sketch) => void) {
        log.push(`start ${mode}`);
        emit = onSketch;
      }
      setMode(mode: string) {
        log.push(`mode ${mode}`);
      }
      command(command: string) {
        log.push(`command ${command}`);
      }
      destroy() {
        log.push('destroy');
      }
    }
    return {
      log,
      sketches,
      emit: (s: Sketch) => emit?.(s),
      load: () => Promise.resolve({ MeasureDraw: FakeDraw }),
    };
  }

  function makeToolAtlas() {
    const draw = withFakeDraw();
    const probes: string[] = [];
    let map: FakeMap | undefined;
    const atlas = new AtlasMap({
      container: document.createElement('div'),
      lang: 'zh',
      visibleGroups: DEFAULT_LAYERS,
      cameraIntent: { camera: null, parkId: null, revision: 0 },
      data: DATA,
      handlers: {
        onSelectPark: (id) => probes.push(`select ${id}`),
        onHoverPark: () => undefined,
        onCameraChange: () => undefined,
        onProbe: (p) => probes.push(`probe ${p.lng},${p.lat}`),
        onReady: () => undefined,
        onError: (kind, message) => probes.push(`${kind} ${message}`),
        onBasemapFailure: () => undefined,
      },
      createMap: (options) => {
        map = new FakeMap(options);
        return map as unknown as MaplibreMap;
      },
      loadMeasureDraw: draw.load as unknown as AtlasMapOptions['loadMeasureDraw'],
    });
    return { atlas, map: map!, draw, probes };
  }

  const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
  const click = (map: FakeMap) =>
    map.fire('click', { point: { x: 1, y: 2 }, lngLat: { lng: 113.3, lat: 23.1 } });

  it('loads the drawing only once a measure tool is open and the style is ready', async () => {
    const { atlas, map, draw } = makeToolAtlas();
    atlas.setTool('distance', (s) => draw.sketches.push(s));
    await flush();
    expect(draw.log).toEqual([]); // no style yet
    map.fire('style.load');
    await flush();
    expect(draw.log).toEqual(['start distance']);
    atlas.setTool('distance', (s) => draw.sketches.push(s));
    atlas.setTool('area', (s) => draw.sketches.push(s));
    atlas.measureCommand('finish');
    atlas.setTool(null, (s) => draw.sketches.push(s));
    expect(draw.log).toEqual(['start distance', 'mode area', 'command finish', 'destroy']);
    expect(draw.sketches).toEqual([null]);
  });

  it('forwards the current sketch callback', async () => {
    const { atlas, map, draw } = makeToolAtlas();
    map.fire('style.load');
    const first: Sketch[] = [];
    const second: Sketch[] = [];
    atlas.setTool('distance', (s) => first.push(s));
    await flush();
    atlas.setTool('distance', (s) => second.push(s));
    draw.emit({ mode: 'distance', vertices: [[113, 23]], drawing: true });
    expect(first).toEqual([]);
    expect(second).toHaveLength(1);
  });

  it('gives clicks to the drawing with a measure tool, to the probe with the radius tool', async () => {
    const { atlas, map, probes } = makeToolAtlas();
    map.fire('style.load');
    atlas.setTool('distance', () => undefined);
    click(map);
    expect(probes).toEqual([]);
    atlas.setTool('radius', () => undefined);
    click(map);
    expect(probes).toEqual(['probe 113.3,23.1']);
    atlas.setTool(null, () => undefined);
    click(map);
    expect(probes).toEqual(['probe 113.3,23.1', 'probe 113.3,23.1']); // empty ground probes, as before
  });

  it('starts the drawing again on a reloaded style', async () => {
    const { atlas, map, draw } = makeToolAtlas();
    map.fire('style.load');
    atlas.setTool('area', () => undefined);
    await flush();
    map.reloadStyle();
    await flush();
    expect(draw.log).toEqual(['start area', 'destroy', 'start area']);
  });
});

describe('AtlasMap briefing views', () => {
  const camera = { lng: 113.3, lat: 23.1, zoom: 11, bearing: -12, pitch: 40 };

  it('flies to a slide camera, and jumps there when the user prefers reduced motion', () => {
    const { atlas, fake } = makeAtlas();
    atlas.flyToView(camera, []);
    expect(fake.calls.at(-1)).toBe('flyTo');
    expect(fake.lastFlight).toMatchObject({ center: [113.3, 23.1], zoom: 11, bearing: -12, pitch: 40 });

    const reduced = makeAtlas({}, true);
    reduced.atlas.flyToView(camera, []);
    expect(reduced.fake.calls).not.toContain('flyTo');
    expect(reduced.fake.camera).toEqual(camera);
  });

  it('fits the highlighted parks without a camera, the city with no parks, level and north up', () => {
    const { atlas, fake } = makeAtlas();
    atlas.flyToView(null, ['bio-island' as ParkId]);
    expect(fake.lastFit?.bounds).toEqual([
      [113.36, 23.08],
      [113.38, 23.1],
    ]);
    expect(fake.lastFit?.options).toMatchObject({ bearing: 0, pitch: 0 });
    expect(fake.lastFit?.options.duration).toBeGreaterThan(0);
    atlas.flyToView(null, []);
    expect(fake.lastFit?.bounds).toEqual(CITY_BOUNDS);

    const reduced = makeAtlas({}, true);
    reduced.atlas.flyToView(null, ['bio-island' as ParkId]);
    expect(reduced.fake.lastFit?.options.duration).toBe(0);
  });

  it('moves again for every call, even to the same view (a slide revisited after panning)', () => {
    const { atlas, fake } = makeAtlas();
    atlas.flyToView(camera, []);
    atlas.flyToView(camera, []);
    expect(fake.calls.filter((c) => c === 'flyTo')).toHaveLength(2);
  });
});

describe('AtlasMap imported layers', () => {
  const style = { color: '#d6336c', opacity: 1, radius: 4 };
  const layer = (id: string, extra: Partial<ImportedLayerOnMap> = {}): ImportedLayerOnMap => ({
    id,
    style,
    visible: true,
    revision: 1,
    ...extra,
  });
  const ids = (fake: FakeMap) => fake.layers.map((l) => l.id);

  it('draws each imported layer above the transit and below the labels, in order', () => {
    const { atlas, fake } = makeAtlas();
    atlas.setImportedLayers([layer('imp-a'), layer('imp-b')]); // before the style: kept
    fake.fire('style.load');
    const order = ids(fake);
    const at = (id: string) => order.indexOf(id);
    expect(at('import:imp-a:circle')).toBeGreaterThan(at('station-open'));
    expect(at('import:imp-b:fill')).toBeGreaterThan(at('import:imp-a:circle'));
    expect(at('import:imp-b:circle')).toBeLessThan(at('district-label'));
    expect(fake.extraSources).toEqual(new Set(['import:imp-a', 'import:imp-b']));
  });

  it('restyles and hides without new tiles; a new revision gets a new source; removal removes', () => {
    const { atlas, fake } = makeAtlas();
    fake.fire('style.load');
    atlas.setImportedLayers([layer('imp-a')]);
    fake.calls.length = 0;
    atlas.setImportedLayers([layer('imp-a', { style: { ...style, color: '#000000' }, visible: false })]);
    expect(fake.getLayer('import:imp-a:circle')?.paint['circle-color']).toBe('#000000');
    expect(fake.getLayer('import:imp-a:fill')?.layout.visibility).toBe('none');
    expect(fake.calls.filter((c) => c.startsWith('addSource'))).toEqual([]);
    atlas.setImportedLayers([layer('imp-a', { revision: 2 })]);
    expect(fake.calls).toContain('removeSource import:imp-a');
    expect(fake.calls.filter((c) => c === 'addSource import:imp-a')).toHaveLength(1);
    atlas.setImportedLayers([]);
    expect(ids(fake).some((id) => id.startsWith('import:'))).toBe(false);
    expect(fake.extraSources.size).toBe(0);
  });

  it('puts imported layers back after a style reload', () => {
    const { atlas, fake } = makeAtlas();
    fake.fire('style.load');
    atlas.setImportedLayers([layer('imp-a')]);
    fake.extraSources.clear();
    fake.reloadStyle();
    expect(ids(fake)).toContain('import:imp-a:circle');
    expect(fake.extraSources.has('import:imp-a')).toBe(true);
  });

  it('reports a click on an imported feature with its layer and index instead of probing', () => {
    const { atlas, fake } = makeAtlas();
    const picks: string[] = [];
    atlas.setHandlers({
      onSelectPark: () => undefined,
      onHoverPark: () => undefined,
      onCameraChange: () => undefined,
      onProbe: () => picks.push('probe'),
      onReady: () => undefined,
      onError: () => undefined,
      onBasemapFailure: () => undefined,
      onPickImported: (layerId, index) => picks.push(`${layerId}#${index}`),
    });
    fake.fire('style.load');
    atlas.setImportedLayers([layer('imp-a')]);
    fake.rendered = [{ layer: { id: 'import:imp-a:circle' }, properties: { __i: 7 } }];
    fake.fire('click', { point: { x: 1, y: 2 }, lngLat: { lng: 113.3, lat: 23.1 } });
    expect(picks).toEqual(['imp-a#7']);
  });

  it('serves tiles through one protocol registration, whatever the loader', async () => {
    const registered: { name: string; action: AddProtocolAction }[] = [];
    const addProtocol = (name: string, action: AddProtocolAction) => registered.push({ name, action });
    const asked: string[] = [];
    setImportTileLoader(async (id, z, x, y) => {
      asked.push(`${id} ${z}/${x}/${y}`);
      return new Uint8Array([1, 2]).buffer;
    }, addProtocol);
    setImportTileLoader(async () => null, addProtocol);
    expect(registered.map((r) => r.name)).toEqual(['atlas-import']);
    const action = registered[0]!.action;
    const empty = await action({ url: 'atlas-import://imp-a/1/3/4/5' }, new AbortController());
    expect((empty.data as ArrayBuffer).byteLength).toBe(0);
    const junk = await action({ url: 'atlas-import://../../etc' }, new AbortController());
    expect((junk.data as ArrayBuffer).byteLength).toBe(0);
    expect(parseImportTileUrl('atlas-import://imp-a/2/3/4/5')).toEqual({
      layerId: 'imp-a',
      z: 3,
      x: 4,
      y: 5,
    });
    expect(asked).toEqual([]);
  });
});

// ---- PMTiles archives
describe('AtlasMap PMTiles archives', () => {
  const archive = (id: string, extra: Partial<ArchiveOnMap> = {}): ArchiveOnMap => ({
    id,
    layers: ['parks', 'stations'],
    color: '#0077bb',
    visible: true,
    minzoom: 8,
    maxzoom: 12,
    bounds: [113, 22.5, 114, 23.9],
    ...extra,
  });
  const ids = (fake: FakeMap) => fake.layers.map((l) => l.id);

  it('draws fill, line and circle per vector layer below the labels, and removes them', () => {
    const { atlas, fake } = makeAtlas();
    atlas.setArchiveLayers([archive('pm-a')]); // before the style: kept
    fake.fire('style.load');
    const order = ids(fake);
    const mine = order.filter((id) => id.startsWith('pmtiles:'));
    expect(mine).toEqual(archiveLayerIds(archive('pm-a')));
    expect(order.indexOf(mine.at(-1)!)).toBeLessThan(order.indexOf('district-label'));
    expect(order.indexOf(mine[0]!)).toBeGreaterThan(order.indexOf('station-open'));
    expect(fake.extraSources.has('pmtiles:pm-a')).toBe(true);
    atlas.setArchiveLayers([archive('pm-a', { color: '#000000', visible: false })]);
    expect(fake.getLayer('pmtiles:pm-a:stations:circle')?.paint['circle-color']).toBe('#000000');
    expect(fake.getLayer('pmtiles:pm-a:parks:fill')?.layout.visibility).toBe('none');
    atlas.setArchiveLayers([]);
    expect(ids(fake).some((id) => id.startsWith('pmtiles:'))).toBe(false);
    expect(fake.extraSources.has('pmtiles:pm-a')).toBe(false);
  });

  it('puts archives back after a style reload', () => {
    const { atlas, fake } = makeAtlas();
    fake.fire('style.load');
    atlas.setArchiveLayers([archive('pm-a')]);
    fake.extraSources.clear();
    fake.reloadStyle();
    expect(ids(fake)).toContain('pmtiles:pm-a:stations:circle');
    expect(fake.extraSources.has('pmtiles:pm-a')).toBe(true);
  });

  it('specs a bounded vector source over the atlas-pmtiles protocol and filters by geometry', () => {
    expect(archiveSource(archive('pm-a'))).toEqual({
      type: 'vector',
      tiles: ['atlas-pmtiles://pm-a/{z}/{x}/{y}'],
      minzoom: 8,
      maxzoom: 12,
      bounds: [113, 22.5, 114, 23.9],
    });
    expect(archiveSource(archive('pm-a', { bounds: null }))).not.toHaveProperty('bounds');
    const specs = archiveLayers(archive('pm-a'));
    expect(specs.map((s) => [(s as { 'source-layer': string })['source-layer'], s.type])).toEqual([
      ['parks', 'fill'],
      ['parks', 'line'],
      ['parks', 'circle'],
      ['stations', 'fill'],
      ['stations', 'line'],
      ['stations', 'circle'],
    ]);
  });

  it('serves tiles through one protocol registration, refusing other URLs', async () => {
    const registered: { name: string; action: AddProtocolAction }[] = [];
    const addProtocol = (name: string, action: AddProtocolAction) => registered.push({ name, action });
    const asked: string[] = [];
    setArchiveTileLoader(async (id, z, x, y) => {
      asked.push(`${id} ${z}/${x}/${y}`);
      return new Uint8Array([1, 2, 3]).buffer;
    }, addProtocol);
    setArchiveTileLoader(async (id, z, x, y) => {
      asked.push(`second ${id} ${z}/${x}/${y}`);
      return null;
    }, addProtocol);
    expect(registered.map((r) => r.name)).toEqual(['atlas-pmtiles']);
    const action = registered[0]!.action;
    const empty = await action({ url: 'atlas-pmtiles://pm-a/10/834/444' }, new AbortController());
    expect((empty.data as ArrayBuffer).byteLength).toBe(0);
    const junk = await action({ url: 'atlas-pmtiles://../../etc/1/2/3' }, new AbortController());
    expect((junk.data as ArrayBuffer).byteLength).toBe(0);
    expect(asked).toEqual(['second pm-a 10/834/444']);
    expect(parseArchiveTileUrl('atlas-pmtiles://pm-x1/3/4/5')).toEqual({
      archiveId: 'pm-x1',
      z: 3,
      x: 4,
      y: 5,
    });
  });
});
