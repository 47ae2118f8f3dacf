/**
 * Test fixtures for the PMTiles path (issue 11, item 5), built from the reference geodata:
 *   tests/fixtures/pmtiles/parks-stations.pmtiles  vector (MVT), layers `parks` (polygons) and
 *                                                  `stations` (points), z8–z12, gzip'd tiles
 *   tests/fixtures/pmtiles/raster.pmtiles          a one-tile PNG archive (the "raster" error path)
 *   tests/fixtures/pmtiles/not-pmtiles.pmtiles     text with the right extension (the "not PMTiles" path)
 *
 * The pmtiles package only reads archives, so the v3 layout is written here: a 127-byte header, the
 * root directory right after it, JSON metadata, then tile data in tile-id order (a "clustered"
 * archive). Users make real archives with tippecanoe or `pmtiles convert` (README); this is only a
 * small, deterministic fixture (same inputs → byte-identical files).
 *
 * Usage: npx tsx scripts/build-pmtiles-fixture.ts [geodataDir]
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { zxyToTileId } from 'pmtiles';

export interface ArchiveTile {
  z: number;
  x: number;
  y: number;
  /** Tile bytes, already compressed as `tileCompression` says. */
  data: Uint8Array;
}

export interface ArchiveOptions {
  tiles: ArchiveTile[];
  metadata: Record<string, unknown>;
  /** 1 MVT, 2 PNG (pmtiles' TileType). */
  tileType: number;
  /** 1 none, 2 gzip (pmtiles' Compression). */
  tileCompression: number;
  bounds: [number, number, number, number];
}

const HEADER_BYTES = 127;

function writeVarint(out: number[], value: number): void {
  let v = value;
  while (v >= 0x80) {
    out.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
}

/** A PMTiles v3 directory (uncompressed): ids as deltas, run lengths, lengths, offsets (+1; 0 = contiguous). */
function serializeDirectory(entries: { tileId: number; offset: number; length: number }[]): Uint8Array {
  const out: number[] = [];
  writeVarint(out, entries.length);
  let last = 0;
  for (const e of entries) {
    writeVarint(out, e.tileId - last);
    last = e.tileId;
  }
  for (const _ of entries) writeVarint(out, 1);
  for (const e of entries) writeVarint(out, e.length);
  entries.forEach((e, i) => {
    const prev = entries[i - 1];
    writeVarint(out, prev && e.offset === prev.offset + prev.length ? 0 : e.offset + 1);
  });
  return Uint8Array.from(out);
}

/** Writes a single-directory PMTiles v3 archive (fine for a few thousand tiles). */
export function writePmtiles(options: ArchiveOptions): Uint8Array {
  const tiles = options.tiles
    .map((t) => ({ ...t, tileId: zxyToTileId(t.z, t.x, t.y) }))
    .sort((a, b) => a.tileId - b.tileId);
  let offset = 0;
  const entries = tiles.map((t) => {
    const entry = { tileId: t.tileId, offset, length: t.data.length };
    offset += t.data.length;
    return entry;
  });
  const root = serializeDirectory(entries);
  const metadata = new TextEncoder().encode(JSON.stringify(options.metadata));
  const tileData = Buffer.concat(tiles.map((t) => t.data));
  const zooms = tiles.map((t) => t.z);
  const [w, s, e, n] = options.bounds;

  const header = Buffer.alloc(HEADER_BYTES);
  header.write('PMTiles', 0, 'ascii');
  header.writeUInt8(3, 7);
  const u64 = (at: number, v: number) => header.writeBigUInt64LE(BigInt(v), at);
  const rootOffset = HEADER_BYTES;
  const metadataOffset = rootOffset + root.length;
  const tileDataOffset = metadataOffset + metadata.length;
  u64(8, rootOffset);
  u64(16, root.length);
  u64(24, metadataOffset);
  u64(32, metadata.length);
  u64(40, tileDataOffset + tileData.length); // no leaf directories
  u64(48, 0);
  u64(56, tileDataOffset);
  u64(64, tileData.length);
  u64(72, tiles.length);
  u64(80, tiles.length);
  u64(88, tiles.length);
  header.writeUInt8(1, 96); // clustered
  header.writeUInt8(1, 97); // internal compression: none
  header.writeUInt8(options.tileCompression, 98);
  header.writeUInt8(options.tileType, 99);
  header.writeUInt8(Math.min(...zooms), 100);
  header.writeUInt8(Math.max(...zooms), 101);
  const e7 = (at: number, v: number) => header.writeInt32LE(Math.round(v * 1e7), at);
  e7(102, w);
  e7(106, s);
  e7(110, e);
  e7(114, n);
  header.writeUInt8(Math.min(...zooms), 118);
  e7(119, (w + e) / 2);
  e7(123, (s + n) / 2);
  return new Uint8Array(Buffer.concat([header, root, metadata, tileData]));
}

const lngToX = (lng: number, z: number) => Math.floor(((lng + 180) / 360) * 2 ** z);
const latToY = (lat: number, z: number) => {
  const r = (lat * Math.PI) / 180;
  return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z);
};

type Fc = GeoJSON.FeatureCollection;

function boundsOf(collections: Fc[]): [number, number, number, number] {
  const b: [number, number, number, number] = [180, 90, -180, -90];
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      const [x, y] = c as number[];
      b[0] = Math.min(b[0], x!);
      b[1] = Math.min(b[1], y!);
      b[2] = Math.max(b[2], x!);
      b[3] = Math.max(b[3], y!);
    } else if (Array.isArray(c)) c.forEach(visit);
  };
  for (const fc of collections)
    for (const f of fc.features) if (f.geometry && 'coordinates' in f.geometry) visit(f.geometry.coordinates);
  return b;
}

/** Flat, tile-friendly properties (MVT values are scalars). */
function flatten(fc: Fc, pick: (p: Record<string, unknown>) => Record<string, string | number>): Fc {
  return {
    type: 'FeatureCollection',
    features: fc.features.map((f) => ({ ...f, properties: pick(f.properties ?? {}) })),
  };
}

const bilingual = (v: unknown, lang: 'zh' | 'en') =>
  typeof v === 'object' && v !== null ? String((v as Record<string, unknown>)[lang] ?? '') : String(v ?? '');

export function buildParksStations(parks: Fc, stations: Fc, minZoom = 8, maxZoom = 12): Uint8Array {
  const layers = {
    parks: flatten(parks, (p) => ({
      id: String(p.id),
      name_zh: bilingual(p.name, 'zh'),
      name_en: bilingual(p.name, 'en'),
    })),
    stations: flatten(stations, (p) => ({
      id: String(p.id),
      name_zh: bilingual(p.name, 'zh'),
      name_en: bilingual(p.name, 'en'),
      status: String(p.status ?? ''),
    })),
  };
  const indexes = Object.fromEntries(
    Object.entries(layers).map(([name, fc]) => [
      name,
      new GeoJSONVT(fc, { maxZoom, indexMaxZoom: maxZoom, indexMaxPoints: 0, tolerance: 3, buffer: 64 }),
    ]),
  );
  const bounds = boundsOf(Object.values(layers));
  const tiles: ArchiveTile[] = [];
  for (let z = minZoom; z <= maxZoom; z++) {
    for (let x = lngToX(bounds[0], z); x <= lngToX(bounds[2], z); x++) {
      for (let y = latToY(bounds[3], z); y <= latToY(bounds[1], z); y++) {
        const parts: Record<string, NonNullable<ReturnType<GeoJSONVT['getTile']>>> = {};
        for (const [name, index] of Object.entries(indexes)) {
          const tile = index.getTile(z, x, y);
          if (tile && tile.features.length > 0) parts[name] = tile;
        }
        if (Object.keys(parts).length === 0) continue;
        const pbf = fromGeojsonVt(parts, { version: 2, extent: 4096 });
        tiles.push({ z, x, y, data: new Uint8Array(gzipSync(pbf)) });
      }
    }
  }
  const metadata = {
    name: 'Guangzhou parks and stations (test fixture)',
    description: 'The ten parks and the transit stations of the atlas reference data, as vector tiles.',
    attribution: 'Test fixture · 广州价值创新园区地图 reference data',
    format: 'pbf',
    vector_layers: [
      {
        id: 'parks',
        minzoom: minZoom,
        maxzoom: maxZoom,
        fields: { id: 'String', name_zh: 'String', name_en: 'String' },
      },
      {
        id: 'stations',
        minzoom: minZoom,
        maxzoom: maxZoom,
        fields: { id: 'String', name_zh: 'String', name_en: 'String', status: 'String' },
      },
    ],
  };
  return writePmtiles({ tiles, metadata, tileType: 1, tileCompression: 2, bounds });
}

/** A one-tile raster archive: a 1×1 PNG at z0. */
export function buildRaster(): Uint8Array {
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC',
    'base64',
  );
  return writePmtiles({
    tiles: [{ z: 0, x: 0, y: 0, data: new Uint8Array(png) }],
    metadata: { name: 'raster test fixture' },
    tileType: 2,
    tileCompression: 1,
    bounds: [113, 22.5, 114, 23.9],
  });
}

function main(): void {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const geodata = path.resolve(process.argv[2] ?? path.join(root, 'geodata'));
  const read = (name: string) => JSON.parse(fs.readFileSync(path.join(geodata, name), 'utf8')) as Fc;
  const out = path.join(root, 'tests/fixtures/pmtiles');
  fs.mkdirSync(out, { recursive: true });
  const archive = buildParksStations(read('parks.geojson'), read('stations.geojson'));
  fs.writeFileSync(path.join(out, 'parks-stations.pmtiles'), archive);
  fs.writeFileSync(path.join(out, 'raster.pmtiles'), buildRaster());
  fs.writeFileSync(path.join(out, 'not-pmtiles.pmtiles'), 'This is not a PMTiles archive, just text.\n');
  console.log(`parks-stations.pmtiles: ${archive.length} bytes`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
