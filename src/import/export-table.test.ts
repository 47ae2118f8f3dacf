import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { cellText, csvCell, toCsv } from './export-table.ts';

describe('CSV export cells', () => {
  it('neutralises formula starts, leaves numbers alone', () => {
    for (const bad of ['=1+1', '+cmd', '-2+3', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://x")']) {
      expect(cellText(bad)).toBe(`'${bad}`);
    }
    expect(cellText(-5)).toBe('-5');
    expect(cellText('-12.5')).toBe('-12.5');
    expect(cellText('+3e5')).toBe('+3e5');
    expect(cellText('- 5')).toBe("'- 5");
    expect(cellText('a=b')).toBe('a=b');
    expect(cellText(null)).toBe('');
    expect(cellText(Number.NaN)).toBe('');
    expect(cellText(true)).toBe('true');
    expect(cellText({ a: 1 })).toBe('{"a":1}');
    expect(cellText(['=x'])).toBe('["=x"]');
  });

  it('quotes what CSV needs quoted', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(' pad')).toBe('" pad"');
    expect(csvCell('广州塔')).toBe('广州塔');
  });

  it('writes a BOM and CRLF rows that a CSV parser reads back', () => {
    const csv = toCsv(
      ['name', '=key', 'n'],
      [
        ['广州, 塔', '=1+1', 3],
        ['"q"', '', -1.5],
      ],
    );
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('\r\n');
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true });
    expect(parsed.data).toEqual([
      ['name', "'=key", 'n'],
      ['广州, 塔', "'=1+1", '3'],
      ['"q"', '', '-1.5'],
    ]);
  });
});
