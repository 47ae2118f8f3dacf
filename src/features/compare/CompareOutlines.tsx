// This page's strings load with it (kept out of the first-paint bundle).
import '../../i18n/page-messages.ts';
import type { MultiPolygon, Polygon } from 'geojson';
import { sameScaleOutlines } from '../../domain/outline-projection.ts';
import { useLang } from '../../i18n/use-lang.ts';
import { formatDistanceM } from '../access/format.ts';
import type { ParkSummary } from '../parks/park-summaries.ts';

const SIZE_PX = 180;

/** Each park's outline at one projection and one metres-per-pixel, so sizes compare at a glance. */
export function CompareOutlines({ parks }: { parks: ParkSummary[] }) {
  const tr = useLang();
  const { t, b, n } = tr;
  const areal = parks.filter(
    (p) => p.feature.geometry.type === 'Polygon' || p.feature.geometry.type === 'MultiPolygon',
  );
  // A few hundred vertices: cheap enough to project on every render.
  const drawn = sameScaleOutlines(
    areal.map((p) => p.feature.geometry as Polygon | MultiPolygon),
    SIZE_PX,
  );
  const bar = drawn.scaleBar;
  return (
    <section className="compare-section" aria-labelledby="compare-outlines-heading">
      <h3 id="compare-outlines-heading">{t('compare.outlines')}</h3>
      <p className="muted">{t('compare.outlines.note', { mpp: n(drawn.metresPerPixel, 1) })}</p>
      <ul
        className="compare-outlines"
        data-testid="compare-outlines"
        data-metres-per-pixel={drawn.metresPerPixel}
      >
        {areal.map((p, i) => (
          <li key={p.id}>
            <figure className="compare-outline">
              <svg
                width={SIZE_PX}
                height={SIZE_PX}
                viewBox={`0 0 ${SIZE_PX} ${SIZE_PX}`}
                role="img"
                aria-label={`${b(p.properties.name)}: ${p.measures ? `${n(p.measures.areaKm2)} ${t('units.km2')}` : ''}`}
                data-park-id={p.id}
                data-testid="compare-outline"
              >
                <path
                  className="compare-outline__shape"
                  d={drawn.outlines[i]?.path ?? ''}
                  fillRule="evenodd"
                />
                <g className="compare-outline__scale">
                  <line x1={8} x2={8 + bar.px} y1={SIZE_PX - 8} y2={SIZE_PX - 8} />
                  <line x1={8} x2={8} y1={SIZE_PX - 12} y2={SIZE_PX - 4} />
                  <line x1={8 + bar.px} x2={8 + bar.px} y1={SIZE_PX - 12} y2={SIZE_PX - 4} />
                  <text x={8} y={SIZE_PX - 14}>
                    {formatDistanceM(tr, bar.lengthM)}
                  </text>
                </g>
              </svg>
              <figcaption>
                {p.properties.planOrder}. {b(p.properties.shortName)}
                {p.measures ? (
                  <span className="muted">
                    {' '}
                    · {n(p.measures.areaKm2)} {t('units.km2')}
                  </span>
                ) : null}
              </figcaption>
            </figure>
          </li>
        ))}
      </ul>
    </section>
  );
}
