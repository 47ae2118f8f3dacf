/**
 * The default briefing deck, built from the atlas's own data (filled in by the next commit).
 */
import type { ParkContent } from '../../data/content-schema.ts';
import type { ParksCollection, TransitLinesCollection } from '../../data/geodata.ts';
import type { ParkFigures } from '../../data/park-figures-schema.ts';
import type { PlanPromises } from '../../data/plan-promises-schema.ts';
import { translate } from '../../i18n/translate.ts';
import { DECK_SCHEMA_ID, DECK_VERSION, type Deck } from './deck-schema.ts';

export const DEFAULT_DECK_ID = 'default';

export interface DeckData {
  parks: ParksCollection;
  content: ParkContent[];
  figures: ParkFigures;
  promises: PlanPromises;
  transitLines: TransitLinesCollection;
}

export function buildDefaultDeck(_data: DeckData): Deck {
  const title = { zh: translate('zh', 'app.title'), en: translate('en', 'app.title') };
  return {
    schema: DECK_SCHEMA_ID,
    version: DECK_VERSION,
    id: DEFAULT_DECK_ID,
    title,
    slides: [{ id: 'title', title, points: [], camera: null, layers: ['parks'], parks: [] }],
  };
}
