/**
 * Format detection: by content first (magic bytes, the first non-blank character, the root XML
 * element, the names inside a zip), by file name only when the content is plain text that could be
 * anything (CSV). A misnamed file is read as what it is, or refused as what it is.
 */
import type { ImportFormat } from '../types.ts';
import { looksBinary } from './text.ts';
import { listZipEntries } from './zip.ts';

export type Detected =
  | { format: ImportFormat; kind: 'ok' }
  /** Content that is known not to be geodata (an image, a PDF …), or undecidable binary. */
  | { format: 'unknown'; kind: 'binary' | 'not-data' | 'not-zip' | 'unknown'; what?: string };

const MAGIC: { what: string; bytes: number[] }[] = [
  { what: 'PNG', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { what: 'JPEG', bytes: [0xff, 0xd8, 0xff] },
  { what: 'GIF', bytes: [0x47, 0x49, 0x46, 0x38] },
  { what: 'PDF', bytes: [0x25, 0x50, 0x44, 0x46] },
  { what: 'gzip', bytes: [0x1f, 0x8b] },
  { what: 'RAR', bytes: [0x52, 0x61, 0x72, 0x21] },
  { what: '7z', bytes: [0x37, 0x7a, 0xbc, 0xaf] },
  { what: 'OLE (.xls/.doc)', bytes: [0xd0, 0xcf, 0x11, 0xe0] },
];

export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

export function isZip(bytes: Uint8Array): boolean {
  return (
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    (bytes[2] === 0x03 || bytes[2] === 0x05) &&
    (bytes[3] === 0x04 || bytes[3] === 0x06)
  );
}

export function detectFormat(bytes: Uint8Array, fileName: string): Detected {
  const ext = extensionOf(fileName);
  if (isZip(bytes)) {
    let names: string[];
    try {
      names = listZipEntries(bytes).map((e) => e.name.toLowerCase());
    } catch {
      return { format: 'unknown', kind: 'not-zip' };
    }
    if (names.some((n) => n === '[content_types].xml' || n.startsWith('xl/')))
      return { format: 'xlsx', kind: 'ok' };
    if (names.some((n) => n.endsWith('.kml'))) return { format: 'kmz', kind: 'ok' };
    if (names.some((n) => /\.(shp|dbf|shx|prj|cpg)$/.test(n))) return { format: 'shapefile', kind: 'ok' };
    if (ext === 'kmz') return { format: 'kmz', kind: 'ok' };
    if (ext === 'xlsx') return { format: 'xlsx', kind: 'ok' };
    return { format: 'shapefile', kind: 'ok' };
  }
  for (const m of MAGIC) {
    if (m.bytes.every((b, i) => bytes[i] === b)) return { format: 'unknown', kind: 'not-data', what: m.what };
  }
  if (looksBinary(bytes)) {
    return {
      format: 'unknown',
      kind: ext === 'xlsx' || ext === 'kmz' || ext === 'zip' ? 'not-zip' : 'binary',
    };
  }
  // A zip format by name whose content is not a zip is refused as such rather than guessed at.
  if (ext === 'xlsx' || ext === 'kmz' || ext === 'zip') return { format: 'unknown', kind: 'not-zip' };
  const first = firstChar(bytes);
  if (first === '{' || first === '[') return { format: 'geojson', kind: 'ok' };
  if (first === '<') return { format: 'kml', kind: 'ok' };
  // Text that opens with neither JSON nor XML is read as a table whatever its name says.
  if (first === '')
    return { format: ext === 'csv' || ext === 'txt' || ext === 'tsv' ? 'csv' : 'unknown', kind: 'ok' };
  return { format: 'csv', kind: 'ok' };
}

/** First non-blank ASCII character after any BOM ('' if none within 1 KB). */
function firstChar(bytes: Uint8Array): string {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  // UTF-16 BOM: step two bytes at a time over the code units' low bytes.
  const step = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) ? 2 : 1;
  if (step === 2) i = bytes[0] === 0xff ? 2 : 3;
  for (let n = 0; i < bytes.length && n < 1024; i += step, n++) {
    const b = bytes[i] as number;
    if (b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d) continue;
    return String.fromCharCode(b);
  }
  return '';
}
