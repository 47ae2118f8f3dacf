/**
 * The shareable view state and its URL form. Pure functions: no router, no DOM.
 *
 * URL form (path carries the page, query the view options, hash the camera):
 *   /parks/:parkId?lang=en&layers=parks,transit-open&industry=ai&basemap=osm#12.50/23.10500/113.36000/0.0/0
 *                                                                             zoom / lat / lng / bearing / pitch
 *   /compare?parks=a,b,c   /access/:parkId?w=25,10,20,10,10,15,10   /promises   /plan
 * and, on any page, the explorer's filters and tools:
 *   &district=tianhe&cat=education,living&status=open,planned&opacity=parks:60&tool=distance
 * Parsing never throws: anything unknown or out of range is dropped or clamped, so a garbage URL
 * still yields a valid state. Values are kept at a fixed precision so that
 * parse(serialise(s)) = s holds exactly (see view-state.test.ts).
 */
import {
  DISTRICT_SLUGS,
  type DistrictSlug,
  INDUSTRY_TAGS,
  type IndustryTag,
  LINE_STATUS_FILTERS,
  type LineStatusFilter,
  PARK_IDS,
  type ParkId,
  SUPPORTING_CATEGORIES,
} from '../data/vocabulary.ts';
import { ACCESS_SCORE_FORMULA } from '../domain/access-score.ts';

type SupportingCategory = (typeof SUPPORTING_CATEGORIES)[number];

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

/** The map tools of the explorer's toolbar; null = none open. */
export const MAP_TOOLS = ['distance', 'area', 'radius'] as const;
export type MapTool = (typeof MAP_TOOLS)[number];

/** How many parks the compare page takes at most. */
export const MAX_COMPARE_PARKS = 10;
/** Access-score weights in the URL: one per ACCESS_SCORE_FORMULA input, in its order, each 0–100. */
export const WEIGHT_LIMITS = { min: 0, max: 100 } as const;

export type Page =
  | { kind: 'atlas'; parkId: ParkId | null }
  | { kind: 'plan' }
  | { kind: 'promises' }
  /** 0–10 distinct parks in the order given (the page asks for at least 2). */
  | { kind: 'compare'; parkIds: ParkId[] }
  /** weights: null = the formula's own; else one raw 0–100 weight per input (normalise before use). */
  | { kind: 'access'; parkId: ParkId | null; weights: number[] | null }
  /**
   * The briefing: slide is 1-based (clamped to the deck by the page); deck: an imported deck's id
   * (null = the default deck); autoplay: seconds per slide (null = off); presenter: this window is
   * the presenter view (`?presenter=1`: current and next slide, notes, timer) of the briefing.
   */
  | { kind: 'brief'; slide: number; deck: string | null; autoplay: number | null; presenter: boolean };

/** Autoplay seconds per slide, clamped. */
export const AUTOPLAY_LIMITS = { min: 3, max: 600 } as const;

/** The explorer's filters; the defaults (null / everything ticked) are left out of the URL. */
export interface Filters {
  /** Parks (and their facilities) of one district; null = all districts. */
  district: DistrictSlug | null;
  /** Facility categories shown, in SUPPORTING_CATEGORIES order. */
  categories: SupportingCategory[];
  /** Line / station status classes shown, in LINE_STATUS_FILTERS order. */
  lineStatuses: LineStatusFilter[];
}
export const DEFAULT_FILTERS: Filters = {
  district: null,
  categories: [...SUPPORTING_CATEGORIES],
  lineStatuses: [...LINE_STATUS_FILTERS],
};

export interface ViewState {
  page: Page;
  lang: Lang;
  /** Visible layer groups, always in LAYER_GROUPS order without duplicates. */
  layers: LayerGroup[];
  /** The park list's lead-industry filter (the map fades the other parks); null = all parks. */
  industry: IndustryTag | null;
  /** The basemap under the atlas (never its key: that stays on the device). */
  basemap: BasemapId;
  filters: Filters;
  /** Per-group layer opacity in whole percent, 0–100; a group left out is at 100. */
  opacity: Partial<Record<LayerGroup, number>>;
  /** The open map tool (measure distance / area, radius query). */
  tool: MapTool | null;
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
const DISTRICT_SET: ReadonlySet<string> = new Set(DISTRICT_SLUGS);
const TOOL_SET: ReadonlySet<string> = new Set(MAP_TOOLS);

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
  if (parts[0] === 'promises') return { page: { kind: 'promises' }, unknownParkId: null };
  if (parts[0] === 'brief') {
    const n = /^\d{1,4}$/.test(parts[1] ?? '') ? Number(parts[1]) : 1;
    return {
      page: { kind: 'brief', slide: Math.max(1, n), deck: null, autoplay: null, presenter: false },
      unknownParkId: null,
    };
  }
  if (parts[0] === 'compare') return { page: { kind: 'compare', parkIds: [] }, unknownParkId: null };
  if (parts[0] === 'access') {
    const id = parts[1];
    if (id === undefined || isParkId(id)) {
      return { page: { kind: 'access', parkId: id ?? null, weights: null }, unknownParkId: null };
    }
    return { page: { kind: 'access', parkId: null, weights: null }, unknownParkId: id.slice(0, 80) };
  }
  return { page: { kind: 'atlas', parkId: null }, unknownParkId: null };
}

/**
 * The compare set from `?parks=`: known ids, first occurrence, at most MAX_COMPARE_PARKS. What was
 * left out (unknown, duplicate or over the limit) is returned for a notice, each cut to 80 characters.
 */
export function parseCompareParks(value: string | null): { parkIds: ParkId[]; dropped: string[] } {
  const parkIds: ParkId[] = [];
  const dropped: string[] = [];
  if (value === null) return { parkIds, dropped };
  for (const raw of value.split(',').slice(0, 1000)) {
    const id = raw.trim();
    if (id === '') continue;
    if (isParkId(id) && !parkIds.includes(id) && parkIds.length < MAX_COMPARE_PARKS) parkIds.push(id);
    else dropped.push(id.slice(0, 80));
  }
  return { parkIds, dropped };
}

/**
 * Access weights from `?w=`: one number per formula input. Each is clamped to WEIGHT_LIMITS and
 * rounded; a non-number takes the formula's own weight; a list of the wrong length, or one that sums
 * to 0, means the formula's weights (null).
 */
export function parseWeights(value: string | null): number[] | null {
  if (value === null) return null;
  const parts = value.split(',');
  const defaults = defaultWeights();
  if (parts.length !== defaults.length) return null;
  const weights = parts.map((p, i) => {
    const n = /^\s*-?\d+(\.\d+)?(e[+-]?\d+)?\s*$/i.test(p) ? Number(p) : Number.NaN;
    if (!Number.isFinite(n)) return defaults[i] ?? 0;
    return Math.round(Math.min(WEIGHT_LIMITS.max, Math.max(WEIGHT_LIMITS.min, n)));
  });
  if (weights.every((w) => w === 0)) return null;
  return sameList(weights, defaults) ? null : weights;
}

/** The formula's own weights in URL form (whole percent). */
export function defaultWeights(): number[] {
  return ACCESS_SCORE_FORMULA.inputs.map((i) => Math.round(i.weight * 100));
}

/** Weights summing to 1, for the score (null → the formula's). */
export function normaliseWeights(weights: readonly number[] | null): number[] {
  const raw = weights ?? defaultWeights();
  const sum = raw.reduce((s, w) => s + w, 0);
  return raw.map((w) => (sum > 0 ? w / sum : 0));
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
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

/** A ticked subset of `all` from a comma list ('none' = nothing ticked, absent = everything). */
function parseSubset<T extends string>(value: string | null, all: readonly T[]): T[] {
  if (value === null) return [...all];
  if (value === 'none') return [];
  const wanted = new Set(value.split(','));
  const picked = all.filter((v) => wanted.has(v));
  // Nothing recognised in a non-empty value is garbage, not a wish to hide everything.
  return picked.length > 0 ? picked : [...all];
}

function serialiseSubset<T extends string>(values: readonly T[], all: readonly T[]): string | null {
  if (sameList(values, all)) return null;
  return values.length === 0 ? 'none' : values.join(',');
}

function parseFilters(params: URLSearchParams): Filters {
  const district = params.get('district');
  return {
    district: district !== null && DISTRICT_SET.has(district) ? (district as DistrictSlug) : null,
    categories: parseSubset(params.get('cat'), SUPPORTING_CATEGORIES),
    lineStatuses: parseSubset(params.get('status'), LINE_STATUS_FILTERS),
  };
}

/** `opacity=parks:60,stations:80`: whole percent, clamped to 0–100; 100 and unknown groups dropped. */
function parseOpacity(value: string | null): Partial<Record<LayerGroup, number>> {
  const opacity: Partial<Record<LayerGroup, number>> = {};
  if (value === null) return opacity;
  for (const pair of value.split(',').slice(0, LAYER_GROUPS.length * 4)) {
    const [group = '', text = ''] = pair.split(':');
    if (!LAYER_SET.has(group) || !/^\d+(\.\d+)?$/.test(text)) continue;
    const percent = Math.round(Math.min(100, Math.max(0, Number(text))));
    if (percent < 100) opacity[group as LayerGroup] = percent;
  }
  return opacity;
}

function serialiseOpacity(opacity: Partial<Record<LayerGroup, number>>): string | null {
  const pairs = LAYER_GROUPS.flatMap((g) => {
    const v = opacity[g];
    return v === undefined || v >= 100 ? [] : [`${g}:${Math.max(0, Math.round(v))}`];
  });
  return pairs.length > 0 ? pairs.join(',') : null;
}

/** The page's own query parameters (compare set, access weights) folded into the page. */
function withPageParams(page: Page, params: URLSearchParams): Page {
  if (page.kind === 'compare')
    return { kind: 'compare', parkIds: parseCompareParks(params.get('parks')).parkIds };
  if (page.kind === 'access') return { ...page, weights: parseWeights(params.get('w')) };
  if (page.kind === 'brief') {
    const deck = params.get('deck');
    const autoplay = params.get('autoplay');
    const seconds = autoplay !== null && /^\d{1,6}$/.test(autoplay) ? Number(autoplay) : null;
    return {
      ...page,
      deck: deck !== null && /^[a-z0-9-]{1,64}$/.test(deck) ? deck : null,
      autoplay:
        seconds === null ? null : Math.min(AUTOPLAY_LIMITS.max, Math.max(AUTOPLAY_LIMITS.min, seconds)),
      presenter: params.get('presenter') === '1',
    };
  }
  return page;
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
  const tool = params.get('tool');
  return {
    page: withPageParams(parsePath(String(pathname)).page, params),
    lang: lang === 'en' || lang === 'zh' ? lang : DEFAULT_LANG,
    layers: parseLayers(params.get('layers')),
    industry: parseIndustry(params.get('industry')),
    basemap: parseBasemap(params.get('basemap')),
    filters: parseFilters(params),
    opacity: parseOpacity(params.get('opacity')),
    tool: tool !== null && TOOL_SET.has(tool) ? (tool as MapTool) : null,
    camera: parseCamera(String(hash)),
  };
}

export function pathForPage(page: Page): string {
  switch (page.kind) {
    case 'plan':
      return '/plan';
    case 'promises':
      return '/promises';
    case 'compare':
      return '/compare';
    case 'access':
      return page.parkId ? `/access/${page.parkId}` : '/access';
    case 'brief':
      return `/brief/${page.slide}`;
    default:
      return page.parkId ? `/parks/${page.parkId}` : '/';
  }
}

/** The query string (with leading '?', or '') for the non-default options of a state. */
export function searchForState(state: Omit<ViewState, 'camera'>): string {
  const params = new URLSearchParams();
  const { page, filters } = state;
  if (page.kind === 'compare' && page.parkIds.length > 0) params.set('parks', page.parkIds.join(','));
  if (page.kind === 'access' && page.weights) params.set('w', page.weights.join(','));
  if (page.kind === 'brief' && page.deck) params.set('deck', page.deck);
  if (page.kind === 'brief' && page.autoplay !== null) params.set('autoplay', String(page.autoplay));
  if (page.kind === 'brief' && page.presenter) params.set('presenter', '1');
  if (state.lang !== DEFAULT_LANG) params.set('lang', state.lang);
  if (!sameList(state.layers, DEFAULT_LAYERS)) params.set('layers', state.layers.join(','));
  if (state.industry) params.set('industry', state.industry);
  if (state.basemap !== DEFAULT_BASEMAP) params.set('basemap', state.basemap);
  if (filters.district) params.set('district', filters.district);
  const categories = serialiseSubset(filters.categories, SUPPORTING_CATEGORIES);
  if (categories !== null) params.set('cat', categories);
  const statuses = serialiseSubset(filters.lineStatuses, LINE_STATUS_FILTERS);
  if (statuses !== null) params.set('status', statuses);
  const opacity = serialiseOpacity(state.opacity);
  if (opacity !== null) params.set('opacity', opacity);
  if (state.tool) params.set('tool', state.tool);
  const text = params.toString().replace(/%2C/g, ',').replace(/%3A/g, ':');
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
