/**
 * Issue 10: the embedded basemap has real context around the southern parks — OSM roads by class,
 * water, channels and their names — drawn under the parks, with no request leaving the origin.
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
import { canvasStats } from './pixels.ts';

const baseUrl = inject('baseUrl');
/** Each test opens a fresh page; on a shared 2-core machine a first idle can take well over 30 s. */
const MAP_READY_TIMEOUT_MS = 90_000;
const TEST_TIMEOUT_MS = 150_000;
let session: Session;

beforeAll(async () => {
  session = await launch();
});
afterAll(async () => {
  await session?.close();
});

interface Rendered {
  zoom: number;
  roads: number;
  roadClasses: string[];
  water: number;
  channels: number;
  roadLabels: string[];
  channelLabels: string[];
  parks: number;
}

async function rendered(atlas: AtlasPage): Promise<Rendered> {
  await waitForIdle(atlas.page);
  return atlas.page.evaluate(() => {
    const map = window.__atlas!.map;
    const q = (layers: string[]) => map.queryRenderedFeatures({ layers });
    const names = (layers: string[]) =>
      [...new Set(q(layers).map((f) => (f.properties.name as { zh: string } | undefined)?.zh ?? ''))].sort();
    const roads = q(['road-major', 'road-minor', 'road-major-casing', 'road-minor-casing']);
    return {
      zoom: map.getZoom(),
      roads: roads.length,
      roadClasses: [...new Set(roads.map((f) => String(f.properties.class)))].sort(),
      water: q(['water-fill', 'water-fill-osm']).length,
      channels: q(['channel-line']).length,
      roadLabels: names(['road-label']),
      channelLabels: names(['channel-label']),
      parks: q(['park-fill']).length,
    };
  });
}

async function expectCleanRun(atlas: AtlasPage) {
  expect(atlas.foreignRequests, 'requests left the origin').toEqual([]);
  expect(atlas.pageErrors, 'uncaught page errors').toEqual([]);
  expect(atlas.consoleErrors, 'console errors (e.g. a failing style expression)').toEqual([]);
  expect(await atlas.cspViolations(), 'CSP violations').toEqual([]);
}

describe('basemap context at park zoom', () => {
  it(
    'Panyu Smart City: roads of every class and the river, under the park',
    async () => {
      const atlas = await open(session, baseUrl, '/parks/panyu-smart-city');
      await waitForMapReady(atlas.page, MAP_READY_TIMEOUT_MS);
      const r = await rendered(atlas);
      expect(r.zoom).toBeGreaterThan(12.5);
      expect(r.roads).toBeGreaterThan(5);
      // Minor classes are drawn at park zoom.
      expect(r.roadClasses).toEqual(expect.arrayContaining(['motorway', 'primary', 'secondary']));
      expect(r.water).toBeGreaterThan(0);
      expect(r.parks).toBeGreaterThan(0);
      const stats = await canvasStats(atlas.page);
      expect(stats.distinctColours).toBeGreaterThan(40);
      expect(stats.nonBackgroundShare).toBeGreaterThan(0.2);
      await screenshot(atlas.page, 'basemap-panyu-smart-city');
      // The legend says where offline street detail exists, and the credits name OpenStreetMap.
      await expect(atlas.page.getByTestId('basemap-coverage').textContent()).resolves.toContain('番禺');
      await expect(atlas.page.locator('.attribution__summary').textContent()).resolves.toContain(
        'OpenStreetMap',
      );
      await expectCleanRun(atlas);
      await atlas.context.close();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'Nansha AI: OSM water, channels and road and channel names',
    async () => {
      const atlas = await open(session, baseUrl, '/parks/nansha-ai');
      await waitForMapReady(atlas.page, MAP_READY_TIMEOUT_MS);
      const r = await rendered(atlas);
      expect(r.roads).toBeGreaterThan(5);
      expect(r.water).toBeGreaterThan(0);
      expect(r.channels).toBeGreaterThan(0);
      expect([...r.roadLabels, ...r.channelLabels].filter(Boolean).length).toBeGreaterThan(0);
      expect(r.parks).toBeGreaterThan(0);
      const stats = await canvasStats(atlas.page);
      expect(stats.distinctColours).toBeGreaterThan(40);
      await screenshot(atlas.page, 'basemap-nansha-ai');
      await expectCleanRun(atlas);
      await atlas.context.close();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'names roads along the line, in English where OSM has it and in Chinese where not',
    async () => {
      // Closer in, on 广澳高速 and 市南路 by 东涌 (OSM has English names for both).
      const atlas = await open(session, baseUrl, '/parks/nansha-ai?lang=en#14.2/22.889/113.47/0/0');
      await waitForMapReady(atlas.page, MAP_READY_TIMEOUT_MS);
      const r = await rendered(atlas);
      expect(r.zoom).toBeCloseTo(14.2, 1);
      expect(r.roadLabels.filter(Boolean).length).toBeGreaterThan(0);
      expect(r.channelLabels.filter(Boolean).length).toBeGreaterThan(0);
      await screenshot(atlas.page, 'basemap-nansha-dongchong-en');
      await expectCleanRun(atlas);
      await atlas.context.close();
    },
    TEST_TIMEOUT_MS,
  );
});
