import { useState } from 'react';
import { LINE_STATUS_FILTERS, type LineStatusFilter, SUPPORTING_CATEGORIES } from '../../data/vocabulary.ts';
import { useLang } from '../../i18n/use-lang.ts';
import { THEME } from '../../map/theme.ts';
import { useViewState } from '../../url/use-view-state.ts';
import { LAYER_GROUPS, type LayerGroup } from '../../url/view-state.ts';
import { BasemapPicker } from '../basemap/BasemapPicker.tsx';
import { useImports } from '../import/imports-store.ts';
import { useParkFilters } from '../parks/use-park-filters.ts';
import { type LayerCounts, useLayerCounts } from './use-layer-counts.ts';

type Category = (typeof SUPPORTING_CATEGORIES)[number];
/** Facility categories the map has a colour for (the ones with mapped facilities). */
const MAPPED_CATEGORIES = SUPPORTING_CATEGORIES.filter((c): c is Category & keyof typeof THEME.facility =>
  Object.hasOwn(THEME.facility, c),
);
/** Groups whose features the line-status filter applies to. */
const STATUS_GROUPS: readonly LayerGroup[] = ['transit-open', 'transit-planned', 'stations'];

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

function toggled<T extends string>(all: readonly T[], current: readonly T[], value: T): T[] {
  const next = new Set(current);
  if (next.has(value)) next.delete(value);
  else next.add(value);
  return all.filter((v) => next.has(v));
}

/** Every layer group with its show/hide toggle, opacity and count, and the line/facility filters. */
function LayerControls({ counts }: { counts: LayerCounts }) {
  const { t } = useLang();
  const { state, update } = useViewState();
  const visible = new Set(state.layers);
  const { filters } = state;
  const setOpacity = (group: LayerGroup, percent: number) =>
    update({ opacity: { ...state.opacity, [group]: percent } }, { replace: true });
  return (
    <div className="layers" data-testid="layer-controls">
      <ul className="legend__items">
        {LAYER_GROUPS.map((group) => {
          const count = counts[group];
          const opacity = state.opacity[group] ?? 100;
          return (
            <li key={group} className="legend__item">
              <label>
                <input
                  type="checkbox"
                  checked={visible.has(group)}
                  onChange={() =>
                    update({ layers: toggled(LAYER_GROUPS, state.layers, group) }, { replace: true })
                  }
                  data-layer-group={group}
                />
                <Swatch group={group} />
                <span className="legend__name">{t(`layer.${group}`)}</span>
                {count ? (
                  <span className="legend__count" data-count-group={group}>
                    {t('filters.shown', { shown: count.shown, total: count.total })}
                  </span>
                ) : null}
              </label>
              {visible.has(group) ? (
                <input
                  className="legend__opacity"
                  type="range"
                  min={0}
                  max={100}
                  step={10}
                  value={opacity}
                  aria-label={t('layers.opacity', { layer: t(`layer.${group}`) })}
                  aria-valuetext={`${opacity} %`}
                  onChange={(e) => setOpacity(group, Number(e.currentTarget.value))}
                  data-opacity-group={group}
                />
              ) : null}
            </li>
          );
        })}
      </ul>
      {STATUS_GROUPS.some((g) => visible.has(g)) ? (
        <fieldset className="legend__filters">
          <legend>{t('filters.lineStatus')}</legend>
          {LINE_STATUS_FILTERS.map((status) => (
            <label key={status}>
              <input
                type="checkbox"
                checked={filters.lineStatuses.includes(status)}
                onChange={() =>
                  update(
                    {
                      filters: {
                        ...filters,
                        lineStatuses: toggled(LINE_STATUS_FILTERS, filters.lineStatuses, status),
                      },
                    },
                    { replace: true },
                  )
                }
                data-line-status={status}
              />
              {t(`lineStatus.${status}`)}
            </label>
          ))}
        </fieldset>
      ) : null}
      {visible.has('facilities') ? (
        <fieldset className="legend__filters legend__filters--grid">
          <legend>{t('filters.categories')}</legend>
          {MAPPED_CATEGORIES.map((category) => (
            <label key={category}>
              <input
                type="checkbox"
                checked={filters.categories.includes(category)}
                onChange={() =>
                  update(
                    {
                      filters: {
                        ...filters,
                        categories: toggled(SUPPORTING_CATEGORIES, filters.categories, category),
                      },
                    },
                    { replace: true },
                  )
                }
                data-category={category}
              />
              <span
                className="swatch swatch--dot swatch--filled"
                style={{ background: THEME.facility[category] }}
              />
              {t(`category.${category}`)}
            </label>
          ))}
        </fieldset>
      ) : null}
    </div>
  );
}

function LineStatusKeys({ statuses }: { statuses: readonly LineStatusFilter[] }) {
  const { t } = useLang();
  return (
    <>
      {statuses.includes('planned') || statuses.includes('under-construction') ? (
        <li>
          <span className="swatch swatch--line swatch--dashed" style={{ borderTopColor: THEME.road }} />
          {t('legend.road')}
        </li>
      ) : null}
      {statuses.includes('planned') ? (
        <li>
          <span className="swatch swatch--dot" style={{ borderColor: THEME.stationPlannedStroke }} />
          {t('legend.planned')}
          {statuses.includes('schematic') ? ` / ${t('legend.schematic')}` : ''}
        </li>
      ) : null}
    </>
  );
}

/** The key to what the map shows now: visible groups only, and only the categories/statuses ticked. */
function VisibleKey() {
  const { t } = useLang();
  const { state } = useViewState();
  const { filters } = state;
  const shown = LAYER_GROUPS.filter((g) => state.layers.includes(g) && (state.opacity[g] ?? 100) > 0);
  return (
    <section className="legend__key" aria-labelledby="legend-key-heading" data-testid="legend-key">
      <h3 id="legend-key-heading" className="legend__subheading">
        {t('legend.heading')}
      </h3>
      {shown.length === 0 ? <p className="legend__note">{t('legend.nothingVisible')}</p> : null}
      <ul className="legend__items">
        {shown.map((group) => (
          <li key={group} className="legend__item legend__item--key" data-key-group={group}>
            <span className="legend__key-row">
              <Swatch group={group} />
              {t(`layer.${group}`)}
            </span>
            {group === 'transit-planned' ? (
              <ul className="legend__sub">
                <LineStatusKeys statuses={filters.lineStatuses} />
              </ul>
            ) : null}
            {group === 'facilities' ? (
              <ul className="legend__sub legend__sub--grid">
                {MAPPED_CATEGORIES.filter((c) => filters.categories.includes(c)).map((category) => (
                  <li key={category} data-key-category={category}>
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
            {group === 'parks' ? <p className="legend__note">{t('park.precisionNote')}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The user's imported layers that are shown, with their colour. Their names are untrusted text
 * (rendered as text); their controls are in the data panel.
 */
function ImportedKey() {
  const { t } = useLang();
  const layers = useImports((s) => s.layers).filter((l) => l.visible);
  if (layers.length === 0) return null;
  return (
    <section className="legend__key" data-testid="legend-imported">
      <h3 className="legend__subheading">{t('layers.legend')}</h3>
      <ul className="legend__items">
        {[...layers].reverse().map((l) => (
          <li key={l.id} className="legend__item legend__item--key">
            <span className="legend__key-row">
              <span className="swatch swatch--dot swatch--filled" style={{ background: l.style.color }} />
              <span className="legend__imported-name">{l.name}</span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Layers (toggles, opacity, filters, counts) and the key to what is on the map, kept in the URL. */
export function Legend() {
  const { t } = useLang();
  const { state } = useViewState();
  const { matches } = useParkFilters();
  const counts = useLayerCounts(state.filters, matches);
  // Open on wide screens; on a phone the legend starts folded so it does not cover the map.
  const [open, setOpen] = useState(() => window.matchMedia?.('(min-width: 801px)').matches ?? true);
  return (
    <details className="legend" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="legend__heading">
        {t('layers.heading')} · {t('legend.heading')}
      </summary>
      <LayerControls counts={counts} />
      <VisibleKey />
      <ImportedKey />
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
