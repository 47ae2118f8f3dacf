import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { detectColumns, readCsv, readXlsx, tableToFeatures } from './table.ts';

const u8 = (s: string) => new TextEncoder().encode(s);

describe('column detection', () => {
  it('reads zh and en header names', () => {
    expect(detectColumns(['名称', '经度', '纬度'], [])).toEqual({ lng: '经度', lat: '纬度', name: '名称' });
    expect(detectColumns(['Name', 'Longitude', 'Latitude'], [])).toEqual({
      lng: 'Longitude',
      lat: 'Latitude',
      name: 'Name',
    });
    expect(detectColumns(['title', 'X', 'Y'], [])).toEqual({ lng: 'X', lat: 'Y', name: 'title' });
    expect(detectColumns(['站名', 'lon (WGS84)', 'lat (WGS84)'], [])).toMatchObject({
      lng: 'lon (WGS84)',
      lat: 'lat (WGS84)',
    });
  });
  it('falls back to value ranges', () => {
    const rows = [
      ['A', '23.10', '113.31'],
      ['B', '23.12', '113.35'],
    ];
    expect(detectColumns(['c1', 'c2', 'c3'], rows)).toEqual({ lng: 'c3', lat: 'c2', name: null });
  });
});

describe('CSV', () => {
  it('handles Excel quoting, keeps formulas as text with a note', () => {
    const t = readCsv(
      u8('name,lng,lat\r\n"A, ""the"" site\nline 2",113.3,23.1\r\n=HYPERLINK("x"),113.4,23.2\r\n'),
    );
    const r = tableToFeatures(t, undefined);
    expect(r.features.map((f) => f.properties?.name)).toEqual(['A, "the" site\nline 2', '=HYPERLINK("x")']);
    expect(r.notes.map((n) => n.code)).toEqual(['formula-cells']);
  });
  it('uses the columns the mapping step chose', () => {
    const t = readCsv(u8('a,b,c\nP,1,2\n'));
    expect(tableToFeatures(t, undefined).reasons[0]?.code).toBe('no-coordinate-columns');
    const r = tableToFeatures(readCsv(u8('a,b,c\nP,113.3,23.1\n')), { lng: 'b', lat: 'c', name: 'a' });
    expect(r.features[0]?.geometry).toEqual({ type: 'Point', coordinates: [113.3, 23.1] });
    expect(r.features[0]?.properties?.name).toBe('P');
  });
  it('keeps a __proto__ header as a key', () => {
    const r = tableToFeatures(readCsv(u8('__proto__,lng,lat\nx,113.3,23.1\n')), undefined);
    expect(Object.keys(r.features[0]?.properties ?? {})).toContain('__proto__');
    expect(Object.getPrototypeOf(r.features[0]?.properties)).toBe(Object.prototype);
  });
});

describe('xlsx', () => {
  it('reads numbers and keeps formula cells as text with a note', () => {
    const sheet = XLSX.utils.aoa_to_sheet([
      ['名称', '经度', '纬度'],
      ['A', 113.3, 23.1],
    ]);
    sheet.A2 = { t: 's', v: 'link', f: 'HYPERLINK("http://example.invalid","link")' };
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, 'S');
    const bytes = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const r = tableToFeatures(readXlsx(bytes), undefined);
    expect(r.features[0]?.geometry).toEqual({ type: 'Point', coordinates: [113.3, 23.1] });
    expect(r.features[0]?.properties?.名称).toBe('link');
    expect(r.notes.map((n) => n.code)).toEqual(['formula-cells']);
  });
});
