import { useEffect, useRef, useState } from 'react';
import { useLang } from '../i18n/use-lang.ts';
import { shareableUrl } from '../url/use-view-state.ts';

type CopyState = { kind: 'idle' } | { kind: 'copied' } | { kind: 'manual'; url: string };

/**
 * "Copy link": the current view — page, layers, filters, language, camera, open tool, compare set,
 * weights — all live in the URL, so the address is the whole shareable state. Where the clipboard is
 * refused, the link is shown selected for the user to copy.
 */
export function ShareButton() {
  const { t } = useLang();
  const [state, setState] = useState<CopyState>({ kind: 'idle' });
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (state.kind === 'manual') inputRef.current?.select();
    if (state.kind !== 'copied') return;
    const timer = window.setTimeout(() => setState({ kind: 'idle' }), 2500);
    return () => window.clearTimeout(timer);
  }, [state]);
  const copy = async () => {
    const url = shareableUrl();
    try {
      await navigator.clipboard.writeText(url);
      setState({ kind: 'copied' });
    } catch {
      setState({ kind: 'manual', url });
    }
  };
  return (
    <span className="share">
      <button type="button" className="share__button" onClick={() => void copy()} data-testid="copy-link">
        {t('share.copy')}
      </button>
      <span className="share__status" role="status" aria-live="polite">
        {state.kind === 'copied' ? t('share.copied') : null}
        {state.kind === 'manual' ? (
          <>
            <span className="visually-hidden">{t('share.failed')}</span>
            <input
              ref={inputRef}
              className="share__url"
              readOnly
              value={state.url}
              aria-label={t('share.failed')}
              onBlur={() => setState({ kind: 'idle' })}
              data-testid="share-url"
            />
          </>
        ) : null}
      </span>
    </span>
  );
}
