import { loadParks } from '../../data/geodata.ts';
import { figuresOf, loadParkFigures } from '../../data/park-figures.ts';
import type { ParkId } from '../../data/schemas.ts';
import { useDataset } from '../../data/use-dataset.ts';
import { ACCESS_SCORE_FORMULA } from '../../domain/access-score.ts';
import { type Translator, useLang } from '../../i18n/use-lang.ts';
import { useViewState } from '../../url/use-view-state.ts';
import { LAYER_GROUPS } from '../../url/view-state.ts';
import { formatDistanceM, formatShare } from './format.ts';
import { noPlannedWithin } from './planned-rule.ts';
import { StationHits } from './StationHits.tsx';

function inputValueText(tr: Translator, unit: 'm' | 'km' | 'share', value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '—';
  if (unit === 'share') return formatShare(tr, value);
  return formatDistanceM(tr, unit === 'km' ? value * 1000 : value);
}

interface DistanceRow {
  id: string;
  name: string;
  fromBoundaryKm: number;
  fromCentroidKm: number;
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
            <td className="num">{formatDistanceM(tr, row.fromBoundaryKm * 1000)}</td>
            <td className="num">{formatDistanceM(tr, row.fromCentroidKm * 1000)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Transit access, hub distances, walking catchments, the access score and output per area of one
 * park, as precomputed at build time (geodata/park-figures.json): no spatial work in the browser.
 */
export function AccessSection({ parkId }: { parkId: ParkId }) {
  const tr = useLang();
  const { t, b, n } = tr;
  const { state, update } = useViewState();
  const result = figuresOf(useDataset(loadParkFigures), parkId);
  const parks = useDataset(loadParks);
  const parkName = (id: string) => {
    const park = parks.features.find((f) => f.properties.id === id);
    return park ? b(park.properties.name) : id;
  };
  if (!result) return null;
  const output = result.output;
  const catchmentsOn = state.layers.includes('catchments');

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
                  <td className="num">
                    {spec.key === 'nearestPlannedStationM' && (c?.value ?? null) === null
                      ? noPlannedWithin(tr)
                      : c
                        ? inputValueText(tr, spec.unit, c.value)
                        : '—'}
                  </td>
                  <td className="num">{n(spec.weight, 2)}</td>
                  <td className="num">{c ? n(c.points, 1) : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </details>

      <h4>{t('access.nearestOpen')}</h4>
      <StationHits hits={result.stations.open} />
      <h4>{t('access.nearestPlanned')}</h4>
      <StationHits hits={result.stations.planned} emptyText={noPlannedWithin(tr)} testId="planned-stations" />
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
      <DistanceTable testId="hub-table" rows={result.hubs.map((h) => ({ ...h, name: b(h.name) }))} />
      <p className="footnote">{t('access.method.hubs')}</p>

      <h4>{t('access.otherParks')}</h4>
      <DistanceTable
        testId="park-distances"
        rows={result.otherParks.map((d) => ({ ...d, name: parkName(d.id) }))}
      />

      <h4>{t('access.output')}</h4>
      {output ? (
        <p data-testid="output-density">
          {n(output.targetValue)} {b(output.unit)} ({output.year ?? '—'}) ÷ {t('park.area')} ={' '}
          <strong>
            {n(output.byStatedAreaPerKm2, 0)} {b(output.unit)}/{t('units.km2')}
          </strong>{' '}
          <span className="muted">
            {t('access.output.byStated')}; {n(output.byComputedAreaPerKm2, 0)} {t('access.output.byComputed')}
          </span>
        </p>
      ) : (
        <p className="muted">{t('access.output.none')}</p>
      )}

      <h4>{t('access.facilitiesNear')}</h4>
      {result.facilitiesNear.hits.length === 0 ? (
        <p className="muted">{t('access.none')}</p>
      ) : (
        <ul className="facility-list" data-testid="facilities-near">
          {result.facilitiesNear.hits.map((hit) => (
            <li key={hit.facilityId}>
              {b(hit.name)}{' '}
              <span className={`tag tag--${hit.category}`}>{t(`category.${hit.category}`)}</span>{' '}
              <span className="muted">
                {hit.distanceM === 0 ? t('access.inside') : formatDistanceM(tr, hit.distanceM)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
