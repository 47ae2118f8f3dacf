// Bundled rather than fetched: the footer must have its final height in the first paint, or the
// map below would be resized (and re-rendered) when the lines arrive. The file is under 2 KB.
import attribution from '../../../geodata/attribution.json';
import { useLang } from '../../i18n/use-lang.ts';

/** The data sources the reference data asks us to credit, always visible under the map. */
export function Attribution() {
  const { t, b } = useLang();
  return (
    <footer className="attribution">
      <span className="attribution__heading">{t('attribution.heading')}:</span>
      <ul className="attribution__items">
        {attribution.items.map((item) => (
          <li key={item.id}>{b(item.text)}</li>
        ))}
      </ul>
    </footer>
  );
}
