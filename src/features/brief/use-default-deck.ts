/** Loads what the default deck is built from and builds it once per page load. */
import { useEffect, useState } from 'react';
import { loadParkContent } from '../../data/content.ts';
import { loadParks, loadTransitLines } from '../../data/geodata.ts';
import { loadParkFigures } from '../../data/park-figures.ts';
import { loadPlanPromises } from '../../data/plan-promises.ts';
import type { Deck } from './deck-schema.ts';
import { buildDefaultDeck } from './default-deck.ts';

export type DefaultDeckStatus =
  | { status: 'loading' }
  | { status: 'ready'; deck: Deck }
  | { status: 'error'; message: string };

let built: Promise<Deck> | null = null;

/** The default deck (built from the same files and functions as the park pages). */
export function loadDefaultDeck(): Promise<Deck> {
  built ??= Promise.all([
    loadParks(),
    loadParkContent(),
    loadParkFigures(),
    loadPlanPromises(),
    loadTransitLines(),
  ]).then(([parks, content, figures, promises, transitLines]) =>
    buildDefaultDeck({ parks, content, figures, promises, transitLines }),
  );
  // A failed load (offline before the files were cached) may be retried by the next page.
  built.catch(() => {
    built = null;
  });
  return built;
}

export function useDefaultDeck(): DefaultDeckStatus {
  const [state, setState] = useState<DefaultDeckStatus>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    loadDefaultDeck().then(
      (deck) => live && setState({ status: 'ready', deck }),
      (error: unknown) =>
        live &&
        setState({ status: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}
