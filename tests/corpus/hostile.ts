/**
 * Hostile-file corpus (QUALITY-BAR R2): each entry is a bad file and the classified outcome the
 * importer must give it, with the stable code of the note or reason that explains it. Bytes are
 * generated on demand (the 60 MB file and the zip bombs exist only while a test holds them).
 */
import { Zip, ZipDeflate, zipSync } from 'fflate';
import gcoord from 'gcoord';
import { STATIONS } from './stations.ts';

export interface HostileFile {
  id: string;
  /** As the user's file would be named (the importer may not trust it). */
  fileName: string;
  bytes: () => Uint8Array;
  expected: { outcome: 'accepted' | 'repaired' | 'rejected'; code?: string };
}

const u8 = (s: string) => new TextEncoder().encode(s);
const json = (v: unknown) => u8(JSON.stringify(v));
const fc = (features: unknown[]) => ({ type: 'FeatureCollection', features });
const point = (c: unknown, properties: Record<string, unknown> = {}, id?: unknown) => ({
  type: 'Feature',
  ...(id === undefined ? {} : { id }),
  geometry: { type: 'Point', coordinates: c },
  properties,
});
const polygon = (ring: unknown[], properties: Record<string, unknown> = {}) => ({
  type: 'Feature',
  geometry: { type: 'Polygon', coordinates: [ring] },
  properties,
});
const GOOD = point([113.3191, 23.109], { name: 'Canton Tower' });
const MERC = (lng: number, lat: number): [number, number] => [
  (lng * Math.PI * 6378137) / 180,
  Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) * 6378137,
];

/** A zip whose single entry inflates to `mb` MiB of spaces (streamed, so never held inflated here). */
function bombZip(entryName: string, mb: number, extra: Record<string, Uint8Array> = {}): Uint8Array {
  const parts: Uint8Array[] = [];
  const zip = new Zip((_err, chunk) => parts.push(chunk));
  for (const [name, data] of Object.entries(extra)) {
    const e = new ZipDeflate(name);
    zip.add(e);
    e.push(data, true);
  }
  const f = new ZipDeflate(entryName, { level: 1 });
  zip.add(f);
  const block = new Uint8Array(1 << 20).fill(0x20);
  for (let i = 0; i < mb; i++) f.push(block, i === mb - 1);
  zip.end();
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

let bombCache: Uint8Array | null = null;
/** 210 MiB of spaces as `doc.kml`, deflated once per process (~2 s) and reused. */
function kmzBomb(): Uint8Array {
  bombCache ??= bombZip('doc.kml', 210);
  return bombCache;
}

/** The same bomb with its entry renamed to a name of the same length (local and central headers). */
function renamed(zip: Uint8Array, from: string, to: string): Uint8Array {
  const out = zip.slice();
  const a = u8(from);
  const b = u8(to);
  for (let i = 0; i + a.length <= out.length; i++) {
    if (a.every((c, k) => out[i + k] === c)) out.set(b, i);
  }
  return out;
}

/** Rewrites every central-directory entry's uncompressed size to 1 KiB: a bomb that lies. */
function forgeSizes(zip: Uint8Array): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 46 <= out.length; i++) {
    if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 1024, true);
  }
  return out;
}

/** GBK bytes of a few Chinese headers and names (TextEncoder writes only UTF-8). */
function gbkCsv(): Uint8Array {
  // 名称,经度,纬度 / 广州塔,113.3191,23.1090 in GBK.
  const name = [0xc3, 0xfb, 0xb3, 0xc6];
  const lng = [0xbe, 0xad, 0xb6, 0xc8];
  const lat = [0xce, 0xb3, 0xb6, 0xc8];
  const tower = [0xb9, 0xe3, 0xd6, 0xdd, 0xcb, 0xfe];
  const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
  return new Uint8Array([
    ...name,
    ...ascii(','),
    ...lng,
    ...ascii(','),
    ...lat,
    ...ascii('\r\n'),
    ...tower,
    ...ascii(',113.3191,23.1090\r\n'),
  ]);
}

function bigRing(n: number): Uint8Array {
  // The same position repeated: refused on its count before anything looks at the values.
  return u8(
    `{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[${'[113.3,23.1],'.repeat(n)}[113.3,23.1]]]}}`,
  );
}

const kml = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>${body}</Document></kml>`;
const placemark =
  '<Placemark><name>广州塔</name><Point><coordinates>113.3191,23.109</coordinates></Point></Placemark>';

export const HOSTILE_FILES: HostileFile[] = [
  {
    id: 'unclosed-ring',
    fileName: 'unclosed-ring.geojson',
    bytes: () =>
      json(
        fc([
          polygon([
            [113.3, 23.1],
            [113.31, 23.1],
            [113.31, 23.11],
            [113.3, 23.11],
          ]),
        ]),
      ),
    expected: { outcome: 'repaired', code: 'ring-closed' },
  },
  {
    id: 'bow-tie',
    fileName: 'bow-tie.geojson',
    bytes: () =>
      json(
        fc([
          polygon([
            [113.3, 23.1],
            [113.31, 23.11],
            [113.31, 23.1],
            [113.3, 23.11],
            [113.3, 23.1],
          ]),
        ]),
      ),
    expected: { outcome: 'accepted', code: 'self-intersection' },
  },
  {
    id: 'swapped-latlng-geojson',
    fileName: 'swapped.geojson',
    bytes: () => json(fc([point([23.109, 113.3191]), point([23.13, 113.26]), point([23.17, 113.34])])),
    expected: { outcome: 'repaired', code: 'latlng-swapped' },
  },
  {
    id: 'swapped-latlng-csv',
    fileName: 'swapped.csv',
    bytes: () => u8('name,lng,lat\nA,23.109,113.3191\nB,23.13,113.26\n'),
    expected: { outcome: 'repaired', code: 'latlng-swapped' },
  },
  {
    id: 'epsg3857-metres',
    fileName: 'mercator.geojson',
    bytes: () =>
      json(
        fc([
          point(MERC(113.3191, 23.109)),
          polygon([MERC(113.3, 23.1), MERC(113.31, 23.1), MERC(113.31, 23.11), MERC(113.3, 23.1)]),
        ]),
      ),
    expected: { outcome: 'repaired', code: 'epsg3857-converted' },
  },
  {
    id: 'epsg3857-crs-member',
    fileName: 'mercator-crs.geojson',
    bytes: () =>
      json({
        ...fc([point(MERC(113.3191, 23.109))]),
        crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3857' } },
      }),
    expected: { outcome: 'repaired', code: 'epsg3857-converted' },
  },
  {
    id: 'null-coords',
    fileName: 'null-coords.geojson',
    bytes: () =>
      json(fc([GOOD, point(null), point([null, 23.1]), { type: 'Feature', geometry: null, properties: {} }])),
    expected: { outcome: 'repaired', code: 'features-dropped' },
  },
  {
    id: 'string-coords',
    fileName: 'string-coords.geojson',
    bytes: () => json(fc([GOOD, point(['113.3', '23.1'])])),
    expected: { outcome: 'repaired', code: 'features-dropped' },
  },
  {
    id: 'nan-coords-csv',
    fileName: 'nan.csv',
    bytes: () => u8('name,lng,lat\nA,113.3191,23.109\nB,NaN,23.1\nC,113.3,\nD,abc,23.1\n'),
    expected: { outcome: 'repaired', code: 'rows-dropped' },
  },
  {
    id: 'nan-literal-geojson',
    fileName: 'nan.geojson',
    bytes: () =>
      u8(
        '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[NaN,23.1]}}]}',
      ),
    expected: { outcome: 'rejected', code: 'invalid-json' },
  },
  {
    id: 'out-of-range-coords',
    fileName: 'out-of-range.geojson',
    bytes: () => json(fc([GOOD, point([113.3, 95]), point([200, 23])])),
    expected: { outcome: 'repaired', code: 'features-dropped' },
  },
  {
    id: 'deep-nesting-10000',
    fileName: 'deep.geojson',
    bytes: () => u8(`{"type":"FeatureCollection","features":${'['.repeat(10_000)}${']'.repeat(10_000)}}`),
    expected: { outcome: 'rejected', code: 'too-deep' },
  },
  {
    id: 'deep-properties',
    fileName: 'deep-props.geojson',
    bytes: () =>
      u8(
        `{"type":"Feature","geometry":{"type":"Point","coordinates":[113.3,23.1]},"properties":{"a":${'{"a":'.repeat(200)}1${'}'.repeat(200)}}}`,
      ),
    expected: { outcome: 'rejected', code: 'too-deep' },
  },
  {
    id: 'ring-2m-vertices',
    fileName: 'huge-ring.geojson',
    bytes: () => bigRing(2_000_001),
    expected: { outcome: 'rejected', code: 'too-many-vertices' },
  },
  {
    id: 'file-60mb',
    fileName: 'big.geojson',
    bytes: () => {
      const b = new Uint8Array(60 * 1024 * 1024).fill(0x20);
      b.set(u8('{"type":"FeatureCollection","features":[]}'));
      return b;
    },
    expected: { outcome: 'rejected', code: 'file-too-large' },
  },
  {
    id: 'too-many-rows',
    fileName: 'rows.csv',
    bytes: () => u8(`lng,lat\n${'113.3,23.1\n'.repeat(1_000_001)}`),
    expected: { outcome: 'rejected', code: 'too-many-features' },
  },
  {
    id: 'wrong-type',
    fileName: 'topology.geojson',
    bytes: () => json({ type: 'Topology', objects: {}, arcs: [] }),
    expected: { outcome: 'rejected', code: 'wrong-type' },
  },
  {
    id: 'wrong-type-features-object',
    fileName: 'features-object.geojson',
    bytes: () => json({ type: 'FeatureCollection', features: { 0: GOOD } }),
    expected: { outcome: 'rejected', code: 'wrong-type' },
  },
  {
    id: 'json-array-root',
    fileName: 'array.json',
    bytes: () => json([1, 2, 3]),
    expected: { outcome: 'rejected', code: 'wrong-type' },
  },
  {
    id: 'unknown-geometry-type',
    fileName: 'circle.geojson',
    bytes: () =>
      json(
        fc([
          GOOD,
          {
            type: 'Feature',
            geometry: { type: 'Circle', coordinates: [113.3, 23.1], radius: 5 },
            properties: {},
          },
        ]),
      ),
    expected: { outcome: 'repaired', code: 'features-dropped' },
  },
  {
    id: 'no-valid-features',
    fileName: 'all-bad.geojson',
    bytes: () => json(fc([point(null), point('x')])),
    expected: { outcome: 'rejected', code: 'no-features' },
  },
  {
    id: 'empty-file',
    fileName: 'empty.geojson',
    bytes: () => new Uint8Array(0),
    expected: { outcome: 'rejected', code: 'empty-file' },
  },
  {
    id: 'whitespace-only',
    fileName: 'blank.csv',
    bytes: () => u8(' \r\n\t\n'),
    expected: { outcome: 'rejected', code: 'empty-file' },
  },
  {
    id: 'bom-geojson',
    fileName: 'bom.geojson',
    bytes: () => u8(`\ufeff${JSON.stringify(fc([GOOD]))}`),
    expected: { outcome: 'accepted', code: 'bom-stripped' },
  },
  {
    id: 'utf16-csv',
    fileName: 'unicode.txt',
    bytes: () => {
      const s = '名称\t经度\t纬度\r\n广州塔\t113.3191\t23.109\r\n';
      const b = new Uint8Array(2 + s.length * 2);
      b.set([0xff, 0xfe]);
      for (let i = 0; i < s.length; i++) new DataView(b.buffer).setUint16(2 + i * 2, s.charCodeAt(i), true);
      return b;
    },
    expected: { outcome: 'accepted', code: 'bom-stripped' },
  },
  {
    id: 'gbk-csv',
    fileName: 'gbk.csv',
    bytes: gbkCsv,
    expected: { outcome: 'accepted', code: 'encoding-gbk' },
  },
  {
    id: 'gcj02-station-points',
    fileName: 'stations-amap.csv',
    bytes: () =>
      u8(
        `name,lng,lat\n${STATIONS.map((s) => {
          const [lng, lat] = gcoord.transform(s.lngLat, gcoord.WGS84, gcoord.GCJ02) as [number, number];
          return `${s.name}站,${lng.toFixed(6)},${lat.toFixed(6)}`;
        }).join('\n')}\n`,
      ),
    // Accepted as stated; the worker's datum guard (detectDatumSuspicion) flags it.
    expected: { outcome: 'accepted' },
  },
  {
    id: 'zip-bomb-kmz',
    fileName: 'bomb.kmz',
    bytes: kmzBomb,
    expected: { outcome: 'rejected', code: 'zip-bomb' },
  },
  {
    id: 'zip-bomb-shapefile-lying-sizes',
    fileName: 'bomb-shp.zip',
    bytes: () => forgeSizes(renamed(kmzBomb(), 'doc.kml', 'doc.shp')),
    expected: { outcome: 'rejected', code: 'zip-bomb' },
  },
  {
    id: 'csv-formula-cells',
    fileName: 'formulas.csv',
    bytes: () =>
      u8('name,lng,lat,link\n"=HYPERLINK(""http://example.invalid"",""x"")",113.3191,23.109,=1+1\n'),
    expected: { outcome: 'accepted', code: 'formula-cells' },
  },
  {
    id: 'duplicate-ids',
    fileName: 'dupes.geojson',
    bytes: () =>
      json(
        fc([
          point([113.3, 23.1], {}, 'a'),
          point([113.31, 23.1], {}, 'a'),
          point([113.32, 23.1], { id: 7 }),
          point([113.33, 23.1], { id: 7 }),
        ]),
      ),
    expected: { outcome: 'accepted', code: 'duplicate-ids' },
  },
  {
    id: 'truncated-json',
    fileName: 'truncated.geojson',
    bytes: () => json(fc([GOOD, GOOD])).slice(0, 60),
    expected: { outcome: 'rejected', code: 'invalid-json' },
  },
  {
    id: 'binary-garbage',
    fileName: 'garbage.geojson',
    bytes: () => {
      const b = new Uint8Array(4096);
      let x = 12345;
      for (let i = 0; i < b.length; i++) {
        x = (x * 1103515245 + 12345) >>> 0;
        b[i] = x >>> 24;
      }
      b[0] = 0x00;
      return b;
    },
    expected: { outcome: 'rejected', code: 'binary-content' },
  },
  {
    id: 'png-named-geojson',
    fileName: 'map.geojson',
    bytes: () =>
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
    expected: { outcome: 'rejected', code: 'not-a-data-file' },
  },
  {
    id: 'csv-no-coordinate-columns',
    fileName: 'companies.csv',
    bytes: () => u8('company,district,employees\n甲公司,天河,120\n乙公司,黄埔,80\n'),
    expected: { outcome: 'rejected', code: 'no-coordinate-columns' },
  },
  {
    id: 'xlsx-not-a-zip',
    fileName: 'sites.xlsx',
    bytes: () => u8('name,lng,lat\nA,113.3,23.1\n'),
    expected: { outcome: 'rejected', code: 'bad-zip' },
  },
  {
    id: 'truncated-zip',
    fileName: 'cut.kmz',
    bytes: () => zipSync({ 'doc.kml': u8(kml(placemark.repeat(50))) }).slice(0, 200),
    expected: { outcome: 'rejected', code: 'bad-zip' },
  },
  {
    id: 'kml-broken-xml',
    fileName: 'broken.kml',
    bytes: () =>
      u8(
        kml(
          `${placemark}<Placemark><name>x</name><Point><coordinates>113.3,23.1</coordinates></Point>`,
        ).slice(0, -20),
      ),
    expected: { outcome: 'rejected', code: 'invalid-xml' },
  },
  {
    id: 'kml-entity-expansion',
    fileName: 'laughs.kml',
    bytes: () =>
      u8(
        `<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>&c;</name><Point><coordinates>113.3191,23.109</coordinates></Point></Placemark></Document></kml>`,
      ),
    expected: { outcome: 'rejected', code: 'invalid-xml' },
  },
  {
    id: 'kml-2m-vertices',
    fileName: 'long-track.kml',
    bytes: () =>
      u8(
        kml(
          `<Placemark><LineString><coordinates>${'113.3,23.1 '.repeat(2_000_001)}</coordinates></LineString></Placemark>`,
        ),
      ),
    expected: { outcome: 'rejected', code: 'too-many-vertices' },
  },
  {
    id: 'kmz-without-kml',
    fileName: 'empty.kmz',
    bytes: () => zipSync({ 'readme.txt': u8('no kml here') }),
    expected: { outcome: 'rejected', code: 'kmz-no-kml' },
  },
  {
    id: 'shapefile-missing-shp',
    fileName: 'parcels.zip',
    bytes: () => zipSync({ 'parcels.dbf': new Uint8Array(64), 'parcels.prj': u8('GEOGCS["WGS 84"]') }),
    expected: { outcome: 'rejected', code: 'shapefile-missing-shp' },
  },
  {
    id: 'proto-pollution-keys',
    fileName: 'proto.geojson',
    bytes: () =>
      u8(
        `{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[113.3,23.1]},"properties":{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}}]}`,
      ),
    expected: { outcome: 'accepted' },
  },
];
