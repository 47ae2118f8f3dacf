import { useEffect } from 'react';
import { Link } from 'react-router-dom';
import type { IndustryTag } from '../../data/content-schema.ts';
import type { ParkId } from '../../data/schemas.ts';
import { DISTRICT_SLUGS, type DistrictSlug } from '../../data/vocabulary.ts';
import { INDUSTRY_TAG_NAMES } from '../../i18n/industry-tags.ts';
import { useLang } from '../../i18n/use-lang.ts';
import { useAtlasStore } from '../../state/store.ts';
import { useViewState } from '../../url/use-view-state.ts';
import { hrefForState } from '../../url/view-state.ts';
import { AreaAuditBadge } from './AreaAuditBadge.tsx';
import type { ParkSummary } from './park-summaries.ts';
import { useParkFilters } from './use-park-filters.ts';

interface Props {
  parks: ParkSummary[];
  selectedParkId: ParkId | null;
}

/** The park list: the map's text alternative, and a way to select a park without the map. */
export function ParkList({ parks, selectedParkId }: Props) {
  const { t, b, n } = useLang();
  const { state } = useViewState();
  const hovered = useAtlasStore((s) => s.hoveredParkId);
  const setHovered = useAtlasStore((s) => s.setHoveredParkId);
  const { tags, industry, setIndustry, district, setDistrict, matches } = useParkFilters();
  const shown = parks.filter((p) => matches(p.id));
  // The list is the page's first meaningful paint; the load benchmark checks it comes before the map.
  useEffect(() => {
    if (performance.getEntriesByName('park-list-painted').length === 0) performance.mark('park-list-painted');
  }, []);
  return (
    <nav className="park-list" aria-labelledby="park-list-heading" id="park-list">
      <h2 id="park-list-heading" className="park-list__heading">
        {t('parks.heading')}
      </h2>
      <p className="visually-hidden">{t('parks.listLabel')}</p>
      {tags.length > 0 ? (
        <label className="park-list__filter">
          {t('parks.filter.industry')}
          <select
            value={industry ?? ''}
            onChange={(e) => setIndustry((e.target.value || null) as IndustryTag | null)}
            data-testid="industry-filter"
          >
            <option value="">{t('parks.filter.all')}</option>
            {tags.map((tag) => (
              <option key={tag} value={tag}>
                {b(INDUSTRY_TAG_NAMES[tag])}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label className="park-list__filter">
        {t('filters.district')}
        <select
          value={district ?? ''}
          onChange={(e) => setDistrict((e.target.value || null) as DistrictSlug | null)}
          data-testid="district-filter"
        >
          <option value="">{t('filters.allDistricts')}</option>
          {DISTRICT_SLUGS.map((slug) => (
            <option key={slug} value={slug}>
              {t(`district.${slug}`)}
            </option>
          ))}
        </select>
      </label>
      <p className="park-list__count" aria-live="polite" data-testid="park-count">
        {t('filters.parksShown', { shown: shown.length, total: parks.length })}
      </p>
      {shown.length === 0 ? <p className="muted">{t('parks.noMatch')}</p> : null}
      <ol className="park-list__items">
        {shown.map((park) => {
          const p = park.properties;
          const selected = park.id === selectedParkId;
          return (
            <li
              key={park.id}
              className={`park-list__item${selected ? ' is-selected' : ''}${hovered === park.id ? ' is-hovered' : ''}`}
              onMouseEnter={() => setHovered(park.id)}
              onMouseLeave={() => setHovered(null)}
            >
              <Link
                to={hrefForState({ ...state, page: { kind: 'atlas', parkId: park.id }, camera: null })}
                aria-current={selected ? 'page' : undefined}
                onFocus={() => setHovered(park.id)}
                onBlur={() => setHovered(null)}
                data-park-id={park.id}
              >
                <span className="park-list__order" aria-hidden="true">
                  {p.planOrder}
                </span>
                <span className="park-list__text">
                  <span className="park-list__name">{b(p.name)}</span>
                  <span className="park-list__meta">
                    {b(p.district)} · {t('parks.stated')} {n(p.statedAreaKm2)} {t('units.km2')}
                    {park.measures ? (
                      <>
                        {' '}
                        · {t('parks.computed')} {n(park.measures.areaKm2)} {t('units.km2')}{' '}
                        {park.audit ? <AreaAuditBadge audit={park.audit} /> : null}
                      </>
                    ) : null}
                    {p.placement === 'text-only' ? <> · {t('parks.textOnly')}</> : null}
                  </span>
                </span>
              </Link>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
