/**
 * Looks up a stored (imported or edited) deck by the id in `?deck=`: null when there is none or
 * the stored copy no longer parses (the page then says so and shows the default deck).
 */
export { findDeck } from './deck-storage.ts';
