/**
 * The archive reader on the fixtures, without a browser: a File (Node's), and a fake fetch playing
 * a server with range support, one without, an error status, a network failure and an HTML page.
 * Every failure is an ArchiveError with its code, and registers nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ArchiveError,
  archiveTile,
  archiveUrl,
  closeArchive,
  openArchive,
  plainText,
} from './pmtiles-archives.ts';

const dir = path.resolve(import.meta.dirname, '../../tests/fixtures/pmtiles');
const bytes = (name: string) => new Uint8Array(fs.readFileSync(path.join(dir, name)));
const file = (name: string) => new File([bytes(name)], name);

type Mode = 'range' | 'whole' | 'status' | 'offline' | 'html';

/** A fetch over the fixture files at https://data.example/<name>. */
function fakeFetch(mode: Mode): typeof fetch {
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    if (mode === 'offline') throw new TypeError('Failed to fetch');
    if (mode === 'status') return new Response('gone', { status: 404 });
    if (mode === 'html') return new Response('<!doctype html><html></html>', { status: 200 });
    const name = new URL(String(input)).pathname.slice(1);
    const all = bytes(name);
    const range = /bytes=(\d+)-(\d+)/.exec(new Headers(init?.headers).get('range') ?? '');
    if (mode === 'whole' || !range)
      return new Response(all, { status: 200, headers: { 'Content-Length': String(all.length) } });
    const slice = all.slice(Number(range[1]), Number(range[2]) + 1);
    return new Response(slice, { status: 206, headers: { 'Content-Length': String(slice.length) } });
  }) as typeof fetch;
}

async function failure(p: Promise<unknown>): Promise<ArchiveError> {
  try {
    await p;
  } catch (error) {
    expect(error).toBeInstanceOf(ArchiveError);
    return error as ArchiveError;
  }
  throw new Error('expected a failure');
}

/** pmtiles' FetchSource and the probe both use the global fetch. */
function serve(mode: Mode) {
  vi.stubGlobal('fetch', fakeFetch(mode));
}
/** Opens an archive with fetch answering as `mode`. */
function served(mode: Mode, id: string, input: Parameters<typeof openArchive>[1]) {
  serve(mode);
  return openArchive(id, input);
}
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('openArchive', () => {
  it('reads a local file: layers, zooms, bounds, attribution; serves its tiles until closed', async () => {
    const info = await openArchive('pm-file', { kind: 'file', file: file('parks-stations.pmtiles') });
    expect(info).toMatchObject({ name: 'parks-stations.pmtiles', url: null, layers: ['parks', 'stations'] });
    expect([info.minZoom, info.maxZoom]).toEqual([8, 12]);
    expect(info.bounds![0]).toBeGreaterThan(112.9);
    expect(info.attribution).toMatch(/Test fixture/);
    const tile = await archiveTile('pm-file', 10, 834, 444);
    expect(tile!.byteLength).toBeGreaterThan(100);
    expect(await archiveTile('pm-file', 3, 0, 0)).toBeNull(); // outside the archive's zooms
    closeArchive('pm-file');
    expect(await archiveTile('pm-file', 10, 834, 444)).toBeNull();
  });

  it('reads a URL served with range requests', async () => {
    const info = await served('range', 'pm-url', {
      kind: 'url',
      url: 'https://data.example/parks-stations.pmtiles',
    });
    expect(info).toMatchObject({
      name: 'parks-stations.pmtiles',
      url: 'https://data.example/parks-stations.pmtiles',
    });
    closeArchive('pm-url');
  });

  it('classifies bad files and bad servers', async () => {
    const url = (name: string) => ({ kind: 'url' as const, url: `https://data.example/${name}` });
    const cases: [() => Promise<unknown>, string][] = [
      [() => openArchive('pm-1', { kind: 'file', file: file('not-pmtiles.pmtiles') }), 'not-pmtiles'],
      [() => openArchive('pm-2', { kind: 'file', file: new File([], 'empty.pmtiles') }), 'not-pmtiles'],
      [() => openArchive('pm-3', { kind: 'file', file: file('raster.pmtiles') }), 'raster'],
      [() => served('whole', 'pm-4', url('parks-stations.pmtiles')), 'no-range'],
      [() => served('status', 'pm-5', url('parks-stations.pmtiles')), 'http-status'],
      [() => served('offline', 'pm-6', url('parks-stations.pmtiles')), 'unreachable'],
      [() => served('html', 'pm-7', url('parks-stations.pmtiles')), 'not-pmtiles'],
      [() => served('range', 'pm-8', url('raster.pmtiles')), 'raster'],
      [() => served('range', 'pm-9', { kind: 'url', url: 'javascript:alert(1)' }), 'bad-url'],
    ];
    for (const [p, code] of cases) expect((await failure(p())).code).toBe(code);
    for (let i = 1; i <= 9; i++) expect(await archiveTile(`pm-${i}`, 10, 834, 444)).toBeNull();
  });
});

describe('helpers', () => {
  it('resolves relative URLs against the page and refuses other schemes', () => {
    expect(archiveUrl('/data/a.pmtiles', 'https://atlas.example/x/')).toBe(
      'https://atlas.example/data/a.pmtiles',
    );
    expect(() => archiveUrl('file:///etc/passwd', 'https://atlas.example/')).toThrow(ArchiveError);
  });

  it('turns attribution markup into bounded plain text', () => {
    expect(plainText('<a href="https://osm.org">© OpenStreetMap</a>  contributors')).toBe(
      '© OpenStreetMap contributors',
    );
    expect(plainText('<img src=x onerror=alert(1)>')).toBeNull();
    expect(plainText(42)).toBeNull();
    expect(plainText('x'.repeat(1000))).toHaveLength(300);
  });
});
