/**
 * Text decoding for imported files: strip a BOM, try strict UTF-8, fall back to GBK (what Excel and
 * Chinese Windows write for "CSV"). TextDecoder('gbk') exists in browsers, workers and Node (ICU).
 */

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'gbk' | 'utf-16le' | 'utf-16be';
  bom: boolean;
}

/** Decodes `bytes`; `force` skips detection. Throws only if no decoder can read it (never for GBK). */
export function decodeText(bytes: Uint8Array, force?: 'utf-8' | 'gbk'): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', bom: true };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', bom: true };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', bom: true };
  }
  if (force === 'gbk') return { text: new TextDecoder('gbk').decode(bytes), encoding: 'gbk', bom: false };
  if (force === 'utf-8')
    return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8', bom: false };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', bom: false };
  } catch {
    // Not valid UTF-8: a Chinese-Windows export is GBK far more often than anything else.
    return { text: new TextDecoder('gbk').decode(bytes), encoding: 'gbk', bom: false };
  }
}

/** Whether the first bytes look like binary (NUL bytes or many control characters), not text. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  if (n === 0) return false;
  // UTF-16 text has NULs by design.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  }
  return control / n > 0.05;
}
