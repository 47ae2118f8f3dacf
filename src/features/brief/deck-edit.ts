/**
 * The deck editor's operations, pure: each returns a new deck and never an invalid one (the
 * editor's fields are cut to the schema's limits as they are typed, and a captured camera is
 * rounded and clamped to the map's range).
 */
import type { Camera } from '../../url/view-state.ts';
import { DECK_LIMITS, type Deck, SLIDE_CAMERA_LIMITS, type Slide, type SlideCamera } from './deck-schema.ts';

export function moveSlide(deck: Deck, from: number, to: number): Deck {
  if (from === to || from < 0 || to < 0 || from >= deck.slides.length || to >= deck.slides.length)
    return deck;
  const slides = [...deck.slides];
  const [moved] = slides.splice(from, 1);
  if (!moved) return deck;
  slides.splice(to, 0, moved);
  return { ...deck, slides };
}

export function updateSlide(deck: Deck, index: number, patch: Partial<Slide>): Deck {
  const slide = deck.slides[index];
  if (!slide) return deck;
  const slides = [...deck.slides];
  slides[index] = { ...slide, ...patch };
  return { ...deck, slides };
}

export function removeSlide(deck: Deck, index: number): Deck {
  // A deck has at least one slide.
  if (deck.slides.length <= 1 || !deck.slides[index]) return deck;
  return { ...deck, slides: deck.slides.filter((_, i) => i !== index) };
}

/** Text typed into a field, cut to the schema's limit for it. */
export function clip(text: string, kind: 'title' | 'point' | 'notes'): string {
  const max =
    kind === 'title'
      ? DECK_LIMITS.titleChars
      : kind === 'point'
        ? DECK_LIMITS.pointChars
        : DECK_LIMITS.notesChars;
  return text.slice(0, max);
}

/** Points edited as one line per point (empty lines dropped, at most DECK_LIMITS.points). */
export function pointsFromLines(zh: string, en: string): Slide['points'] {
  const zhLines = zh.split('\n').map((l) => l.trim());
  const enLines = en.split('\n').map((l) => l.trim());
  const points: Slide['points'] = [];
  for (let i = 0; i < Math.max(zhLines.length, enLines.length) && points.length < DECK_LIMITS.points; i++) {
    const z = clip(zhLines[i] ?? '', 'point');
    const e = clip(enLines[i] ?? '', 'point');
    if (z !== '' || e !== '') points.push({ zh: z, en: e });
  }
  return points;
}

function clampRound(value: number, limit: { min: number; max: number }, decimals: number): number {
  const f = 10 ** decimals;
  const v = Number.isFinite(value) ? Math.min(limit.max, Math.max(limit.min, value)) : limit.min;
  return Math.round(v * f) / f;
}

/** The live map's camera as a slide camera ("use current view"). */
export function slideCameraFrom(camera: Camera): SlideCamera {
  const L = SLIDE_CAMERA_LIMITS;
  return {
    lng: clampRound(camera.lng, L.lng, 5),
    lat: clampRound(camera.lat, L.lat, 5),
    zoom: clampRound(camera.zoom, L.zoom, 2),
    bearing: clampRound(camera.bearing, L.bearing, 1),
    pitch: clampRound(camera.pitch, L.pitch, 0),
  };
}
