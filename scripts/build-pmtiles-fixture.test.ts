/**
 * The PMTiles fixture reads back with the pmtiles package's own reader (header, metadata, tiles),
 * and the committed file is what the script builds from the reference data (byte-identical).
 */
import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Compression, PMTiles, type Source, TileType } from 'pmtiles';
import { describe, expect, it } from 'vitest';
import { buildParksStations, buildRaster } from './build-pmtiles-fixture.ts';

const root = path.resolve(import.meta.dirname, '..');
const fixture = path.join(root, 'tests/fixtures/pmtiles/parks-stations.pmtiles');
const read = (name: string) =>
  JSON.parse(fs.readFileSync(path.join(root, 'geodata', name), 'utf8')) as GeoJSON.FeatureCollection;

/** A pmtiles Source over bytes in memory. */
function memorySource(bytes: Uint8Array): Source {
  return {
    getKey: () => 'memory',
    getBytes: async (offset, length) => ({
      data: bytes.slice(offset, offset + length).buffer as ArrayBuffer,
    }),
  };
}

// Node's zlib: the reader's default (DecompressionStream) also exists in Node 20, this is explicit.
const decompress = async (buf: ArrayBuffer, compression: Compression) =>
  compression === Compression.Gzip ? new Uint8Array(gunzipSync(new Uint8Array(buf))).buffer : buf;

describe('PMTiles fixture', () => {
  const bytes = new Uint8Array(fs.readFileSync(fixture));
  const archive = new PMTiles(memorySource(bytes), undefined, decompress);

  it('is what the script builds from the reference data', () => {
    const rebuilt = buildParksStations(read('parks.geojson'), read('stations.geojson'));
    expect(Buffer.from(rebuilt).equals(Buffer.from(bytes))).toBe(true);
  });

  it('has a v3 vector header with z8–z12 and Guangzhou bounds', async () => {
    const h = await archive.getHeader();
    expect(h.specVersion).toBe(3);
    expect(h.tileType).toBe(TileType.Mvt);
    expect(h.tileCompression).toBe(Compression.Gzip);
    expect([h.minZoom, h.maxZoom]).toEqual([8, 12]);
    expect(h.minLon).toBeGreaterThan(112.9);
    expect(h.maxLon).toBeLessThan(114.1);
    expect(h.minLat).toBeGreaterThan(22.4);
    expect(h.maxLat).toBeLessThan(24);
    expect(h.numAddressedTiles).toBeGreaterThan(10);
  });

  it('names its vector layers and attribution in the metadata', async () => {
    const m = (await archive.getMetadata()) as { vector_layers: { id: string }[]; attribution: string };
    expect(m.vector_layers.map((l) => l.id)).toEqual(['parks', 'stations']);
    expect(m.attribution).toMatch(/fixture/);
  });

  it('serves a tile with the Canton Tower area stations and parks as MVT', async () => {
    // Canton Tower ≈ 113.3191 E, 23.1090 N → tile z10 x=834 y=444.
    const tile = await archive.getZxy(10, 834, 444);
    expect(tile).toBeDefined();
    // An MVT names its layers and holds its string values as UTF-8 (no MVT decoder is a direct
    // dependency; the browser test proves MapLibre draws it).
    const text = new TextDecoder().decode(new Uint8Array(tile!.data));
    expect(text).toContain('stations');
    expect(text).toContain('name_zh');
    expect(text).toContain('广州塔');
    // Out of the archive's zooms: nothing.
    expect(await archive.getZxy(5, 26, 13)).toBeUndefined();
  });

  it('builds a raster archive the reader reports as PNG', async () => {
    const raster = new PMTiles(memorySource(buildRaster()), undefined, decompress);
    expect((await raster.getHeader()).tileType).toBe(TileType.Png);
  });
});
