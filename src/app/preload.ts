/**
 * Start-up order. The page's largest text (the park list, Lighthouse's LCP element) must paint
 * before the map's heavy work — evaluating MapLibre (hundreds of ms of script) and creating the map
 * (WebGL set-up) — or that paint waits behind it. So:
 *  - the parks and the plan content (the list and its industry filter) are fetched first; index.html
 *    already preloads them (vite.config.ts), and main.tsx renders once they are in, so the first
 *    commit shows the whole list and nothing shifts when the filter arrives;
 *  - the map chunk is imported (fetched and evaluated) only once the list has been drawn (capped at
 *    LIST_WAIT_MS in case the parks failed or the page has no list);
 *  - a park page also starts its precomputed figures, so they paint with its text;
 *  - the district names (drawn from label points derived from this file) load with the map.
 */
import { loadParkContent } from '../data/content.ts';
import { loadDistricts, loadParks } from '../data/geodata.ts';
import { loadParkFigures } from '../data/park-figures.ts';
import { track } from '../data/use-dataset.ts';
import { hasWebGL2 } from './webgl-support.ts';

const LIST_PAINTED = 'park-list-painted';
const LIST_WAIT_MS = 3000;

let mapChunk: Promise<typeof import('../map/MapView.tsx')> | null = null;

/** Resolves when a performance entry `name` of `type` exists, or after `maxMs`. */
function whenEntry(type: 'mark', name: string, maxMs: number): Promise<void> {
  return new Promise((resolve) => {
    if (performance.getEntriesByName(name).length > 0) return resolve();
    const observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName(name).length > 0) finish();
    });
    const cap = window.setTimeout(() => finish(), maxMs);
    function finish() {
      window.clearTimeout(cap);
      observer.disconnect();
      resolve();
    }
    observer.observe({ type, buffered: true });
  });
}

/**
 * Resolves once the park list has been committed and its frame has been drawn (an animation frame
 * then a task), capped in case the parks failed to load or the page has no list. Not waiting for
 * the paint to be presented: with software compositing that can take seconds on a loaded machine
 * and would delay the map (map-ready is held to ≤ 1.3× a bare MapLibre page).
 */
async function afterListPaint(): Promise<void> {
  await whenEntry('mark', LIST_PAINTED, LIST_WAIT_MS);
  await new Promise<void>((resolve) => {
    // A hidden tab gets no animation frames: the timeout covers it.
    const timer = window.setTimeout(resolve, 100);
    requestAnimationFrame(() =>
      window.setTimeout(() => {
        window.clearTimeout(timer);
        resolve();
      }, 0),
    );
  });
}

/** The map chunk's import, shared with the lazy component so it is fetched and evaluated once. */
export function importMapView() {
  mapChunk ??= afterListPaint().then(() => import('../map/MapView.tsx'));
  return mapChunk;
}

/** The park page's text and precomputed figures, fetched together (errors surface where they are read). */
export function preloadParkPage(): void {
  void track(loadParkContent()).catch(() => undefined);
  void track(loadParkFigures()).catch(() => undefined);
}

/** Starts the data loads; resolves when what the first paint shows (parks, plan content) is in. */
export function preloadAtlas(): Promise<unknown> {
  const parks = track(loadParks()).catch(() => undefined);
  const content = track(loadParkContent()).catch(() => undefined);
  if (window.location.pathname.startsWith('/parks/')) preloadParkPage();
  if (hasWebGL2()) {
    void track(importMapView()).catch(() => undefined);
    void track(loadDistricts()).catch(() => undefined);
  }
  return Promise.all([parks, content]);
}
