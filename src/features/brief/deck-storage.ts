/**
 * Imported and edited decks, kept in this browser's localStorage (one key per deck, prefixed), and
 * the deck file format: export as a JSON download, import from a file.
 *
 * Storage is not trusted: anything read back goes through parseDeck again, and an entry that no
 * longer parses (edited by hand, written by an older version, cut short) is skipped and reported,
 * never shown. A full storage (quota) is reported as such; the deck stays usable for the session.
 */
import { DECK_LIMITS, type Deck, type DeckParseResult, parseDeck, parseDeckText } from './deck-schema.ts';

export const DECK_STORAGE_PREFIX = 'gz-atlas.deck.';
/** Ids a stored deck may not take (the built-in deck's). */
export const RESERVED_DECK_IDS: ReadonlySet<string> = new Set(['default']);

/** The part of the Web Storage API used here (swappable in unit tests). */
export type DeckStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

function defaultStore(): DeckStore | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // A browser with storage disabled throws on the mere access.
    return null;
  }
}

export interface StoredDecks {
  decks: Deck[];
  /** Keys whose content was not a valid deck (ignored; the user is told). */
  corrupted: string[];
}

/** Every stored deck, sorted by title; corrupted entries are reported, not thrown. */
export function listStoredDecks(store: DeckStore | null = defaultStore()): StoredDecks {
  const decks: Deck[] = [];
  const corrupted: string[] = [];
  if (!store) return { decks, corrupted };
  const keys: string[] = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (key?.startsWith(DECK_STORAGE_PREFIX)) keys.push(key);
  }
  for (const key of keys) {
    const result = readKey(store, key);
    if (result?.ok) decks.push(result.deck);
    else corrupted.push(key.slice(DECK_STORAGE_PREFIX.length, DECK_STORAGE_PREFIX.length + 64));
  }
  decks.sort((a, b) => a.title.en.localeCompare(b.title.en) || a.id.localeCompare(b.id));
  return { decks, corrupted };
}

function readKey(store: DeckStore, key: string): DeckParseResult | null {
  let text: string | null;
  try {
    text = store.getItem(key);
  } catch {
    return null;
  }
  if (text === null) return null;
  const result = parseDeckText(text);
  // The key and the deck inside must agree, or a tampered entry could shadow another deck.
  if (result.ok && `${DECK_STORAGE_PREFIX}${result.deck.id}` !== key) {
    return { ok: false, reasons: ['stored under another id'] };
  }
  return result;
}

export type FindDeckResult =
  | { ok: true; deck: Deck }
  | { ok: false; reason: 'not-found' | 'corrupted'; reasons: string[] };

/** The stored deck with this id, or why there is none. */
export function findStoredDeck(id: string, store: DeckStore | null = defaultStore()): FindDeckResult {
  if (!/^[a-z0-9-]{1,64}$/.test(id) || !store) return { ok: false, reason: 'not-found', reasons: [] };
  const result = readKey(store, `${DECK_STORAGE_PREFIX}${id}`);
  if (result === null) return { ok: false, reason: 'not-found', reasons: [] };
  if (!result.ok) return { ok: false, reason: 'corrupted', reasons: result.reasons };
  return { ok: true, deck: result.deck };
}

/** The briefing's look-up of a `?deck=` id among the stored decks (null: not there or unusable). */
export function findDeck(id: string): Deck | null {
  const result = findStoredDeck(id);
  return result.ok ? result.deck : null;
}

export type SaveResult = { ok: true } | { ok: false; reason: 'quota' | 'unavailable' | 'reserved-id' };

export function saveDeck(deck: Deck, store: DeckStore | null = defaultStore()): SaveResult {
  if (RESERVED_DECK_IDS.has(deck.id)) return { ok: false, reason: 'reserved-id' };
  if (!store) return { ok: false, reason: 'unavailable' };
  try {
    store.setItem(`${DECK_STORAGE_PREFIX}${deck.id}`, serialiseDeck(deck));
    return { ok: true };
  } catch (error) {
    // QuotaExceededError (any browser's spelling) or storage switched off mid-session.
    const name = error instanceof Error ? error.name : '';
    return { ok: false, reason: /quota/i.test(name) ? 'quota' : 'unavailable' };
  }
}

export function deleteDeck(id: string, store: DeckStore | null = defaultStore()): void {
  try {
    store?.removeItem(`${DECK_STORAGE_PREFIX}${id}`);
  } catch {
    // Nothing to do: the entry stays, and the list shows it.
  }
}

/** The deck as its file text (stable key order as built by the schema; indented for hand editing). */
export function serialiseDeck(deck: Deck): string {
  return `${JSON.stringify(deck, null, 2)}\n`;
}

/**
 * A safe file-name stem: lower-case ASCII letters, digits and hyphens only (no path separators,
 * dots, control or reserved characters), at most 60 characters; 'deck' when nothing is left.
 */
export function fileStem(name: string): string {
  const stem = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return stem || 'deck';
}

/** The download file name of a deck. */
export function deckFileName(name: string): string {
  return `${fileStem(name)}.deck.json`;
}

/** A fresh id for a deck derived from `base`, not taken by any of `taken`. */
export function freshDeckId(base: string, taken: ReadonlySet<string>): string {
  const stem =
    base
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, DECK_LIMITS.idChars - 8) || 'deck';
  for (let n = 2; ; n++) {
    const id = `${stem}-${n}`;
    if (!taken.has(id) && !RESERVED_DECK_IDS.has(id)) return id;
  }
}

export type ImportResult = { ok: true; deck: Deck; renamed: boolean } | { ok: false; reasons: string[] };

/**
 * Reads an imported file's text as a deck. A deck whose id is reserved (the built-in deck exported
 * and imported back) is given a fresh id, so it never replaces the built-in one.
 */
export function importDeckText(text: string, taken: ReadonlySet<string>): ImportResult {
  const result = parseDeckText(text);
  if (!result.ok) return result;
  if (!RESERVED_DECK_IDS.has(result.deck.id)) return { ok: true, deck: result.deck, renamed: false };
  const deck = { ...result.deck, id: freshDeckId(result.deck.id, taken) };
  return { ok: true, deck, renamed: true };
}

/** Re-validates an edited deck before it is saved (the editor can produce only valid decks, but checks). */
export function validateDeck(deck: Deck): DeckParseResult {
  return parseDeck(JSON.parse(JSON.stringify(deck)));
}
