import { type ReactNode, Suspense } from 'react';
import { Link } from 'react-router-dom';
import { ErrorBoundary } from '../../app/ErrorBoundary.tsx';
import { preloadParkPage } from '../../app/preload.ts';
import { loadParkContent } from '../../data/content.ts';
import { useDataset } from '../../data/use-dataset.ts';
import { useLang } from '../../i18n/use-lang.ts';
import { useViewState } from '../../url/use-view-state.ts';
import { hrefForState } from '../../url/view-state.ts';
import { AccessSection } from '../access/AccessSection.tsx';
import { ParkPromisesSection } from '../promises/ParkPromisesSection.tsx';
import { AreaAuditBadge } from './AreaAuditBadge.tsx';
import { FacilitiesSection } from './FacilitiesSection.tsx';
import {
  GoalsSection,
  LeadIndustriesSection,
  LocationSection,
  OperatorSection,
  SixInOneSection,
  SupportingSection,
} from './ParkContentSections.tsx';
import { ParkEdgesSection } from './ParkEdgesSection.tsx';
import type { ParkSummary } from './park-summaries.ts';

function PlanContentFor({ park, part }: { park: ParkSummary; part: 'head' | 'body' }) {
  const content = useDataset(loadParkContent).find((c) => c.id === park.id);
  if (!content) return null;
  if (part === 'head') return <OperatorSection content={content} />;
  return (
    <>
      <GoalsSection content={content} />
      <LeadIndustriesSection content={content} />
      <SixInOneSection content={content} />
      <LocationSection content={content} />
      <SupportingSection content={content} />
      <FacilitiesSection parkId={park.id} />
    </>
  );
}

function ContentBoundary({ children }: { children: ReactNode }) {
  const { t } = useLang();
  return (
    <ErrorBoundary fallback={(message) => <p role="alert">{message}</p>}>
      <Suspense fallback={<p className="muted">{t('content.loading')}</p>}>{children}</Suspense>
    </ErrorBoundary>
  );
}

/** The selected park: names, district, area check, the plan's location text and the precision note. */
export function ParkPanel({ park }: { park: ParkSummary }) {
  // Text and figures start downloading together, before either section suspends on its own.
  preloadParkPage();
  const { t, b, n, lang } = useLang();
  const { state } = useViewState();
  const p = park.properties;
  const other = lang === 'zh' ? 'en' : 'zh';
  const m = park.measures;
  return (
    <article className="park-panel" aria-labelledby="park-panel-title" data-park-id={park.id}>
      <header className="park-panel__header">
        <Link
          className="park-panel__back"
          to={hrefForState({ ...state, page: { kind: 'atlas', parkId: null }, camera: null })}
        >
          ← {t('park.back')}
        </Link>
        <p className="park-panel__eyebrow">
          {p.planOrder} / 10 · {b(p.district)}
        </p>
        <h2 id="park-panel-title" className="park-panel__title" tabIndex={-1}>
          {b(p.name)}
        </h2>
        <p className="park-panel__subtitle" lang={other === 'zh' ? 'zh-CN' : 'en'}>
          {p.name[other]}
        </p>
        <ContentBoundary>
          <PlanContentFor park={park} part="head" />
        </ContentBoundary>
        <button type="button" className="print-button" onClick={() => window.print()}>
          {t('park.print')}
        </button>
      </header>

      <section className="park-panel__section" aria-labelledby="area-heading">
        <h3 id="area-heading">{t('park.areaAudit')}</h3>
        <dl className="figures">
          <div>
            <dt>{t('parks.stated')}</dt>
            <dd>
              {n(p.statedAreaKm2)} {t('units.km2')}
            </dd>
          </div>
          <div>
            <dt>{t('parks.computed')}</dt>
            <dd>
              {m ? (
                <>
                  {n(m.areaKm2)} {t('units.km2')} {park.audit ? <AreaAuditBadge audit={park.audit} /> : null}
                </>
              ) : (
                park.measureError
              )}
            </dd>
          </div>
          {m ? (
            <div>
              <dt>{t('park.area')}</dt>
              <dd>
                {n(m.areaHa, 0)} {t('units.ha')} · {n(m.areaMu, 0)} {t('units.mu')}
              </dd>
            </div>
          ) : null}
        </dl>
        {p.positionUncertaintyM !== undefined ? (
          <p className="precision-note" role="note" data-testid="park-uncertainty">
            {t('park.placement.textOnly', { km: n(p.positionUncertaintyM / 1000, 1) })}
          </p>
        ) : null}
        <p className="precision-note" role="note">
          {t('park.precisionNote')}
        </p>
      </section>

      <ContentBoundary>
        <AccessSection parkId={park.id} />
      </ContentBoundary>
      <ContentBoundary>
        <ParkPromisesSection parkId={park.id} />
      </ContentBoundary>
      <ContentBoundary>
        <PlanContentFor park={park} part="body" />
      </ContentBoundary>

      <section className="park-panel__section" aria-labelledby="method-heading">
        <h3 id="method-heading">{t('park.outlineMethod')}</h3>
        <p>{b(p.outlineMethod)}</p>
        <p className="muted">
          {t('park.precision')}: {t(`precision.${p.precision}`)}
          {p.precisionNote ? ` — ${b(p.precisionNote)}` : ''}
        </p>
      </section>
      <ContentBoundary>
        <ParkEdgesSection parkId={park.id} />
      </ContentBoundary>
    </article>
  );
}
