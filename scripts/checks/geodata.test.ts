import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import gcoord from 'gcoord';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATASETS } from '../../src/data/datasets.ts';
import { checkGeodata } from './geodata.ts';
import type { CheckFinding } from './types.ts';

const geodata = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'geodata');
const FILES = [...DATASETS.map((d) => d.file), 'manifest.json', 'attribution.json'];

type Fc = {
  features: { geometry: { type: string; coordinates: unknown }; properties: Record<string, unknown> }[];
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'geodata-check-'));
  for (const f of FILES) copyFileSync(path.join(geodata, f), path.join(dir, f));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const read = (file: string): Fc => JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
const write = (file: string, value: unknown) => writeFileSync(path.join(dir, file), JSON.stringify(value));
const errors = (findings: CheckFinding[]) => findings.filter((f) => f.level === 'error');

/** Small valid fixture: a square of ~1 km² inside Haizhu, counter-clockwise. */
const square = [
  [113.33, 23.1],
  [113.34, 23.1],
  [113.34, 23.109],
  [113.33, 23.109],
  [113.33, 23.1],
];

describe('geodata check (D1–D4)', () => {
  it('passes on the committed geodata', () => {
    const findings = checkGeodata(dir);
    expect(errors(findings)).toEqual([]);
    const audit = findings.find((f) => f.file === 'parks.geojson' && f.message.startsWith('park area audit'));
    expect(audit?.level).toBe('info');
    expect(audit?.message).toMatch(/1\. pazhou-internet: stated 2\.1 km², computed 2\.\d{3} km², Δ/);
  });

  it('reports an unclosed ring with file, feature and field', () => {
    const parks = read('parks.geojson');
    parks.features[0]!.geometry = {
      type: 'Polygon',
      coordinates: [square.slice(0, 4).concat([[113.331, 23.1]])],
    };
    write('parks.geojson', parks);
    const e = errors(checkGeodata(dir)).find((f) => /not closed/.test(f.message));
    expect(e).toMatchObject({ file: 'parks.geojson', featureId: 'pazhou-internet', field: 'geometry' });
  });

  it('reports a bow-tie (self-intersection)', () => {
    const parks = read('parks.geojson');
    const bowTie = [
      [113.33, 23.1],
      [113.34, 23.109],
      [113.34, 23.1],
      [113.33, 23.109],
      [113.33, 23.1],
    ];
    parks.features[2]!.geometry = { type: 'Polygon', coordinates: [bowTie] };
    write('parks.geojson', parks);
    const e = errors(checkGeodata(dir)).find((f) => /self-intersecting/.test(f.message));
    expect(e).toMatchObject({ file: 'parks.geojson', featureId: 'tianhe-software', field: 'geometry' });
  });

  it('reports a clockwise outer ring, a ring with too few positions and > 6 decimals', () => {
    const parks = read('parks.geojson');
    parks.features[0]!.geometry = { type: 'Polygon', coordinates: [square.slice().reverse()] };
    parks.features[1]!.geometry = {
      type: 'Polygon',
      coordinates: [
        [
          [113.61, 23.18],
          [113.62, 23.18],
          [113.61, 23.18],
        ],
      ],
    };
    parks.features[3]!.geometry = {
      type: 'Polygon',
      coordinates: [square.map(([x, y]) => [x! + 0.0000001, y])],
    };
    write('parks.geojson', parks);
    const e = errors(checkGeodata(dir));
    expect(e.some((f) => f.featureId === 'pazhou-internet' && /clockwise/.test(f.message))).toBe(true);
    expect(e.some((f) => f.featureId === 'zengcheng-new-display' && f.field?.startsWith('geometry'))).toBe(
      true,
    );
    expect(e.some((f) => f.featureId === 'panyu-smart-city' && /more than 6 decimals/.test(f.message))).toBe(
      true,
    );
  });

  it('reports a hole outside its shell', () => {
    const parks = read('parks.geojson');
    const hole = [
      [113.35, 23.1],
      [113.35, 23.101],
      [113.351, 23.101],
      [113.351, 23.1],
      [113.35, 23.1],
    ];
    parks.features[0]!.geometry = { type: 'Polygon', coordinates: [square, hole] };
    write('parks.geojson', parks);
    const e = errors(checkGeodata(dir)).find((f) => /hole lies outside/.test(f.message));
    expect(e).toMatchObject({ file: 'parks.geojson', featureId: 'pazhou-internet' });
  });

  it('reports swapped lat/lng', () => {
    const hubs = read('hubs.geojson');
    const c = hubs.features[0]!.geometry.coordinates as number[];
    hubs.features[0]!.geometry.coordinates = [c[1], c[0]];
    write('hubs.geojson', hubs);
    const e = errors(checkGeodata(dir)).find((f) => f.file === 'hubs.geojson' && /swapped/.test(f.message));
    expect(e?.featureId).toBe(hubs.features[0]!.properties.id);
  });

  it('reports a position outside the Guangzhou area', () => {
    const hubs = read('hubs.geojson');
    hubs.features[1]!.geometry.coordinates = [116.4, 39.9];
    write('hubs.geojson', hubs);
    const e = errors(checkGeodata(dir)).find(
      (f) => f.file === 'hubs.geojson' && /outside the Guangzhou area/.test(f.message),
    );
    expect(e?.featureId).toBe(hubs.features[1]!.properties.id);
  });

  it('reports a park outside the city outline', () => {
    const parks = read('parks.geojson');
    // ~1 km² in Dongguan, east of the Guangzhou boundary but inside the generous bbox
    parks.features[6]!.geometry = {
      type: 'Polygon',
      coordinates: [
        [
          [113.9, 22.9],
          [113.91, 22.9],
          [113.91, 22.909],
          [113.9, 22.909],
          [113.9, 22.9],
        ],
      ],
    };
    write('parks.geojson', parks);
    const e = errors(checkGeodata(dir)).find((f) => /outside the Guangzhou city outline/.test(f.message));
    expect(e?.featureId).toBe('huangpu-smart-equipment');
  });

  it('fails a park more than 10 % off its stated area', () => {
    const parks = read('parks.geojson');
    parks.features[6]!.geometry = { type: 'Polygon', coordinates: [square] }; // ~1 km² for a 1 km² park: fine
    parks.features[0]!.geometry = { type: 'Polygon', coordinates: [square] }; // ~1 km² for 2.1 km²: not fine
    write('parks.geojson', parks);
    const e = errors(checkGeodata(dir));
    expect(e.find((f) => f.featureId === 'pazhou-internet' && /limit ±10 %/.test(f.message))).toBeDefined();
    expect(
      e.find((f) => f.featureId === 'huangpu-smart-equipment' && /limit/.test(f.message)),
    ).toBeUndefined();
  });

  it('reports a duplicate id', () => {
    const stations = read('stations.geojson');
    const first = stations.features[0]!.properties.id;
    stations.features[1]!.properties.id = first;
    write('stations.geojson', stations);
    const e = errors(checkGeodata(dir)).find((f) => /duplicate id/.test(f.message));
    expect(e).toMatchObject({ file: 'stations.geojson', featureId: first, field: 'id' });
  });

  it('reports a missing source', () => {
    const hubs = read('hubs.geojson');
    delete hubs.features[2]!.properties.source;
    write('hubs.geojson', hubs);
    const e = errors(checkGeodata(dir)).filter((f) => f.file === 'hubs.geojson' && f.field === 'source');
    expect(e.length).toBeGreaterThan(0);
    expect(e[0]!.featureId).toBe(hubs.features[2]!.properties.id);
  });

  it('checks every committed precision note is bilingual', () => {
    for (const file of FILES.filter((f) => f.endsWith('.geojson'))) {
      for (const f of read(file).features) {
        const note = f.properties.precisionNote as { zh?: unknown; en?: unknown } | undefined;
        if (note === undefined) continue;
        expect(typeof note.zh === 'string' && note.zh.trim() !== '', `${file} ${f.properties.id} zh`).toBe(
          true,
        );
        expect(typeof note.en === 'string' && note.en.trim() !== '', `${file} ${f.properties.id} en`).toBe(
          true,
        );
      }
    }
  });

  it.each([
    ['parks.geojson', 0, 'zh', ''],
    ['stations.geojson', 3, 'zh', '   '],
    ['hubs.geojson', 1, 'en', ''],
    ['water-lines.geojson', 0, 'en', undefined],
  ] as const)('reports a precision note in %s with an empty %s', (file, index, lang, value) => {
    const c = read(file);
    const note = c.features[index]!.properties.precisionNote as Record<string, unknown>;
    if (value === undefined) delete note[lang];
    else note[lang] = value;
    write(file, c);
    const found = errors(checkGeodata(dir)).filter((f) => f.field?.includes('precisionNote'));
    expect(found).toEqual([
      expect.objectContaining({
        file,
        featureId: c.features[index]!.properties.id,
        field: `precisionNote.${lang}`,
      }),
    ]);
  });

  it('reports a plain-string or untranslated precision note', () => {
    const hubs = read('hubs.geojson');
    hubs.features[0]!.properties.precisionNote = 'English only';
    hubs.features[1]!.properties.precisionNote = { zh: 'English only', en: 'English only' };
    write('hubs.geojson', hubs);
    const e = errors(checkGeodata(dir)).filter((f) => f.file === 'hubs.geojson');
    expect(e).toContainEqual(
      expect.objectContaining({ featureId: hubs.features[0]!.properties.id, field: 'precisionNote' }),
    );
    expect(e).toContainEqual(
      expect.objectContaining({ featureId: hubs.features[1]!.properties.id, field: 'precisionNote.zh' }),
    );
  });

  it('reports a station at a line that does not exist', () => {
    const stations = read('stations.geojson');
    stations.features[0]!.properties.lineIds = ['line-99'];
    write('stations.geojson', stations);
    const e = errors(checkGeodata(dir)).find((f) => f.field === 'lineIds');
    expect(e?.message).toMatch(/unknown line id line-99/);
  });

  it('flags a GCJ-02-shifted station (hard-coded known positions, no reference folder)', () => {
    const stations = read('stations.geojson');
    const tower = stations.features.find((f) => (f.properties.name as { zh: string }).zh === '广州塔')!;
    const [lng, lat] = gcoord.transform([113.318056, 23.109096], gcoord.WGS84, gcoord.GCJ02);
    tower.geometry.coordinates = [Number(lng!.toFixed(6)), Number(lat!.toFixed(6))];
    write('stations.geojson', stations);
    const e = errors(checkGeodata(dir)).find((f) => /GCJ-02/.test(f.message));
    expect(e).toMatchObject({ file: 'stations.geojson', featureId: tower.properties.id, field: 'geometry' });
  });

  it('flags a GCJ-02-shifted station against a reference folder', () => {
    const ref = path.join(dir, 'ref');
    const refStations = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [113.410198, 23.030719] },
          properties: { name_zh: '新造' },
        },
      ],
    };
    const metro = path.join(ref, 'metro');
    rmSync(metro, { recursive: true, force: true });
    mkdirSync(metro, { recursive: true });
    writeFileSync(path.join(metro, 'gz_metro_stations_wgs84.geojson'), JSON.stringify(refStations));
    const stations = read('stations.geojson');
    const xinzao = stations.features.find((f) => (f.properties.name as { zh: string }).zh === '新造')!;
    const [lng, lat] = gcoord.transform([113.410198, 23.030719], gcoord.WGS84, gcoord.GCJ02);
    xinzao.geometry.coordinates = [Number(lng!.toFixed(6)), Number(lat!.toFixed(6))];
    write('stations.geojson', stations);
    const findings = checkGeodata(dir, { referenceDir: ref });
    const e = errors(findings).find((f) => /GCJ-02/.test(f.message));
    expect(e).toMatchObject({ file: 'stations.geojson', featureId: xinzao.properties.id });
    expect(findings.find((f) => /datum: 1 stations compared/.test(f.message))).toBeDefined();
  });

  it('reports corrupt JSON naming the file', () => {
    writeFileSync(path.join(dir, 'hubs.geojson'), '{"type": "FeatureCollection", "features": [');
    const e = errors(checkGeodata(dir)).find((f) => f.file === 'hubs.geojson');
    expect(e?.message).toMatch(/not valid JSON/);
  });

  it('reports a missing file naming it', () => {
    unlinkSync(path.join(dir, 'districts.geojson'));
    const e = errors(checkGeodata(dir)).find((f) => f.file === 'districts.geojson');
    expect(e?.message).toBe('file is missing');
  });

  it('reports a schema error with the field path', () => {
    const lines = read('transit-lines.geojson');
    lines.features[0]!.properties.colour = 'yellow';
    write('transit-lines.geojson', lines);
    const e = errors(checkGeodata(dir)).find(
      (f) => f.file === 'transit-lines.geojson' && f.field === 'properties.colour',
    );
    expect(e?.featureId).toBe('line-1');
  });

  it('reports a manifest count that does not match', () => {
    const m = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    m.files[0].features = 99;
    write('manifest.json', m);
    const e = errors(checkGeodata(dir)).find((f) => f.file === 'manifest.json');
    expect(e?.message).toMatch(/manifest says 99 features/);
  });
});
