import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DATASETS } from '../src/data/datasets.ts';
import { ATTRIBUTIONS, attributionItems, schemaOf, withSourcesSection } from './datasets.ts';

const geodata = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'geodata');
const readJson = (file: string): unknown => JSON.parse(readFileSync(path.join(geodata, file), 'utf8'));

describe('the dataset registry', () => {
  it('gives every dataset its own id and file', () => {
    expect(new Set(DATASETS.map((d) => d.id)).size).toBe(DATASETS.length);
    expect(new Set(DATASETS.map((d) => d.file)).size).toBe(DATASETS.length);
  });

  it('names a file that exists in geodata/ for every entry', () => {
    for (const d of DATASETS) expect(existsSync(path.join(geodata, d.file)), d.file).toBe(true);
  });

  it('registers every GeoJSON file in geodata/', () => {
    const registered = new Set<string>(DATASETS.map((d) => d.file));
    const unregistered = readdirSync(geodata).filter((f) => f.endsWith('.geojson') && !registered.has(f));
    expect(unregistered).toEqual([]);
  });

  it('credits every dataset in attribution.json, as the registry says', () => {
    const committed = readJson('attribution.json') as { items: { id: string; appliesTo: string[] }[] };
    expect(committed).toEqual({ items: attributionItems() });
    for (const d of DATASETS) {
      expect(d.attribution.length, d.file).toBeGreaterThan(0);
      for (const id of d.attribution) {
        expect(Object.keys(ATTRIBUTIONS)).toContain(id);
        expect(committed.items.find((i) => i.id === id)?.appliesTo, `${d.file} › ${id}`).toContain(d.file);
      }
    }
  });

  it("validates every committed file against its entry's schema", () => {
    for (const d of DATASETS) {
      const r = schemaOf(d).safeParse(readJson(d.file));
      expect(r.success ? [] : r.error.issues.slice(0, 3), d.file).toEqual([]);
    }
  });

  it('is what SOURCES.md lists (rebuild with npm run build:geodata)', () => {
    const sources = readFileSync(path.join(geodata, 'SOURCES.md'), 'utf8');
    expect(withSourcesSection(sources)).toBe(sources);
    for (const d of DATASETS) expect(sources).toContain(`| \`${d.file}\` |`);
  });
});
