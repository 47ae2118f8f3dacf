/**
 * Zip reading for KMZ, zipped Shapefiles and xlsx, with fflate. Guards against zip bombs twice: the
 * sizes the central directory declares are summed first (cheap, catches honest bombs), then the bytes
 * actually inflated are counted while streaming and the stream is stopped at the cap (catches
 * archives that lie about their sizes).
 */
import { Unzip, UnzipInflate, unzipSync } from 'fflate';

export class ZipBombError extends Error {}
export class BadZipError extends Error {}

export interface ZipEntryInfo {
  name: string;
  /** Compressed size. */
  size: number;
  /** Uncompressed size as declared by the archive (may lie). */
  originalSize: number;
}

/** Lists the entries from the central directory without inflating anything. Throws BadZipError. */
export function listZipEntries(bytes: Uint8Array): ZipEntryInfo[] {
  const out: ZipEntryInfo[] = [];
  try {
    unzipSync(bytes, {
      filter: (f) => {
        out.push({ name: f.name, size: f.size, originalSize: f.originalSize });
        return false;
      },
    });
  } catch (e) {
    throw new BadZipError(String(e));
  }
  return out;
}

/**
 * Inflates the entries `want` accepts. Throws ZipBombError when their declared or actual expanded
 * size passes `maxBytes`, BadZipError when the archive cannot be read. Directory entries and macOS
 * resource forks are skipped.
 */
export function readZip(
  bytes: Uint8Array,
  want: (name: string) => boolean,
  maxBytes: number,
): Record<string, Uint8Array> {
  const entries = listZipEntries(bytes);
  const keep = (name: string) => !name.endsWith('/') && !name.includes('__MACOSX') && want(name);
  const declared = entries.filter((e) => keep(e.name)).reduce((s, e) => s + e.originalSize, 0);
  if (declared > maxBytes) throw new ZipBombError('declared size over the cap');

  const chunks = new Map<string, Uint8Array[]>();
  let total = 0;
  let bomb = false;
  let failure: unknown = null;
  const unzip = new Unzip((file) => {
    if (bomb || !keep(file.name)) return;
    const parts: Uint8Array[] = [];
    chunks.set(file.name, parts);
    file.ondata = (err, chunk) => {
      if (err) {
        failure = err;
        return;
      }
      if (bomb) return;
      total += chunk.length;
      if (total > maxBytes) {
        bomb = true;
        parts.length = 0;
        file.terminate();
        return;
      }
      parts.push(chunk);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    unzip.push(bytes, true);
  } catch (e) {
    if (!bomb) throw new BadZipError(String(e));
  }
  if (bomb) throw new ZipBombError('inflated size over the cap');
  if (failure) throw new BadZipError(String(failure));

  const out: Record<string, Uint8Array> = {};
  for (const [name, parts] of chunks) out[name] = concat(parts);
  return out;
}

/** Counts the bytes the whole archive inflates to, stopping at `maxBytes` (no data kept). */
export function checkZipExpansion(bytes: Uint8Array, maxBytes: number): void {
  readZipCounting(bytes, maxBytes);
}

function readZipCounting(bytes: Uint8Array, maxBytes: number): void {
  const entries = listZipEntries(bytes);
  if (entries.reduce((s, e) => s + e.originalSize, 0) > maxBytes)
    throw new ZipBombError('declared size over the cap');
  let total = 0;
  let bomb = false;
  const unzip = new Unzip((file) => {
    if (bomb) return;
    file.ondata = (_err, chunk) => {
      if (bomb) return;
      total += chunk.length;
      if (total > maxBytes) {
        bomb = true;
        file.terminate();
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    unzip.push(bytes, true);
  } catch (e) {
    if (!bomb) throw new BadZipError(String(e));
  }
  if (bomb) throw new ZipBombError('inflated size over the cap');
}

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0] as Uint8Array;
  const n = parts.reduce((s, p) => s + p.length, 0);
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
