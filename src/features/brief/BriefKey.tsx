/**
 * A compact, read-only key for the layers a slide shows (the atlas's legend toggles layers through
 * the URL; in a briefing the slide decides them, so only the key is shown).
 */
// This page's strings load with it (kept out of the first-paint bundle).
import '../../i18n/page-messages.ts';
import { translate } from '../../i18n/translate.ts';
import { THEME } from '../../map/theme.ts';
import type { Lang, LayerGroup } from '../../url/view-state.ts';
import type { BriefLangMode } from './briefing-state.ts';

const SWATCH: Record<LayerGroup, { className: string; style: React.CSSProperties }> = {
  parks: {
    className: 'swatch swatch--area',
    style: { background: `${THEME.park}55`, borderColor: THEME.parkLine },
  },
  'transit-open': { className: 'swatch swatch--line', style: { borderTopColor: '#1971c2' } },
  'transit-planned': {
    className: 'swatch swatch--line swatch--dashed',
    style: { borderTopColor: '#1971c2' },
  },
  stations: { className: 'swatch swatch--dot', style: { borderColor: THEME.stationStroke } },
  hubs: { className: 'swatch swatch--dot swatch--filled', style: { background: THEME.hub } },
  facilities: {
    className: 'swatch swatch--dot swatch--filled',
    style: { background: THEME.facility.education },
  },
  catchments: {
    className: 'swatch swatch--area',
    style: { background: `${THEME.catchmentOpen}33`, borderColor: THEME.catchmentOpen },
  },
  districts: {
    className: 'swatch swatch--line swatch--dashed',
    style: { borderTopColor: THEME.districtLine },
  },
};

export function BriefKey({ groups, mode }: { groups: readonly LayerGroup[]; mode: BriefLangMode }) {
  const langs: Lang[] = mode === 'both' ? ['zh', 'en'] : [mode];
  if (groups.length === 0) return null;
  return (
    <aside
      className="brief__key"
      aria-label={translate(langs[0] ?? 'zh', 'brief.key')}
      data-testid="brief-key"
    >
      <ul>
        {groups.map((group) => (
          <li key={group} data-group={group}>
            <span className={SWATCH[group].className} style={SWATCH[group].style} />
            <span>{langs.map((lang) => translate(lang, `layer.${group}`)).join(' · ')}</span>
          </li>
        ))}
      </ul>
    </aside>
  );
}
