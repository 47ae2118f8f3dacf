/**
 * What changes the archive store (archive-store.ts): opening, restyling, removing, zooming to an
 * archive, forgetting a URL. Used by the data panel only, so it stays out of the first paint.
 */
import {
  ARCHIVE_COLORS,
  type ArchiveEntry,
  type ArchiveErrorCode,
  MAX_REMEMBERED,
  reader,
  useArchives,
  writeRemembered,
} from './archive-store.ts';

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
