import { loadFacilities, loadUnplacedFacilities } from '../../data/content.ts';
import type { ParkId } from '../../data/schemas.ts';
import { useDataset } from '../../data/use-dataset.ts';
import { useLang } from '../../i18n/use-lang.ts';
import { useAtlasStore } from '../../state/store.ts';

/** The park's facilities: those on the map (with their precision) and those whose place is not known yet. */
export function FacilitiesSection({ parkId }: { parkId: ParkId }) {
  const { t, b } = useLang();
  const placed = useDataset(loadFacilities).features.filter((f) => f.properties.parkId === parkId);
  const unplaced = useDataset(loadUnplacedFacilities).filter((f) => f.parkId === parkId);
  const focusFacility = useAtlasStore((s) => s.focusFacility);
  return (
    <section
      className="park-panel__section"
      aria-labelledby="facilities-heading"
      data-testid="facilities-section"
    >
      <h3 id="facilities-heading">{t('content.facilities')}</h3>
      {placed.length > 0 ? (
        <>
          <h4>
            {t('content.facilities.placed')} <span className="muted">({placed.length})</span>
          </h4>
          <ul className="facility-list">
            {placed.map((f) => {
              const p = f.properties;
              return (
                <li key={p.id} data-facility-id={p.id}>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() =>
                      f.geometry.type === 'Point' &&
                      focusFacility({
                        id: p.id,
                        lng: f.geometry.coordinates[0] ?? 0,
                        lat: f.geometry.coordinates[1] ?? 0,
                      })
                    }
                  >
                    {b(p.name)}
                  </button>
                  <span className={`tag tag--${p.category}`}>{t(`category.${p.category}`)}</span>
                  <span className="muted">
                    {' '}
                    {t(`facility.status.${p.status}`)} · {t(`precision.${p.precision}`)}
                  </span>
                  {p.statusNote ? <p className="facility-list__note">{b(p.statusNote)}</p> : null}
                  {p.precisionNote ? <p className="facility-list__note">{b(p.precisionNote)}</p> : null}
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
      {unplaced.length > 0 ? (
        <>
          <h4>
            {t('content.facilities.unplaced')} <span className="muted">({unplaced.length})</span>
          </h4>
          <ul className="facility-list facility-list--unplaced" data-testid="unplaced-facilities">
            {unplaced.map((f) => (
              <li key={f.id}>
                <strong>{b(f.name)}</strong>{' '}
                <span className={`tag tag--${f.category}`}>{t(`category.${f.category}`)}</span>
                <p className="facility-list__note">{b(f.reason)}</p>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
