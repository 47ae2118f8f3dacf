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

export type { ArchiveErrorCode };

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
export const MAX_REMEMBERED = 8;
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

export function writeRemembered(urls: string[]): void {
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

/** The pmtiles reader, loaded on first use (opening an archive, or its first tile). */
export const reader = () => import('../../map/pmtiles-archives.ts');

const archiveTileLoader: ArchiveTileLoader = (id, z, x, y, signal) =>
  reader().then((m) => m.archiveTile(id, z, x, y, signal));

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
