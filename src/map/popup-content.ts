/**
 * Popup bodies built as DOM nodes with textContent only. Feature properties are untrusted text
 * (imported files, future data), so nothing here ever goes through an HTML parser.
 */
import type { Lang } from '../url/view-state.ts';

export interface PopupRow {
  label: string;
  value: string;
}

function readBilingual(value: unknown, lang: Lang): string | null {
  if (value && typeof value === 'object') {
    const v = value as Record<string, unknown>;
    const text = v[lang] ?? v.zh ?? v.en;
    return typeof text === 'string' ? text : null;
  }
  return typeof value === 'string' ? value : null;
}

/** Title and rows → a small DOM tree. */
export function popupNode(title: string, subtitle: string | null, rows: PopupRow[]): HTMLElement {
  const root = document.createElement('div');
  root.className = 'popup';
  const h = document.createElement('h3');
  h.className = 'popup__title';
  h.textContent = title;
  root.append(h);
  if (subtitle) {
    const s = document.createElement('p');
    s.className = 'popup__subtitle';
    s.textContent = subtitle;
    root.append(s);
  }
  if (rows.length > 0) {
    const dl = document.createElement('dl');
    dl.className = 'popup__rows';
    for (const row of rows) {
      const dt = document.createElement('dt');
      dt.textContent = row.label;
      const dd = document.createElement('dd');
      dd.textContent = row.value;
      dl.append(dt, dd);
    }
    root.append(dl);
  }
  return root;
}

/** The bilingual name of a feature: the chosen language as title, the other as subtitle. */
export function bilingualTitle(
  properties: Record<string, unknown>,
  lang: Lang,
): { title: string; subtitle: string | null } {
  const other: Lang = lang === 'zh' ? 'en' : 'zh';
  const title = readBilingual(properties.name, lang) ?? String(properties.id ?? '');
  const subtitle = readBilingual(properties.name, other);
  return { title, subtitle: subtitle && subtitle !== title ? subtitle : null };
}

export { readBilingual };
