import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PARK_IDS } from '../data/schemas.ts';
import { INDUSTRY_TAGS } from '../data/vocabulary.ts';
import {
  BASEMAP_IDS,
  CAMERA_LIMITS,
  type Camera,
  DEFAULT_LAYERS,
  hrefForState,
  LAYER_GROUPS,
  normaliseCamera,
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
  return layersOk && pageOk && cameraOk && industryOk && basemapOk && (s.lang === 'zh' || s.lang === 'en');
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
  ),
  lang: fc.constantFrom('zh' as const, 'en' as const),
  layers: fc.subarray([...LAYER_GROUPS]),
  industry: fc.constantFrom(null, ...INDUSTRY_TAGS),
  basemap: fc.constantFrom(...BASEMAP_IDS),
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
      camera: null,
    };
    expect(hrefForState(s)).toBe('/parks/bio-island');
    expect(hrefForState({ ...s, lang: 'en', layers: ['parks'] })).toBe(
      '/parks/bio-island?lang=en&layers=parks',
    );
  });

  it('wraps the bearing so 179.96° does not come back as 180°', () => {
    const c = normaliseCamera({ zoom: 10, lat: 23, lng: 113, bearing: 179.96, pitch: 0 });
    expect(c.bearing).toBe(-180);
  });
});
