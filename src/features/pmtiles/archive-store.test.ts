// @vitest-environment jsdom
/**
 * The archive store and its actions over a fake reader: an open adds an archive (colour, fit,
 * remembered URL); a failed open sets only the error; restyle, zoom-to, remove and forget.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../map/pmtiles-archives.ts', () => {
  class ArchiveError extends Error {
    constructor(
      readonly code: string,
      readonly detail = '',
    ) {
      super(code);
    }
  }
  return {
    ArchiveError,
    openArchive: vi.fn(async (_id: string, input: { kind: string; url?: string; file?: File }) => {
      if (input.kind === 'url' && input.url?.includes('bad')) throw new ArchiveError('no-range');
      if (input.kind === 'url' && input.url?.includes('boom')) throw new Error('unexpected');
      return {
        name: input.kind === 'file' ? input.file!.name : 'remote.pmtiles',
        url: input.kind === 'url' ? input.url : null,
        layers: ['a', 'b'],
        bounds: [113, 22, 114, 24],
        minZoom: 0,
        maxZoom: 14,
        attribution: 'someone',
      };
    }),
    closeArchive: vi.fn(),
    archiveTile: vi.fn(async () => null),
  };
});

const { forgetUrl, openArchive, removeArchive, updateArchive, zoomToArchive } = await import(
  './archive-actions.ts'
);
const { useArchives } = await import('./archive-store.ts');

afterEach(() => {
  useArchives.setState({ archives: [], error: null, fit: null, opening: null, remembered: [] });
  localStorage.clear();
});

describe('archive actions', () => {
  it('adds an opened URL archive with a colour, asks for a fit and remembers the URL', async () => {
    await openArchive({ kind: 'url', url: 'https://data.example/remote.pmtiles' });
    const s = useArchives.getState();
    expect(s.archives).toHaveLength(1);
    expect(s.archives[0]).toMatchObject({ name: 'remote.pmtiles', layers: ['a', 'b'], visible: true });
    expect(s.archives[0]!.color).toMatch(/^#[0-9a-f]{6}$/);
    expect(s.fit).toEqual({ bbox: [113, 22, 114, 24], revision: 1 });
    expect(s.remembered).toEqual(['https://data.example/remote.pmtiles']);
    expect(JSON.parse(localStorage.getItem('atlas.pmtiles.urls')!)).toEqual([
      'https://data.example/remote.pmtiles',
    ]);
    expect(s.opening).toBeNull();
  });

  it('does not remember local files', async () => {
    await openArchive({ kind: 'file', file: new File(['x'], 'big.pmtiles') });
    expect(useArchives.getState().archives[0]!.url).toBeNull();
    expect(useArchives.getState().remembered).toEqual([]);
  });

  it('a failed open sets only the error, whatever was thrown', async () => {
    await openArchive({ kind: 'url', url: 'https://data.example/ok.pmtiles' });
    const before = useArchives.getState();
    await openArchive({ kind: 'url', url: 'https://data.example/bad.pmtiles' });
    let s = useArchives.getState();
    expect(s.error).toEqual({ code: 'no-range', detail: '', source: 'https://data.example/bad.pmtiles' });
    expect(s.archives).toBe(before.archives);
    expect(s.fit).toBe(before.fit);
    expect(s.remembered).toEqual(before.remembered);
    await openArchive({ kind: 'url', url: 'https://data.example/boom.pmtiles' });
    s = useArchives.getState();
    expect(s.error?.code).toBe('not-pmtiles');
    expect(s.archives).toBe(before.archives);
  });

  it('restyles, zooms to, removes and forgets', async () => {
    await openArchive({ kind: 'url', url: 'https://data.example/remote.pmtiles' });
    const id = useArchives.getState().archives[0]!.id;
    updateArchive(id, { color: '#123456', visible: false });
    expect(useArchives.getState().archives[0]).toMatchObject({ color: '#123456', visible: false });
    zoomToArchive(id);
    expect(useArchives.getState().fit?.revision).toBe(2);
    removeArchive(id);
    expect(useArchives.getState().archives).toEqual([]);
    forgetUrl('https://data.example/remote.pmtiles');
    expect(useArchives.getState().remembered).toEqual([]);
    expect(JSON.parse(localStorage.getItem('atlas.pmtiles.urls')!)).toEqual([]);
  });
});
