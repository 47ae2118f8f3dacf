/**
 * Parses one file into WGS-84 features with a classified outcome. Runs in the import worker.
 * TODO(import-parse): all formats, caps, repairs, encodings; this first version reads GeoJSON only.
 */
import type { ParseOptions, ParseResult } from './types.ts';

/** Parses `bytes` (named `fileName`, untrusted) as stated by `options`. Never throws. */
export async function parseFile(
  bytes: Uint8Array,
  fileName: string,
  options: ParseOptions,
): Promise<ParseResult> {
  void fileName;
  void options;
  try {
    const doc = JSON.parse(new TextDecoder().decode(bytes)) as GeoJSON.FeatureCollection;
    return {
      format: 'geojson',
      outcome: 'accepted',
      features: doc.features,
      notes: [],
      reasons: [],
      droppedCount: 0,
    };
  } catch (e) {
    return {
      format: 'unknown',
      outcome: 'rejected',
      features: [],
      notes: [],
      reasons: [{ code: 'unreadable', en: String(e), zh: String(e) }],
      droppedCount: 0,
    };
  }
}
