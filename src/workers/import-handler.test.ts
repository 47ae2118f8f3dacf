import { VectorTile } from '@mapbox/vector-tile';
import gcoord from 'gcoord';
import Papa from 'papaparse';
import { PbfReader } from 'pbf';
import { describe, expect, it } from 'vitest';
import { greatCircleDistanceM } from '../domain/great-circle.ts';
import type { LngLat } from '../domain/units.ts';
import { createMemoryLayerStore } from '../import/layer-store.ts';
import { parseFile } from '../import/parse-file.ts';
import type { ImportedLayerMeta } from '../import/types.ts';
import { createImportHandler } from './import-handler.ts';
import type { AnalysisReference, ImportRequest, ImportResponse } from './import-protocol.ts';

type Body = ImportRequest extends infer R ? (R extends unknown ? Omit<R, 'requestId'> : never) : never;

/** A handler over an in-memory store, and `ask` that checks the answer's type. */
function setup(store = createMemoryLayerStore()) {
  const handle = createImportHandler({
    store,
    parse: parseFile,
    inspect: async () => ({ format: 'unknown' }),
    now: () => 1_700_000_000_000,
  });
  let id = 1;
  async function ask<T extends ImportResponse['type']>(body: Body, type: T) {
    const { response, transfer } = await handle({ ...body, requestId: id++ });
    if (response.type !== type) throw new Error(`expected ${type}, got ${JSON.stringify(response)}`);
    return { ...(response as Extract<ImportResponse, { type: T }>), transfer };
  }
  return { handle, store, ask };
}

const bytesOf = (doc: unknown) => new TextEncoder().encode(JSON.stringify(doc)).buffer as ArrayBuffer;

// A tiny reference: three stations and one square park around Canton Tower.
const reference: AnalysisReference = {
  stations: [
    { id: 'st-a', name: '广州塔', nameEn: 'Canton Tower', status: 'open', lngLat: [113.3191, 23.109] },
    {
      id: 'st-b',
      name: '珠江新城',
      nameEn: 'Zhujiang New Town',
      status: 'open',
      lngLat: [113.3245, 23.1191],
    },
    { id: 'st-c', name: '体育西路', nameEn: 'Tiyu Xilu', status: 'open', lngLat: [113.3216, 23.1326] },
    { id: 'st-p', name: '规划站', nameEn: 'Planned', status: 'planned', lngLat: [113.36, 23.1] },
  ],
  parks: [
    {
      id: 'park-x',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [113.31, 23.1],
            [113.33, 23.1],
            [113.33, 23.12],
            [113.31, 23.12],
            [113.31, 23.1],
          ],
        ],
      },
    },
  ],
};

const mixed: GeoJSON.FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [113.32, 23.11] },
      properties: { name: 'inside', n: 3 },
    },
    {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [113.5, 23.3] },
      properties: { name: 'far', n: -1 },
    },
    {
      type: 'Feature',
      geometry: {
        type: 'LineString',
        coordinates: [
          [113.2, 23.0],
          [113.25, 23.05],
        ],
      },
      properties: { name: '=cmd|x', note: '@SUM(1)' },
    },
    {
      type: 'Feature',
      id: 'poly-1',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [113.4, 23.2],
            [113.41, 23.2],
            [113.41, 23.21],
            [113.4, 23.2],
          ],
        ],
      },
      properties: { name: 'poly', nested: { a: [1, 2] } },
    },
    {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [113.3195, 23.1092] },
      properties: { name: 'near tower', n: 10 },
    },
  ],
};

async function importMixed(ask: ReturnType<typeof setup>['ask']) {
  const r = await ask(
    {
      type: 'import',
      fileName: 'mixed <b>x</b>.geojson',
      bytes: bytesOf(mixed),
      options: { datum: 'wgs84' },
    },
    'imported',
  );
  if (!r.layer) throw new Error('no layer');
  return r;
}

function decodeTile(bytes: ArrayBuffer) {
  const layer = new VectorTile(new PbfReader(new Uint8Array(bytes))).layers.features!;
  return Array.from({ length: layer.length }, (_, i) => layer.feature(i));
}

function tileOf(lng: number, lat: number, z: number) {
  const n = 2 ** z;
  const x = Math.floor(((lng + 180) / 360) * n);
  const r = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
  return { z, x, y };
}

describe('import handler', () => {
  it('imports a file into a stored layer with its summary, and rejects unreadable files with no layer', async () => {
    const { ask, store } = setup();
    const { report, layer } = await importMixed(ask);
    expect(layer!.id).toMatch(/^imp-[a-z0-9]+$/);
    expect(layer).toMatchObject({
      name: 'mixed <b>x</b>.geojson',
      format: 'geojson',
      datum: 'wgs84',
      featureCount: 5,
      kinds: { points: 3, lines: 1, polygons: 1 },
      bbox: [113.2, 23.0, 113.5, 23.3],
      propertyKeys: ['name', 'n', 'note', 'nested'],
      visible: true,
      createdAt: 1_700_000_000_000,
    });
    expect(layer!.style.color).toBe('#d6336c');
    expect(report).toMatchObject({ outcome: 'accepted', featureCount: 5, datum: 'wgs84' });
    expect(await store.list()).toEqual([layer!.id]);
    // The next layer gets the next colour.
    const second = await importMixed(ask);
    expect(second.layer!.style.color).toBe('#7048e8');
    expect(second.layer!.id).not.toBe(layer!.id);

    const bad = await ask(
      {
        type: 'import',
        fileName: 'x.json',
        bytes: new TextEncoder().encode('{').buffer as ArrayBuffer,
        options: { datum: 'wgs84' },
      },
      'imported',
    );
    expect(bad.layer).toBeNull();
    expect(bad.report.outcome).toBe('rejected');
    expect(await store.list()).toHaveLength(2);
  });

  it('flags GCJ-02 data named after stations, converts it once on request', async () => {
    const { ask } = setup();
    await ask({ type: 'setReference', reference }, 'referenceSet');
    const shifted: GeoJSON.FeatureCollection = {
      type: 'FeatureCollection',
      features: reference.stations.slice(0, 3).map((s) => ({
        type: 'Feature',
        geometry: {
          type: 'Point',
          coordinates: gcoord.transform(
            [...s.lngLat] as [number, number],
            gcoord.WGS84,
            gcoord.GCJ02,
          ) as number[],
        },
        properties: { name: s.name },
      })),
    };
    const { report, layer } = await ask(
      { type: 'import', fileName: 'amap.geojson', bytes: bytesOf(shifted), options: { datum: 'wgs84' } },
      'imported',
    );
    expect(report.suspicion).toMatchObject({ suspected: 'gcj02', matched: 3 });
    expect(report.suspicion!.medianOffsetM).toBeGreaterThan(300);
    const converted = await ask({ type: 'convertDatum', layerId: layer!.id, from: 'gcj02' }, 'converted');
    expect(converted.layer.datum).toBe('gcj02');
    expect(converted.report.suspicion).toBeUndefined();
    expect(converted.report.notes.map((n) => n.code)).toContain('datum-converted');
    const row = await ask({ type: 'feature', layerId: layer!.id, index: 0 }, 'feature');
    expect(
      greatCircleDistanceM(
        row.row!.lngLat as unknown as LngLat,
        reference.stations[0]!.lngLat as unknown as LngLat,
      ),
    ).toBeLessThan(20);
    const again = await setupAgain(ask, layer!.id);
    expect(again.type).toBe('error');
  });

  it('cuts tiles carrying __i (and names from z12), null for empty tiles', async () => {
    const { ask } = setup();
    const { layer } = await importMixed(ask);
    const id = layer!.id;
    const t12 = tileOf(113.32, 23.11, 12);
    const r = await ask({ type: 'tile', layerId: id, ...t12 }, 'tile');
    expect(r.bytes).toBeInstanceOf(ArrayBuffer);
    expect(r.transfer).toEqual([r.bytes]);
    const feats = decodeTile(r.bytes!);
    const props = feats.map((f) => f.properties).sort((a, b) => Number(a.__i) - Number(b.__i));
    expect(props).toEqual([
      { __i: 0, name: 'inside' },
      { __i: 4, name: 'near tower' },
    ]);
    const low = await ask({ type: 'tile', layerId: id, ...tileOf(113.32, 23.11, 5) }, 'tile');
    const lowFeats = decodeTile(low.bytes!);
    // The two points 60 m apart share a thinning cell at z5: one of them is drawn.
    const lowIds = lowFeats.map((f) => Number(f.properties.__i));
    expect(lowIds).toContain(1);
    expect(lowIds.filter((i) => i === 0 || i === 4)).toHaveLength(1);
    for (const f of lowFeats) expect(Object.keys(f.properties)).toEqual(['__i']);
    expect((await ask({ type: 'tile', layerId: id, z: 12, x: 0, y: 0 }, 'tile')).bytes).toBeNull();
    expect((await ask({ type: 'tile', layerId: id, z: 3, x: 99, y: 0 }, 'tile')).bytes).toBeNull();
  });

  it('analyses points, pages and sorts rows (missing values last), gives single features', async () => {
    const { ask } = setup();
    const { layer } = await importMixed(ask);
    const id = layer!.id;
    await expect(setupAnalyseWithoutReference(ask, id)).resolves.toBe('error');
    await ask({ type: 'setReference', reference }, 'referenceSet');
    const { analysis } = await ask({ type: 'analyse', layerId: id }, 'analysed');
    expect(analysis).toMatchObject({
      layerId: id,
      analysedPoints: 3,
      insideByPark: { 'park-x': 2 },
      inCatchment: 2,
    });
    expect(analysis.nearByPark['park-x']).toBe(2);

    const byOpen = await ask(
      {
        type: 'rows',
        layerId: id,
        sort: { kind: 'nearestOpenStation' },
        descending: false,
        offset: 0,
        limit: 10,
      },
      'rows',
    );
    expect(byOpen.total).toBe(5);
    expect(byOpen.rows.map((r) => r.index)).toEqual([4, 0, 1, 2, 3]);
    expect(byOpen.rows[0]!.metrics).toMatchObject({
      nearestOpenStation: { id: 'st-a', name: '广州塔' },
      insideParkId: 'park-x',
      nearestPark: { id: 'park-x', distanceM: 0 },
      inCatchment: true,
    });
    expect(byOpen.rows[3]!.metrics).toBeNull();
    const desc = await ask(
      {
        type: 'rows',
        layerId: id,
        sort: { kind: 'nearestOpenStation' },
        descending: true,
        offset: 0,
        limit: 10,
      },
      'rows',
    );
    expect(desc.rows.map((r) => r.index)).toEqual([1, 0, 4, 2, 3]);
    const byProp = await ask(
      {
        type: 'rows',
        layerId: id,
        sort: { kind: 'property', key: 'n' },
        descending: true,
        offset: 1,
        limit: 2,
      },
      'rows',
    );
    expect(byProp.rows.map((r) => r.index)).toEqual([0, 1]);
    const byName = await ask(
      { type: 'rows', layerId: id, sort: { kind: 'name' }, descending: false, offset: 0, limit: 10 },
      'rows',
    );
    expect(byName.rows.map((r) => r.name)).toEqual(['=cmd|x', 'far', 'inside', 'near tower', 'poly']);
    const byIndexDesc = await ask(
      { type: 'rows', layerId: id, sort: { kind: 'index' }, descending: true, offset: 0, limit: 2 },
      'rows',
    );
    expect(byIndexDesc.rows.map((r) => r.index)).toEqual([4, 3]);
    expect(byIndexDesc.rows[1]).toMatchObject({ geometryType: 'Polygon', lngLat: [113.4, 23.2] });

    expect((await ask({ type: 'feature', layerId: id, index: 99 }, 'feature')).row).toBeNull();
    expect((await ask({ type: 'feature', layerId: id, index: 1 }, 'feature')).row).toMatchObject({
      index: 1,
      name: 'far',
      properties: { name: 'far', n: -1 },
    });
  });

  it('exports GeoJSON that re-imports identically, and formula-safe CSV with metrics', async () => {
    const { ask } = setup();
    const { layer } = await importMixed(ask);
    const id = layer!.id;
    const geo = await ask({ type: 'export', layerIds: [id], format: 'geojson' }, 'exported');
    expect(geo.fileName).toBe('mixed _b_x_b_.geojson');
    expect(geo.mimeType).toBe('application/geo+json');
    expect(JSON.parse(new TextDecoder().decode(geo.bytes))).toEqual(mixed);
    // import(export(x)) = x
    const again = await ask(
      { type: 'import', fileName: geo.fileName, bytes: geo.bytes, options: { datum: 'wgs84' } },
      'imported',
    );
    const back = await ask({ type: 'export', layerIds: [again.layer!.id], format: 'geojson' }, 'exported');
    expect(JSON.parse(new TextDecoder().decode(back.bytes))).toEqual(mixed);

    const sel = await ask(
      { type: 'export', layerIds: [id], format: 'geojson', indexes: [3, 0, 3, 42] },
      'exported',
    );
    expect(JSON.parse(new TextDecoder().decode(sel.bytes)).features).toEqual([
      mixed.features[3],
      mixed.features[0],
    ]);

    await ask({ type: 'setReference', reference }, 'referenceSet');
    await ask({ type: 'analyse', layerId: id }, 'analysed');
    const csv = await ask({ type: 'export', layerIds: [id], format: 'csv' }, 'exported');
    expect(csv.mimeType).toBe('text/csv;charset=utf-8');
    const bytes = new Uint8Array(csv.bytes);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(5);
    expect(rows[0]).toMatchObject({
      index: '0',
      name: 'inside',
      lng: '113.32',
      lat: '23.11',
      name_atlas: 'inside',
      n: '3',
      nearest_open_station: '广州塔',
      nearest_park: 'park-x',
      nearest_park_m: '0',
      inside_park: 'park-x',
      within_800m_of_open_station: 'true',
    });
    expect(rows[1]!.n).toBe('-1');
    expect(rows[2]).toMatchObject({
      name: "'=cmd|x",
      note: "'@SUM(1)",
      geometry_type: 'LineString',
      nearest_park: '',
    });
    expect(rows[3]!.nested).toBe('{"a":[1,2]}');

    const err = await setupExportTwoLayersWithSelection(ask, id);
    expect(err).toBe('error');
  });

  it('updates, removes, and restores every stored layer, naming what it cannot read', async () => {
    const store = createMemoryLayerStore();
    const { ask } = setup(store);
    const a = (await importMixed(ask)).layer!;
    const b = (await importMixed(ask)).layer!;
    const c = (await importMixed(ask)).layer!;
    const upd = await ask(
      {
        type: 'update',
        layerId: a.id,
        patch: { name: '  My sites ', visible: false, style: { color: 'red', radius: 99, opacity: 0.5 } },
      },
      'updated',
    );
    expect(upd.layer).toMatchObject({
      name: 'My sites',
      visible: false,
      style: { color: '#d6336c', radius: 30, opacity: 0.5 },
    });
    expect((store.entries.get(`meta:${a.id}`) as ImportedLayerMeta).name).toBe('My sites');
    await ask({ type: 'remove', layerId: b.id }, 'removed');
    expect(await store.list()).toEqual([a.id, c.id]);
    expect(
      (await ask({ type: 'tile', layerId: b.id, z: 0, x: 0, y: 0 } as Body, 'error' as never)) as unknown,
    ).toBeTruthy();

    // Damage: c's features gone; an orphan feature list; a garbage meta.
    store.entries.delete(`features:${c.id}`);
    store.entries.set('features:imp-orphan', []);
    store.entries.set('meta:imp-junk', { id: 'imp-junk', name: 5 });
    store.entries.set('features:imp-junk', []);
    const fresh = setup(store);
    const restored = await fresh.ask({ type: 'restore' }, 'restored');
    expect(restored.layers.map((l) => l.id)).toEqual([a.id]);
    expect(restored.layers[0]).toMatchObject({
      name: 'My sites',
      visible: false,
      featureCount: 5,
      kinds: { points: 3 },
    });
    expect(restored.unreadable).toEqual(
      expect.arrayContaining([
        { key: `features:${c.id}`, reason: 'features missing' },
        { key: 'features:imp-orphan', reason: 'features without metadata' },
        { key: 'meta:imp-junk', reason: 'name or file name missing' },
      ]),
    );
    expect(restored.unreadable).toHaveLength(3);
    const rows = await fresh.ask(
      { type: 'rows', layerId: a.id, sort: { kind: 'index' }, descending: false, offset: 0, limit: 1 },
      'rows',
    );
    expect(rows.rows[0]!.name).toBe('inside');
  });

  it('answers bad and unknown requests with errors, never throws', async () => {
    const { handle } = setup();
    expect((await handle(null)).response).toMatchObject({ type: 'error', requestId: -1 });
    expect((await handle({ type: 'nope', requestId: 7 })).response).toMatchObject({
      type: 'error',
      requestId: 7,
    });
    expect((await handle({ type: 'rows', requestId: 8, layerId: 'imp-none' })).response).toMatchObject({
      type: 'error',
      message: expect.stringContaining('imp-none'),
    });
    expect(
      (await handle({ type: 'import', requestId: 9, fileName: 'x', bytes: 'abc' })).response,
    ).toMatchObject({
      type: 'error',
    });
    expect(
      (await handle({ type: 'setReference', requestId: 10, reference: { stations: 1 } })).response,
    ).toMatchObject({
      type: 'error',
    });
  });
});

// Small helpers for expected errors (keeps the `ask` type checks above strict).
async function setupAgain(ask: ReturnType<typeof setup>['ask'], layerId: string) {
  return ask({ type: 'convertDatum', layerId, from: 'gcj02' }, 'converted').then(
    () => ({ type: 'converted' }),
    () => ({ type: 'error' }),
  );
}
async function setupAnalyseWithoutReference(ask: ReturnType<typeof setup>['ask'], layerId: string) {
  return ask({ type: 'analyse', layerId }, 'analysed').then(
    () => 'analysed',
    () => 'error',
  );
}
async function setupExportTwoLayersWithSelection(ask: ReturnType<typeof setup>['ask'], layerId: string) {
  return ask({ type: 'export', layerIds: [layerId, layerId], format: 'csv', indexes: [0] }, 'exported').then(
    () => 'exported',
    () => 'error',
  );
}
