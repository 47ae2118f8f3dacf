import type { StationHit } from '../../domain/proximity.ts';
import { useLang } from '../../i18n/use-lang.ts';
import type { Analysis } from './analysis.ts';
import { formatDistanceM } from './format.ts';

/** A short list of stations with their lines (in line colours) and distance. */
export function StationHits({ hits, analysis }: { hits: StationHit[]; analysis: Analysis }) {
  const tr = useLang();
  if (hits.length === 0) return <p className="muted">{tr.t('access.none')}</p>;
  return (
    <ul className="station-hits">
      {hits.map((h) => {
        const station = analysis.station(h.index);
        return (
          <li key={h.stationId}>
            <span className="station-hits__name">{tr.b(station.name)}</span>
            <span className="station-hits__lines">
              {h.lineIds.map((id) => {
                const line = analysis.line(id);
                return (
                  <span key={id} className="line-badge" style={{ borderColor: line?.colour ?? '#868e96' }}>
                    {line ? tr.b(line.name) : id}
                  </span>
                );
              })}
            </span>
            <span className="station-hits__distance">
              {h.inside ? tr.t('access.inside') : formatDistanceM(tr, h.distanceM)}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
