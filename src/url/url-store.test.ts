import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CAMERA_WRITE_MIN_GAP_MS, createUrlStore, type HistoryLike, type RouterLike } from './url-store.ts';
import { CAMERA_LIMITS, type Camera } from './view-state.ts';

interface Loc {
  pathname: string;
  search: string;
  hash: string;
}

function split(href: string): Loc {
  const url = new URL(href, 'http://atlas.test');
  return { pathname: url.pathname, search: url.search, hash: url.hash };
}

/**
 * A router and a browser history that behave like react-router's data router over window.history:
 * navigations notify subscribers a microtask later with a new location object; replaceState
 * changes the address without telling the router.
 */
function makeWorld(start = '/') {
  const address: Loc = split(start);
  const writes: string[] = [];
  const listeners = new Set<(s: RouterLike['state']) => void>();
  const router: RouterLike = {
    state: { location: { ...address } },
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    navigate: (to) => {
      Object.assign(address, split(to));
      writes.push(`navigate ${to}`);
      return Promise.resolve().then(() => {
        router.state = { location: { ...address } };
        for (const l of listeners) l(router.state);
      });
    },
  };
  const browser: HistoryLike = {
    location: address,
    history: {
      state: { idx: 0 },
      replaceState: (_data, _unused, url) => {
        Object.assign(address, split(url));
        writes.push(`replace ${url}`);
      },
    },
  };
  /** The user edits the address bar or goes back/forward: the router sees a POP. */
  const pop = (href: string) => {
    Object.assign(address, split(href));
    router.state = { location: { ...address } };
    for (const l of listeners) l(router.state);
  };
  let clock = 0;
  const binding = createUrlStore(router, browser, () => clock);
  const advance = (ms: number) => {
    clock += ms;
    vi.advanceTimersByTime(ms);
  };
  return {
    binding,
    writes,
    address,
    pop,
    advance,
    href: () => `${address.pathname}${address.search}${address.hash}`,
  };
}

const cam = (zoom: number, lng = 113.3, lat = 23.1): Camera => ({ zoom, lat, lng, bearing: 0, pitch: 0 });

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('URL store', () => {
  it('writes a camera move to the hash without a navigation and without changing the view', () => {
    const w = makeWorld('/parks/bio-island?lang=en');
    const view = w.binding.store.getState().view;
    w.binding.setCamera(cam(12));
    expect(w.href()).toBe('/parks/bio-island?lang=en#12.00/23.10000/113.30000/0.0/0');
    expect(w.binding.store.getState().view).toBe(view); // nothing re-renders on a pan
    expect(w.binding.store.getState().cameraIntent.revision).toBe(0);
  });

  it('writes at most once per move and at most once per CAMERA_WRITE_MIN_GAP_MS', () => {
    const w = makeWorld('/');
    for (let i = 0; i < 40; i++) {
      w.binding.setCamera(cam(10 + i / 100));
      w.advance(20);
    }
    w.advance(CAMERA_WRITE_MIN_GAP_MS);
    const replaces = w.writes.filter((x) => x.startsWith('replace'));
    expect(replaces.length).toBeGreaterThan(1);
    expect(replaces.length).toBeLessThanOrEqual(Math.ceil((40 * 20) / CAMERA_WRITE_MIN_GAP_MS) + 1);
    expect(w.href()).toContain('#10.39/'); // the last move wins
  });

  it('a pending camera write never overrides a navigation (D2)', async () => {
    const w = makeWorld('/');
    w.binding.setCamera(cam(11));
    w.binding.setCamera(cam(12)); // within the gap: pending
    w.binding.update({ page: { kind: 'plan' }, camera: null });
    await Promise.resolve();
    w.advance(CAMERA_WRITE_MIN_GAP_MS * 2);
    expect(w.href()).toBe('/plan');
    expect(w.binding.store.getState().view.page).toEqual({ kind: 'plan' });
  });

  it('a link followed outside `update` also cancels a pending write', async () => {
    const w = makeWorld('/');
    w.binding.setCamera(cam(11));
    w.binding.setCamera(cam(12));
    w.pop('/plan'); // back/forward or a <Link> lands on another page
    w.advance(CAMERA_WRITE_MIN_GAP_MS * 2);
    expect(w.href()).toBe('/plan');
  });

  it('a hash edited by hand asks the map to move there (D3)', () => {
    const w = makeWorld('/');
    w.pop('/#13.50/23.08000/113.37000/0.0/0');
    const intent = w.binding.store.getState().cameraIntent;
    expect(intent.revision).toBe(1);
    expect(intent.camera).toEqual({ zoom: 13.5, lat: 23.08, lng: 113.37, bearing: 0, pitch: 0 });
  });

  it("a language switch keeps the map's own camera and does not ask the map to move", async () => {
    const w = makeWorld('/parks/bio-island');
    w.binding.setCamera(cam(12));
    w.binding.setCamera(cam(13)); // pending when the user switches language
    w.binding.update({ lang: 'en' }, { replace: true });
    await Promise.resolve();
    expect(w.href()).toBe('/parks/bio-island?lang=en#13.00/23.10000/113.30000/0.0/0');
    expect(w.binding.store.getState().view.lang).toBe('en');
    expect(w.binding.store.getState().cameraIntent.revision).toBe(0);
  });

  it('choosing a park asks for a fit even when the URL had no camera', async () => {
    const w = makeWorld('/');
    w.binding.update({ page: { kind: 'atlas', parkId: 'nansha-ai' }, camera: null });
    await Promise.resolve();
    expect(w.binding.store.getState().cameraIntent).toEqual({
      camera: null,
      parkId: 'nansha-ai',
      revision: 1,
    });
    // The same park again (a second click) is a navigation too, and fits again.
    w.binding.update({ page: { kind: 'atlas', parkId: 'nansha-ai' }, camera: null });
    await Promise.resolve();
    expect(w.binding.store.getState().cameraIntent.revision).toBe(2);
  });

  it('back to an entry with a camera moves the map to it', () => {
    const w = makeWorld('/parks/bio-island#12.00/23.10000/113.30000/0.0/0');
    w.pop('/#10.00/23.00000/113.40000/0.0/0');
    const intent = w.binding.store.getState().cameraIntent;
    expect(intent.parkId).toBeNull();
    expect(intent.camera?.zoom).toBe(10);
  });

  it('any hand-edited hash yields a valid camera intent and never throws', () => {
    const w = makeWorld('/');
    const junk = fc.oneof(
      fc.string(),
      fc
        .tuple(fc.double(), fc.double(), fc.double(), fc.double(), fc.double())
        .map((xs) => `#${xs.join('/')}`),
      fc.constantFrom('#', '#NaN/1/2', '#1e9/1/1', '#-0/-0/-0', '#99/99/999/9999/999', '#%E0%A4%A'),
    );
    fc.assert(
      fc.property(junk, (hash) => {
        w.pop(`/${hash.startsWith('#') ? '' : '#'}${hash}`);
        const c = w.binding.store.getState().cameraIntent.camera;
        if (c === null) return;
        for (const key of Object.keys(CAMERA_LIMITS) as (keyof Camera)[]) {
          expect(Number.isFinite(c[key])).toBe(true);
          expect(c[key]).toBeGreaterThanOrEqual(CAMERA_LIMITS[key].min);
          expect(c[key]).toBeLessThanOrEqual(CAMERA_LIMITS[key].max);
        }
      }),
      { numRuns: 10_000 },
    );
  });
});
