/** What each build step of scripts/build-geodata.ts is given, and the helpers the steps share. */
import type { z } from 'zod';
import type { TransitNetwork } from './transit.ts';

export interface BuildContext {
  /** The reference data set (`../shared/geodata-reference`); only its WGS-84 files are read. */
  referenceDir: string;
  /** The hand-authored inputs, `geodata/authored/`. */
  authoredDir: string;
  /** Lines of the build report. */
  log: string[];
  /** Transit lines and stations with the plan's additions, built on first use: three datasets need them. */
  transit(): TransitNetwork;
}

/** What a build step returns; the build validates it against the dataset's schema before writing it. */
export type BuiltCollection = {
  type: 'FeatureCollection';
  features: unknown[];
};

export type Json = Record<string, unknown>;
export interface RefFeature<G = { type: string; coordinates: unknown }> {
  type: 'Feature';
  geometry: G;
  properties: Json;
}
export interface RefCollection<G = { type: string; coordinates: unknown }> {
  type: 'FeatureCollection';
  features: RefFeature<G>[];
  [k: string]: unknown;
}

export const fc = <F>(features: F[]) => ({ type: 'FeatureCollection' as const, features });

/** Validate with a zod schema; throw naming the file, feature id and field on failure. */
export function validate<S extends z.ZodType>(schema: S, value: unknown, file: string): z.infer<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issues = r.error.issues.slice(0, 10).map((i) => {
    const p = i.path;
    let where = p.join('.');
    if (p[0] === 'features' && typeof p[1] === 'number') {
      const f = (value as { features: { properties?: { id?: string } }[] }).features[p[1]];
      where = `feature ${f?.properties?.id ?? `#${p[1]}`} › ${p.slice(2).join('.')}`;
    }
    return `${where}: ${i.message}`;
  });
  throw new Error(`${file} fails its schema:\n  ${issues.join('\n  ')}`);
}
