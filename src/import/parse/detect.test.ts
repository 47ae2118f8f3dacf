import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { detectFormat } from './detect.ts';

const u8 = (s: string) => new TextEncoder().encode(s);

describe('detectFormat', () => {
  it('goes by content before the file name', () => {
    expect(detectFormat(u8(' {"type":"Feature"}'), 'data.csv').format).toBe('geojson');
    expect(detectFormat(u8('<?xml version="1.0"?><kml/>'), 'data.txt').format).toBe('kml');
    expect(detectFormat(u8('name,lng,lat\n'), 'data.geojson').format).toBe('csv');
    expect(detectFormat(zipSync({ 'doc.kml': u8('<kml/>') }), 'x.zip').format).toBe('kmz');
    expect(
      detectFormat(zipSync({ 'a.shp': new Uint8Array(4), 'a.dbf': new Uint8Array(4) }), 'x.kmz').format,
    ).toBe('shapefile');
    expect(
      detectFormat(zipSync({ '[Content_Types].xml': u8('<x/>'), 'xl/workbook.xml': u8('<x/>') }), 'x.zip')
        .format,
    ).toBe('xlsx');
  });
  it('refuses what is known not to be data', () => {
    expect(detectFormat(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0]), 'a.geojson')).toMatchObject({
      kind: 'not-data',
      what: 'PNG',
    });
    expect(detectFormat(new Uint8Array([1, 0, 2, 0, 3]), 'a.csv').kind).toBe('binary');
    expect(detectFormat(u8('a,b'), 'a.xlsx').kind).toBe('not-zip');
  });
});
