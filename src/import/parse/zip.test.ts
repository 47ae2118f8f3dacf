import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { BadZipError, checkZipExpansion, listZipEntries, readZip, ZipBombError } from './zip.ts';

const big = new Uint8Array(20_000).fill(0x20);

describe('zip', () => {
  it('lists and reads the wanted entries', () => {
    const zip = zipSync({ 'a.kml': new TextEncoder().encode('<kml/>'), 'b.txt': new Uint8Array(3) });
    expect(listZipEntries(zip).map((e) => e.name)).toEqual(['a.kml', 'b.txt']);
    const files = readZip(zip, (n) => n.endsWith('.kml'), 1000);
    expect(Object.keys(files)).toEqual(['a.kml']);
    expect(new TextDecoder().decode(files['a.kml'])).toBe('<kml/>');
  });
  it('refuses on the declared size', () => {
    expect(() => readZip(zipSync({ 'a.kml': big }), () => true, 10_000)).toThrow(ZipBombError);
    expect(() => checkZipExpansion(zipSync({ 'a.kml': big }), 10_000)).toThrow(ZipBombError);
  });
  it('refuses on the inflated size when the archive lies', () => {
    const zip = zipSync({ 'a.kml': big });
    const view = new DataView(zip.buffer);
    for (let i = 0; i + 46 <= zip.length; i++)
      if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 10, true);
    expect(listZipEntries(zip)[0]?.originalSize).toBe(10);
    expect(() => readZip(zip, () => true, 10_000)).toThrow(ZipBombError);
    expect(() => checkZipExpansion(zip, 10_000)).toThrow(ZipBombError);
  });
  it('calls a damaged archive bad', () => {
    expect(() => readZip(zipSync({ 'a.kml': big }).slice(0, 40), () => true, 1e6)).toThrow(BadZipError);
  });
});
