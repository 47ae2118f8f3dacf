/**
 * UI-only state that should not be shared through the URL: hover, map status, notices, the
 * "what is near here" probe, the measure tools' sketch. Small typed slices combined into one store (zustand slices pattern).
 * Anything shareable (park, language, layers, filters, camera) lives in the URL instead.
 */
import { create, type StateCreator } from 'zustand';
import type { ParkId } from '../data/schemas.ts';
import type { LngLat } from '../domain/units.ts';

export type MapStatus = 'loading' | 'ready' | 'no-webgl' | 'error';

export interface HoverSlice {
  hoveredParkId: ParkId | null;
  setHoveredParkId: (id: ParkId | null) => void;
}

export interface MapStatusSlice {
  mapStatus: MapStatus;
  mapError: string | null;
  setMapStatus: (status: MapStatus, error?: string | null) => void;
}

export interface Notice {
  id: number;
  tone: 'info' | 'warning' | 'error';
  text: string;
}

export interface NoticeSlice {
  notices: Notice[];
  pushNotice: (tone: Notice['tone'], text: string) => void;
  dismissNotice: (id: number) => void;
}

export interface ProbeSlice {
  /** A point the user clicked to ask "what is near here", WGS-84. */
  probe: { lng: number; lat: number } | null;
  probeRadiusM: number;
  /** What the map draws for the probe (radius, origin, links), derived by the probe panel. */
  probeOverlay: GeoJSON.FeatureCollection;
  setProbe: (probe: { lng: number; lat: number } | null) => void;
  setProbeRadiusM: (radiusM: number) => void;
  setProbeOverlay: (overlay: GeoJSON.FeatureCollection) => void;
}

export interface FocusSlice {
  /** A facility the user asked to see on the map (from a list): the map flies there and opens it. */
  focusedFacility: { id: string; lng: number; lat: number } | null;
  focusFacility: (focus: { id: string; lng: number; lat: number } | null) => void;
}

/** What the measure drawing on the map currently holds (src/map/measure-draw.ts reports it). */
export interface MeasureSketch {
  mode: 'distance' | 'area';
  /** Clicked vertices, WGS-84; while drawing, the last one follows the pointer. */
  vertices: LngLat[];
  drawing: boolean;
}
export type MeasureCommand = 'finish' | 'cancel' | 'undo' | 'clear';

export interface MeasureSlice {
  sketch: MeasureSketch | null;
  /** A command for the map's drawing, acted on once (a new object per request). */
  measureRequest: { command: MeasureCommand } | null;
  setSketch: (sketch: MeasureSketch | null) => void;
  requestMeasure: (command: MeasureCommand) => void;
  measureRequestDone: () => void;
}

export interface SearchFocusSlice {
  /**
   * A station, line or facility chosen in search: the map opens its popup once it has drawn it
   * (the camera goes to it through the URL). Each request has a new revision.
   */
  searchFocus: {
    kind: 'station' | 'line' | 'facility';
    id: string;
    lng: number;
    lat: number;
    revision: number;
  } | null;
  setSearchFocus: (focus: {
    kind: 'station' | 'line' | 'facility';
    id: string;
    lng: number;
    lat: number;
  }) => void;
  /** The map has taken the request: a map created later (back from another page) must not act on it. */
  clearSearchFocus: () => void;
}

export type AtlasStore = HoverSlice &
  MapStatusSlice &
  NoticeSlice &
  ProbeSlice &
  FocusSlice &
  MeasureSlice &
  SearchFocusSlice;

const createHoverSlice: StateCreator<AtlasStore, [], [], HoverSlice> = (set) => ({
  hoveredParkId: null,
  setHoveredParkId: (id) => set((s) => (s.hoveredParkId === id ? s : { hoveredParkId: id })),
});

const createMapStatusSlice: StateCreator<AtlasStore, [], [], MapStatusSlice> = (set) => ({
  mapStatus: 'loading',
  mapError: null,
  setMapStatus: (mapStatus, mapError = null) => set({ mapStatus, mapError }),
});

let nextNoticeId = 1;
const MAX_NOTICES = 4;
const createNoticeSlice: StateCreator<AtlasStore, [], [], NoticeSlice> = (set) => ({
  notices: [],
  pushNotice: (tone, text) =>
    set((s) =>
      s.notices.some((n) => n.text === text)
        ? s
        : { notices: [...s.notices, { id: nextNoticeId++, tone, text }].slice(-MAX_NOTICES) },
    ),
  dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
});

export const PROBE_RADII_M = [500, 800, 1500, 3000] as const;
const EMPTY_OVERLAY: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };
const createProbeSlice: StateCreator<AtlasStore, [], [], ProbeSlice> = (set) => ({
  probe: null,
  probeRadiusM: 800,
  probeOverlay: EMPTY_OVERLAY,
  setProbe: (probe) => set(probe ? { probe } : { probe, probeOverlay: EMPTY_OVERLAY }),
  setProbeRadiusM: (probeRadiusM) => set({ probeRadiusM }),
  setProbeOverlay: (probeOverlay) => set({ probeOverlay }),
});

const createFocusSlice: StateCreator<AtlasStore, [], [], FocusSlice> = (set) => ({
  focusedFacility: null,
  focusFacility: (focusedFacility) => set({ focusedFacility }),
});

const createMeasureSlice: StateCreator<AtlasStore, [], [], MeasureSlice> = (set) => ({
  sketch: null,
  measureRequest: null,
  setSketch: (sketch) => set({ sketch }),
  requestMeasure: (command) => set({ measureRequest: { command } }),
  measureRequestDone: () => set({ measureRequest: null }),
});

let searchFocusRevision = 0;
const createSearchFocusSlice: StateCreator<AtlasStore, [], [], SearchFocusSlice> = (set) => ({
  searchFocus: null,
  setSearchFocus: (focus) => set(() => ({ searchFocus: { ...focus, revision: ++searchFocusRevision } })),
  clearSearchFocus: () => set({ searchFocus: null }),
});

const initialise: StateCreator<AtlasStore> = (...a) => ({
  ...createMeasureSlice(...a),
  ...createSearchFocusSlice(...a),
  ...createFocusSlice(...a),
  ...createHoverSlice(...a),
  ...createMapStatusSlice(...a),
  ...createNoticeSlice(...a),
  ...createProbeSlice(...a),
});

export const useAtlasStore = create<AtlasStore>()(initialise);
