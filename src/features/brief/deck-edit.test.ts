import { describe, expect, it } from 'vitest';
import { moveSlide, pointsFromLines, removeSlide, slideCameraFrom, updateSlide } from './deck-edit.ts';
import { DECK_LIMITS, DECK_SCHEMA_ID, type Deck, parseDeck } from './deck-schema.ts';

const slide = (id: string) => ({
  id,
  title: { zh: id, en: id },
  points: [],
  camera: null,
  layers: [],
  parks: [],
});
const deck: Deck = {
  schema: DECK_SCHEMA_ID,
  version: 1,
  id: 'd',
  title: { zh: 'd', en: 'd' },
  slides: [slide('a'), slide('b'), slide('c')],
};

describe('deck editing', () => {
  it('reorders, edits and removes slides without touching the original', () => {
    expect(moveSlide(deck, 0, 2).slides.map((s) => s.id)).toEqual(['b', 'c', 'a']);
    expect(moveSlide(deck, 2, 0).slides.map((s) => s.id)).toEqual(['c', 'a', 'b']);
    expect(moveSlide(deck, 0, 5)).toBe(deck);
    expect(updateSlide(deck, 1, { layers: ['parks'] }).slides[1]?.layers).toEqual(['parks']);
    expect(removeSlide(deck, 0).slides.map((s) => s.id)).toEqual(['b', 'c']);
    expect(removeSlide({ ...deck, slides: [slide('x')] }, 0).slides).toHaveLength(1);
    expect(deck.slides.map((s) => s.id)).toEqual(['a', 'b', 'c']);
  });

  it('reads points one per line, within the limits', () => {
    expect(pointsFromLines('一\n\n二', 'one\n\ntwo\nthree')).toEqual([
      { zh: '一', en: 'one' },
      { zh: '二', en: 'two' },
      { zh: '', en: 'three' },
    ]);
    expect(pointsFromLines('x\n'.repeat(50), '')).toHaveLength(DECK_LIMITS.points);
  });

  it('captures a camera the schema accepts, clamped to the map', () => {
    const camera = slideCameraFrom({ lng: 113.123456789, lat: 23.1, zoom: 19, bearing: -12.34, pitch: 40.4 });
    expect(camera).toEqual({ lng: 113.12346, lat: 23.1, zoom: 17, bearing: -12.3, pitch: 40 });
    expect(slideCameraFrom({ lng: Number.NaN, lat: 0, zoom: 0, bearing: 0, pitch: 0 }).lat).toBe(21.8);
    const edited = updateSlide(deck, 0, { camera });
    expect(parseDeck(edited).ok).toBe(true);
  });
});
