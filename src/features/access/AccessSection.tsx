import { loadParkContent } from '../../data/content.ts';
import type { ParkId } from '../../data/schemas.ts';
import { useDataset } from '../../data/use-dataset.ts';
import { ACCESS_SCORE_FORMULA } from '../../domain/access-score.ts';
import { outputDensityBoth } from '../../domain/output-density.ts';
import { type Translator, useLang } from '../../i18n/use-lang.ts';
import { useViewState } from '../../url/use-view-state.ts';
import { LAYER_GROUPS } from '../../url/view-state.ts';
import { revenueTargetOf } from '../plan/park-targets.ts';
import { formatDistanceM, formatShare } from './format.ts';
import { StationHits } from './StationHits.tsx';
import { useAnalysis } from './use-analysis.ts';

function inputValueText(tr: Translator, unit: 'm' | 'km' | 'share', value: number): string {
  if (!Number.isFinite(value)) return '—';
  if (unit === 'share') return formatShare(tr, value);
  return formatDistanceM(tr, unit === 'km' ? value * 1000 : value);
}

interface DistanceRow {
  id: string;
  name: string;
  boundaryKm: number;
  centroidKm: number;
}

/** Distances from the park, measured from its boundary and from its centre. */
function DistanceTable({ rows, testId }: { rows: DistanceRow[]; testId: string }) {
  const tr = useLang();
  return (
    <table className="data-table" data-testid={testId}>
      <thead>
        <tr>
          <th scope="col" />
          <th scope="col">{tr.t('access.fromBoundary')}</th>
          <th scope="col">{tr.t('access.fromCentroid')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            <th scope="row">{row.name}</th>
            <td className="num">{formatDistanceM(tr, row.boundaryKm * 1000)}</td>
            <td className="num">{formatDistanceM(tr, row.centroidKm * 1000)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Transit access, hub distances, walking catchments, the access score and output per area of one park. */
export function AccessSection({
  parkId,
  computedAreaKm2,
}: {
  parkId: ParkId;
  computedAreaKm2: number | null;
}) {
  const tr = useLang();
  const { t, b, n } = tr;
  const analysis = useAnalysis();
  const { state, update } = useViewState();
  const allContent = useDataset(loadParkContent);
  const content = allContent.find((c) => c.id === parkId);
  const parkName = (id: string) => {
    const c = allContent.find((x) => x.id === id);
    return c ? b(c.name) : id;
  };
  const result = analysis.park(parkId);
  if (!result) return null;
  const revenue = content ? revenueTargetOf(content) : null;
  const stated = content?.statedAreaKm2 ?? Number.NaN;
  const density = revenue ? outputDensityBoth(revenue.value, stated, computedAreaKm2 ?? Number.NaN) : null;
  const catchmentsOn = state.layers.includes('catchments');
  const hubs = result.hubs.filter((h) => h.kind !== 'landmark');
  const facilityHits = Object.values(result.facilitiesWithin1km.byCategory).flat();

  return (
    <section className="park-panel__section" aria-labelledby="access-heading" data-testid="access-section">
      <h3 id="access-heading">{t('access.heading')}</h3>

      <div className="score" data-testid="access-score">
        <div className="score__value" aria-describedby="score-formula">
          <span className="score__number">{n(result.access.score, 0)}</span>
          <span className="score__max">/ 100</span>
        </div>
        <div className="score__label">{t('access.score')}</div>
      </div>
      <details className="formula">
        <summary id="score-formula">{b(ACCESS_SCORE_FORMULA.description)}</summary>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('access.score.input')}</th>
              <th scope="col">{t('access.score.value')}</th>
              <th scope="col">{t('access.score.weight')}</th>
              <th scope="col">{t('access.score.points')}</th>
            </tr>
          </thead>
          <tbody>
            {ACCESS_SCORE_FORMULA.inputs.map((spec) => {
              const c = result.access.contributions.find((x) => x.key === spec.key);
              return (
                <tr key={spec.key}>
                  <th scope="row">
                    {b(spec.name)}
                    {spec.normalisation.kind === 'linear-decreasing' ? (
                      <span className="muted">
                        {' '}
                        (1 ≤ {inputValueText(tr, spec.unit, spec.normalisation.fullAt)}, 0 ≥{' '}
                        {inputValueText(tr, spec.unit, spec.normalisation.zeroAt)})
                      </span>
                    ) : null}
                  </th>
                  <td className="num">{c ? inputValueText(tr, spec.unit, c.value) : '—'}</td>
                  <td className="num">{n(spec.weight, 2)}</td>
                  <td className="num">{c ? n(c.points, 1) : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </details>

      <h4>{t('access.nearestOpen')}</h4>
      <StationHits hits={result.stations.open} analysis={analysis} />
      <h4>{t('access.nearestPlanned')}</h4>
      <StationHits hits={result.stations.planned} analysis={analysis} />
      <p className="footnote">{t('access.method.stations')}</p>

      <h4>{t('access.catchments')}</h4>
      <table className="data-table" data-testid="catchment-table">
        <thead>
          <tr>
            <th scope="col">{t('access.radius')}</th>
            <th scope="col">{t('access.catchment.open')}</th>
            <th scope="col">{t('access.catchment.planned')}</th>
            <th scope="col">{t('access.catchment.any')}</th>
          </tr>
        </thead>
        <tbody>
          {result.catchments.map((c) => (
            <tr key={c.radiusM}>
              <th scope="row">{formatDistanceM(tr, c.radiusM)}</th>
              <td className="num">{formatShare(tr, c.open)}</td>
              <td className="num">{formatShare(tr, c.planned)}</td>
              <td className="num">{formatShare(tr, c.any)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <label className="inline-toggle">
        <input
          type="checkbox"
          checked={catchmentsOn}
          onChange={() => {
            const next = new Set(state.layers);
            if (catchmentsOn) next.delete('catchments');
            else next.add('catchments');
            update({ layers: LAYER_GROUPS.filter((g) => next.has(g)) }, { replace: true });
          }}
        />
        {t('access.showCatchments')}
      </label>
      <p className="footnote">{t('access.method.catchments')}</p>

      <h4>{t('access.hubs')}</h4>
      <DistanceTable
        testId="hub-table"
        rows={hubs.map((h) => {
          const hub = analysis.hub(h.hubId);
          return {
            id: h.hubId,
            name: hub ? b(hub.name) : h.hubId,
            boundaryKm: h.fromBoundaryKm,
            centroidKm: h.fromCentroidKm,
          };
        })}
      />
      <p className="footnote">{t('access.method.hubs')}</p>

      <h4>{t('access.otherParks')}</h4>
      <DistanceTable
        testId="park-distances"
        rows={result.otherParks.map((d) => ({
          id: d.toId,
          name: parkName(d.toId),
          boundaryKm: d.boundaryKm,
          centroidKm: d.centroidKm,
        }))}
      />

      <h4>{t('access.output')}</h4>
      {revenue && density ? (
        <p>
          {n(revenue.value)} {b(revenue.unit)} ({revenue.year ?? '—'}) ÷ {t('park.area')} ={' '}
          <strong>
            {n(density.byStatedArea, 0)} {b(revenue.unit)}/{t('units.km2')}
          </strong>{' '}
          <span className="muted">
            {t('access.output.byStated')}; {n(density.byComputedArea, 0)} {t('access.output.byComputed')}
          </span>
        </p>
      ) : (
        <p className="muted">{t('access.output.none')}</p>
      )}

      <h4>{t('access.facilitiesNear')}</h4>
      {facilityHits.length === 0 ? (
        <p className="muted">{t('access.none')}</p>
      ) : (
        <ul className="facility-list">
          {facilityHits.map((hit) => {
            const f = analysis.facility(hit.index);
            return (
              <li key={hit.facilityId}>
                {b(f.name)} <span className={`tag tag--${f.category}`}>{t(`category.${f.category}`)}</span>{' '}
                <span className="muted">
                  {hit.distanceM === 0 ? t('access.inside') : formatDistanceM(tr, hit.distanceM)}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
