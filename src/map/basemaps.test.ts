import { describe, expect, it } from 'vitest';
import { checkCustomTileUrl, redactKeys, resolveBasemap } from './basemaps.ts';

const NO_DEVICE = { tiandituKey: null, customUrl: null };

describe('basemaps', () => {
  it('the embedded basemap needs nothing; OSM needs nothing either', () => {
    expect(resolveBasemap('embedded', 'zh', NO_DEVICE)).toEqual({ kind: 'embedded' });
    const osm = resolveBasemap('osm', 'en', NO_DEVICE);
    expect(osm.kind === 'online' && osm.basemap.layers[0]?.tiles[0]).toBe(
      'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
    );
  });

  it('Tianditu needs a key, and its labels follow the language', () => {
    expect(resolveBasemap('tianditu-vec', 'zh', NO_DEVICE)).toEqual({
      kind: 'unavailable',
      reason: 'needs-key',
    });
    const device = { tiandituKey: ' abc123 ', customUrl: null };
    for (const [id, lang, base, labels] of [
      ['tianditu-vec', 'zh', 'vec', 'cva'],
      ['tianditu-vec', 'en', 'vec', 'eva'],
      ['tianditu-img', 'zh', 'img', 'cia'],
      ['tianditu-img', 'en', 'img', 'eia'],
    ] as const) {
      const r = resolveBasemap(id, lang, device);
      if (r.kind !== 'online') throw new Error('expected online');
      const [baseLayer, labelLayer] = r.basemap.layers;
      expect(baseLayer?.tiles[0]).toContain(`/${base}_w/wmts?`);
      expect(labelLayer?.tiles[0]).toContain(`LAYER=${labels}&`);
      expect(baseLayer?.tiles[0]).toContain('tk=abc123');
      expect(baseLayer?.tiles).toHaveLength(8);
    }
  });

  it('accepts an XYZ template and refuses what is not one', () => {
    expect(checkCustomTileUrl('https://tiles.example.org/{z}/{x}/{y}.png')).toEqual({
      ok: true,
      template: 'https://tiles.example.org/{z}/{x}/{y}.png',
      host: 'tiles.example.org',
    });
    const problem = (url: string) => {
      const r = checkCustomTileUrl(url);
      return r.ok ? null : r.problem;
    };
    expect(problem('javascript:alert(1)//{z}/{x}/{y}')).toBe('not-http');
    expect(problem('data:text/html,{z}{x}{y}')).toBe('not-http');
    expect(problem('ftp://tiles.example.org/{z}/{x}/{y}.png')).toBe('not-http');
    expect(problem('https://tiles.example.org/tiles.png')).toBe('no-placeholders');
    expect(problem('https://tiles.example.org/{z}/{x}/{y}.png"><script>alert(1)</script>')).toBe(
      'unsafe-characters',
    );
    expect(problem('https://user:pw@tiles.example.org/{z}/{x}/{y}.png')).toBe('unsafe-characters');
    expect(problem('not a url')).toBe('unsafe-characters');
    expect(problem('tiles/{z}/{x}/{y}')).toBe('not-a-url');
    expect(problem(`https://tiles.example.org/${'a'.repeat(3000)}/{z}/{x}/{y}`)).toBe('too-long');
  });

  it('refuses GCJ-02 and BD-09 services, naming the datum', () => {
    for (const [url, datum] of [
      ['https://webrd01.is.autonavi.com/appmaptile?x={x}&y={y}&z={z}&style=8', 'GCJ-02'],
      ['https://rt0.map.gtimg.com/tile?z={z}&x={x}&y={y}', 'GCJ-02'],
      ['https://maponline0.bdimg.com/tile/?x={x}&y={y}&z={z}', 'BD-09'],
    ] as const) {
      expect(checkCustomTileUrl(url)).toEqual({ ok: false, problem: 'offset-datum', datum });
    }
  });

  it('a saved custom URL resolves to a raster basemap; none saved, to "needs a URL"', () => {
    expect(resolveBasemap('custom', 'zh', NO_DEVICE)).toEqual({ kind: 'unavailable', reason: 'needs-url' });
    const r = resolveBasemap('custom', 'zh', {
      tiandituKey: null,
      customUrl: 'http://127.0.0.1:9/{z}/{x}/{y}.png',
    });
    expect(r.kind).toBe('online');
  });

  it('redacts keys and tokens from messages', () => {
    expect(
      redactKeys(
        'AJAXError: Unauthorized (401): https://t3.tianditu.gov.cn/vec_w/wmts?LAYER=vec&tk=SECRET123&x=1',
      ),
    ).toBe('AJAXError: Unauthorized (401): https://t3.tianditu.gov.cn/vec_w/wmts?LAYER=vec&tk=…&x=1');
    expect(redactKeys('https://a.example/{z}?access_token=pk.abc')).toBe(
      'https://a.example/{z}?access_token=…',
    );
    expect(redactKeys('no key here')).toBe('no key here');
  });
});
