/**
 * Starts what the map needs first — its code chunk, the parks and the district names — as soon as the
 * entry script runs, so they download while React renders the shell instead of after it. A park page
 * also starts its text and its precomputed figures, together.
 */
import { loadParkContent } from '../data/content.ts';
import { loadDistricts, loadParks } from '../data/geodata.ts';
import { loadParkFigures } from '../data/park-figures.ts';
import { track } from '../data/use-dataset.ts';
import { hasWebGL2 } from './webgl-support.ts';

let mapChunk: Promise<unknown> | null = null;

/** The map chunk's import, shared with the lazy component so it is fetched once. */
export function importMapView() {
  mapChunk ??= import('../map/MapView.tsx');
  return mapChunk as Promise<typeof import('../map/MapView.tsx')>;
}

/** The park page's text and figures, fetched in parallel (errors surface where they are read). */
export function preloadParkPage(): void {
  void track(loadParkContent()).catch(() => undefined);
  void track(loadParkFigures()).catch(() => undefined);
}

export function preloadAtlas(): void {
  void track(loadParks()).catch(() => undefined);
  if (window.location.pathname.startsWith('/parks/')) preloadParkPage();
  if (!hasWebGL2()) return;
  void track(importMapView()).catch(() => undefined);
  // District names are drawn from label points the app derives from this file.
  void track(loadDistricts()).catch(() => undefined);
}
