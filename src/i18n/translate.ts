import type { Lang } from '../url/view-state.ts';
import { MESSAGES, type MessageKey } from './messages.ts';

/** A UI string in `lang`, with `{name}` placeholders filled from `values` (as text, never HTML). */
export function translate(lang: Lang, key: MessageKey, values?: Record<string, string | number>): string {
  // A key from data (e.g. a status) may be unknown: show it as it is rather than fail.
  const template = MESSAGES[lang][key] ?? key;
  return values ? fillTemplate(template, values) : template;
}

/** Fills a template's `{name}` placeholders from `values` (as text, never HTML). */
export function fillTemplate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

/** Number formatting in the language's convention. */
// Building an Intl.NumberFormat costs far more than using one (≈ 260 ms of a park page's first
// render went into constructing them), so one is kept per language and digit count.
const numberFormats = new Map<string, Intl.NumberFormat>();

export function formatNumber(lang: Lang, value: number, maximumFractionDigits = 2): string {
  const key = `${lang}:${maximumFractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { maximumFractionDigits });
    numberFormats.set(key, format);
  }
  return format.format(value);
}
