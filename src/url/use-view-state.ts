/**
 * React's view of the URL store (url-store.ts). Components re-render when the part of the view they
 * select changes — that is, on navigations — never on camera moves.
 */
import { useStore } from 'zustand';
import { createUrlStore, type RouterLike, type UrlStore } from './url-store.ts';
import type { ViewState } from './view-state.ts';

let binding: UrlStore | null = null;

/** Binds the URL store to the app's router; call once before the first render. */
export function bindUrlToRouter(router: RouterLike): UrlStore {
  binding?.dispose();
  binding = createUrlStore(router, window);
  return binding;
}

function urlBinding(): UrlStore {
  if (!binding) throw new Error('bindUrlToRouter() must run before the app renders');
  return binding;
}

export function useViewState() {
  const { store, update, setCamera } = urlBinding();
  const state = useStore(store, (s) => s.view);
  const unknownParkId = useStore(store, (s) => s.unknownParkId);
  return { state, unknownParkId, update, setCamera };
}

/** One part of the view (re-renders only when that part changes). */
export function useViewPart<T>(select: (view: ViewState) => T): T {
  return useStore(urlBinding().store, (s) => select(s.view));
}

/** Where the map should be: changes on navigations that ask the map to move. */
export function useCameraIntent() {
  return useStore(urlBinding().store, (s) => s.cameraIntent);
}

/** Ids the compare page dropped from `?parks=` (unknown, duplicate, over the limit). */
export function useDroppedCompareIds(): string[] {
  return useStore(urlBinding().store, (s) => s.droppedCompareIds);
}

/** The address to share: the current view with the latest camera. */
export function shareableUrl(): string {
  return new URL(urlBinding().shareableHref(), window.location.href).href;
}
