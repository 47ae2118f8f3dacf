import { useState } from 'react';
import { useLang } from '../../i18n/use-lang.ts';
import { THEME } from '../../map/theme.ts';
import { useViewState } from '../../url/use-view-state.ts';
import { LAYER_GROUPS, type LayerGroup } from '../../url/view-state.ts';
import { BasemapPicker } from '../basemap/BasemapPicker.tsx';

function Swatch({ group }: { group: LayerGroup }) {
  switch (group) {
    case 'parks':
      return (
        <span
          className="swatch swatch--area"
          style={{ background: `${THEME.park}55`, borderColor: THEME.parkLine }}
        />
      );
    case 'transit-open':
      return <span className="swatch swatch--line" style={{ borderTopColor: '#1971c2' }} />;
    case 'transit-planned':
      return <span className="swatch swatch--line swatch--dashed" style={{ borderTopColor: '#1971c2' }} />;
    case 'stations':
      return <span className="swatch swatch--dot" style={{ borderColor: THEME.stationStroke }} />;
    case 'hubs':
      return <span className="swatch swatch--dot swatch--filled" style={{ background: THEME.hub }} />;
    case 'facilities':
      return (
        <span
          className="swatch swatch--dot swatch--filled"
          style={{ background: THEME.facility.education }}
        />
      );
    case 'catchments':
      return (
        <span
          className="swatch swatch--area"
          style={{ background: `${THEME.catchmentOpen}33`, borderColor: THEME.catchmentOpen }}
        />
      );
    case 'districts':
      return (
        <span className="swatch swatch--line swatch--dashed" style={{ borderTopColor: THEME.districtLine }} />
      );
  }
}

/** Legend for every layer group, each with a show/hide toggle kept in the URL. */
export function Legend() {
  const { t } = useLang();
  const { state, update } = useViewState();
  const visible = new Set(state.layers);
  // Open on wide screens; on a phone the legend starts folded so it does not cover the map.
  const [open, setOpen] = useState(() => window.matchMedia?.('(min-width: 801px)').matches ?? true);
  const toggle = (group: LayerGroup) => {
    const next = new Set(visible);
    if (next.has(group)) next.delete(group);
    else next.add(group);
    update({ layers: LAYER_GROUPS.filter((g) => next.has(g)) }, { replace: true });
  };
  return (
    <details className="legend" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="legend__heading">{t('legend.heading')}</summary>
      <ul className="legend__items">
        {LAYER_GROUPS.map((group) => (
          <li key={group} className="legend__item">
            <label>
              <input
                type="checkbox"
                checked={visible.has(group)}
                onChange={() => toggle(group)}
                data-layer-group={group}
              />
              <Swatch group={group} />
              <span>{t(`layer.${group}`)}</span>
            </label>
            {group === 'transit-planned' && visible.has(group) ? (
              <ul className="legend__sub">
                <li>
                  <span
                    className="swatch swatch--line swatch--dashed"
                    style={{ borderTopColor: THEME.road }}
                  />
                  {t('legend.road')}
                </li>
                <li>
                  <span className="swatch swatch--dot" style={{ borderColor: THEME.stationPlannedStroke }} />
                  {t('legend.planned')} / {t('legend.schematic')}
                </li>
              </ul>
            ) : null}
            {group === 'facilities' && visible.has(group) ? (
              <ul className="legend__sub legend__sub--grid">
                {(Object.keys(THEME.facility) as (keyof typeof THEME.facility)[]).map((category) => (
                  <li key={category}>
                    <span
                      className="swatch swatch--dot swatch--filled"
                      style={{ background: THEME.facility[category] }}
                    />
                    {t(`category.${category}`)}
                  </li>
                ))}
                <li className="legend__note-row">{t('legend.facilityPrecision')}</li>
              </ul>
            ) : null}
            {group === 'parks' && visible.has(group) ? (
              <p className="legend__note">{t('park.precisionNote')}</p>
            ) : null}
          </li>
        ))}
      </ul>
      {/* The embedded basemap's street context is partial: say where it exists and what to do elsewhere. */}
      {state.basemap === 'embedded' ? (
        <div className="legend__basemap" data-testid="basemap-coverage">
          <ul className="legend__sub">
            <li>
              <span className="swatch swatch--line" style={{ borderTopColor: THEME.motorwayCasing }} />
              {t('legend.basemapRoads')}
            </li>
          </ul>
          <p className="legend__note">{t('legend.basemapCoverage')}</p>
        </div>
      ) : null}
      <BasemapPicker />
    </details>
  );
}
