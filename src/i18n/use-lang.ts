import { useMemo } from 'react';
import type { Bilingual } from '../data/schemas.ts';
import { useViewPart } from '../url/use-view-state.ts';
import type { Lang } from '../url/view-state.ts';
import type { MessageKey } from './messages.ts';
import { formatNumber, translate } from './translate.ts';

export interface Translator {
  lang: Lang;
  t: (key: MessageKey, values?: Record<string, string | number>) => string;
  /** The current language's side of a bilingual text. */
  b: (text: Bilingual | undefined | null) => string;
  n: (value: number, maximumFractionDigits?: number) => string;
}

export function makeTranslator(lang: Lang): Translator {
  return {
    lang,
    t: (key, values) => translate(lang, key, values),
    b: (text) => (text ? text[lang] : ''),
    n: (value, digits) => formatNumber(lang, value, digits),
  };
}

/** The translator for the language in the URL. */
export function useLang(): Translator {
  const lang = useViewPart((view) => view.lang);
  return useMemo(() => makeTranslator(lang), [lang]);
}
