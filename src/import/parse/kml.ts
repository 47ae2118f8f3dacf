/** KML with @tmcw/togeojson over @xmldom/xmldom (no DOMParser in a worker); KMZ through zip.ts. */

import { kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import { IMPORT_LIMITS } from '../types.ts';
import { notes } from './notes.ts';
import { decodeText } from './text.ts';
import { type ValidateResult, validateFeatures } from './validate.ts';
import { readZip } from './zip.ts';

export function parseKml(bytes: Uint8Array): ValidateResult {
  const decoded = decodeText(bytes);
  let doc: unknown;
  try {
    doc = new DOMParser({
      // Any error (not just fatal ones) means the KML is not what its author meant: refuse it.
      onError: (level, message) => {
        if (level !== 'warning') throw new Error(message);
      },
    }).parseFromString(decoded.text, 'text/xml');
  } catch {
    return { features: [], notes: [], reasons: [notes.invalidXml()], droppedCount: 0 };
  }
  const root = (doc as { documentElement?: { localName?: string } | null }).documentElement;
  if (root?.localName !== 'kml') {
    return { features: [], notes: [], reasons: [notes.invalidXml()], droppedCount: 0 };
  }
  // togeojson is typed against lib.dom's Document; xmldom's implements the parts it walks.
  const fc = kml(doc as unknown as Document);
  const result = validateFeatures(fc.features);
  if (decoded.bom) result.notes.unshift(notes.bomStripped());
  return result;
}

/** KMZ: the first .kml in the archive (doc.kml by convention). Zip errors propagate to parseFile. */
export function parseKmz(bytes: Uint8Array): ValidateResult {
  const files = readZip(bytes, (n) => n.toLowerCase().endsWith('.kml'), IMPORT_LIMITS.maxUnzippedBytes);
  const names = Object.keys(files).sort((a, b) =>
    a.toLowerCase() === 'doc.kml' ? -1 : b.toLowerCase() === 'doc.kml' ? 1 : a.localeCompare(b),
  );
  const first = names[0];
  if (first === undefined) return { features: [], notes: [], reasons: [notes.kmzNoKml()], droppedCount: 0 };
  return parseKml(files[first] as Uint8Array);
}
