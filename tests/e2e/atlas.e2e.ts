/**
 * The foundation, as a user meets it: offline map with the ten parks, transit and context layers,
 * park selection from the map and the list, the URL restoring it, labels drawn as real glyphs.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  type AtlasPage,
  launch,
  open,
  type Session,
  screenshot,
  waitForIdle,
  waitForMapReady,
} from './browser.ts';
import { canvasStats, chineseGlyphProbe } from './pixels.ts';

const baseUrl = inject('baseUrl');
const PARK_COUNT = 10;
let session: Session;

beforeAll(async () => {
  session = await launch();
});
afterAll(async () => {
  await session?.close();
});

async function renderedParkIds(atlas: AtlasPage): Promise<string[]> {
  return atlas.page.evaluate(() => {
    const map = window.__atlas!.map;
    const ids = map.queryRenderedFeatures({ layers: ['park-fill'] }).map((f) => String(f.properties.id));
    return [...new Set(ids)].sort();
  });
}

async function expectCleanRun(atlas: AtlasPage) {
  expect(await atlas.cspViolations(), 'CSP violations').toEqual([]);
  expect(atlas.foreignRequests, 'requests left the origin').toEqual([]);
  expect(atlas.pageErrors, 'uncaught page errors').toEqual([]);
  expect(atlas.consoleErrors, 'console errors').toEqual([]);
  expect(atlas.dialogs, 'dialogs').toEqual([]);
}

describe('default view', () => {
  let atlas: AtlasPage;
  beforeAll(async () => {
    atlas = await open(session, baseUrl, '/');
    await waitForMapReady(atlas.page);
  });
  afterAll(async () => {
    await atlas.context.close();
  });

  it('paints the title and the park list', async () => {
    await expect(atlas.page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(
      '广州价值创新园区',
    );
    await expect(atlas.page.locator('.park-list__item').count()).resolves.toBe(PARK_COUNT);
  });

  it('reaches idle with all ten parks rendered', async () => {
    expect(await renderedParkIds(atlas)).toHaveLength(PARK_COUNT);
  });

  it('renders transit, stations and context layers', async () => {
    const counts = await atlas.page.evaluate(() => {
      const map = window.__atlas!.map;
      const n = (layer: string) => map.queryRenderedFeatures({ layers: [layer] }).length;
      return {
        open: n('transit-open'),
        planned: n('transit-planned') + n('road-planned'),
        districts: n('district-line'),
        water: n('water-line'),
        hubs: n('hub'),
      };
    });
    expect(counts.open).toBeGreaterThan(10);
    expect(counts.planned).toBeGreaterThan(3);
    expect(counts.districts).toBeGreaterThan(5);
    expect(counts.water).toBeGreaterThan(0);
    expect(counts.hubs).toBeGreaterThan(3);
  });

  it('draws a canvas that is not blank', async () => {
    const stats = await canvasStats(atlas.page);
    expect(stats.width).toBeGreaterThan(300);
    expect(stats.distinctColours).toBeGreaterThan(40);
    expect(stats.nonBackgroundShare).toBeGreaterThan(0.2);
    await screenshot(atlas.page, 'default-view');
  });

  it('draws Chinese labels as glyphs, not empty boxes', async () => {
    const probe = await chineseGlyphProbe(atlas.page);
    expect(probe.inkA).toBeGreaterThan(150);
    expect(probe.inkB).toBeGreaterThan(150);
    // Tofu boxes for two different strings are the same bitmap; real glyphs are not.
    expect(probe.difference).toBeGreaterThan(0.25 * Math.min(probe.inkA, probe.inkB));
  });

  it('makes no request outside its origin and logs no error', async () => {
    await expectCleanRun(atlas);
    expect(await atlas.cspViolations()).toEqual([]);
  });
});

describe('selecting a park', () => {
  it('from the map: opens its panel and puts it in the URL', async () => {
    const atlas = await open(session, baseUrl, '/');
    await waitForMapReady(atlas.page);
    const target = await atlas.page.evaluate(() => {
      const map = window.__atlas!.map;
      // At the overview zoom each park is a numbered marker: click the marker of park 3.
      const f = map
        .queryRenderedFeatures({ layers: ['park-marker'] })
        .find((x) => x.properties.planOrder === 3);
      if (f?.geometry.type !== 'Point') return null;
      const p = map.project(f.geometry.coordinates as [number, number]);
      return { id: String(f.properties.id), x: p.x, y: p.y };
    });
    expect(target).not.toBeNull();
    if (!target) return;
    const box = await atlas.page.locator('.map-canvas canvas').boundingBox();
    await atlas.page.mouse.click((box?.x ?? 0) + target.x, (box?.y ?? 0) + target.y);
    await atlas.page.waitForURL(`**/parks/${target.id}**`);
    await expect.poll(() => atlas.page.locator('.park-panel').getAttribute('data-park-id')).toBe(target.id);
    await expectCleanRun(atlas);
    await atlas.context.close();
  });

  it('from the list: flies there, highlights it and shows stated vs mapped area', async () => {
    const atlas = await open(session, baseUrl, '/');
    await waitForMapReady(atlas.page);
    await atlas.page.locator('a[data-park-id="bio-island"]').click();
    await atlas.page.waitForURL('**/parks/bio-island**');
    const panel = atlas.page.locator('.park-panel');
    await expect(panel.textContent()).resolves.toContain('1.83');
    await expect(panel.locator('.audit-badge').first().textContent()).resolves.toMatch(
      /Δ (±0|[+-]\d+(\.\d)?)%/,
    );
    await expect(panel.locator('.precision-note').textContent()).resolves.toContain(
      '具体范围及面积在后续规划编制中明确',
    );
    await waitForIdle(atlas.page);
    const state = await atlas.page.evaluate(() => {
      const map = window.__atlas!.map;
      return {
        selected: map.getFeatureState({ source: 'parks', id: 'bio-island' }).selected,
        zoom: map.getZoom(),
      };
    });
    expect(state.selected).toBe(true);
    expect(state.zoom).toBeGreaterThan(12);
    await screenshot(atlas.page, 'park-bio-island');
    await expectCleanRun(atlas);
    await atlas.context.close();
  });

  it('a direct link to /parks/<id> restores the selection', async () => {
    const atlas = await open(session, baseUrl, '/parks/nansha-ai');
    await waitForMapReady(atlas.page);
    await expect(atlas.page.locator('.park-panel').getAttribute('data-park-id')).resolves.toBe('nansha-ai');
    const selected = await atlas.page.evaluate(() => {
      const map = window.__atlas!.map;
      const c = map.getCenter();
      return {
        state: map.getFeatureState({ source: 'parks', id: 'nansha-ai' }).selected,
        lng: c.lng,
        lat: c.lat,
      };
    });
    expect(selected.state).toBe(true);
    // Nansha Qingsheng is near 113.49 E, 22.88 N.
    expect(selected.lng).toBeGreaterThan(113.4);
    expect(selected.lat).toBeLessThan(22.95);
    await expectCleanRun(atlas);
    await atlas.context.close();
  });

  it('an unknown park id shows "not found" and the list still works', async () => {
    const atlas = await open(session, baseUrl, '/parks/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E');
    await atlas.page.locator('[data-testid="park-not-found"]').waitFor();
    await expect(atlas.page.locator('[data-testid="park-not-found"]').textContent()).resolves.toContain(
      '<img',
    );
    await atlas.page.locator('a[data-park-id="pazhou-internet"]').click();
    await atlas.page.waitForURL('**/parks/pazhou-internet**');
    await expect.poll(() => atlas.page.locator('[data-testid="park-not-found"]').count()).toBe(0);
    expect(await atlas.injected()).toBe(false);
    expect(atlas.dialogs).toEqual([]);
    await atlas.context.close();
  });
});

describe('language and layers', () => {
  it('switches to English, keeps the park and re-labels the map', async () => {
    const atlas = await open(session, baseUrl, '/parks/tianhe-software');
    await waitForMapReady(atlas.page);
    await atlas.page.getByTestId('lang-switch').click();
    await atlas.page.waitForURL(/lang=en/);
    expect(atlas.page.url()).toContain('/parks/tianhe-software');
    await expect
      .poll(() => atlas.page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Guangzhou Value Innovation Parks Atlas');
    await expect.poll(() => atlas.page.locator('html').getAttribute('lang')).toBe('en');
    const field = await atlas.page.evaluate(() => {
      const map = window.__atlas!.map;
      return JSON.stringify(map.getLayoutProperty('park-label', 'text-field'));
    });
    expect(field.indexOf('"en"')).toBeLessThan(field.indexOf('"zh"'));
    await expect
      .poll(() => atlas.page.locator('.maplibregl-ctrl-scale').textContent())
      .toMatch(/^\d+\s?k?m$/);
    await expect(atlas.page.locator('.maplibregl-ctrl-zoom-in').getAttribute('aria-label')).resolves.toBe(
      'Zoom in',
    );
    await expectCleanRun(atlas);
    await atlas.context.close();
  });

  it('hides a layer group from the legend and keeps it in the URL', async () => {
    const atlas = await open(session, baseUrl, '/');
    await waitForMapReady(atlas.page);
    // A click, not uncheck(): the box is controlled by the URL, which React re-renders in a transition.
    await atlas.page.locator('input[data-layer-group="stations"]').click();
    await atlas.page.waitForURL(/layers=/);
    expect(new URL(atlas.page.url()).searchParams.get('layers')).not.toContain('stations');
    await expect
      .poll(() =>
        atlas.page.evaluate(() => {
          const map = window.__atlas!.map;
          return map.getLayoutProperty('station-open', 'visibility');
        }),
      )
      .toBe('none');
    await atlas.page.reload();
    await waitForMapReady(atlas.page);
    await expect.poll(() => atlas.page.locator('input[data-layer-group="stations"]').isChecked()).toBe(false);
    await atlas.context.close();
  });
});

describe('camera in the URL', () => {
  it('writes history at most once per camera move, and restores the camera on reload', async () => {
    const countWrites = `(() => {
      window.__historyWrites = 0;
      for (const name of ['pushState', 'replaceState']) {
        const original = history[name].bind(history);
        history[name] = (...args) => { window.__historyWrites++; return original(...args); };
      }
    })();`;
    const atlas = await open(session, baseUrl, '/', { initScripts: [countWrites] });
    await waitForMapReady(atlas.page);
    const result = await atlas.page.evaluate(async () => {
      const w = window as unknown as { __historyWrites: number };
      const map = window.__atlas!.map;
      const before = w.__historyWrites;
      let moves = 0;
      map.on('moveend', () => moves++);
      for (let i = 0; i < 40; i++) {
        map.panBy([i % 2 ? 30 : -25, 12], { duration: 0 });
        await new Promise((r) => setTimeout(r, 20));
      }
      await new Promise((r) => setTimeout(r, 1200));
      return { writes: w.__historyWrites - before, moves };
    });
    expect(result.moves).toBe(40);
    expect(result.writes).toBeGreaterThan(0);
    expect(result.writes).toBeLessThanOrEqual(result.moves);
    // Rate limit: 40 moves within ~1 s may write only a few times (≤ 100 per 30 s).
    expect(result.writes).toBeLessThanOrEqual(5);
    const hash = new URL(atlas.page.url()).hash;
    expect(hash).toMatch(/^#\d+\.\d{2}\/\d+\.\d{5}\/\d+\.\d{5}\//);
    const center = await atlas.page.evaluate(() => {
      const c = window.__atlas!.map.getCenter();
      return [c.lng, c.lat];
    });
    await atlas.page.reload();
    await waitForMapReady(atlas.page);
    const restored = await atlas.page.evaluate(() => {
      const c = window.__atlas!.map.getCenter();
      return [c.lng, c.lat];
    });
    expect(restored[0]).toBeCloseTo(center[0] ?? 0, 3);
    expect(restored[1]).toBeCloseTo(center[1] ?? 0, 3);
    await atlas.context.close();
  });
});

describe('a failing data file', () => {
  it('names the file in a notice and keeps the parks, the list and the map working', async () => {
    const atlas = await open(session, baseUrl, '/?lang=en', { failRequests: /\/stations-[\w-]+\.geojson$/ });
    await waitForMapReady(atlas.page);
    const notice = atlas.page.locator('.notice--error');
    await notice.first().waitFor();
    await expect(notice.first().textContent()).resolves.toMatch(/Map error: .*stations/i);
    expect(await renderedParkIds(atlas)).toHaveLength(PARK_COUNT);
    await atlas.page.locator('a[data-park-id="bio-island"]').click();
    await atlas.page.waitForURL('**/parks/bio-island**');
    expect(atlas.pageErrors).toEqual([]);
    await atlas.context.close();
  });

  it('without the parks file, says so instead of a blank map', async () => {
    const atlas = await open(session, baseUrl, '/?lang=en', { failRequests: /\/parks-[\w-]+\.geojson$/ });
    await atlas.page.getByTestId('map-fallback').waitFor();
    await expect(atlas.page.getByTestId('map-fallback').textContent()).resolves.toMatch(
      /parks\.geojson: HTTP 500/,
    );
    // The park list, which needs the same file, says so too instead of staying empty.
    await expect(atlas.page.locator('.atlas__sidebar [role="alert"]').textContent()).resolves.toMatch(
      /parks\.geojson: HTTP 500/,
    );
    expect(atlas.pageErrors).toEqual([]);
    await atlas.context.close();
  });
});

describe('without WebGL2', () => {
  it('shows the park list and a message instead of a blank page', async () => {
    const noWebgl = `(() => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
        if (type === 'webgl2' || type === 'webgl') return null;
        return original.call(this, type, ...rest);
      };
    })();`;
    const atlas = await open(session, baseUrl, '/parks/bio-island', { initScripts: [noWebgl] });
    await atlas.page.getByTestId('map-fallback').waitFor();
    await atlas.page.locator('.park-list__item').first().waitFor();
    await expect(atlas.page.locator('.park-list__item').count()).resolves.toBe(PARK_COUNT);
    await expect(atlas.page.locator('.park-panel').getAttribute('data-park-id')).resolves.toBe('bio-island');
    expect(atlas.pageErrors).toEqual([]);
    await screenshot(atlas.page, 'no-webgl');
    await atlas.context.close();
  });
});
