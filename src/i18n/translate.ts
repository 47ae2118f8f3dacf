import type { Lang } from '../url/view-state.ts';
import { MESSAGES, type MessageKey } from './messages.ts';

/** A UI string in `lang`, with `{name}` placeholders filled from `values` (as text, never HTML). */
export function translate(lang: Lang, key: MessageKey, values?: Record<string, string | number>): string {
  // A key from data (e.g. a status) may be unknown: show it as it is rather than fail.
  const template = MESSAGES[lang][key] ?? key;
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

/** Number formatting in the language's convention. */
export function formatNumber(lang: Lang, value: number, maximumFractionDigits = 2): string {
  return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { maximumFractionDigits }).format(value);
}
