/**
 * Where imported layers survive a reload: IndexedDB through idb-keyval, one entry `meta:<id>` (the
 * small metadata, rewritten on every rename/restyle) and one `features:<id>` (the features, written
 * only when they change) per layer. An in-memory store with the same interface serves the tests and
 * the benchmark.
 *
 * `get` returns what is stored as `unknown`: the reader validates it, so a damaged or foreign entry
 * is reported by key instead of crashing the restore or vanishing.
 */
import { createStore, del, get, keys, set, type UseStore } from 'idb-keyval';
import type { ImportedLayerMeta } from './types.ts';

export interface StoredEntries {
  /** `meta:<id>` as stored (undefined when missing). */
  meta: unknown;
  /** `features:<id>` as stored (undefined when missing). */
  features: unknown;
}

export interface LayerStore {
  /** Ids of every layer with at least one stored entry (orphans included, so they can be reported). */
  list(): Promise<string[]>;
  get(id: string): Promise<StoredEntries>;
  /** Writes the metadata, and the features when given (a rename leaves 1M features alone). */
  put(meta: ImportedLayerMeta, features?: GeoJSON.Feature[]): Promise<void>;
  delete(id: string): Promise<void>;
}

export const metaKey = (id: string) => `meta:${id}`;
export const featuresKey = (id: string) => `features:${id}`;

/** Layer ids named by a list of keys (`meta:<id>` / `features:<id>`), first-seen order. */
export function idsOfKeys(all: readonly unknown[]): string[] {
  const ids = new Set<string>();
  for (const k of all) {
    if (typeof k !== 'string') continue;
    const m = /^(?:meta|features):(.+)$/.exec(k);
    if (m) ids.add(m[1]!);
  }
  return [...ids];
}

/** The device's store (a database of its own, so other app data never mixes in). */
export function createIdbLayerStore(dbName = 'atlas-imports', storeName = 'layers'): LayerStore {
  let db: UseStore | null = null;
  const store = () => {
    db ??= createStore(dbName, storeName);
    return db;
  };
  return {
    async list() {
      return idsOfKeys(await keys(store()));
    },
    async get(id) {
      const [meta, features] = await Promise.all([get(metaKey(id), store()), get(featuresKey(id), store())]);
      return { meta, features };
    },
    async put(meta, features) {
      // Features first: a crash between the writes leaves an orphan that restore reports, never a
      // layer whose metadata points at missing features.
      if (features) await set(featuresKey(meta.id), features, store());
      await set(metaKey(meta.id), meta, store());
    },
    async delete(id) {
      await del(metaKey(id), store());
      await del(featuresKey(id), store());
    },
  };
}

/** A store in memory (tests, benchmark). `entries` is exposed so tests can damage it on purpose. */
export function createMemoryLayerStore(): LayerStore & { entries: Map<string, unknown> } {
  const entries = new Map<string, unknown>();
  return {
    entries,
    async list() {
      return idsOfKeys([...entries.keys()]);
    },
    async get(id) {
      return { meta: entries.get(metaKey(id)), features: entries.get(featuresKey(id)) };
    },
    async put(meta, features) {
      if (features) entries.set(featuresKey(meta.id), features);
      entries.set(metaKey(meta.id), structuredClone(meta));
    },
    async delete(id) {
      entries.delete(metaKey(id));
      entries.delete(featuresKey(id));
    },
  };
}
