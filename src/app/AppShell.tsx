import { type ReactNode, useEffect } from 'react';
import { Link } from 'react-router-dom';
import { rememberBriefingEntry } from '../features/brief/briefing-state.ts';
import { useLang } from '../i18n/use-lang.ts';
import { useAtlasStore } from '../state/store.ts';
import { useViewState } from '../url/use-view-state.ts';
import { hrefForState } from '../url/view-state.ts';
import { ShareButton } from './ShareButton.tsx';

/**
 * Title, navigation and language switch around every page; `bare` (the briefing) leaves only the
 * page and the notices.
 */
export function AppShell({ children, bare = false }: { children: ReactNode; bare?: boolean }) {
  const { t, lang } = useLang();
  const { state, update } = useViewState();
  const notices = useAtlasStore((s) => s.notices);
  const dismissNotice = useAtlasStore((s) => s.dismissNotice);

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = t('app.title');
  }, [lang, t]);

  if (bare) {
    return (
      <div className="app app--bare">
        <main className="app-main">{children}</main>
      </div>
    );
  }

  return (
    <div className="app">
      <a className="skip-link" href="#park-list">
        {t('app.skip')}
      </a>
      <header className="app-header">
        <div className="app-header__titles">
          <h1 className="app-header__title">
            <Link to={hrefForState({ ...state, page: { kind: 'atlas', parkId: null }, camera: null })}>
              {t('app.title')}
            </Link>
          </h1>
          <p className="app-header__subtitle">{t('app.subtitle')}</p>
        </div>
        <nav className="app-header__nav" aria-label={lang === 'zh' ? '主导航' : 'Main'}>
          <Link
            to={hrefForState({ ...state, page: { kind: 'atlas', parkId: null }, camera: null })}
            aria-current={state.page.kind === 'atlas' ? 'page' : undefined}
          >
            {t('nav.atlas')}
          </Link>
          <Link
            to={hrefForState({ ...state, page: { kind: 'plan' }, camera: null })}
            aria-current={state.page.kind === 'plan' ? 'page' : undefined}
          >
            {t('nav.plan')}
          </Link>
          <Link
            to={hrefForState({
              ...state,
              page: { kind: 'compare', parkIds: state.page.kind === 'compare' ? state.page.parkIds : [] },
              camera: null,
            })}
            aria-current={state.page.kind === 'compare' ? 'page' : undefined}
          >
            {t('nav.compare')}
          </Link>
          <Link
            to={hrefForState({
              ...state,
              // The what-if weights stay with the ranking page while one moves around it.
              page: {
                kind: 'access',
                parkId: null,
                weights: state.page.kind === 'access' ? state.page.weights : null,
              },
              camera: null,
            })}
            aria-current={state.page.kind === 'access' ? 'page' : undefined}
          >
            {t('nav.access')}
          </Link>
          <Link
            to={hrefForState({ ...state, page: { kind: 'promises' }, camera: null })}
            aria-current={state.page.kind === 'promises' ? 'page' : undefined}
            data-testid="nav-promises"
          >
            {t('promises.nav')}
          </Link>
          <Link
            to={hrefForState({
              ...state,
              page: { kind: 'brief', slide: 1, deck: null, autoplay: null, presenter: false },
              camera: null,
            })}
            onClick={() => rememberBriefingEntry(`${location.pathname}${location.search}${location.hash}`)}
            data-testid="nav-brief"
          >
            {t('brief.nav')}
          </Link>
          <ShareButton />
          <button
            type="button"
            className="lang-switch"
            onClick={() => update({ lang: lang === 'zh' ? 'en' : 'zh' }, { replace: true })}
            aria-label={t('lang.switch.label')}
            lang={lang === 'zh' ? 'en' : 'zh-CN'}
            data-testid="lang-switch"
          >
            {t('lang.switch')}
          </button>
        </nav>
      </header>
      {notices.length > 0 ? (
        <div className="notices" role="status" aria-live="polite">
          {notices.map((notice) => (
            <p key={notice.id} className={`notice notice--${notice.tone}`}>
              <span>{notice.text}</span>
              <button type="button" onClick={() => dismissNotice(notice.id)} aria-label={t('park.close')}>
                ×
              </button>
            </p>
          ))}
        </div>
      ) : null}
      <main className="app-main">{children}</main>
    </div>
  );
}
