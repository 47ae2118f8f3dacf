/**
 * The briefing's live state, shared with the parts that are not on the audience page (the presenter
 * view, the deck editor, the handout): the deck shown, the slide, the caption language mode and the
 * blanked screen. The briefing page writes it; anyone may read it and call `goTo`.
 *
 * The slide also lives in the URL (/brief/:slide): `goTo` navigates, and the page copies the URL's
 * slide back into `index`, so back/forward and reload keep the place.
 */
import { create } from 'zustand';
import type { Deck } from './deck-schema.ts';

/** Caption language: Chinese, English, or both side by side (the map then labels in Chinese). */
export type BriefLangMode = 'zh' | 'en' | 'both';
export const BRIEF_LANG_MODES: readonly BriefLangMode[] = ['zh', 'en', 'both'];

export interface BriefingState {
  /** null until the default deck is built from the data. */
  deck: Deck | null;
  /** 0-based index of the slide shown. */
  index: number;
  langMode: BriefLangMode;
  blanked: boolean;
  /** Moves to a slide (0-based, clamped to the deck); a no-op while no briefing page is open. */
  goTo: (index: number) => void;
  setBlanked: (blanked: boolean) => void;
  setLangMode: (mode: BriefLangMode) => void;
}

export const useBriefingStore = create<BriefingState>()((set) => ({
  deck: null,
  index: 0,
  langMode: 'zh',
  blanked: false,
  goTo: () => {},
  setBlanked: (blanked) => set({ blanked }),
  setLangMode: (langMode) => set({ langMode }),
}));

/** The next language mode for the L key: zh → en → both → zh. */
export function nextLangMode(mode: BriefLangMode): BriefLangMode {
  return BRIEF_LANG_MODES[(BRIEF_LANG_MODES.indexOf(mode) + 1) % BRIEF_LANG_MODES.length] ?? 'zh';
}

const ENTRY_KEY = 'atlas.brief.entry';

/** Remembers where the user was before opening the briefing (Esc goes back there). */
export function rememberBriefingEntry(href: string): void {
  try {
    sessionStorage.setItem(ENTRY_KEY, href);
  } catch {
    // Storage may be off (private mode): Esc then goes to the atlas's home.
  }
}

/** Where Esc leads: the remembered page if it is one of ours, else the atlas's home. */
export function briefingEntry(): string {
  let href: string | null = null;
  try {
    href = sessionStorage.getItem(ENTRY_KEY);
  } catch {
    href = null;
  }
  // Only a same-origin path: a stored value must never send the user to another site.
  return href?.startsWith('/') && !href.startsWith('//') && !href.startsWith('/brief') ? href : '/';
}
