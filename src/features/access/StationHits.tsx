import type { StationFigure } from '../../data/park-figures-schema.ts';
import { useLang } from '../../i18n/use-lang.ts';
import { formatDistanceM } from './format.ts';

/** A short list of stations with their lines (in line colours) and distance. */
export function StationHits({
  hits,
  emptyText,
  testId,
}: {
  hits: readonly StationFigure[];
  /** What an empty list says (default "none"). */
  emptyText?: string;
  testId?: string;
}) {
  const tr = useLang();
  if (hits.length === 0)
    return (
      <p className="muted" data-testid={testId}>
        {emptyText ?? tr.t('access.none')}
      </p>
    );
  return (
    <ul className="station-hits" data-testid={testId}>
      {hits.map((h) => (
        <li key={h.stationId}>
          <span className="station-hits__name">{tr.b(h.name)}</span>
          <span className="station-hits__lines">
            {h.lines.map((line) => (
              <span key={line.id} className="line-badge" style={{ borderColor: line.colour }}>
                {tr.b(line.name)}
              </span>
            ))}
          </span>
          <span className="station-hits__distance">
            {h.inside ? tr.t('access.inside') : formatDistanceM(tr, h.distanceM)}
          </span>
        </li>
      ))}
    </ul>
  );
}
