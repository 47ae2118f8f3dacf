/**
 * Starts the two slow things the map needs — its code chunk and the parks file — as soon as the
 * entry script runs, so they download while React renders the shell instead of after it.
 */
import { loadParks } from '../data/geodata.ts';
import { hasWebGL2 } from './webgl-support.ts';

let mapChunk: Promise<unknown> | null = null;

/** The map chunk's import, shared with the lazy component so it is fetched once. */
export function importMapView() {
  mapChunk ??= import('../map/MapView.tsx');
  return mapChunk as Promise<typeof import('../map/MapView.tsx')>;
}

export function preloadAtlas(): void {
  void loadParks().catch(() => undefined);
  if (hasWebGL2()) void importMapView().catch(() => undefined);
}
