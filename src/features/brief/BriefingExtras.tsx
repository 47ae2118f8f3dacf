/**
 * What the briefing page adds around the slides: the channel that keeps this window and the
 * presenter window in step, the P key (opens the presenter view), the presenter view itself (in
 * the window opened with `?presenter=1`), and the tools bar — decks (export, import, edit), the
 * handout and "save slide as PNG". The deck panel and the handout are loaded on first use.
 */
// This page's strings load with it (kept out of the first-paint bundle).
import '../../i18n/page-messages.ts';
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { useLang } from '../../i18n/use-lang.ts';
import { useViewState } from '../../url/use-view-state.ts';
import { hrefForState, type Lang, type LayerGroup, type Page } from '../../url/view-state.ts';
import { type BriefingChannel, type BriefingPosition, openBriefingChannel } from './briefing-channel.ts';
import { nextLangMode, useBriefingStore } from './briefing-state.ts';
import type { Deck, Slide } from './deck-schema.ts';
import { fileStem } from './deck-storage.ts';
import { isTypingTarget } from './keys.ts';
import { PresenterView } from './PresenterView.tsx';
import './brief-extras.css';

const DeckPanel = lazy(() => import('./DeckPanel.tsx').then((m) => ({ default: m.DeckPanel })));
const Handout = lazy(() => import('./Handout.tsx').then((m) => ({ default: m.Handout })));

type BriefPage = Extract<Page, { kind: 'brief' }>;

export interface BriefingExtrasProps {
  deck: Deck | null;
  /** 0-based slide shown. */
  index: number;
  /** The map groups a slide shows (the page's own rule). */
  layersOf: (slide: Slide) => LayerGroup[];
}

/** Keeps this window's briefing position and the other windows' in step. */
function useBriefingSync(deck: Deck | null, index: number) {
  const { state, update } = useViewState();
  const page = state.page as BriefPage;
  const langMode = useBriefingStore((s) => s.langMode);
  const blanked = useBriefingStore((s) => s.blanked);
  const channelRef = useRef<BriefingChannel | null>(null);
  const adoptRef = useRef<(p: BriefingPosition) => void>(() => {});
  adoptRef.current = (p) => {
    const store = useBriefingStore.getState();
    if (p.blanked !== store.blanked) store.setBlanked(p.blanked);
    // The page turns the language mode into the URL's (and map's) language.
    if (p.lang !== store.langMode) store.setLangMode(p.lang);
    // Never once this window has left the briefing (the page may render once more with the next page's state).
    if (page.kind === 'brief' && (p.deck !== page.deck || p.slide !== page.slide)) {
      update({ page: { ...page, deck: p.deck, slide: p.slide } });
    }
  };
  const ready = deck !== null;
  const position: BriefingPosition = { deck: page.deck, slide: index + 1, blanked, lang: langMode };
  const positionRef = useRef(position);
  positionRef.current = position;
  // The channel opens once the deck is there, so the first position it knows is a real one.
  useEffect(() => {
    if (!ready) return;
    const channel = openBriefingChannel(positionRef.current, (p) => adoptRef.current(p));
    channelRef.current = channel;
    return () => {
      channel.close();
      channelRef.current = null;
    };
  }, [ready]);
  const { deck: deckId, slide, lang } = position;
  useEffect(() => {
    if (ready) channelRef.current?.publish({ deck: deckId, slide, blanked, lang });
  }, [ready, deckId, slide, blanked, lang]);
}

export function BriefingExtras({ deck, index, layersOf }: BriefingExtrasProps) {
  const { t } = useLang();
  const { state, update } = useViewState();
  const page = state.page as BriefPage;
  const langMode = useBriefingStore((s) => s.langMode);
  const blanked = useBriefingStore((s) => s.blanked);
  const [panel, setPanel] = useState<'decks' | 'handout' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  useBriefingSync(deck, index);

  const openPresenter = useCallback(() => {
    const href = hrefForState({ ...state, page: { ...page, presenter: true, autoplay: null }, camera: null });
    const opened = window.open(href, 'gz-atlas-presenter', 'popup,width=1200,height=800');
    setNotice(
      opened ? null : t('brief.presenter.blocked', { url: new URL(href, window.location.href).href }),
    );
  }, [state, page, t]);

  useEffect(() => {
    if (page.presenter) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTypingTarget(event.target) || (event.key !== 'p' && event.key !== 'P')) return;
      event.preventDefault();
      openPresenter();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [page.presenter, openPresenter]);

  const langs: Lang[] = langMode === 'both' ? ['zh', 'en'] : [langMode];

  const savePng = async () => {
    const slide = deck?.slides[index];
    if (!deck || !slide) return;
    try {
      const [{ captureSettledMap, downloadBlob }, { composeSlidePng }] = await Promise.all([
        import('../../export/map-image.ts'),
        import('./slide-image.ts'),
      ]);
      const shot = await captureSettledMap();
      if (!shot) throw new Error(t('brief.edit.noMap'));
      const blob = await composeSlidePng(shot, slide, layersOf(slide), langs);
      const file = `${fileStem(deck.title.en || deck.id)}-${index + 1}.png`;
      downloadBlob(blob, file);
      setNotice(t('brief.png.saved', { file }));
    } catch (error) {
      setNotice(t('brief.png.failed', { message: error instanceof Error ? error.message : String(error) }));
    }
  };

  if (page.presenter) {
    return (
      <PresenterView
        deck={deck}
        index={index}
        langMode={langMode}
        blanked={blanked}
        onGoTo={(i) => useBriefingStore.getState().goTo(i)}
        onBlank={(b) => useBriefingStore.getState().setBlanked(b)}
        onCycleLang={() => {
          const { langMode: mode, setLangMode } = useBriefingStore.getState();
          setLangMode(nextLangMode(mode));
        }}
      />
    );
  }

  return (
    <>
      <div className="brief-tools" role="toolbar" aria-label={t('brief.extras.label')}>
        <button type="button" onClick={openPresenter} data-testid="brief-presenter">
          {t('brief.presenter.open')}
        </button>
        <button
          type="button"
          onClick={() => setPanel(panel === 'decks' ? null : 'decks')}
          aria-expanded={panel === 'decks'}
          data-testid="brief-decks"
        >
          {t('brief.decks.open')}
        </button>
        <button
          type="button"
          onClick={() => setPanel('handout')}
          disabled={!deck}
          data-testid="brief-handout"
        >
          {t('brief.handout.open')}
        </button>
        <button type="button" onClick={savePng} disabled={!deck} data-testid="brief-png">
          {t('brief.png.save')}
        </button>
      </div>
      {notice ? (
        <p className="brief-tools__notice" role="status" data-testid="brief-tools-notice">
          {notice}
        </p>
      ) : null}
      <Suspense fallback={null}>
        {panel === 'decks' ? (
          <DeckPanel
            deck={deck}
            deckId={page.deck}
            onShow={(id) => update({ page: { ...page, deck: id, slide: 1 } })}
            onClose={() => setPanel(null)}
          />
        ) : null}
        {panel === 'handout' && deck ? (
          <Handout deck={deck} langs={langs} layersOf={layersOf} onClose={() => setPanel(null)} />
        ) : null}
      </Suspense>
    </>
  );
}
