/**
 * The shareable view state and its URL form. Pure functions: no router, no DOM.
 *
 * URL form (path carries the page, query the view options, hash the camera):
 *   /parks/:parkId?lang=en&layers=parks,transit-open&industry=ai&basemap=osm#12.50/23.10500/113.36000/0.0/0
 *                                                                             zoom / lat / lng / bearing / pitch
 * Parsing never throws: anything unknown or out of range is dropped or clamped, so a garbage URL
 * still yields a valid state. Values are kept at a fixed precision so that
 * parse(serialise(s)) = s holds exactly (see view-state.test.ts).
 */
import { INDUSTRY_TAGS, type IndustryTag, PARK_IDS, type ParkId } from '../data/vocabulary.ts';

export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'zh';

/** Layer groups a user can toggle, in legend order. */
export const LAYER_GROUPS = [
  'parks',
  'transit-open',
  'transit-planned',
  'stations',
  'hubs',
  'facilities',
  'catchments',
  'districts',
] as const;
export type LayerGroup = (typeof LAYER_GROUPS)[number];
/** Everything but the catchments, which are shown on demand from a park page. */
export const DEFAULT_LAYERS: readonly LayerGroup[] = LAYER_GROUPS.filter((g) => g !== 'catchments');

/** The basemaps a user can choose (what each draws: src/map/basemaps.ts). */
export const BASEMAP_IDS = ['embedded', 'osm', 'tianditu-vec', 'tianditu-img', 'custom'] as const;
export type BasemapId = (typeof BASEMAP_IDS)[number];
export const DEFAULT_BASEMAP: BasemapId = 'embedded';

export interface Camera {
  zoom: number;
  lat: number;
  lng: number;
  bearing: number;
  pitch: number;
}

export type Page = { kind: 'atlas'; parkId: ParkId | null } | { kind: 'plan' };

export interface ViewState {
  page: Page;
  lang: Lang;
  /** Visible layer groups, always in LAYER_GROUPS order without duplicates. */
  layers: LayerGroup[];
  /** The park list's lead-industry filter (the map fades the other parks); null = all parks. */
  industry: IndustryTag | null;
  /** The basemap under the atlas (never its key: that stays on the device). */
  basemap: BasemapId;
  /** null = the default camera (fit the city, or the selected park). */
  camera: Camera | null;
}

export const CAMERA_LIMITS = {
  zoom: { min: 0, max: 22, decimals: 2 },
  lat: { min: -85, max: 85, decimals: 5 },
  lng: { min: -180, max: 180, decimals: 5 },
  bearing: { min: -180, max: 180, decimals: 1 },
  pitch: { min: 0, max: 85, decimals: 0 },
} as const;

const PARK_ID_SET: ReadonlySet<string> = new Set(PARK_IDS);
const LAYER_SET: ReadonlySet<string> = new Set(LAYER_GROUPS);
const INDUSTRY_SET: ReadonlySet<string> = new Set(INDUSTRY_TAGS);
const BASEMAP_SET: ReadonlySet<string> = new Set(BASEMAP_IDS);

export function isParkId(value: string): value is ParkId {
  return PARK_ID_SET.has(value);
}

function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  const r = Math.round(value * f) / f;
  return Object.is(r, -0) ? 0 : r;
}

function clampRound(value: number, limit: { min: number; max: number; decimals: number }): number {
  return round(Math.min(limit.max, Math.max(limit.min, value)), limit.decimals);
}

/** Brings any camera to the canonical, clamped, fixed-precision form. */
export function normaliseCamera(c: Camera): Camera {
  // Round before wrapping, so that 179.96° becomes -180° rather than a 180° that would wrap on re-parse.
  const rounded = round(c.bearing, CAMERA_LIMITS.bearing.decimals);
  const bearing = Number.isFinite(rounded) ? ((((rounded + 180) % 360) + 360) % 360) - 180 : 0;
  return {
    zoom: clampRound(c.zoom, CAMERA_LIMITS.zoom),
    lat: clampRound(c.lat, CAMERA_LIMITS.lat),
    lng: clampRound(c.lng, CAMERA_LIMITS.lng),
    bearing: clampRound(bearing, CAMERA_LIMITS.bearing),
    pitch: clampRound(c.pitch, CAMERA_LIMITS.pitch),
  };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return '';
  }
}

/** Parses a pathname into a page; an unknown park id is reported, not thrown. */
export function parsePath(pathname: string): { page: Page; unknownParkId: string | null } {
  const parts = pathname.split('/').filter(Boolean).map(safeDecode);
  if (parts[0] === 'parks' && parts[1] !== undefined) {
    const id = parts[1];
    return isParkId(id)
      ? { page: { kind: 'atlas', parkId: id }, unknownParkId: null }
      : { page: { kind: 'atlas', parkId: null }, unknownParkId: id.slice(0, 80) };
  }
  if (parts[0] === 'plan') return { page: { kind: 'plan' }, unknownParkId: null };
  return { page: { kind: 'atlas', parkId: null }, unknownParkId: null };
}

function parseCamera(hash: string): Camera | null {
  const parts = hash.replace(/^#/, '').split('/');
  if (parts.length < 3 || parts.length > 5) return null;
  const numbers = parts.map((p) => (/^-?\d+(\.\d+)?$/.test(p) ? Number(p) : Number.NaN));
  if (numbers.some((n) => !Number.isFinite(n))) return null;
  const [zoom = 0, lat = 0, lng = 0, bearing = 0, pitch = 0] = numbers;
  return normaliseCamera({ zoom, lat, lng, bearing, pitch });
}

function parseLayers(value: string | null): LayerGroup[] {
  if (value === null) return [...DEFAULT_LAYERS];
  const wanted = new Set(value.split(',').filter((v) => LAYER_SET.has(v)));
  return LAYER_GROUPS.filter((g) => wanted.has(g));
}

function parseIndustry(value: string | null): IndustryTag | null {
  return value !== null && INDUSTRY_SET.has(value) ? (value as IndustryTag) : null;
}

function parseBasemap(value: string | null): BasemapId {
  return value !== null && BASEMAP_SET.has(value) ? (value as BasemapId) : DEFAULT_BASEMAP;
}

/** Parses any pathname, query string and hash into a valid view state. Never throws. */
export function parseViewState(pathname: string, search: string, hash: string): ViewState {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    params = new URLSearchParams();
  }
  const lang = params.get('lang');
  return {
    page: parsePath(String(pathname)).page,
    lang: lang === 'en' || lang === 'zh' ? lang : DEFAULT_LANG,
    layers: parseLayers(params.get('layers')),
    industry: parseIndustry(params.get('industry')),
    basemap: parseBasemap(params.get('basemap')),
    camera: parseCamera(String(hash)),
  };
}

export function pathForPage(page: Page): string {
  switch (page.kind) {
    case 'plan':
      return '/plan';
    default:
      return page.parkId ? `/parks/${page.parkId}` : '/';
  }
}

function sameLayers(a: readonly LayerGroup[], b: readonly LayerGroup[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** The query string (with leading '?', or '') for the non-default options of a state. */
export function searchForState(state: Pick<ViewState, 'lang' | 'layers' | 'industry' | 'basemap'>): string {
  const params = new URLSearchParams();
  if (state.lang !== DEFAULT_LANG) params.set('lang', state.lang);
  if (!sameLayers(state.layers, DEFAULT_LAYERS)) params.set('layers', state.layers.join(','));
  if (state.industry) params.set('industry', state.industry);
  if (state.basemap !== DEFAULT_BASEMAP) params.set('basemap', state.basemap);
  const text = params.toString().replace(/%2C/g, ',');
  return text ? `?${text}` : '';
}

/** Whether two cameras are the same once brought to the URL's precision. */
export function sameCamera(a: Camera | null, b: Camera | null): boolean {
  return hashForCamera(a) === hashForCamera(b);
}

export function hashForCamera(camera: Camera | null): string {
  if (!camera) return '';
  const c = normaliseCamera(camera);
  return `#${c.zoom.toFixed(2)}/${c.lat.toFixed(5)}/${c.lng.toFixed(5)}/${c.bearing.toFixed(1)}/${c.pitch.toFixed(0)}`;
}

export function serialiseViewState(state: ViewState): { pathname: string; search: string; hash: string } {
  return {
    pathname: pathForPage(state.page),
    search: searchForState(state),
    hash: hashForCamera(state.camera),
  };
}

/** A full relative href for a state (path + query + hash). */
export function hrefForState(state: ViewState): string {
  const { pathname, search, hash } = serialiseViewState(state);
  return `${pathname}${search}${hash}`;
}
