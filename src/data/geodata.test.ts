import { describe, expect, it } from 'vitest';
import { assertFeatureCollection, DataLoadError, fetchJson } from './geodata.ts';

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
