/** The good fixtures of every format parse to the same sites, in place, with nothing to report. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { STATIONS } from '../../tests/corpus/stations.ts';
import { convertFeatures, detectDatumSuspicion, haversineM } from './datum.ts';
import { inspectTable, parseFile } from './parse-file.ts';

const DIR = path.resolve(import.meta.dirname, '../../tests/fixtures/import');
const expected = JSON.parse(readFileSync(path.join(DIR, 'expected.json'), 'utf8')) as {
  sites: { name: string; lng: number; lat: number; station: { id: string; name: string; nameEn: string } }[];
  fixtures: Record<string, { format: string; featureCount: number; datum: 'wgs84' | 'gcj02' }>;
};
const read = (f: string) => new Uint8Array(readFileSync(path.join(DIR, f)));
const nameOf = (f: GeoJSON.Feature) => {
  const p = (f.properties ?? {}) as Record<string, unknown>;
  return String(p.name ?? p.名称 ?? p.NAME ?? p.Name ?? '');
};

describe('good fixtures', () => {
  for (const [file, meta] of Object.entries(expected.fixtures)) {
    it(`${file} parses to every site in place`, async () => {
      const r = await parseFile(read(file), file, { datum: meta.datum });
      expect(r.reasons).toEqual([]);
      expect(r.outcome).toBe('accepted');
      expect(r.format).toBe(meta.format);
      expect(r.features).toHaveLength(meta.featureCount);
      for (const site of expected.sites) {
        const f = r.features.find((x) => nameOf(x) === site.name);
        expect(f, `${file}: ${site.name}`).toBeTruthy();
        const at = ((f as GeoJSON.Feature).geometry as GeoJSON.Point).coordinates as [number, number];
        expect(haversineM(at, [site.lng, site.lat])).toBeLessThan(meta.datum === 'wgs84' ? 0.5 : 2);
      }
    });
  }

  it('flags sites-gcj02.csv read as WGS-84 and the conversion puts it in place', async () => {
    const r = await parseFile(read('sites-gcj02.csv'), 'sites-gcj02.csv', { datum: 'wgs84' });
    expect(r.outcome).toBe('accepted');
    const suspicion = detectDatumSuspicion(r.features, STATIONS);
    expect(suspicion?.suspected).toBe('gcj02');
    expect(suspicion?.matched).toBe(6);
    expect(suspicion?.medianOffsetM).toBeGreaterThan(300);
    expect(suspicion?.medianAfterM).toBeLessThan(150);
    const fixed = convertFeatures(r.features, 'gcj02');
    for (const site of expected.sites) {
      const f = fixed.find((x) => nameOf(x) === site.name);
      expect(
        haversineM(((f as GeoJSON.Feature).geometry as GeoJSON.Point).coordinates as [number, number], [
          site.lng,
          site.lat,
        ]),
      ).toBeLessThan(2);
    }
  });

  it('does not flag the WGS-84 fixtures', async () => {
    const r = await parseFile(read('sites.csv'), 'sites.csv', { datum: 'wgs84' });
    expect(detectDatumSuspicion(r.features, STATIONS)).toBeUndefined();
  });

  it('inspects the tables for the column mapping', async () => {
    const gbk = await inspectTable(read('sites-gbk.csv'), 'sites-gbk.csv');
    expect(gbk.format).toBe('csv');
    expect(gbk.table?.encoding).toBe('gbk');
    expect(gbk.table?.detected).toEqual({ lng: '经度', lat: '纬度', name: '名称' });
    expect(gbk.table?.rowCount).toBe(6);
    const xlsx = await inspectTable(read('sites.xlsx'), 'sites.xlsx');
    expect(xlsx.format).toBe('xlsx');
    expect(xlsx.table?.detected).toEqual({ lng: 'lng', lat: 'lat', name: '名称' });
    expect(xlsx.table?.sample[0]?.[0]).toBe(expected.sites[0]?.name);
    expect(await inspectTable(read('sites.kml'), 'sites.kml')).toEqual({ format: 'kml' });
  });
});
