/**
 * The bilingual precision note (`precisionNote: { zh, en }`, src/data/schemas.ts): one rule shared by the
 * geodata and content checks, so a bad note is reported the same way everywhere — file, feature and
 * field `precisionNote`, `precisionNote.zh` or `precisionNote.en`.
 */
import type { CheckFinding } from './types.ts';

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff]/;

export interface PrecisionNoteOptions {
  /** A note is required (e.g. approximate facilities); otherwise only a note that is present is checked. */
  required?: boolean;
  /** Why it is required, for the message. */
  requiredBecause?: string;
}

/** Findings for one feature's `precisionNote` (an absent optional note is fine). */
export function precisionNoteFindings(
  file: string,
  featureId: string | undefined,
  note: unknown,
  options: PrecisionNoteOptions = {},
): CheckFinding[] {
  const at = (field: string, message: string): CheckFinding => ({
    level: 'error',
    file,
    ...(featureId !== undefined ? { featureId } : {}),
    field,
    message,
  });
  if (note === undefined || note === null) {
    return options.required
      ? [at('precisionNote', options.requiredBecause ?? 'a precision note is required')]
      : [];
  }
  if (typeof note === 'string')
    return [at('precisionNote', 'precision note must be bilingual { zh, en }, not a plain string')];
  if (typeof note !== 'object' || Array.isArray(note))
    return [at('precisionNote', 'precision note must be an object { zh, en }')];
  const n = note as Record<string, unknown>;
  const out: CheckFinding[] = [];
  for (const lang of ['zh', 'en'] as const) {
    const s = n[lang];
    if (typeof s !== 'string' || s.trim() === '')
      out.push(
        at(`precisionNote.${lang}`, lang === 'zh' ? 'missing Chinese text' : 'missing English translation'),
      );
  }
  if (out.length === 0) {
    const zh = n.zh as string;
    if (!CJK.test(zh))
      out.push(at('precisionNote.zh', 'Chinese text has no Chinese characters (untranslated?)'));
    else if (zh.trim() === (n.en as string).trim())
      out.push(at('precisionNote.zh', 'Chinese text is the same as the English'));
  }
  return out;
}

/** True for a zod issue about a precision note (reported by precisionNoteFindings instead). */
export function isPrecisionNoteIssue(path: readonly PropertyKey[]): boolean {
  return path.includes('precisionNote');
}
