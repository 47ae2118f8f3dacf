/** The XSS corpus reaches the parsed features verbatim: the parser neither runs nor "cleans" text. */
import { describe, expect, it } from 'vitest';
import {
  XSS_FILE_NAMES,
  XSS_LAYER_NAMES,
  XSS_PAYLOADS,
  xssCsv,
  xssGeoJSON,
} from '../../tests/corpus/xss-payloads.ts';
import { parseFile } from './parse-file.ts';

describe('XSS corpus', () => {
  it('has ≥ 30 payloads, each calling window.__xss with its own number', () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(30);
    XSS_PAYLOADS.forEach((p, i) => {
      expect(p.includes(`__xss(${i})`) || p.includes(btoa(`window.__xss(${i})`))).toBe(true);
    });
    expect(XSS_FILE_NAMES.length).toBeGreaterThanOrEqual(10);
    for (const n of XSS_FILE_NAMES) expect(n).not.toMatch(/[/\\]/);
    expect(XSS_LAYER_NAMES.length).toBeGreaterThanOrEqual(10);
  });
  it('keeps payloads as keys, values and ids in GeoJSON', async () => {
    const bytes = new TextEncoder().encode(JSON.stringify(xssGeoJSON()));
    const r = await parseFile(bytes, XSS_FILE_NAMES[0] as string, { datum: 'wgs84' });
    expect(r.outcome).toBe('accepted');
    expect(r.features).toHaveLength(XSS_PAYLOADS.length);
    r.features.forEach((f, i) => {
      const p = XSS_PAYLOADS[i] as string;
      expect(f.id).toBe(p);
      expect(f.properties?.name).toBe(p);
      expect(f.properties?.[p]).toBe(p);
    });
  });
  it('keeps payloads as headers and cells in CSV', async () => {
    const r = await parseFile(new TextEncoder().encode(xssCsv()), 'xss.csv', { datum: 'wgs84' });
    expect(r.features).toHaveLength(XSS_PAYLOADS.length);
    expect(Object.keys(r.features[0]?.properties ?? {})).toEqual(
      expect.arrayContaining(XSS_PAYLOADS.slice(0, 8)),
    );
    expect(r.features.map((f) => f.properties?.name)).toEqual(XSS_PAYLOADS);
  });
});
