/**
 * The briefing: the live atlas as a full-screen presentation, one slide per URL (/brief/:slide).
 * The map fills the screen; each slide moves its camera, shows its layers and highlights its parks;
 * a caption, a compact key and the progress sit on top. One keydown handler drives it all
 * (keys.ts), so a presentation clicker works as it does in any slide program.
 */
// This page's strings load with it (kept out of the first-paint bundle).
import '../../i18n/page-messages.ts';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { ParkId } from '../../data/vocabulary.ts';
import { translate } from '../../i18n/translate.ts';
import { useLang } from '../../i18n/use-lang.ts';
import { useViewState } from '../../url/use-view-state.ts';
import type { Lang, LayerGroup, Page } from '../../url/view-state.ts';
import { isParkId, LAYER_GROUPS } from '../../url/view-state.ts';
import { MapArea } from '../atlas/MapArea.tsx';
import { BriefingExtras } from './BriefingExtras.tsx';
import { BriefKey } from './BriefKey.tsx';
import { briefingEntry, nextLangMode, useBriefingStore } from './briefing-state.ts';
import { type Deck, type Slide, slideProblems } from './deck-schema.ts';
import { findDeck } from './find-deck.ts';
import { isTypingTarget, keyToAction } from './keys.ts';
import { SlideCaption } from './SlideCaption.tsx';
import { useDefaultDeck } from './use-default-deck.ts';
import './brief.css';

type BriefPage = Extract<Page, { kind: 'brief' }>;

const LAYER_SET: ReadonlySet<string> = new Set(LAYER_GROUPS);

/** What the map shows for a slide; a slide with problems shows the city with the parks. */
function mapViewOf(slide: Slide | null, ok: boolean) {
  if (!slide || !ok) {
    return { camera: null, parkIds: [] as ParkId[], layers: ['parks'] as LayerGroup[] };
  }
  return {
    camera: slide.camera,
    parkIds: slide.parks.filter(isParkId),
    layers: LAYER_GROUPS.filter((g) => slide.layers.includes(g) && LAYER_SET.has(g)),
  };
}

export function BriefingPage() {
  const { t, lang } = useLang();
  const { state, update } = useViewState();
  const navigate = useNavigate();
  const page = state.page as BriefPage;
  const defaultDeck = useDefaultDeck();
  // A ?deck= id the stored decks do not have: say so and show the default deck.
  const storedDeck = useMemo(() => (page.deck ? findDeck(page.deck) : null), [page.deck]);
  const missingDeckId = page.deck && !storedDeck ? page.deck : null;
  const deck: Deck | null = storedDeck ?? (defaultDeck.status === 'ready' ? defaultDeck.deck : null);
  const count = deck?.slides.length ?? 0;
  const index = count > 0 ? Math.min(page.slide, count) - 1 : 0;
  const slide = deck?.slides[index] ?? null;
  const problems = useMemo(() => (slide ? slideProblems(slide) : []), [slide]);
  const langMode = useBriefingStore((s) => s.langMode);
  const blanked = useBriefingStore((s) => s.blanked);
  const rootRef = useRef<HTMLDivElement>(null);

  // Publish the deck and the place for the presenter view and the other briefing parts.
  const goTo = useCallback(
    (target: number) => {
      if (count === 0) return;
      const next = Math.max(0, Math.min(count - 1, target));
      if (next === index) return;
      update({ page: { ...page, slide: next + 1 } });
    },
    [count, index, page, update],
  );
  useEffect(() => {
    useBriefingStore.setState({ deck, index, goTo });
  }, [deck, index, goTo]);
  // Leaving the briefing: nothing may drive a page that is gone, and the next visit starts afresh.
  useEffect(
    () => () =>
      useBriefingStore.setState({ deck: null, index: 0, goTo: () => {}, blanked: false, langMode: 'zh' }),
    [],
  );

  // The language mode starts from the URL's language; 'both' keeps the URL (and map) in Chinese.
  useEffect(() => {
    const mode = useBriefingStore.getState().langMode;
    if (mode !== 'both' && mode !== lang) useBriefingStore.setState({ langMode: lang });
  }, [lang]);
  const cycleLanguage = useCallback(() => {
    const { langMode: mode, setLangMode } = useBriefingStore.getState();
    setLangMode(nextLangMode(mode));
  }, []);
  // Whoever changes the mode (L here, or the presenter view through the store), the URL's language
  // — and so the map's labels and the controls — follows it; Chinese when both are shown.
  const previousMode = useRef(langMode);
  useEffect(() => {
    if (previousMode.current === langMode) return;
    previousMode.current = langMode;
    const mapLang: Lang = langMode === 'en' ? 'en' : 'zh';
    if (mapLang !== lang) update({ lang: mapLang }, { replace: true });
  }, [langMode, lang, update]);

  // A slide number past the end (a shortened deck, a hand-typed URL) is brought into range.
  // (Only while the URL is still the briefing's: on leaving, this page renders once more with the
  // next page's state, and "correcting" that would navigate again on every render.)
  useEffect(() => {
    if (page.kind === 'brief' && count > 0 && page.slide !== index + 1)
      update({ page: { ...page, slide: index + 1 } }, { replace: true });
  }, [count, index, page, update]);

  const toggleFullscreen = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
    else void rootRef.current?.requestFullscreen?.().catch(() => {});
  }, []);
  const [isFullscreen, setIsFullscreen] = useState(false);
  useEffect(() => {
    const onChange = () => setIsFullscreen(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);

  const exit = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
    navigate(briefingEntry());
  }, [navigate]);

  // Autoplay: advances every `autoplay` seconds; any key pauses it, A resumes.
  const [autoplayPaused, setAutoplayPaused] = useState(false);
  const autoplay = page.autoplay;
  useEffect(() => {
    if (autoplay === null || autoplayPaused || blanked || count === 0) return;
    const timer = setTimeout(() => {
      if (index < count - 1) goTo(index + 1);
      else setAutoplayPaused(true);
    }, autoplay * 1000);
    return () => clearTimeout(timer);
  }, [autoplay, autoplayPaused, blanked, count, index, goTo]);

  // Digits typed before Enter: a slide number to jump to.
  const typedRef = useRef('');
  const [typed, setTyped] = useState('');
  const setTypedNumber = useCallback((value: string) => {
    typedRef.current = value;
    setTyped(value);
  }, []);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTypingTarget(event.target)) return;
      const action = keyToAction(event.key);
      const store = useBriefingStore.getState();
      // A blank screen comes back with any key, and that key does nothing else.
      if (store.blanked) {
        if (action || event.key.length === 1) {
          event.preventDefault();
          store.setBlanked(false);
        }
        return;
      }
      // Any key pauses autoplay (the presenter has taken over); A resumes it.
      if (autoplay !== null && action?.type !== 'resume') setAutoplayPaused(true);
      if (!action) return;
      // A focused control keeps Enter for itself; Space always steps (a clicker's "next"), which
      // also keeps it from toggling the fullscreen button last clicked.
      const onControl =
        event.target instanceof HTMLButtonElement || event.target instanceof HTMLAnchorElement;
      if (onControl && action.type === 'enter' && typedRef.current === '') return;
      event.preventDefault();
      switch (action.type) {
        case 'next':
          goTo(index + 1);
          break;
        case 'previous':
          goTo(index - 1);
          break;
        case 'first':
          goTo(0);
          break;
        case 'last':
          goTo(count - 1);
          break;
        case 'digit':
          setTypedNumber(`${typedRef.current}${action.digit}`.slice(-3));
          return;
        case 'backspace':
          setTypedNumber(typedRef.current.slice(0, -1));
          return;
        case 'enter': {
          const n = Number(typedRef.current);
          if (typedRef.current !== '' && n >= 1) goTo(n - 1);
          break;
        }
        case 'exit':
          if (typedRef.current !== '') break;
          exit();
          return;
        case 'fullscreen':
          toggleFullscreen();
          break;
        case 'language':
          cycleLanguage();
          break;
        case 'blank':
          store.setBlanked(true);
          break;
        case 'resume':
          if (autoplay !== null) setAutoplayPaused(false);
          break;
      }
      setTypedNumber('');
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [autoplay, count, cycleLanguage, exit, goTo, index, setTypedNumber, toggleFullscreen]);

  // One new flight target per slide (the slide and its problems keep their identity between renders).
  const briefingMap = useMemo(() => {
    const view = mapViewOf(slide, problems.length === 0);
    return {
      visibleGroups: view.layers,
      highlighted: view.parkIds,
      flyTarget: { camera: view.camera, parkIds: view.parkIds },
    };
  }, [slide, problems]);

  const layersOf = useCallback((s: Slide) => mapViewOf(s, slideProblems(s).length === 0).layers, []);
  // The presenter window (?presenter=1) shows the presenter view instead of the map.
  if (page.presenter) return <BriefingExtras deck={deck} index={index} layersOf={layersOf} />;

  return (
    <div
      ref={rootRef}
      className={`brief brief--${langMode}`}
      data-map-frame=""
      data-testid="briefing"
      data-slide={index + 1}
      data-lang-mode={langMode}
    >
      <div className="brief__map">
        <MapArea selectedParkId={null} briefing={briefingMap} />
      </div>
      {missingDeckId ? (
        <p className="brief__notice" role="status" data-testid="brief-missing-deck">
          {t('brief.deckMissing', { id: missingDeckId.slice(0, 64) })}
        </p>
      ) : null}
      {slide ? (
        <SlideCaption slide={slide} problems={problems} mode={langMode} />
      ) : (
        <div className="brief__caption" data-testid="brief-loading">
          {defaultDeck.status === 'error'
            ? t('brief.deckError', { message: defaultDeck.message })
            : t('brief.loading')}
        </div>
      )}
      <BriefKey groups={briefingMap.visibleGroups} mode={langMode} />
      <div className="brief__bar">
        <div className="brief__controls">
          <button
            type="button"
            onClick={toggleFullscreen}
            data-testid="brief-fullscreen"
            aria-pressed={isFullscreen}
          >
            {isFullscreen ? t('brief.fullscreen.exit') : t('brief.fullscreen.enter')}
          </button>
          <button type="button" onClick={exit} data-testid="brief-exit">
            {t('brief.exit')}
          </button>
          {autoplay !== null ? (
            <span className="brief__autoplay" data-testid="brief-autoplay" data-paused={autoplayPaused}>
              {autoplayPaused
                ? t('brief.autoplay.paused', { seconds: autoplay })
                : t('brief.autoplay.playing', { seconds: autoplay })}
            </span>
          ) : null}
          {typed ? (
            <span className="brief__typed" data-testid="brief-typed">
              {t('brief.goTo', { n: typed })}
            </span>
          ) : null}
        </div>
        <div
          className="brief__progress"
          role="progressbar"
          aria-label={t('brief.progress.label')}
          aria-valuemin={1}
          aria-valuemax={Math.max(1, count)}
          aria-valuenow={index + 1}
          aria-valuetext={t('brief.progress', { n: index + 1, total: count })}
        >
          <span className="brief__count" data-testid="brief-count">
            {translate(lang, 'brief.progress', { n: index + 1, total: count })}
          </span>
          <span className="brief__track">
            <span
              className="brief__fill"
              style={{ width: `${count > 0 ? ((index + 1) / count) * 100 : 0}%` }}
            />
          </span>
        </div>
      </div>
      <BriefingExtras deck={deck} index={index} layersOf={layersOf} />
      {blanked ? <div className="brief__blank" data-testid="brief-blank" aria-hidden="true" /> : null}
    </div>
  );
}
