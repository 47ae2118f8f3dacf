/**
 * The URL as the one source of shareable state, bound both ways.
 *
 * URL → app: every location change the router reports (a link, `update`, back/forward, a hand-edited
 * address) is parsed into `view`. React renders from `view`, which changes only on such navigations,
 * so a camera move re-renders nothing.
 *
 * Map → URL: camera moves are written to the hash with `history.replaceState`, past the router, at
 * most once per move and at most every CAMERA_WRITE_MIN_GAP_MS. A pending write is cancelled by any
 * navigation, so it can never replace the page the user just went to.
 *
 * The map follows `cameraIntent`: it changes when a navigation asks for a camera the map did not
 * produce itself — a new page (null = fit the park or the city), a hash typed into the address bar,
 * back/forward — and stays put when the camera in the URL is the map's own (a language switch during
 * a flight must not pull the map back to where the flight started).
 *
 * MapLibre's own `hash` option does the hash half of this, but it cannot be told about router
 * navigations (it would write a camera onto /plan, or onto a park page before the park is fitted),
 * hence this module.
 */
import { createStore } from 'zustand/vanilla';
import type { ParkId } from '../data/vocabulary.ts';
import {
  type Camera,
  hashForCamera,
  hrefForState,
  type Page,
  parseCompareParks,
  parsePath,
  parseViewState,
  sameCamera,
  searchForState,
  type ViewState,
} from './view-state.ts';

/** Minimum gap between two camera writes to history (≤ 60 writes per 30 s; browsers allow ~100). */
export const CAMERA_WRITE_MIN_GAP_MS = 500;

export interface CameraIntent {
  /** null = the default view of the page: the selected park, or all parks. */
  camera: Camera | null;
  parkId: ParkId | null;
  /** Changes whenever the map should move to this intent. */
  revision: number;
}

export interface UrlState {
  view: ViewState;
  /** A park id in the path that does not exist (shown as "not found"), cut to 80 characters. */
  unknownParkId: string | null;
  /** Ids in `?parks=` the compare page left out (unknown, duplicate, over 10), for a notice. */
  droppedCompareIds: string[];
  cameraIntent: CameraIntent;
}

/** What the store needs of a router: react-router's data router fits. */
export interface RouterLike {
  state: { location: { pathname: string; search: string; hash: string } };
  subscribe: (listener: (state: RouterLike['state']) => void) => () => void;
  navigate: (to: string, options?: { replace?: boolean }) => unknown;
}

/** What the store needs of the browser's history and location (swappable in unit tests). */
export interface HistoryLike {
  location: { pathname: string; search: string; hash: string };
  history: { state: unknown; replaceState: (data: unknown, unused: string, url: string) => void };
}

/** The park the map should show for a page (fitted when it changes). */
function parkIdOf(page: Page): ParkId | null {
  return page.kind === 'atlas' || page.kind === 'access' ? page.parkId : null;
}

function samePage(a: Page, b: Page): boolean {
  return a.kind === b.kind && parkIdOf(a) === parkIdOf(b);
}

function droppedCompareIdsOf(page: Page, search: string): string[] {
  if (page.kind !== 'compare') return [];
  return parseCompareParks(new URLSearchParams(search).get('parks')).dropped;
}

export type UrlStore = ReturnType<typeof createUrlStore>;

export function createUrlStore(router: RouterLike, browser: HistoryLike, now = () => performance.now()) {
  const initialLocation = router.state.location;
  const initialView = parseViewState(initialLocation.pathname, initialLocation.search, initialLocation.hash);
  const store = createStore<UrlState>()(() => ({
    view: initialView,
    unknownParkId: parsePath(initialLocation.pathname).unknownParkId,
    droppedCompareIds: droppedCompareIdsOf(initialView.page, initialLocation.search),
    cameraIntent: { camera: initialView.camera, parkId: parkIdOf(initialView.page), revision: 0 },
  }));

  /** The camera the URL holds or is about to hold: the last navigation's, or the map's latest move. */
  let currentCamera: Camera | null = initialView.camera;
  // The router makes a new location object for every navigation (and only then): its identity is
  // what tells a navigation from the router's own loading-state notifications.
  let lastLocation = initialLocation;
  let pendingWrite: ReturnType<typeof setTimeout> | null = null;
  let lastWriteAt = Number.NEGATIVE_INFINITY;
  /** Set by `update` when it asks for a camera explicitly (e.g. null to fit a newly selected park). */
  let explicitCamera = false;

  const cancelPendingWrite = () => {
    if (pendingWrite !== null) clearTimeout(pendingWrite);
    pendingWrite = null;
  };

  const unsubscribe = router.subscribe(({ location }) => {
    if (location === lastLocation) return;
    lastLocation = location;
    cancelPendingWrite();
    const previous = store.getState();
    const view = parseViewState(location.pathname, location.search, location.hash);
    const moveMap =
      explicitCamera || !samePage(view.page, previous.view.page) || !sameCamera(view.camera, currentCamera);
    explicitCamera = false;
    currentCamera = view.camera;
    store.setState({
      view,
      unknownParkId: parsePath(location.pathname).unknownParkId,
      droppedCompareIds: droppedCompareIdsOf(view.page, location.search),
      cameraIntent: moveMap
        ? { camera: view.camera, parkId: parkIdOf(view.page), revision: previous.cameraIntent.revision + 1 }
        : previous.cameraIntent,
    });
  });

  /** Navigates to the current view changed by `patch`; the camera is the latest one unless given. */
  const update = (patch: Partial<ViewState>, options: { replace?: boolean } = {}) => {
    cancelPendingWrite();
    const hasCamera = Object.hasOwn(patch, 'camera');
    const next: ViewState = {
      ...store.getState().view,
      camera: currentCamera,
      ...patch,
    };
    // Read when the router reports the navigation (it does so even for the very same URL).
    explicitCamera = hasCamera;
    void router.navigate(hrefForState(next), { replace: options.replace ?? false });
  };

  /** Records a finished camera move; writes it to the hash at most every CAMERA_WRITE_MIN_GAP_MS. */
  const setCamera = (camera: Camera) => {
    currentCamera = camera;
    cancelPendingWrite();
    const write = () => {
      pendingWrite = null;
      lastWriteAt = now();
      const { location, history } = browser;
      const view = store.getState().view;
      const href = `${location.pathname}${searchForState(view)}${hashForCamera(camera)}`;
      if (href === `${location.pathname}${location.search}${location.hash}`) return;
      // Keep the router's entry state (its key and index) so back/forward keep working.
      history.replaceState(history.state, '', href);
    };
    const wait = CAMERA_WRITE_MIN_GAP_MS - (now() - lastWriteAt);
    if (wait <= 0) write();
    else pendingWrite = setTimeout(write, wait);
  };

  /** The full shareable address of what the user sees now, camera included even if not yet written. */
  const shareableHref = () => {
    const { location } = browser;
    return `${location.pathname}${searchForState(store.getState().view)}${hashForCamera(currentCamera)}`;
  };

  /** Drops a camera write still waiting (the map is going away). */
  const dispose = () => {
    cancelPendingWrite();
    unsubscribe();
  };

  return { store, update, setCamera, shareableHref, cancelPendingWrite, dispose };
}
