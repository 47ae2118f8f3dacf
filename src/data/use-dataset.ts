import { use, useEffect, useState } from 'react';

/**
 * Reads a memoised data promise inside Suspense. The loader must return the same promise on every
 * call (the loaders in geodata.ts memoise), otherwise React would suspend forever.
 */
export function useDataset<T>(load: () => Promise<T>): T {
  const promise = load();
  // use() suspends on a promise React has not seen settle, even one already resolved (e.g. by the
  // preloader): the boundary commits its fallback and React throttles the reveal by up to 300 ms.
  // A load known to have settled is read straight away instead.
  const known = settled.get(promise) as Loaded<T> | undefined;
  if (known?.status === 'ready') return known.value;
  if (known?.status === 'error') throw known.error;
  return use(promise);
}

const settled = new WeakMap<Promise<unknown>, Loaded<unknown>>();

/** Remembers how a promise settled, so later readers can use the value without waiting a tick. */
export function track<T>(promise: Promise<T>): Promise<T> {
  if (!settled.has(promise)) {
    promise.then(
      (value) => settled.set(promise, { status: 'ready', value }),
      (error: unknown) =>
        settled.set(promise, {
          status: 'error',
          error: error instanceof Error ? error : new Error(String(error)),
        }),
    );
  }
  return promise;
}

export type Loaded<T> =
  | { status: 'loading' }
  | { status: 'ready'; value: T }
  | { status: 'error'; error: Error };

/**
 * The same as useDataset, without Suspense: returns the load's state. For the map, which must
 * start the moment its inputs arrive — React throttles the reveal of a suspended boundary by
 * up to 300 ms, which would delay the map by that much.
 */
export function useLoaded<T>(load: () => Promise<T>): Loaded<T> {
  // A load that has already settled (e.g. started by the preloader) is ready on the first render.
  const [state, setState] = useState<Loaded<T>>(
    () => (settled.get(load()) as Loaded<T> | undefined) ?? { status: 'loading' },
  );
  useEffect(() => {
    let live = true;
    track(load()).then(
      // Keep the same state object when it was already ready on the first render: a new one would
      // make every derived value (and the map data built from it) change for nothing.
      (value) =>
        live &&
        setState((prev) =>
          prev.status === 'ready' && prev.value === value ? prev : { status: 'ready', value },
        ),
      (error: unknown) =>
        live &&
        setState({ status: 'error', error: error instanceof Error ? error : new Error(String(error)) }),
    );
    return () => {
      live = false;
    };
  }, [load]);
  return state;
}
