import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PARK_IDS } from '../data/schemas.ts';
import {
  DISTRICT_SLUGS,
  INDUSTRY_TAGS,
  LINE_STATUS_FILTERS,
  SUPPORTING_CATEGORIES,
} from '../data/vocabulary.ts';
import {
  BASEMAP_IDS,
  CAMERA_LIMITS,
  type Camera,
  DEFAULT_FILTERS,
  DEFAULT_LAYERS,
  defaultWeights,
  hrefForState,
  LAYER_GROUPS,
  MAP_TOOLS,
  normaliseCamera,
  normaliseWeights,
  parseCompareParks,
  parsePath,
  parseViewState,
  serialiseViewState,
  type ViewState,
} from './view-state.ts';

const RUNS = 10_000;

function isValidState(s: ViewState): boolean {
  const layersOk =
    s.layers.every((l) => LAYER_GROUPS.includes(l)) &&
    s.layers.every((l, i) => i === 0 || LAYER_GROUPS.indexOf(l) > LAYER_GROUPS.indexOf(s.layers[i - 1]!));
  const pageOk =
    s.page.kind !== 'atlas' ||
    s.page.parkId === null ||
    (PARK_IDS as readonly string[]).includes(s.page.parkId);
  const c = s.camera;
  const cameraOk =
    c === null ||
    (Object.keys(CAMERA_LIMITS) as (keyof Camera)[]).every(
      (k) => Number.isFinite(c[k]) && c[k] >= CAMERA_LIMITS[k].min && c[k] <= CAMERA_LIMITS[k].max,
    );
  const basemapOk = (BASEMAP_IDS as readonly string[]).includes(s.basemap);
  const industryOk = s.industry === null || (INDUSTRY_TAGS as readonly string[]).includes(s.industry);
  const weightsOk =
    s.page.kind !== 'access' ||
    s.page.weights === null ||
    (s.page.weights.length === defaultWeights().length &&
      s.page.weights.every((w) => Number.isInteger(w) && w >= 0 && w <= 100));
  const compareOk =
    s.page.kind !== 'compare' ||
    (s.page.parkIds.length <= 10 && new Set(s.page.parkIds).size === s.page.parkIds.length);
  const opacityOk = Object.entries(s.opacity).every(
    ([g, v]) => LAYER_GROUPS.includes(g as never) && Number.isInteger(v) && v >= 0 && v < 100,
  );
  return (
    layersOk &&
    pageOk &&
    cameraOk &&
    industryOk &&
    basemapOk &&
    weightsOk &&
    compareOk &&
    opacityOk &&
    (s.lang === 'zh' || s.lang === 'en')
  );
}

const cameraArb: fc.Arbitrary<Camera> = fc
  .record({
    zoom: fc.double({ min: -10, max: 40, noNaN: true }),
    lat: fc.double({ min: -120, max: 120, noNaN: true }),
    lng: fc.double({ min: -400, max: 400, noNaN: true }),
    bearing: fc.double({ min: -1000, max: 1000, noNaN: true }),
    pitch: fc.double({ min: -10, max: 120, noNaN: true }),
  })
  .map(normaliseCamera);

const stateArb: fc.Arbitrary<ViewState> = fc.record({
  page: fc.oneof(
    fc.record({ kind: fc.constant('atlas' as const), parkId: fc.constantFrom(null, ...PARK_IDS) }),
    fc.constant({ kind: 'plan' as const }),
    fc.constant({ kind: 'promises' as const }),
    fc.record({
      kind: fc.constant('brief' as const),
      slide: fc.integer({ min: 1, max: 9999 }),
      deck: fc.option(fc.stringMatching(/^[a-z0-9-]{1,64}$/), { nil: null }),
      autoplay: fc.option(fc.integer({ min: 3, max: 600 }), { nil: null }),
      presenter: fc.boolean(),
    }),
    fc.record({
      kind: fc.constant('compare' as const),
      parkIds: fc.uniqueArray(fc.constantFrom(...PARK_IDS), { maxLength: 10 }),
    }),
    fc.record({
      kind: fc.constant('access' as const),
      parkId: fc.constantFrom(null, ...PARK_IDS),
      weights: fc.option(
        fc
          .array(fc.integer({ min: 0, max: 100 }), {
            minLength: defaultWeights().length,
            maxLength: defaultWeights().length,
          })
          .filter((w) => w.some((v) => v > 0) && w.join() !== defaultWeights().join()),
        { nil: null },
      ),
    }),
  ),
  lang: fc.constantFrom('zh' as const, 'en' as const),
  layers: fc.subarray([...LAYER_GROUPS]),
  industry: fc.constantFrom(null, ...INDUSTRY_TAGS),
  basemap: fc.constantFrom(...BASEMAP_IDS),
  filters: fc.record({
    district: fc.constantFrom(null, ...DISTRICT_SLUGS),
    categories: fc.subarray([...SUPPORTING_CATEGORIES]),
    lineStatuses: fc.subarray([...LINE_STATUS_FILTERS]),
  }),
  opacity: fc.dictionary(fc.constantFrom(...LAYER_GROUPS), fc.integer({ min: 0, max: 99 })),
  tool: fc.constantFrom(null, ...MAP_TOOLS),
  camera: fc.option(cameraArb, { nil: null }),
});

describe('view state URL round trip', () => {
  it('parse(serialise(s)) = s for any valid state', () => {
    fc.assert(
      fc.property(stateArb, (s) => {
        const { pathname, search, hash } = serialiseViewState(s);
        expect(parseViewState(pathname, search, hash)).toEqual(s);
      }),
      { numRuns: RUNS },
    );
  });

  it('parsing any string never throws and yields a valid state', () => {
    const junk = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.webPath(),
      fc.constantFrom('%', '%E0%A4%A', '#/', '#NaN/NaN/NaN', '#1e999/1/1', '?lang=<script>', '/parks/%ZZ'),
    );
    fc.assert(
      fc.property(junk, junk, junk, (path, search, hash) => {
        const s = parseViewState(path, search, hash);
        expect(isValidState(s)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('parses a camera hash and clamps out-of-range values', () => {
    expect(parseViewState('/', '', '#99/123.4/500/10/200').camera).toEqual({
      zoom: 22,
      lat: 85,
      lng: 180,
      bearing: 10,
      pitch: 85,
    });
    expect(parseViewState('/', '', '#abc/1/2').camera).toBeNull();
  });

  it('drops unknown layers and park ids', () => {
    const s = parseViewState('/parks/not-a-park', '?layers=parks,evil,stations&lang=fr&industry=<b>', '');
    expect(s.layers).toEqual(['parks', 'stations']);
    expect(s.industry).toBeNull();
    expect(parseViewState('/', '?industry=biomedicine', '').industry).toBe('biomedicine');
    expect(parseViewState('/', '?basemap=javascript:alert(1)', '').basemap).toBe('embedded');
    expect(parseViewState('/', '?basemap=osm', '').basemap).toBe('osm');
    expect(s.lang).toBe('zh');
    expect(s.page).toEqual({ kind: 'atlas', parkId: null });
    expect(parsePath('/parks/not-a-park').unknownParkId).toBe('not-a-park');
  });

  it('keeps default options out of the URL', () => {
    const s: ViewState = {
      page: { kind: 'atlas', parkId: 'bio-island' },
      lang: 'zh',
      layers: [...DEFAULT_LAYERS],
      industry: null,
      basemap: 'embedded',
      filters: DEFAULT_FILTERS,
      opacity: {},
      tool: null,
      camera: null,
    };
    expect(hrefForState(s)).toBe('/parks/bio-island');
    expect(hrefForState({ ...s, lang: 'en', layers: ['parks'] })).toBe(
      '/parks/bio-island?lang=en&layers=parks',
    );
  });

  it('reads the explorer filters, opacity and tool, dropping what it does not know', () => {
    const s = parseViewState(
      '/',
      '?district=tianhe&cat=education,evil&status=none&opacity=parks:40,stations:250,evil:3,hubs:x&tool=rm',
      '',
    );
    expect(s.filters).toEqual({ district: 'tianhe', categories: ['education'], lineStatuses: [] });
    expect(s.opacity).toEqual({ parks: 40 });
    expect(s.tool).toBeNull();
    expect(parseViewState('/', '?district=<b>&cat=zzz', '').filters).toEqual(DEFAULT_FILTERS);
    expect(parseViewState('/', '?tool=area', '').tool).toBe('area');
  });

  it('keeps known, distinct compare ids (at most 10) and reports the rest', () => {
    expect(parseCompareParks('bio-island,evil,bio-island,nansha-ai')).toEqual({
      parkIds: ['bio-island', 'nansha-ai'],
      dropped: ['evil', 'bio-island'],
    });
    const many = [...PARK_IDS, ...PARK_IDS].join(',');
    expect(parseCompareParks(many).parkIds).toHaveLength(10);
    expect(parseCompareParks(many).dropped).toHaveLength(10);
    expect(parseViewState('/compare', `?parks=${'x,'.repeat(5000)}`, '').page).toEqual({
      kind: 'compare',
      parkIds: [],
    });
  });

  it('clamps and normalises access weights from the URL', () => {
    const n = defaultWeights().length;
    const page = (w: string) => parseViewState('/access', `?w=${w}`, '').page;
    expect(page(['NaN', '-5', '1e9', ...Array(n - 3).fill('0')].join(','))).toEqual({
      kind: 'access',
      parkId: null,
      weights: [defaultWeights()[0], 0, 100, ...Array(n - 3).fill(0)],
    });
    expect(page(Array(n).fill('0').join(','))).toMatchObject({ weights: null });
    expect(page('1,2')).toMatchObject({ weights: null });
    const sum = normaliseWeights([50, 50, 0, 0, 0, 0, 0]).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(1, 12);
    expect(normaliseWeights(null)).toEqual(defaultWeights().map((w) => w / 100));
  });

  it('reads a briefing slide, deck and autoplay, clamping garbage', () => {
    expect(parseViewState('/brief/7', '?deck=my-deck&autoplay=1', '').page).toEqual({
      kind: 'brief',
      slide: 7,
      deck: 'my-deck',
      autoplay: 3,
      presenter: false,
    });
    expect(parseViewState('/brief/NaN', '?deck=<script>&autoplay=-5', '').page).toEqual({
      kind: 'brief',
      slide: 1,
      deck: null,
      autoplay: null,
      presenter: false,
    });
    expect(parseViewState('/brief/0', '', '').page).toMatchObject({ slide: 1 });
    expect(parseViewState('/brief/3', '?presenter=1', '').page).toMatchObject({ presenter: true });
    expect(parseViewState('/brief/3', '?presenter=yes', '').page).toMatchObject({ presenter: false });
  });

  it('wraps the bearing so 179.96° does not come back as 180°', () => {
    const c = normaliseCamera({ zoom: 10, lat: 23, lng: 113, bearing: 179.96, pitch: 0 });
    expect(c.bearing).toBe(-180);
  });
});
