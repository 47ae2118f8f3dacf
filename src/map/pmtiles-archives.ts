/**
 * Opens PMTiles archives with the `pmtiles` package (v4) — a local File through its FileSource, a
 * URL through its FetchSource (HTTP range requests) — reads the header and metadata (vector layers,
 * bounds, zooms, attribution) and serves tiles to the `atlas-pmtiles://` protocol (archive-layers.ts).
 * The archive never loads whole: only its header, directories and the tiles in view are read.
 *
 * Every way an archive can be wrong ends in an ArchiveError with a code the UI words in both
 * languages; nothing here throws anything else, and a failed open registers nothing.
 *
 * Loaded on demand (the data panel's archive section and the tile loader), never at first paint.
 */
import { Compression, FetchSource, FileSource, PMTiles, TileType } from 'pmtiles';

export type ArchiveErrorCode =
  /** The bytes are not a PMTiles archive (wrong magic), or an HTML page. */
  | 'not-pmtiles'
  /** A PMTiles archive of raster tiles (PNG, JPEG, WebP, AVIF): not a vector layer. */
  | 'raster'
  /** A PMTiles archive this reader cannot use (spec version, MapLibre Tiles, unknown tile type). */
  | 'unsupported'
  /** Vector tiles but no `vector_layers` in the metadata: the layer names are unknown. */
  | 'no-layers'
  /** Not an http(s) URL. */
  | 'bad-url'
  /** The request did not reach a server (offline, DNS, CORS refused). */
  | 'unreachable'
  /** The site's Content-Security-Policy does not admit the archive's origin. */
  | 'csp-blocked'
  /** The server answered with an error status (`detail` holds it). */
  | 'http-status'
  /** The server ignores HTTP Range requests (answers 200 with the whole file). */
  | 'no-range';

export class ArchiveError extends Error {
  constructor(
    readonly code: ArchiveErrorCode,
    readonly detail = '',
  ) {
    super(`${code}${detail ? `: ${detail}` : ''}`);
    this.name = 'ArchiveError';
  }
}

export type ArchiveInput = { kind: 'file'; file: File } | { kind: 'url'; url: string };

export interface ArchiveInfo {
  /** A display name: the file name, or the URL's last path segment. */
  name: string;
  /** The absolute URL (null for a local file). */
  url: string | null;
  layers: string[];
  bounds: [number, number, number, number] | null;
  minZoom: number;
  maxZoom: number;
  /** The metadata's attribution as plain text (markup removed), or null. */
  attribution: string | null;
}

const MAGIC = 'PMTiles';
const HEADER_BYTES = 127;
const MAX_LAYERS = 100;
const MAX_SOURCE_ZOOM = 24;
const PROBE_TIMEOUT_MS = 15_000;

const archives = new Map<string, PMTiles>();

/** Tag-free, whitespace-collapsed, bounded text (attribution often holds `<a href>` markup). */
export function plainText(value: unknown, max = 300): string | null {
  if (typeof value !== 'string') return null;
  const text = value
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text === '' ? null : text.slice(0, max);
}

function hasMagic(bytes: Uint8Array): boolean {
  if (bytes.length < 8) return false;
  return new TextDecoder('latin1').decode(bytes.subarray(0, 7)) === MAGIC;
}

/** An absolute http(s) URL (relative ones resolve against the page), or an ArchiveError. */
export function archiveUrl(raw: string, base = globalThis.location?.href): string {
  let url: URL;
  try {
    url = new URL(raw.trim(), base);
  } catch {
    throw new ArchiveError('bad-url');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ArchiveError('bad-url');
  return url.href;
}

/**
 * One small range request before pmtiles' own reads, to tell the failures apart: CSP, network,
 * status, no range support (a 200 whose first bytes are still checked for the magic), not PMTiles.
 */
async function probeUrl(url: string): Promise<void> {
  const origin = new URL(url).origin;
  let blocked = false;
  const onViolation = (e: SecurityPolicyViolationEvent) => {
    if (e.blockedURI.startsWith(origin)) blocked = true;
  };
  const doc = globalThis.document;
  doc?.addEventListener('securitypolicyviolation', onViolation);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), PROBE_TIMEOUT_MS);
  try {
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { range: `bytes=0-${HEADER_BYTES - 1}` },
        signal: controller.signal,
        cache: 'no-store',
      });
    } catch (error) {
      // The violation event is queued as a task: give it a turn before deciding.
      await new Promise((r) => setTimeout(r, 50));
      throw new ArchiveError(
        blocked ? 'csp-blocked' : 'unreachable',
        error instanceof Error ? error.message : '',
      );
    }
    if (response.status === 416) throw new ArchiveError('not-pmtiles');
    if (response.status >= 400) throw new ArchiveError('http-status', String(response.status));
    // Only the first bytes: a server without range support would send the whole file.
    const reader = response.body?.getReader();
    let first = new Uint8Array(0);
    while (reader && first.length < 8) {
      const { value, done } = await reader.read();
      if (done || !value) break;
      const joined = new Uint8Array(first.length + value.length);
      joined.set(first);
      joined.set(value, first.length);
      first = joined;
    }
    void reader?.cancel().catch(() => {});
    if (!hasMagic(first)) throw new ArchiveError('not-pmtiles');
    if (response.status !== 206) throw new ArchiveError('no-range');
  } finally {
    clearTimeout(timer);
    doc?.removeEventListener('securitypolicyviolation', onViolation);
  }
}

function classify(error: unknown): ArchiveError {
  if (error instanceof ArchiveError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (/magic number/i.test(message)) return new ArchiveError('not-pmtiles');
  if (/spec version/i.test(message)) return new ArchiveError('unsupported', message);
  if (/Byte Serving|content-length/i.test(message)) return new ArchiveError('no-range');
  if (/Bad response code: (\d+)/.test(message))
    return new ArchiveError('http-status', /(\d+)/.exec(message)?.[1] ?? '');
  if (error instanceof TypeError) return new ArchiveError('unreachable', message);
  // Anything else from a malformed archive (bad directory, bad JSON metadata).
  return new ArchiveError('not-pmtiles', message);
}

function layerIds(metadata: unknown): string[] {
  const list = (metadata as { vector_layers?: unknown } | null)?.vector_layers;
  if (!Array.isArray(list)) return [];
  const ids = list
    .map((l) => (l as { id?: unknown } | null)?.id)
    .filter((id): id is string => typeof id === 'string' && id !== '' && id.length <= 200);
  return [...new Set(ids)].slice(0, MAX_LAYERS);
}

function validBounds(h: { minLon: number; minLat: number; maxLon: number; maxLat: number }) {
  const b: [number, number, number, number] = [h.minLon, h.minLat, h.maxLon, h.maxLat];
  const ok =
    b.every(Number.isFinite) &&
    h.minLon < h.maxLon &&
    h.minLat < h.maxLat &&
    h.minLat >= -90 &&
    h.maxLat <= 90;
  return ok ? b : null;
}

function nameOf(input: ArchiveInput, url: string | null): string {
  if (input.kind === 'file') return input.file.name;
  const segment = new URL(url!).pathname.split('/').filter(Boolean).pop();
  return segment ? decodeURIComponent(segment) : new URL(url!).host;
}

/**
 * Opens an archive and registers it under `id` for the tile loader. Resolves with what the UI and
 * the map need; rejects only with an ArchiveError (and then registers nothing).
 */
export async function openArchive(id: string, input: ArchiveInput): Promise<ArchiveInfo> {
  try {
    let archive: PMTiles;
    let url: string | null = null;
    if (input.kind === 'file') {
      const head = new Uint8Array(await input.file.slice(0, HEADER_BYTES).arrayBuffer());
      if (!hasMagic(head)) throw new ArchiveError('not-pmtiles');
      archive = new PMTiles(new FileSource(input.file));
    } else {
      url = archiveUrl(input.url);
      await probeUrl(url);
      archive = new PMTiles(new FetchSource(url));
    }
    const header = await archive.getHeader();
    if (header.specVersion !== 3) throw new ArchiveError('unsupported', `v${header.specVersion}`);
    switch (header.tileType) {
      case TileType.Mvt:
        break;
      case TileType.Png:
      case TileType.Jpeg:
      case TileType.Webp:
      case TileType.Avif:
        throw new ArchiveError('raster');
      default:
        throw new ArchiveError('unsupported', `tile type ${header.tileType}`);
    }
    // The reader decompresses gzip only (the browser's DecompressionStream); Brotli or Zstandard
    // tiles would all come out unreadable, so say so now rather than draw nothing.
    for (const c of [header.tileCompression, header.internalCompression])
      if (c === Compression.Brotli || c === Compression.Zstd)
        throw new ArchiveError('unsupported', c === Compression.Brotli ? 'Brotli' : 'Zstandard');
    const metadata = await archive.getMetadata();
    const layers = layerIds(metadata);
    if (layers.length === 0) throw new ArchiveError('no-layers');
    archives.set(id, archive);
    return {
      name: nameOf(input, url).slice(0, 200),
      url,
      layers,
      bounds: validBounds(header),
      // MapLibre's tile pyramid stops at z24 and over-zooms the deepest tiles beyond.
      minZoom: Math.min(header.minZoom, MAX_SOURCE_ZOOM),
      maxZoom: Math.min(Math.max(header.minZoom, header.maxZoom), MAX_SOURCE_ZOOM),
      attribution: plainText((metadata as { attribution?: unknown }).attribution),
    };
  } catch (error) {
    throw classify(error);
  }
}

export function closeArchive(id: string): void {
  archives.delete(id);
}

/** The tile loader for archive-layers.ts: MVT bytes, or null (no tile, unknown archive, a failed read). */
export async function archiveTile(
  id: string,
  z: number,
  x: number,
  y: number,
  signal?: AbortSignal,
): Promise<ArrayBuffer | null> {
  const archive = archives.get(id);
  if (!archive) return null;
  try {
    const tile = await archive.getZxy(z, x, y, signal);
    return tile ? tile.data : null;
  } catch {
    // A tile that cannot be read (server gone, file revoked) is drawn empty rather than failing
    // the whole map; the rest of the archive keeps working.
    return null;
  }
}
