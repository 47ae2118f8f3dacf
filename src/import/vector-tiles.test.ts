import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { describe, expect, it } from 'vitest';
import { createLayerTiles, NAME_MIN_ZOOM, TILE_MAX_ZOOM } from './vector-tiles.ts';

function tileOf(lng: number, lat: number, z: number) {
  const n = 2 ** z;
  const r = (lat * Math.PI) / 180;
  return {
    z,
    x: Math.floor(((lng + 180) / 360) * n),
    y: Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n),
  };
}

function decode(bytes: ArrayBuffer) {
  const layer = new VectorTile(new PbfReader(new Uint8Array(bytes))).layers.features!;
  return Array.from({ length: layer.length }, (_, i) => layer.feature(i));
}

const point = (lng: number, lat: number, name: string): GeoJSON.Feature => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [lng, lat] },
  properties: { name },
});

describe('vector tiles of an imported layer', () => {
  it('puts every point where it belongs (decoded back to lng/lat within a tile pixel)', () => {
    let s = 7;
    const rnd = () => {
      s = (s * 1664525 + 1013904223) >>> 0;
      return s / 2 ** 32;
    };
    const features = Array.from({ length: 500 }, (_, i) =>
      point(113.2 + rnd() * 0.2, 23.0 + rnd() * 0.2, `p${i}`),
    );
    const tiles = createLayerTiles(features);
    expect(tiles.built).toBe(false);
    const t = tileOf(113.3, 23.1, TILE_MAX_ZOOM);
    const decoded = decode(tiles.tile(t.z, t.x, t.y)!);
    expect(tiles.built).toBe(true);
    expect(decoded.length).toBeGreaterThan(0);
    for (const f of decoded) {
      const [lng, lat] = (f.toGeoJSON(t.x, t.y, t.z).geometry as GeoJSON.Point).coordinates as [
        number,
        number,
      ];
      const i = Number(f.properties.__i);
      const [x0, y0] = (features[i]!.geometry as GeoJSON.Point).coordinates as [number, number];
      expect(Math.abs(lng - x0)).toBeLessThan(1e-5);
      expect(Math.abs(lat - y0)).toBeLessThan(1e-5);
      expect(f.properties.name).toBe(`p${i}`);
    }
    // Every feature of the tile's area is there at the deepest zoom (no thinning).
    const inTile = features.filter((f) => {
      const [x, y] = (f.geometry as GeoJSON.Point).coordinates as [number, number];
      const c = tileOf(x, y, t.z);
      return c.x === t.x && c.y === t.y;
    });
    const ids = new Set(decoded.map((f) => Number(f.properties.__i)));
    for (const f of inTile) expect(ids.has(features.indexOf(f))).toBe(true);
  });

  it('thins dense points below the deepest zoom and leaves names out below z12', () => {
    const features = Array.from({ length: 20_000 }, (_, i) =>
      point(113.3 + (i % 200) * 0.0001, 23.1 + Math.floor(i / 200) * 0.0001, `p${i}`),
    );
    const tiles = createLayerTiles(features);
    const t = tileOf(113.31, 23.105, 10);
    const decoded = decode(tiles.tile(t.z, t.x, t.y)!);
    expect(decoded.length).toBeLessThan(2000);
    expect(decoded.length).toBeGreaterThan(10);
    for (const f of decoded) expect(Object.keys(f.properties)).toEqual(['__i']);
    const t12 = tileOf(113.301, 23.101, NAME_MIN_ZOOM);
    expect(Object.keys(decode(tiles.tile(t12.z, t12.x, t12.y)!)[0]!.properties).sort()).toEqual([
      '__i',
      'name',
    ]);
  });

  it('answers null for empty and impossible tiles', () => {
    const tiles = createLayerTiles([point(113.3, 23.1, 'a')]);
    expect(tiles.tile(5, 0, 0)).toBeNull();
    expect(tiles.tile(2, 9, 0)).toBeNull();
    expect(tiles.tile(-1, 0, 0)).toBeNull();
    expect(tiles.tile(1.5, 0, 0)).toBeNull();
    expect(createLayerTiles([]).tile(0, 0, 0)).toBeNull();
  });
});
