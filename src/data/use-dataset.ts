import { use } from 'react';

/**
 * Reads a memoised data promise inside Suspense. The loader must return the same promise on every
 * call (the loaders in geodata.ts memoise), otherwise React would suspend forever.
 */
export function useDataset<T>(load: () => Promise<T>): T {
  return use(load());
}
