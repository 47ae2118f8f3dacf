import { describe, expect, it } from 'vitest';
import {
  DECK_LIMITS,
  DECK_SCHEMA_ID,
  DECK_VERSION,
  type Deck,
  parseDeck,
  parseDeckText,
  slideProblems,
} from './deck-schema.ts';

const slide = (id: string): Deck['slides'][number] => ({
  id,
  title: { zh: '标题', en: 'Title' },
  points: [{ zh: '要点', en: 'Point' }],
  camera: { lng: 113.36, lat: 23.1, zoom: 11, bearing: 0, pitch: 0 },
  layers: ['parks'],
  parks: ['bio-island'],
});
const deck = (slides = [slide('a'), slide('b')]): Deck => ({
  schema: DECK_SCHEMA_ID,
  version: DECK_VERSION,
  id: 'test',
  title: { zh: '测试', en: 'Test' },
  slides,
});

describe('deck schema', () => {
  it('accepts a valid deck and round-trips it through JSON', () => {
    const result = parseDeckText(JSON.stringify(deck()));
    expect(result).toEqual({ ok: true, deck: deck() });
  });

  it('rejects hostile decks with reasons', () => {
    const reject = (value: unknown) => {
      const r = typeof value === 'string' ? parseDeckText(value) : parseDeck(value);
      expect(r.ok).toBe(false);
      return r.ok ? [] : r.reasons;
    };
    expect(reject('{nope')).toEqual(['not valid JSON']);
    expect(reject({ ...deck(), schema: 'other' }).join()).toMatch(/schema/);
    expect(reject({ ...deck(), version: 2 }).join()).toMatch(/version/);
    expect(reject(deck(Array.from({ length: 10_000 }, (_, i) => slide(`s${i}`)))).join()).toMatch(
      /too many slides/,
    );
    const huge = { ...slide('a'), title: { zh: 'x'.repeat(5_000_000), en: 'x' } };
    expect(reject(JSON.stringify(deck([huge])))[0]).toMatch(/too large/);
    expect(
      reject(deck([{ ...slide('a'), title: { zh: 'x'.repeat(DECK_LIMITS.titleChars + 1), en: 'x' } }]))
        .length,
    ).toBe(1);
    expect(
      reject({ ...deck(), slides: [{ ...slide('a'), camera: { lng: 'NaN', lat: 23, zoom: 9 } }] }).join(),
    ).toMatch(/camera/);
    expect(reject(deck([slide('a'), slide('a')])).join()).toMatch(/duplicate/);
    expect(reject({ ...deck(), extra: '<script>' }).length).toBeGreaterThan(0);
  });

  it('keeps markup in captions as text (validation does not strip or run it)', () => {
    const payload = '<img src=x onerror=alert(1)>';
    const result = parseDeck(deck([{ ...slide('a'), title: { zh: payload, en: payload } }]));
    expect(result.ok && result.deck.slides[0]?.title.en).toBe(payload);
  });

  it('flags unknown parks, layers and out-of-range cameras per slide', () => {
    expect(slideProblems(slide('a'))).toEqual([]);
    const bad = {
      ...slide('a'),
      parks: ['atlantis'],
      layers: ['evil'],
      camera: { lng: 0, lat: 23, zoom: 30, bearing: 0, pitch: 0 },
    };
    expect(slideProblems(bad).map((p) => p.kind)).toEqual([
      'unknown-park',
      'unknown-layer',
      'camera-out-of-range',
      'camera-out-of-range',
    ]);
  });
});
