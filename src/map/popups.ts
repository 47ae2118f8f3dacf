/** Which popup a clicked feature gets. Every value is read as text (see popup-content.ts). */
import type { MessageKey } from '../i18n/messages.ts';
import { translate } from '../i18n/translate.ts';
import type { Lang } from '../url/view-state.ts';
import { LAYER } from './ids.ts';
import { bilingualTitle, type PopupRow, popupNode, readBilingual } from './popup-content.ts';

function maybeKey(prefix: string, value: unknown): MessageKey | null {
  return typeof value === 'string' ? (`${prefix}.${value}` as MessageKey) : null;
}

function translated(lang: Lang, prefix: string, value: unknown): string {
  const key = maybeKey(prefix, value);
  return key ? translate(lang, key) : '';
}

/** Builds the popup body for a feature drawn by `layerId`. */
export function popupContentFor(
  layerId: string,
  properties: Record<string, unknown>,
  lang: Lang,
): HTMLElement {
  const p = properties;
  const { title, subtitle } = bilingualTitle(p, lang);
  const rows: PopupRow[] = [];
  const t = (key: MessageKey) => translate(lang, key);
  const precision = translated(lang, 'precision', p.precision);
  const note = readBilingual(p.precisionNote, lang);
  switch (layerId) {
    case LAYER.facility: {
      rows.push({
        label: t('popup.category'),
        value: translated(lang, 'category', p.category),
      });
      rows.push({
        label: t('popup.status'),
        value: translated(lang, 'facility.status', p.status),
      });
      break;
    }
    case LAYER.stationOpen:
    case LAYER.stationPlanned:
      rows.push({ label: t('popup.status'), value: translated(lang, 'status', p.status) });
      if (Array.isArray(p.lineIds)) rows.push({ label: t('popup.lines'), value: p.lineIds.join(', ') });
      break;
    case LAYER.hub:
      break;
    default: {
      rows.push({
        label: t('popup.statusNow'),
        value: translated(lang, 'status', p.status),
      });
      const planText = readBilingual(p.planText, lang);
      if (planText) rows.push({ label: t('popup.planSays'), value: planText });
    }
  }
  if (precision)
    rows.push({ label: t('park.precision'), value: note ? `${precision} — ${note}` : precision });
  return popupNode(title, subtitle, rows);
}
