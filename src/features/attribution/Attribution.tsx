// Bundled rather than fetched: the credits must be there in the first paint, and the file is
// under 2 KB.
import attribution from '../../../geodata/attribution.json';
import { useLang } from '../../i18n/use-lang.ts';

/**
 * The data sources the reference data asks us to credit, over the map's bottom edge: one line
 * always visible, the full list on demand (as web maps do), so it never covers the map.
 */
export function Attribution() {
  const { t, b } = useLang();
  const texts = attribution.items.map((item) => b(item.text));
  return (
    <details className="attribution">
      <summary className="attribution__summary">
        <span className="attribution__heading">{t('attribution.heading')}:</span> {texts.join(' · ')}
      </summary>
      <ul className="attribution__items">
        {attribution.items.map((item, i) => (
          <li key={item.id}>{texts[i]}</li>
        ))}
      </ul>
    </details>
  );
}
