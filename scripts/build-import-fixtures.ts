/**
 * Builds the good import fixtures (tests/fixtures/import/): the same six candidate sites in every
 * format the importer reads, plus expected.json with each site's WGS-84 position and nearest station.
 *
 * Each site sits 110–130 m from a distinct real station (tests/corpus/stations.ts) at a bearing
 * chosen so that station is its nearest one among ALL stations in geodata/stations.geojson by a
 * clear margin. Close enough that the same sites written in GCJ-02 (sites-gcj02.csv) trip the datum
 * guard (median offset 300–900 m, under 150 m once converted) through their `station` property.
 *
 * Run: npx tsx scripts/build-import-fixtures.ts  (outputs are committed; they are small).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { strToU8, unzipSync, zipSync } from 'fflate';
import gcoord from 'gcoord';
import { STATIONS } from '../tests/corpus/stations.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, 'tests/fixtures/import');

interface GeoStation {
  id: string;
  zh: string;
  en: string;
  status: string;
  lngLat: [number, number];
}
const allStations: GeoStation[] = (
  JSON.parse(
    readFileSync(path.join(ROOT, 'geodata/stations.geojson'), 'utf8'),
  ) as GeoJSON.FeatureCollection<GeoJSON.Point>
).features.map((f) => {
  const p = f.properties as { id: string; name: { zh: string; en: string }; status: string };
  return {
    id: p.id,
    zh: p.name.zh,
    en: p.name.en,
    status: p.status,
    lngLat: f.geometry.coordinates as [number, number],
  };
});

function metres(a: [number, number], b: [number, number]): number {
  const k = Math.PI / 180;
  const h =
    Math.sin(((b[1] - a[1]) * k) / 2) ** 2 +
    Math.cos(a[1] * k) * Math.cos(b[1] * k) * Math.sin(((b[0] - a[0]) * k) / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.sqrt(h));
}

function offset(from: [number, number], distanceM: number, bearingDeg: number): [number, number] {
  const k = Math.PI / 180;
  const dy = distanceM * Math.cos(bearingDeg * k);
  const dx = distanceM * Math.sin(bearingDeg * k);
  const lat = from[1] + dy / 111_195;
  const lng = from[0] + dx / (111_195 * Math.cos(from[1] * k));
  return [Number(lng.toFixed(6)), Number(lat.toFixed(6))];
}

const LETTERS = ['A', 'B', 'C', 'D', 'E', 'F'];
const sites = STATIONS.slice(0, 6).map((st, i) => {
  const distance = 110 + i * 4;
  // Try bearings until the target station is nearest (among every station, any status) by ≥ 300 m.
  for (let b = 0; b < 360; b += 15) {
    const at = offset(st.lngLat, distance, (i * 60 + b) % 360);
    const ranked = allStations.map((s) => ({ s, d: metres(at, s.lngLat) })).sort((x, y) => x.d - y.d);
    const [first, second] = ranked;
    if (first && second && first.s.id === st.id && second.d - first.d >= 300) {
      return {
        name: `候选地块${LETTERS[i]} Site ${LETTERS[i]}`,
        lng: at[0],
        lat: at[1],
        station: { id: st.id, name: st.name, nameEn: st.nameEn },
        stationDistanceM: Math.round(first.d),
        note: i === 0 ? 'Has "quotes", commas, and\na newline' : `用地 ${i + 1} 公顷`,
      };
    }
  }
  throw new Error(`no unambiguous placement near ${st.id}`);
});

const u8 = (s: string) => new TextEncoder().encode(s);
const write = (name: string, bytes: Uint8Array) => writeFileSync(path.join(OUT, name), bytes);
const csvCell = (v: string | number) => {
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const csv = (header: string[], rows: (string | number)[][]) =>
  `${[header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;

// GeoJSON
const fc: GeoJSON.FeatureCollection = {
  type: 'FeatureCollection',
  features: sites.map((s, i) => ({
    type: 'Feature',
    id: i + 1,
    geometry: { type: 'Point', coordinates: [s.lng, s.lat] },
    properties: { name: s.name, station: s.station.name, note: s.note },
  })),
};
write('sites.geojson', u8(`${JSON.stringify(fc, null, 1)}\n`));

// CSV (UTF-8 with BOM, as Excel saves "CSV UTF-8"; CRLF; a quoted cell with quotes, comma and newline)
const csvRows = sites.map((s) => [s.name, s.lng, s.lat, s.station.name, s.note]);
write('sites.csv', u8(`\ufeff${csv(['name', 'longitude', 'latitude', 'station', 'note'], csvRows)}`));

// GBK CSV with Chinese headers (what Excel on Chinese Windows writes)
const gbk = gbkEncoder();
write(
  'sites-gbk.csv',
  gbk(
    csv(
      ['名称', '经度', '纬度', '车站'],
      sites.map((s) => [s.name, s.lng, s.lat, s.station.name]),
    ),
  ),
);

// GCJ-02: the same sites as AMap would give them
const gcjRows = sites.map((s) => {
  const [lng, lat] = gcoord.transform([s.lng, s.lat], gcoord.WGS84, gcoord.GCJ02) as [number, number];
  return [s.name, Number(lng.toFixed(6)), Number(lat.toFixed(6)), s.station.name];
});
write('sites-gcj02.csv', u8(csv(['name', 'lng', 'lat', 'station'], gcjRows)));

// KML and KMZ
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const kml = `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2">
<Document>
<name>Candidate sites</name>
${sites
  .map(
    (s) => `<Placemark>
  <name>${esc(s.name)}</name>
  <ExtendedData><Data name="station"><value>${esc(s.station.name)}</value></Data></ExtendedData>
  <Point><coordinates>${s.lng},${s.lat},0</coordinates></Point>
</Placemark>`,
  )
  .join('\n')}
</Document>
</kml>
`;
write('sites.kml', u8(kml));
write('sites.kmz', zipSync({ 'doc.kml': u8(kml) }, { mtime: new Date('2026-01-01T00:00:00Z') }));

// xlsx (numbers as numbers)
const sheet = XLSX.utils.aoa_to_sheet([
  ['名称', 'lng', 'lat', 'station'],
  ...sites.map((s) => [s.name, s.lng, s.lat, s.station.name]),
]);
const book = XLSX.utils.book_new();
XLSX.utils.book_append_sheet(book, sheet, 'Sites');
write(
  'sites.xlsx',
  new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer),
);

// Zipped Shapefile with .prj (from shp-write) and a .cpg added so the Chinese names decode as UTF-8
const shpwrite = (await import('@mapbox/shp-write' as string)).default as {
  zip: (gj: unknown, o: unknown) => Promise<ArrayBuffer>;
};
const shpZip = new Uint8Array(
  await shpwrite.zip(
    { type: 'FeatureCollection', features: fc.features.map((f) => ({ ...f, id: undefined })) },
    { outputType: 'arraybuffer', types: { point: 'sites' } },
  ),
);
const parts = unzipSync(shpZip);
// shp-write's .dbf keeps one byte per UTF-16 unit (Chinese comes out garbled), so the attribute table
// is written here as UTF-8 and declared so by the .cpg, as QGIS does.
parts['sites.dbf'] = utf8Dbf(
  ['name', 'station', 'note'],
  sites.map((s) => [s.name, s.station.name, s.note]),
);
parts['sites.cpg'] = strToU8('UTF-8');
write('sites-shp.zip', zipSync(parts, { mtime: new Date('2026-01-01T00:00:00Z') }));

const files = [
  'sites.geojson',
  'sites.csv',
  'sites-gbk.csv',
  'sites.kml',
  'sites.kmz',
  'sites-shp.zip',
  'sites.xlsx',
  'sites-gcj02.csv',
];
writeFileSync(
  path.join(OUT, 'expected.json'),
  `${JSON.stringify(
    {
      description:
        'Each good fixture holds these sites. lng/lat are WGS-84 (sites-gcj02.csv holds them in GCJ-02: read it with datum gcj02). station = nearest station (any status) by ≥ 300 m.',
      sites: sites.map(({ note: _note, ...s }) => s),
      fixtures: Object.fromEntries(
        files.map((f) => [
          f,
          {
            format: f.endsWith('.geojson')
              ? 'geojson'
              : f.endsWith('.csv')
                ? 'csv'
                : f.endsWith('.kmz')
                  ? 'kmz'
                  : f.endsWith('.kml')
                    ? 'kml'
                    : f.endsWith('.zip')
                      ? 'shapefile'
                      : 'xlsx',
            featureCount: sites.length,
            datum: f === 'sites-gcj02.csv' ? 'gcj02' : 'wgs84',
            encoding: f === 'sites-gbk.csv' ? 'gbk' : f.endsWith('.csv') ? 'utf-8' : undefined,
          },
        ]),
      ),
    },
    null,
    2,
  )}\n`,
);
console.log(`wrote ${files.length} fixtures and expected.json to ${path.relative(ROOT, OUT)}`);

/** A GBK encoder from the platform's GBK decoder (TextEncoder only writes UTF-8). */
function gbkEncoder(): (s: string) => Uint8Array {
  const map = new Map<string, [number, number]>();
  const dec = new TextDecoder('gbk');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = dec.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\ufffd' && !map.has(ch)) map.set(ch, [lead, trail]);
    }
  }
  return (s) => {
    const out: number[] = [];
    for (const ch of s) {
      const code = ch.codePointAt(0) as number;
      if (code < 0x80) out.push(code);
      else {
        const pair = map.get(ch);
        if (!pair) throw new Error(`no GBK code for ${ch}`);
        out.push(...pair);
      }
    }
    return new Uint8Array(out);
  };
}

/** A dBase III table of text fields (type C), UTF-8 bytes, fields as wide as their longest value. */
function utf8Dbf(fields: string[], rows: string[][]): Uint8Array<ArrayBuffer> {
  const enc = new TextEncoder();
  const cells = rows.map((r) => r.map((v) => enc.encode(v)));
  const widths = fields.map((_, i) => Math.max(1, ...cells.map((r) => (r[i] as Uint8Array).length)));
  const headerLen = 32 + 32 * fields.length + 1;
  const recordLen = 1 + widths.reduce((a, b) => a + b, 0);
  const out = new Uint8Array(headerLen + recordLen * rows.length + 1);
  const view = new DataView(out.buffer);
  out[0] = 0x03;
  out.set([126, 1, 1], 1); // last update 2026-01-01
  view.setUint32(4, rows.length, true);
  view.setUint16(8, headerLen, true);
  view.setUint16(10, recordLen, true);
  fields.forEach((f, i) => {
    const at = 32 + 32 * i;
    out.set(enc.encode(f).subarray(0, 10), at);
    out[at + 11] = 0x43; // 'C'
    out[at + 16] = widths[i] as number;
  });
  out[headerLen - 1] = 0x0d;
  let o = headerLen;
  for (const r of cells) {
    out[o++] = 0x20;
    r.forEach((c, i) => {
      out.fill(0x20, o, o + (widths[i] as number));
      out.set(c, o);
      o += widths[i] as number;
    });
  }
  out[o] = 0x1a;
  return out;
}
