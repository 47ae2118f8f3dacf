import { loadParkEdges } from '../../data/geodata.ts';
import type { ParkId } from '../../data/schemas.ts';
import { useDataset } from '../../data/use-dataset.ts';
import { useLang } from '../../i18n/use-lang.ts';

/** Each edge of the park's outline: the plan's limit it stands for, and whether it was located or inferred, and how. */
export function ParkEdgesSection({ parkId }: { parkId: ParkId }) {
  const { t, b } = useLang();
  const edges = useDataset(loadParkEdges)
    .features.filter((f) => f.properties.parkId === parkId)
    .map((f) => f.properties);
  const located = edges.filter((e) => e.evidence === 'located').length;
  return (
    <section className="park-panel__section" aria-labelledby="edges-heading" data-testid="park-edges">
      <h3 id="edges-heading">{t('park.edges')}</h3>
      {located > 0 ? <p>{t('park.placement.located', { located, total: edges.length })}</p> : null}
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('park.edge.limit')}</th>
            <th scope="col">{t('park.edge.evidence')}</th>
          </tr>
        </thead>
        <tbody>
          {edges.map((e) => (
            <tr key={e.id} data-edge-id={e.id} data-evidence={e.evidence}>
              <th scope="row">{b(e.limit)}</th>
              <td>
                <strong>{t(`park.edge.${e.evidence}`)}</strong>
                {e.sourceFeature ? <span className="muted"> · {e.sourceFeature}</span> : null} —{' '}
                {b(e.precisionNote)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
