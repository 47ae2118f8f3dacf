import { use, useEffect, useState } from 'react';

/**
 * Reads a memoised data promise inside Suspense. The loader must return the same promise on every
 * call (the loaders in geodata.ts memoise), otherwise React would suspend forever.
 */
export function useDataset<T>(load: () => Promise<T>): T {
  return use(load());
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
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    load().then(
      (value) => live && setState({ status: 'ready', value }),
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
