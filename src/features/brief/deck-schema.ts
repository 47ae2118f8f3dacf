/**
 * A briefing deck as data: a versioned JSON document that presenters export, edit and import.
 *
 * Two levels of checking, so one bad slide never costs the whole deck:
 *  - `parseDeck` rejects a document whose *shape* is wrong (wrong schema or version, too many slides,
 *    oversized text, non-numbers where numbers belong) with readable reasons; the current deck stays.
 *  - `slideProblems` finds what a well-formed slide names but the atlas does not have (an unknown
 *    park or layer, a camera outside Guangzhou or outside the map's zoom range): that slide shows a
 *    placeholder saying so, and the rest of the deck works.
 * Captions and notes are plain text: rendered as React text, never as HTML.
 */
import { z } from 'zod';
import { PARK_IDS } from '../../data/vocabulary.ts';
import { LAYER_GROUPS } from '../../url/view-state.ts';

export const DECK_SCHEMA_ID = 'gz-parks-atlas/deck';
export const DECK_VERSION = 1;

/** Caps that keep a hostile deck from freezing the tab or filling storage. */
export const DECK_LIMITS = {
  /** Bytes of the raw file, checked before parsing. */
  fileBytes: 1_000_000,
  slides: 200,
  titleChars: 200,
  pointChars: 500,
  points: 6,
  notesChars: 5_000,
  idChars: 64,
  /** Entries in a slide's park or layer list. */
  listEntries: 20,
} as const;

/** The map's own camera limits (AtlasMap: minZoom 7, maxZoom 17, maxBounds around Guangzhou). */
export const SLIDE_CAMERA_LIMITS = {
  lng: { min: 111.5, max: 115.5 },
  lat: { min: 21.8, max: 24.7 },
  zoom: { min: 7, max: 17 },
  bearing: { min: -180, max: 180 },
  pitch: { min: 0, max: 85 },
} as const;

const text = (max: number) => z.string().max(max);
const BilingualText = (max: number) => z.object({ zh: text(max), en: text(max) }).strict();

/** Numbers only (JSON has no NaN; a string "NaN" is not a number); the range is checked per slide. */
export const SlideCameraSchema = z
  .object({
    lng: z.number(),
    lat: z.number(),
    zoom: z.number(),
    bearing: z.number().default(0),
    pitch: z.number().default(0),
  })
  .strict();
export type SlideCamera = z.infer<typeof SlideCameraSchema>;

export const SlideSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9-]+$/)
      .max(DECK_LIMITS.idChars),
    title: BilingualText(DECK_LIMITS.titleChars),
    points: z.array(BilingualText(DECK_LIMITS.pointChars)).max(DECK_LIMITS.points),
    notes: BilingualText(DECK_LIMITS.notesChars).optional(),
    /** null: fit the highlighted parks (or the whole city when none). */
    camera: SlideCameraSchema.nullable(),
    /** Layer groups shown (ids checked per slide: an unknown one gives the slide a placeholder). */
    layers: z.array(z.string().max(40)).max(DECK_LIMITS.listEntries),
    /** Parks highlighted (ids checked per slide as above). */
    parks: z.array(z.string().max(80)).max(DECK_LIMITS.listEntries),
  })
  .strict();
export type Slide = z.infer<typeof SlideSchema>;

export const DeckSchema = z
  .object({
    schema: z.literal(DECK_SCHEMA_ID),
    version: z.literal(DECK_VERSION),
    id: z
      .string()
      .regex(/^[a-z0-9-]+$/)
      .max(DECK_LIMITS.idChars),
    title: BilingualText(DECK_LIMITS.titleChars),
    slides: z.array(SlideSchema).min(1).max(DECK_LIMITS.slides),
  })
  .strict();
export type Deck = z.infer<typeof DeckSchema>;

export type DeckParseResult = { ok: true; deck: Deck } | { ok: false; reasons: string[] };

const MAX_REASONS = 8;

/** Parses a deck file's text. Never throws; the reasons are plain text for the user. */
export function parseDeckText(textContent: string): DeckParseResult {
  if (textContent.length > DECK_LIMITS.fileBytes) {
    return {
      ok: false,
      reasons: [`file too large: over ${DECK_LIMITS.fileBytes.toLocaleString('en')} bytes`],
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(textContent);
  } catch {
    return { ok: false, reasons: ['not valid JSON'] };
  }
  return parseDeck(json);
}

/** Validates a parsed JSON value as a deck. Never throws. */
export function parseDeck(json: unknown): DeckParseResult {
  // Count slides before zod walks them: 10,000 slides should be refused at once, not validated.
  const slides = (json as { slides?: unknown } | null)?.slides;
  if (Array.isArray(slides) && slides.length > DECK_LIMITS.slides) {
    return { ok: false, reasons: [`too many slides: ${slides.length} (at most ${DECK_LIMITS.slides})`] };
  }
  const result = DeckSchema.safeParse(json);
  if (result.success) {
    const ids = new Set<string>();
    for (const slide of result.data.slides) {
      if (ids.has(slide.id)) return { ok: false, reasons: [`duplicate slide id "${slide.id}"`] };
      ids.add(slide.id);
    }
    return { ok: true, deck: result.data };
  }
  const reasons = result.error.issues.slice(0, MAX_REASONS).map((issue) => {
    const where = issue.path.length > 0 ? issue.path.join('.') : 'deck';
    return `${where}: ${issue.message}`.slice(0, 300);
  });
  if (result.error.issues.length > MAX_REASONS) {
    reasons.push(`… and ${result.error.issues.length - MAX_REASONS} more`);
  }
  return { ok: false, reasons };
}

export type SlideProblem =
  | { kind: 'unknown-park'; id: string }
  | { kind: 'unknown-layer'; id: string }
  | { kind: 'camera-out-of-range'; field: keyof typeof SLIDE_CAMERA_LIMITS; value: number };

const PARK_SET: ReadonlySet<string> = new Set(PARK_IDS);
const LAYER_SET: ReadonlySet<string> = new Set(LAYER_GROUPS);

/** What a well-formed slide names that the atlas cannot show (empty: the slide is fine). */
export function slideProblems(slide: Slide): SlideProblem[] {
  const problems: SlideProblem[] = [];
  for (const id of slide.parks) if (!PARK_SET.has(id)) problems.push({ kind: 'unknown-park', id });
  for (const id of slide.layers) if (!LAYER_SET.has(id)) problems.push({ kind: 'unknown-layer', id });
  if (slide.camera) {
    for (const field of Object.keys(SLIDE_CAMERA_LIMITS) as (keyof typeof SLIDE_CAMERA_LIMITS)[]) {
      const value = slide.camera[field];
      const { min, max } = SLIDE_CAMERA_LIMITS[field];
      if (!(value >= min && value <= max)) problems.push({ kind: 'camera-out-of-range', field, value });
    }
  }
  return problems;
}
