/**
 * Binds the pure view-state functions to the router: read the current state from the location,
 * and navigate to a changed one. Camera moves replace the history entry (one write per move at
 * most, rate-limited); page, language and layer changes push a new entry.
 */
import { useCallback, useMemo, useRef } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { type Camera, hrefForState, parsePath, parseViewState, type ViewState } from './view-state.ts';

/** Minimum gap between two camera writes to history (≤ 60 writes per 30 s). */
const CAMERA_WRITE_MIN_GAP_MS = 500;

export function useViewState() {
  const location = useLocation();
  const navigate = useNavigate();
  const state = useMemo(
    () => parseViewState(location.pathname, location.search, location.hash),
    [location.pathname, location.search, location.hash],
  );
  const unknownParkId = useMemo(() => parsePath(location.pathname).unknownParkId, [location.pathname]);
  const stateRef = useRef(state);
  stateRef.current = state;
  const lastCameraWrite = useRef(0);
  const pendingCamera = useRef<number | null>(null);

  const update = useCallback(
    (patch: Partial<ViewState>, options: { replace?: boolean } = {}) => {
      const next = { ...stateRef.current, ...patch };
      navigate(hrefForState(next), { replace: options.replace ?? false });
    },
    [navigate],
  );

  const setCamera = useCallback(
    (camera: Camera) => {
      const write = () => {
        pendingCamera.current = null;
        lastCameraWrite.current = performance.now();
        const next = { ...stateRef.current, camera };
        const href = hrefForState(next);
        if (href !== `${window.location.pathname}${window.location.search}${window.location.hash}`) {
          navigate(href, { replace: true });
        }
      };
      if (pendingCamera.current !== null) window.clearTimeout(pendingCamera.current);
      const wait = CAMERA_WRITE_MIN_GAP_MS - (performance.now() - lastCameraWrite.current);
      if (wait <= 0) write();
      else pendingCamera.current = window.setTimeout(write, wait);
    },
    [navigate],
  );

  return { state, unknownParkId, update, setCamera };
}
