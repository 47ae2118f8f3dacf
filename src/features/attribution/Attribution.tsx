// Bundled rather than fetched: the credits must be there in the first paint, and the file is
// under 2 KB.
import attribution from '../../../geodata/attribution.json';
import { useLang } from '../../i18n/use-lang.ts';
import { useBasemap } from '../basemap/use-basemap.ts';
import { useArchives } from '../pmtiles/archive-store.ts';

/**
 * The data sources the reference data asks us to credit, over the map's bottom edge: one line
 * always visible, the full list on demand (as web maps do), so it never covers the map.
 */
export function Attribution() {
  const { t, b } = useLang();
  const basemap = useBasemap();
  const online = basemap.kind === 'online' ? basemap.basemap : null;
  // Opened PMTiles archives credit their sources through their metadata (plain text only).
  const archives = useArchives((s) => s.archives);
  const archiveTexts = archives.flatMap((a) => (a.attribution ? [a.attribution] : []));
  const texts = [
    ...(online ? [b(online.attribution)] : []),
    ...archiveTexts,
    ...attribution.items.map((item) => b(item.text)),
  ];
  return (
    <details className="attribution">
      <summary className="attribution__summary">
        <span className="attribution__heading">{t('attribution.heading')}:</span> {texts.join(' · ')}
      </summary>
      <ul className="attribution__items">
        {online ? (
          <li data-testid="basemap-attribution">
            {b(online.attribution)}
            {online.termsUrl ? (
              <>
                {' · '}
                <a href={online.termsUrl} target="_blank" rel="noreferrer noopener">
                  {t('basemap.terms')}
                </a>
              </>
            ) : null}
          </li>
        ) : null}
        {archives.map((a) =>
          a.attribution ? (
            <li key={a.id} data-testid="archive-attribution">
              {a.name}: {a.attribution}
            </li>
          ) : null,
        )}
        {attribution.items.map((item) => (
          <li key={item.id}>{b(item.text)}</li>
        ))}
      </ul>
    </details>
  );
}
