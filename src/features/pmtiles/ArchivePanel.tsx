/**
 * The data panel's PMTiles section: open a local .pmtiles file or a URL, then for each archive its
 * name, layers, zooms, extent, colour, visibility, zoom-to and remove. A failed open shows why, in
 * both languages, and changes nothing else. Names, layer ids and URLs are rendered as React text.
 */
import '../../i18n/data-messages.ts';
import './archive-panel.css';
import { useId, useState } from 'react';
import { useLang } from '../../i18n/use-lang.ts';
import { forgetUrl, openArchive, removeArchive, updateArchive, zoomToArchive } from './archive-actions.ts';
import { type ArchiveEntry, useArchives } from './archive-store.ts';

const coord = (v: number) => v.toFixed(4);

function ArchiveItem({ archive }: { archive: ArchiveEntry }) {
  const { t } = useLang();
  const b = archive.bounds;
  return (
    <li className="archive" data-testid="archive" data-archive-id={archive.id}>
      <div className="archive__head">
        <input
          type="color"
          aria-label={`${t('pmtiles.color')}: ${archive.name}`}
          data-testid="archive-color"
          value={archive.color}
          onChange={(e) => updateArchive(archive.id, { color: e.currentTarget.value })}
        />
        <strong data-testid="archive-name">{archive.name}</strong>
      </div>
      <p className="muted archive__meta" data-testid="archive-layers">
        {t('pmtiles.layers', { layers: archive.layers.join(', ') })} ·{' '}
        {t('pmtiles.zooms', { min: archive.minZoom, max: archive.maxZoom })}
      </p>
      <p className="muted archive__meta" data-testid="archive-bounds">
        {b
          ? t('pmtiles.bounds', { w: coord(b[0]), s: coord(b[1]), e: coord(b[2]), n: coord(b[3]) })
          : t('pmtiles.noBounds')}
      </p>
      <p className="muted archive__meta">{archive.url ?? t('pmtiles.local')}</p>
      <div className="data-panel__actions">
        <label>
          <input
            type="checkbox"
            data-testid="archive-visible"
            checked={archive.visible}
            onChange={(e) => updateArchive(archive.id, { visible: e.currentTarget.checked })}
          />{' '}
          {t('pmtiles.visible')}
        </label>
        <button
          type="button"
          data-testid="archive-zoom"
          disabled={!b}
          onClick={() => zoomToArchive(archive.id)}
        >
          {t('pmtiles.zoomTo')}
        </button>
        <button type="button" data-testid="archive-remove" onClick={() => removeArchive(archive.id)}>
          {t('pmtiles.remove')}
        </button>
      </div>
    </li>
  );
}

export function ArchivePanel() {
  const { t } = useLang();
  const archives = useArchives((s) => s.archives);
  const opening = useArchives((s) => s.opening);
  const error = useArchives((s) => s.error);
  const remembered = useArchives((s) => s.remembered);
  const [url, setUrl] = useState('');
  const urlId = useId();
  const busy = opening !== null;
  return (
    <div className="archive-panel">
      <p className="muted data-panel__hint">{t('pmtiles.intro')}</p>
      <label className="data-panel__file">
        <span>{t('pmtiles.file')}</span>
        <input
          type="file"
          accept=".pmtiles"
          data-testid="archive-file"
          disabled={busy}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) void openArchive({ kind: 'file', file });
          }}
        />
      </label>
      <p className="muted data-panel__hint">{t('pmtiles.fileNote')}</p>
      <form
        className="archive-panel__url"
        onSubmit={(e) => {
          e.preventDefault();
          if (url.trim() !== '') void openArchive({ kind: 'url', url: url.trim() });
        }}
      >
        <label htmlFor={urlId}>{t('pmtiles.url')}</label>
        <input
          id={urlId}
          // Text, not type=url: a path on this site ("/data/big.pmtiles") is a fine address too.
          type="text"
          inputMode="url"
          spellCheck={false}
          data-testid="archive-url"
          value={url}
          placeholder="https://…/data.pmtiles"
          onChange={(e) => setUrl(e.currentTarget.value)}
        />
        <button type="submit" data-testid="archive-url-open" disabled={busy || url.trim() === ''}>
          {t('pmtiles.urlOpen')}
        </button>
      </form>
      <p className="muted data-panel__hint">{t('pmtiles.urlNote')}</p>
      <p className="muted" role="status" aria-live="polite" data-testid="archive-busy">
        {opening ? t('pmtiles.opening', { source: opening }) : ''}
      </p>
      {error ? (
        <p className="archive-panel__error" role="alert" data-testid="archive-error" data-code={error.code}>
          {t('pmtiles.error.source', { source: error.source })}{' '}
          {t(`pmtiles.error.${error.code}`, { detail: error.detail })} {t('pmtiles.unchanged')}
        </p>
      ) : null}
      {archives.length === 0 ? <p className="muted">{t('pmtiles.none')}</p> : null}
      <ul className="data-panel__layers" data-testid="archives">
        {[...archives].reverse().map((a) => (
          <ArchiveItem key={a.id} archive={a} />
        ))}
      </ul>
      {remembered.length > 0 ? (
        <details>
          <summary>{t('pmtiles.remembered')}</summary>
          <ul className="archive-panel__remembered">
            {remembered.map((u) => (
              <li key={u}>
                <span className="archive-panel__url-text">{u}</span>{' '}
                <button
                  type="button"
                  disabled={busy}
                  onClick={() => void openArchive({ kind: 'url', url: u })}
                >
                  {t('pmtiles.reopen')}
                </button>{' '}
                <button type="button" onClick={() => forgetUrl(u)}>
                  {t('pmtiles.forget')}
                </button>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}

export default ArchivePanel;
