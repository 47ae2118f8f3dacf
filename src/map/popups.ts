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
        label: lang === 'zh' ? '类别' : 'Category',
        value: translated(lang, 'category', p.category),
      });
      rows.push({
        label: lang === 'zh' ? '状态' : 'Status',
        value: translated(lang, 'facility.status', p.status),
      });
      break;
    }
    case LAYER.stationOpen:
    case LAYER.stationPlanned:
      rows.push({ label: lang === 'zh' ? '状态' : 'Status', value: translated(lang, 'status', p.status) });
      if (Array.isArray(p.lineIds))
        rows.push({ label: lang === 'zh' ? '线路' : 'Lines', value: p.lineIds.join(', ') });
      break;
    case LAYER.hub:
      break;
    default: {
      rows.push({
        label: lang === 'zh' ? '现状' : 'Status now',
        value: translated(lang, 'status', p.status),
      });
      const planText = readBilingual(p.planText, lang);
      if (planText) rows.push({ label: lang === 'zh' ? '方案表述' : 'The plan says', value: planText });
    }
  }
  if (precision)
    rows.push({ label: t('park.precision'), value: note ? `${precision} — ${note}` : precision });
  return popupNode(title, subtitle, rows);
}
