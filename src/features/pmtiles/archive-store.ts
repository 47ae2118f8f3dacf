/**
 * The PMTiles archives the user opened: name, source, vector layers, extent, colour, visibility,
 * and the last error. Small on purpose: the map area and the attribution read it at first paint;
 * the pmtiles reader (src/map/pmtiles-archives.ts) loads only when an archive is opened.
 *
 * A local file cannot be reopened after a reload (the browser gives no lasting access to it), so
 * only URLs are remembered (localStorage), and offered again — never opened without the user.
 */
import { useMemo } from 'react';
import { create } from 'zustand';
import type { ArchiveOnMap, ArchiveTileLoader } from '../../map/archive-layers.ts';
import type { ArchiveErrorCode } from '../../map/pmtiles-archives.ts';

export interface ArchiveEntry {
  id: string;
  name: string;
  /** The archive's URL, or null for a local file. */
  url: string | null;
  layers: string[];
  bounds: [number, number, number, number] | null;
  minZoom: number;
  maxZoom: number;
  attribution: string | null;
  color: string;
  visible: boolean;
}

export interface ArchivesState {
  archives: ArchiveEntry[];
  /** What is being opened now (a file name or URL), or null. */
  opening: string | null;
  /** The last failed open: the archives and the map are as they were. */
  error: { code: ArchiveErrorCode; detail: string; source: string } | null;
  fit: { bbox: [number, number, number, number]; revision: number } | null;
  remembered: string[];
}

const STORAGE_KEY = 'atlas.pmtiles.urls';
const MAX_REMEMBERED = 8;
/** Distinct from the atlas's own park, transit and facility colours. */
export const ARCHIVE_COLORS = ['#0077bb', '#ee7733', '#009988', '#cc3311', '#33bbee', '#ee3377'];

function readRemembered(): string[] {
  try {
    const raw = JSON.parse(globalThis.localStorage?.getItem(STORAGE_KEY) ?? '[]') as unknown;
    return Array.isArray(raw)
      ? raw.filter((u): u is string => typeof u === 'string').slice(0, MAX_REMEMBERED)
      : [];
  } catch {
    return [];
  }
}

function writeRemembered(urls: string[]): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(urls));
  } catch {
    // Storage full or blocked: remembering is a convenience only.
  }
}

export const useArchives = create<ArchivesState>(() => ({
  archives: [],
  opening: null,
  error: null,
  fit: null,
  remembered: readRemembered(),
}));

const reader = () => import('../../map/pmtiles-archives.ts');
let counter = 0;

/** Opens a local file or a URL; on failure only `error` changes. */
export async function openArchive(input: { kind: 'file'; file: File } | { kind: 'url'; url: string }) {
  const source = input.kind === 'file' ? input.file.name : input.url;
  useArchives.setState({ opening: source, error: null });
  const id = `pm-${Date.now().toString(36)}${(counter++).toString(36)}`;
  try {
    const m = await reader();
    const info = await m.openArchive(id, input).catch((error: unknown) => {
      throw error instanceof m.ArchiveError ? error : new m.ArchiveError('not-pmtiles', String(error));
    });
    useArchives.setState((s) => {
      const entry: ArchiveEntry = {
        id,
        ...info,
        color: ARCHIVE_COLORS[s.archives.length % ARCHIVE_COLORS.length]!,
        visible: true,
      };
      const remembered = info.url
        ? [info.url, ...s.remembered.filter((u) => u !== info.url)].slice(0, MAX_REMEMBERED)
        : s.remembered;
      if (info.url) writeRemembered(remembered);
      return {
        archives: [...s.archives, entry],
        opening: null,
        remembered,
        fit: info.bounds ? { bbox: info.bounds, revision: (s.fit?.revision ?? 0) + 1 } : s.fit,
      };
    });
  } catch (error) {
    const e = error as { code?: ArchiveErrorCode; detail?: string };
    useArchives.setState({
      opening: null,
      error: { code: e.code ?? 'unreachable', detail: e.detail ?? '', source },
    });
  }
}

export function updateArchive(id: string, patch: Partial<Pick<ArchiveEntry, 'color' | 'visible'>>): void {
  useArchives.setState((s) => ({ archives: s.archives.map((a) => (a.id === id ? { ...a, ...patch } : a)) }));
}

export function removeArchive(id: string): void {
  useArchives.setState((s) => ({ archives: s.archives.filter((a) => a.id !== id) }));
  void reader().then((m) => m.closeArchive(id));
}

export function forgetUrl(url: string): void {
  useArchives.setState((s) => {
    const remembered = s.remembered.filter((u) => u !== url);
    writeRemembered(remembered);
    return { remembered };
  });
}

export function zoomToArchive(id: string): void {
  useArchives.setState((s) => {
    const bounds = s.archives.find((a) => a.id === id)?.bounds;
    return bounds ? { fit: { bbox: bounds, revision: (s.fit?.revision ?? 0) + 1 } } : {};
  });
}

const archiveTileLoader: ArchiveTileLoader = (id, z, x, y) =>
  reader().then((m) => m.archiveTile(id, z, x, y));

/** What the map needs: the archives as layers (bottom to top), the tile loader, the fit request. */
export function useArchiveMap() {
  const archives = useArchives((s) => s.archives);
  const archiveFit = useArchives((s) => s.fit);
  const archiveLayers = useMemo<ArchiveOnMap[]>(
    () =>
      archives.map((a) => ({
        id: a.id,
        layers: a.layers,
        color: a.color,
        visible: a.visible,
        minzoom: a.minZoom,
        maxzoom: a.maxZoom,
        bounds: a.bounds,
      })),
    [archives],
  );
  return { archiveLayers, archiveTileLoader, archiveFit };
}
