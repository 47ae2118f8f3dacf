import { useEffect, useMemo } from 'react';
import type { FacilityCategory } from '../../data/schemas.ts';
import { useLang } from '../../i18n/use-lang.ts';
import { PROBE_RADII_M, useAtlasStore } from '../../state/store.ts';
import { useViewState } from '../../url/use-view-state.ts';
import type { Analysis } from './analysis.ts';
import { formatDistanceM } from './format.ts';
import { noPlannedWithin } from './planned-rule.ts';
import { probeOverlay } from './probe-overlay.ts';
import { StationHits } from './StationHits.tsx';
import { useAnalysis } from './use-analysis.ts';

function ProbeResults({ analysis, lng, lat }: { analysis: Analysis; lng: number; lat: number }) {
  const tr = useLang();
  const { t, b, n } = tr;
  const radiusM = useAtlasStore((s) => s.probeRadiusM);
  const setRadius = useAtlasStore((s) => s.setProbeRadiusM);
  const setOverlay = useAtlasStore((s) => s.setProbeOverlay);
  const result = useMemo(() => analysis.probe([lng, lat], radiusM), [analysis, lng, lat, radiusM]);
  useEffect(() => {
    setOverlay(probeOverlay([lng, lat], radiusM, result, analysis));
  }, [analysis, lng, lat, radiusM, result, setOverlay]);
  const facilities = Object.values(result.facilities.byCategory).flat();
  return (
    <>
      <p className="muted">
        {t('probe.at')}: {n(lat, 5)}° N, {n(lng, 5)}° E (WGS-84)
      </p>
      <h4>{t('access.nearestOpen')}</h4>
      <StationHits hits={result.open.map(analysis.label)} />
      <h4>{t('access.nearestPlanned')}</h4>
      <StationHits
        hits={result.planned.map(analysis.label)}
        emptyText={noPlannedWithin(tr)}
        testId="planned-stations"
      />
      <label className="inline-toggle">
        {t('probe.radius')}
        <select
          value={radiusM}
          onChange={(e) => setRadius(Number(e.target.value))}
          data-testid="probe-radius"
        >
          {PROBE_RADII_M.map((r) => (
            <option key={r} value={r}>
              {formatDistanceM(tr, r)}
            </option>
          ))}
        </select>
      </label>
      <h4>
        {t('probe.facilities')} <span className="muted">({facilities.length})</span>
      </h4>
      {facilities.length === 0 ? (
        <p className="muted">{t('probe.noFacilities')}</p>
      ) : (
        <div data-testid="probe-facilities">
          {Object.entries(result.facilities.byCategory).map(([category, hits]) => (
            <div key={category}>
              <h5 className="probe-panel__category">{t(`category.${category as FacilityCategory}`)}</h5>
              <ul className="facility-list">
                {hits.map((hit) => (
                  <li key={hit.facilityId}>
                    {b(analysis.facility(hit.index).name)}{' '}
                    <span className="muted">{formatDistanceM(tr, hit.distanceM)}</span>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      )}
      <p className="footnote">{t('access.method.hubs')}</p>
    </>
  );
}

/** "What is near here": the nearest stations and the facilities within a radius of a clicked point. */
export function ProbePanel() {
  const { t } = useLang();
  const probe = useAtlasStore((s) => s.probe);
  const setProbe = useAtlasStore((s) => s.setProbe);
  const { update } = useViewState();
  const analysis = useAnalysis();
  if (!probe) return null;
  return (
    <section className="probe-panel" aria-labelledby="probe-heading" data-testid="probe-panel">
      <header className="probe-panel__header">
        <h2 id="probe-heading">{t('probe.heading')}</h2>
        <button
          type="button"
          className="link-button"
          onClick={() => {
            // The probe is the radius tool's result: clearing it closes the tool.
            setProbe(null);
            update({ tool: null }, { replace: true });
          }}
        >
          {t('probe.close')}
        </button>
      </header>
      <ProbeResults analysis={analysis} lng={probe.lng} lat={probe.lat} />
    </section>
  );
}
