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
  // Count positions on the text first: a DOM of a 2M-vertex KML costs far more than refusing it.
  if (countKmlPositions(decoded.text, IMPORT_LIMITS.maxVertices) > IMPORT_LIMITS.maxVertices) {
    return {
      features: [],
      notes: [],
      reasons: [notes.tooManyVertices(IMPORT_LIMITS.maxVertices)],
      droppedCount: 0,
    };
  }
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

/** Positions in <coordinates> blocks (whitespace-separated tuples) and gx:coord elements, up to `stop`. */
export function countKmlPositions(text: string, stop: number): number {
  let n = 0;
  for (let i = text.indexOf('<coordinates'); i !== -1 && n <= stop; i = text.indexOf('<coordinates', i + 1)) {
    const end = text.indexOf('</coordinates', i);
    const stopAt = end === -1 ? text.length : end;
    let inToken = false;
    for (let k = text.indexOf('>', i) + 1; k > 0 && k < stopAt; k++) {
      const c = text.charCodeAt(k);
      const space = c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
      if (!space && !inToken) n++;
      inToken = !space;
    }
    if (end === -1) break;
  }
  for (let i = text.indexOf('<gx:coord'); i !== -1 && n <= stop; i = text.indexOf('<gx:coord', i + 1)) n++;
  return n;
}
