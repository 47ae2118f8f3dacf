import { afterEach, describe, expect, it, vi } from 'vitest';
import { DATASETS } from './datasets.ts';
import { assertFeatureCollection, DataLoadError, fetchJson, loadCollection } from './geodata.ts';

const respond = (status: number, body: string) => async () => new Response(body, { status });

describe('loading a data file', () => {
  it('names the file and the HTTP status of a failed request', async () => {
    await expect(fetchJson('/assets/stations-AbCd1234.geojson', respond(404, 'not found'))).rejects.toThrow(
      new DataLoadError('stations.geojson', 'HTTP 404'),
    );
  });

  it('names the file of a corrupt (non-JSON) response', async () => {
    const load = fetchJson('/assets/parks-Zz9_x-12.geojson', respond(200, '{"type": "Feature'));
    await expect(load).rejects.toBeInstanceOf(DataLoadError);
    await expect(load).rejects.toThrow('parks.geojson: the file is not valid JSON');
  });

  it('reports a network failure as such', async () => {
    const failing = async () => {
      throw new TypeError('Failed to fetch');
    };
    await expect(fetchJson('/assets/hubs-12345678.geojson', failing)).rejects.toThrow(
      /hubs\.geojson: network error/,
    );
  });

  it('accepts a FeatureCollection and rejects anything else', () => {
    expect(() =>
      assertFeatureCollection({ type: 'FeatureCollection', features: [] }, 'x.geojson'),
    ).not.toThrow();
    for (const bad of [null, 42, 'text', { type: 'Feature' }, { type: 'FeatureCollection', features: {} }]) {
      expect(() => assertFeatureCollection(bad, 'x.geojson')).toThrow(
        'x.geojson: expected a GeoJSON FeatureCollection',
      );
    }
  });
});

describe('dataset URLs', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('fetches each registered dataset from its own file', async () => {
    const requested: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      requested.push(url);
      return new Response('{"type": "FeatureCollection", "features": []}');
    });
    for (const d of DATASETS) await loadCollection(d.id);
    expect(
      requested.map((url) =>
        url
          .split('/')
          .pop()
          ?.replace(/-[\w-]{8}\./, '.'),
      ),
    ).toEqual(DATASETS.map((d) => d.file));
  });
});
