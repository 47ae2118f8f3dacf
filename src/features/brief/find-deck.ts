/**
 * Looks up a stored (imported) deck by the id in `?deck=`. Until decks can be imported and stored,
 * no id is known: the page then shows a notice and falls back to the default deck. The deck editor
 * replaces this module's body with its stored-deck lookup.
 */
import type { Deck } from './deck-schema.ts';

export function findDeck(_id: string): Deck | null {
  return null;
}
