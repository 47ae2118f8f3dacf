import { describe, expect, it } from 'vitest';
import { DECK_SCHEMA_ID, DECK_VERSION, type Deck } from './deck-schema.ts';
import {
  DECK_STORAGE_PREFIX,
  type DeckStore,
  deckFileName,
  deleteDeck,
  findStoredDeck,
  importDeckText,
  listStoredDecks,
  saveDeck,
  serialiseDeck,
} from './deck-storage.ts';

function sampleDeck(id = 'my-deck'): Deck {
  return {
    schema: DECK_SCHEMA_ID,
    version: DECK_VERSION,
    id,
    title: { zh: '测试', en: 'Test deck' },
    slides: [
      {
        id: 'one',
        title: { zh: '<script>alert(1)</script>', en: 'One' },
        points: [{ zh: '要点', en: '<img src=x onerror=alert(1)>' }],
        notes: { zh: '备注', en: 'notes' },
        camera: { lng: 113.3, lat: 23.1, zoom: 11, bearing: 10, pitch: 30 },
        layers: ['parks'],
        parks: ['pazhou-internet'],
      },
      { id: 'two', title: { zh: '二', en: 'Two' }, points: [], camera: null, layers: [], parks: [] },
    ],
  };
}

/** A Map-backed Storage; `quota` bytes of values before setItem throws like a full browser storage. */
function memoryStore(quota = Number.POSITIVE_INFINITY): DeckStore & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => {
      const used = [...map.entries()].reduce((s, [key, val]) => s + (key === k ? 0 : val.length), 0);
      if (used + v.length > quota) {
        const error = new Error('The quota has been exceeded.');
        error.name = 'QuotaExceededError';
        throw error;
      }
      map.set(k, v);
    },
    removeItem: (k) => {
      map.delete(k);
    },
  };
}

describe('deck storage', () => {
  it('saves, lists, finds and deletes decks under the prefix', () => {
    const store = memoryStore();
    store.setItem('unrelated', 'x');
    expect(saveDeck(sampleDeck('b-deck'), store)).toEqual({ ok: true });
    expect(saveDeck({ ...sampleDeck('a-deck'), title: { zh: '甲', en: 'Alpha' } }, store)).toEqual({
      ok: true,
    });
    expect(store.map.has(`${DECK_STORAGE_PREFIX}a-deck`)).toBe(true);
    expect(listStoredDecks(store).decks.map((d) => d.id)).toEqual(['a-deck', 'b-deck']);
    expect(findStoredDeck('b-deck', store)).toEqual({ ok: true, deck: sampleDeck('b-deck') });
    deleteDeck('b-deck', store);
    expect(findStoredDeck('b-deck', store)).toMatchObject({ ok: false, reason: 'not-found' });
    expect(listStoredDecks(store)).toEqual({
      decks: [expect.objectContaining({ id: 'a-deck' })],
      corrupted: [],
    });
  });

  it('ignores corrupted entries and says which', () => {
    const store = memoryStore();
    saveDeck(sampleDeck('good'), store);
    store.setItem(`${DECK_STORAGE_PREFIX}cut`, serialiseDeck(sampleDeck('cut')).slice(0, 100));
    store.setItem(`${DECK_STORAGE_PREFIX}old`, JSON.stringify({ ...sampleDeck('old'), version: 0 }));
    // A valid deck stored under another deck's key must not shadow it.
    store.setItem(`${DECK_STORAGE_PREFIX}shadow`, serialiseDeck(sampleDeck('good')));
    const { decks, corrupted } = listStoredDecks(store);
    expect(decks.map((d) => d.id)).toEqual(['good']);
    expect(corrupted.sort()).toEqual(['cut', 'old', 'shadow']);
    expect(findStoredDeck('cut', store)).toMatchObject({ ok: false, reason: 'corrupted' });
  });

  it('reports a full storage as quota and keeps what was there', () => {
    const store = memoryStore(serialiseDeck(sampleDeck('first')).length + 100);
    expect(saveDeck(sampleDeck('first'), store)).toEqual({ ok: true });
    expect(saveDeck(sampleDeck('second'), store)).toEqual({ ok: false, reason: 'quota' });
    expect(listStoredDecks(store).decks.map((d) => d.id)).toEqual(['first']);
  });

  it('copes with no storage and throwing storage', () => {
    expect(saveDeck(sampleDeck(), null)).toEqual({ ok: false, reason: 'unavailable' });
    expect(listStoredDecks(null)).toEqual({ decks: [], corrupted: [] });
    const broken = {
      ...memoryStore(),
      getItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(findStoredDeck('x', broken)).toMatchObject({ ok: false, reason: 'not-found' });
  });

  it('never stores over the built-in deck', () => {
    expect(saveDeck(sampleDeck('default'), memoryStore())).toEqual({ ok: false, reason: 'reserved-id' });
  });
});

describe('deck files', () => {
  it('round-trips export → import unchanged, payloads kept as plain text', () => {
    const deck = sampleDeck();
    const result = importDeckText(serialiseDeck(deck), new Set());
    expect(result).toEqual({ ok: true, deck, renamed: false });
  });

  it('gives the built-in deck a fresh id on import', () => {
    const result = importDeckText(serialiseDeck(sampleDeck('default')), new Set(['default-2']));
    expect(result).toMatchObject({ ok: true, renamed: true, deck: { id: 'default-3' } });
  });

  it('rejects a broken file with reasons', () => {
    const result = importDeckText('{"schema":"nope"}', new Set());
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reasons.length).toBeGreaterThan(0);
  });

  it('sanitises file names', () => {
    expect(deckFileName('Test deck')).toBe('test-deck.deck.json');
    expect(deckFileName('../../etc/passwd')).toBe('etc-passwd.deck.json');
    expect(deckFileName('C:\\con\u0000<>:"|?*.json')).toBe('c-con-json.deck.json');
    expect(deckFileName('广州园区')).toBe('deck.deck.json');
    expect(deckFileName('Café  Zürich')).toBe('cafe-zurich.deck.json');
    expect(deckFileName('a'.repeat(500))).toBe(`${'a'.repeat(60)}.deck.json`);
    expect(deckFileName('')).toBe('deck.deck.json');
  });
});
