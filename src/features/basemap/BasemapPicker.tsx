import { type FormEvent, useId, useState } from 'react';
import { useLang } from '../../i18n/use-lang.ts';
import { checkCustomTileUrl } from '../../map/basemaps.ts';
import { useDeviceSettings } from '../../state/device-settings.ts';
import { useViewState } from '../../url/use-view-state.ts';
import { BASEMAP_IDS, type BasemapId } from '../../url/view-state.ts';
import { useBasemap } from './use-basemap.ts';

/**
 * Chooses the basemap (kept in the URL) and holds what some need on this device only: the
 * Tianditu key and a custom tile URL (never in the URL).
 */
export function BasemapPicker() {
  const { t } = useLang();
  const { state, update } = useViewState();
  const resolution = useBasemap();
  const { tiandituKey, customUrl, setTiandituKey, setCustomUrl } = useDeviceSettings();
  const [keyDraft, setKeyDraft] = useState('');
  const [urlDraft, setUrlDraft] = useState(customUrl ?? '');
  const [urlProblem, setUrlProblem] = useState<string | null>(null);
  const ids = { key: useId(), url: useId(), urlHelp: useId() };
  const choose = (basemap: BasemapId) => update({ basemap }, { replace: true });
  const tianditu = state.basemap === 'tianditu-vec' || state.basemap === 'tianditu-img';

  const saveKey = (e: FormEvent) => {
    e.preventDefault();
    setTiandituKey(keyDraft);
    setKeyDraft('');
  };
  const applyCustomUrl = (e: FormEvent) => {
    e.preventDefault();
    const check = checkCustomTileUrl(urlDraft);
    if (!check.ok) {
      setUrlProblem(t(`basemap.custom.problem.${check.problem}`, { datum: check.datum ?? '' }));
      return;
    }
    setUrlProblem(null);
    setCustomUrl(check.template);
    choose('custom');
  };

  return (
    <fieldset className="basemap-picker" data-testid="basemap-picker">
      <legend className="basemap-picker__heading">{t('basemap.heading')}</legend>
      {BASEMAP_IDS.map((id) => (
        <label key={id} className="basemap-picker__option">
          <input
            type="radio"
            name="basemap"
            value={id}
            checked={state.basemap === id}
            onChange={() => choose(id)}
            data-basemap={id}
          />
          {t(`basemap.${id}`)}
        </label>
      ))}
      {resolution.kind === 'unavailable' ? (
        <p className="basemap-picker__status" role="status">
          {t(`basemap.unavailable.${resolution.reason}`)}
        </p>
      ) : null}
      {tianditu ? (
        <form className="basemap-picker__form" onSubmit={saveKey}>
          <label htmlFor={ids.key}>{t('basemap.key.label')}</label>
          <input
            id={ids.key}
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={keyDraft}
            onChange={(e) => setKeyDraft(e.target.value)}
            data-testid="tianditu-key"
          />
          <button type="submit" disabled={!keyDraft.trim()}>
            {t('basemap.key.save')}
          </button>
          {tiandituKey ? (
            <button type="button" onClick={() => setTiandituKey(null)}>
              {t('basemap.key.clear')}
            </button>
          ) : null}
          {tiandituKey ? <span className="muted"> {t('basemap.key.saved')}</span> : null}
        </form>
      ) : null}
      <details className="basemap-picker__custom" open={state.basemap === 'custom' || undefined}>
        <summary>{t('basemap.custom')}</summary>
        <form className="basemap-picker__form" onSubmit={applyCustomUrl}>
          <label htmlFor={ids.url}>{t('basemap.custom.label')}</label>
          <input
            id={ids.url}
            type="url"
            inputMode="url"
            spellCheck={false}
            value={urlDraft}
            onChange={(e) => setUrlDraft(e.target.value)}
            aria-describedby={ids.urlHelp}
            aria-invalid={urlProblem ? true : undefined}
            data-testid="custom-tile-url"
          />
          <button type="submit">{t('basemap.custom.use')}</button>
          {urlProblem ? (
            <p className="basemap-picker__problem" role="alert" data-testid="custom-tile-url-problem">
              {urlProblem}
            </p>
          ) : null}
          <p className="muted" id={ids.urlHelp}>
            {t('basemap.custom.datumNote')}
          </p>
        </form>
      </details>
    </fieldset>
  );
}
