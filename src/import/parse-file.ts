/**
 * Parses one file into WGS-84 features with a classified outcome. Runs in the import worker (no DOM).
 *
 * Order of defence: size before reading anything; format by content (parse/detect.ts); zips capped
 * while inflating (parse/zip.ts); JSON depth scanned before JSON.parse (parse/validate.ts); then every
 * feature checked and repaired with notes; finally the stated datum converted with gcoord.
 */
import { convertFeatures } from './datum.ts';
import { detectFormat } from './parse/detect.ts';
import { parseGeoJson } from './parse/geojson.ts';
import { parseKml, parseKmz } from './parse/kml.ts';
import { notes, REPAIR_CODES } from './parse/notes.ts';
import { parseShapefileZip } from './parse/shapefile.ts';
import { inspect, readCsv, readXlsx, tableToFeatures } from './parse/table.ts';
import type { ValidateResult } from './parse/validate.ts';
import { BadZipError, ZipBombError } from './parse/zip.ts';
import {
  IMPORT_LIMITS,
  type ImportFormat,
  type ParseOptions,
  type ParseResult,
  type ReportNote,
  type TableInspection,
} from './types.ts';

function rejected(format: ImportFormat, reason: ReportNote, extra: Partial<ParseResult> = {}): ParseResult {
  return {
    format,
    outcome: 'rejected',
    features: [],
    notes: [],
    reasons: [reason],
    droppedCount: 0,
    ...extra,
  };
}

/** Parses `bytes` (named `fileName`, untrusted) as stated by `options`. Never throws. */
export async function parseFile(
  bytes: Uint8Array,
  fileName: string,
  options: ParseOptions,
): Promise<ParseResult> {
  if (bytes.length > IMPORT_LIMITS.maxFileBytes) {
    return rejected('unknown', notes.fileTooLarge(bytes.length, IMPORT_LIMITS.maxFileBytes));
  }
  if (bytes.length === 0 || isBlank(bytes)) return rejected('unknown', notes.emptyFile());
  let format: ImportFormat = 'unknown';
  try {
    const detected = detectFormat(bytes, fileName);
    format = detected.format;
    if (detected.kind === 'not-data') return rejected('unknown', notes.notADataFile(detected.what ?? '?'));
    if (detected.kind === 'binary') return rejected('unknown', notes.binaryContent());
    if (detected.kind === 'not-zip') return rejected('unknown', notes.badZip());
    let result: ValidateResult & { table?: TableInspection };
    switch (detected.format) {
      case 'geojson':
        result = parseGeoJson(bytes);
        break;
      case 'kml':
        result = parseKml(bytes);
        break;
      case 'kmz':
        result = parseKmz(bytes);
        break;
      case 'shapefile':
        result = parseShapefileZip(bytes);
        break;
      case 'csv':
        result = tableToFeatures(readCsv(bytes, options.encoding), options.columns);
        break;
      case 'xlsx':
        result = tableToFeatures(readXlsx(bytes), options.columns);
        break;
      default:
        return rejected('unknown', notes.unknownFormat());
    }
    const table = result.table ? { table: result.table } : {};
    if (result.reasons.length > 0) {
      return {
        format,
        outcome: 'rejected',
        features: [],
        notes: result.notes,
        reasons: result.reasons,
        droppedCount: result.droppedCount,
        ...table,
      };
    }
    let features = result.features;
    const out: ReportNote[] = [...result.notes];
    if (options.datum !== 'wgs84') {
      features = convertFeatures(features, options.datum);
      out.push(notes.datumConverted(options.datum === 'gcj02' ? 'GCJ-02' : 'BD-09'));
    }
    const outcome = out.some((n) => REPAIR_CODES.has(n.code)) ? 'repaired' : 'accepted';
    return {
      format,
      outcome,
      features,
      notes: out,
      reasons: [],
      droppedCount: result.droppedCount,
      ...table,
    };
  } catch (e) {
    if (e instanceof ZipBombError) return rejected(format, notes.zipBomb(IMPORT_LIMITS.maxUnzippedBytes));
    if (e instanceof BadZipError) return rejected(format, notes.badZip());
    if (format === 'xlsx') return rejected(format, notes.xlsxUnreadable());
    // Anything a parser library throws on hostile input is a refusal, never an uncaught error.
    return rejected(format, notes.unreadable());
  }
}

/**
 * Looks at a tabular file for the column-mapping step (CSV, xlsx). Other formats, and files that
 * cannot be read, answer with their format and no table. Never throws.
 */
export async function inspectTable(
  bytes: Uint8Array,
  fileName: string,
  encoding?: 'utf-8' | 'gbk',
): Promise<{ format: ImportFormat; table?: TableInspection }> {
  if (bytes.length === 0 || bytes.length > IMPORT_LIMITS.maxFileBytes) return { format: 'unknown' };
  try {
    const detected = detectFormat(bytes, fileName);
    if (detected.kind !== 'ok') return { format: 'unknown' };
    if (detected.format === 'csv') return { format: 'csv', table: inspect(readCsv(bytes, encoding)) };
    if (detected.format === 'xlsx') return { format: 'xlsx', table: inspect(readXlsx(bytes)) };
    return { format: detected.format };
  } catch {
    return { format: 'unknown' };
  }
}

function isBlank(bytes: Uint8Array): boolean {
  if (bytes.length > 64) return false;
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (; i < bytes.length; i++) {
    const b = bytes[i];
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return false;
  }
  return true;
}
