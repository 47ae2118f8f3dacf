import { Suspense } from 'react';
import { loadAttribution } from '../../data/geodata.ts';
import { useDataset } from '../../data/use-dataset.ts';
import { useLang } from '../../i18n/use-lang.ts';

function AttributionList() {
  const { b } = useLang();
  const items = useDataset(loadAttribution);
  return (
    <ul className="attribution__items">
      {items.map((item) => (
        <li key={item.id}>{b(item.text)}</li>
      ))}
    </ul>
  );
}

/** The data sources the reference data asks us to credit, always visible under the map. */
export function Attribution() {
  const { t } = useLang();
  return (
    <footer className="attribution">
      <span className="attribution__heading">{t('attribution.heading')}:</span>
      <Suspense fallback={null}>
        <AttributionList />
      </Suspense>
    </footer>
  );
}
