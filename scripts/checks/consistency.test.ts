import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkConsistency } from './consistency.ts';
import type { CheckFinding } from './types.ts';

const geodata = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'geodata');
const FILES = ['parks.geojson', 'content/parks.json', 'facilities.geojson', 'facilities-unplaced.json'];

interface Geo {
  features: { properties: Record<string, unknown> & { id: string; name: { zh: string; en: string } } }[];
}
interface ContentPark {
  id: string;
  planOrder: number;
  statedAreaKm2: number;
  name: { zh: string; en: string };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'consistency-check-'));
  mkdirSync(path.join(dir, 'content'));
  for (const f of FILES) copyFileSync(path.join(geodata, f), path.join(dir, f));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const read = <T>(file: string): T => JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as T;
const write = (file: string, value: unknown) => writeFileSync(path.join(dir, file), JSON.stringify(value));
const errors = (f: CheckFinding[]) => f.filter((x) => x.level === 'error');
const geoPark = (g: Geo, id: string) => g.features.find((f) => f.properties.id === id)!.properties;

describe('consistency check (parks.geojson ↔ content/parks.json ↔ facilities)', () => {
  it('passes on the committed geodata', () => {
    expect(errors(checkConsistency(dir))).toEqual([]);
  });

  it.each(['en', 'zh'] as const)('(a) reports a park name that differs in %s', (lang) => {
    const g = read<Geo>('parks.geojson');
    geoPark(g, 'huadu-military-civil').name[lang] =
      'Huadu Military-Civilian Integration Value Innovation Park';
    write('parks.geojson', g);
    expect(errors(checkConsistency(dir))).toEqual([
      expect.objectContaining({
        file: 'parks.geojson',
        featureId: 'huadu-military-civil',
        field: `name.${lang}`,
      }),
    ]);
  });

  it('(a) reports a name changed on the content side too, naming the park', () => {
    const c = read<ContentPark[]>('content/parks.json');
    c.find((p) => p.id === 'panyu-smart-nev')!.name.en = 'Panyu NEV Park';
    write('content/parks.json', c);
    const e = errors(checkConsistency(dir));
    expect(e).toHaveLength(1);
    expect(e[0]).toMatchObject({ featureId: 'panyu-smart-nev', field: 'name.en' });
    expect(e[0]!.message).toContain('Panyu NEV Park');
  });

  it('(b) reports a stated area that differs', () => {
    const c = read<ContentPark[]>('content/parks.json');
    c.find((p) => p.id === 'bio-island')!.statedAreaKm2 = 1.8;
    write('content/parks.json', c);
    expect(errors(checkConsistency(dir))).toEqual([
      expect.objectContaining({ file: 'parks.geojson', featureId: 'bio-island', field: 'statedAreaKm2' }),
    ]);
  });

  it('(c) reports a plan order that differs', () => {
    const g = read<Geo>('parks.geojson');
    geoPark(g, 'nansha-ai').planOrder = 7;
    write('parks.geojson', g);
    expect(errors(checkConsistency(dir))).toEqual([
      expect.objectContaining({ file: 'parks.geojson', featureId: 'nansha-ai', field: 'planOrder' }),
    ]);
  });

  it('(d) reports a facility whose park is not in parks.geojson', () => {
    const fac = read<Geo>('facilities.geojson');
    const f = fac.features[0]!.properties;
    f.parkId = 'no-such-park';
    write('facilities.geojson', fac);
    const unplaced = read<{ id: string; parkId: string }[]>('facilities-unplaced.json');
    unplaced[0]!.parkId = 'also-no-park';
    write('facilities-unplaced.json', unplaced);
    const e = errors(checkConsistency(dir));
    expect(e).toContainEqual(
      expect.objectContaining({ file: 'facilities.geojson', featureId: f.id, field: 'parkId' }),
    );
    expect(e).toContainEqual(
      expect.objectContaining({
        file: 'facilities-unplaced.json',
        featureId: unplaced[0]!.id,
        field: 'parkId',
      }),
    );
    expect(e).toHaveLength(2);
  });

  it('(d) reports the facilities of a park dropped from parks.geojson, and the missing park', () => {
    const g = read<Geo>('parks.geojson');
    g.features = g.features.filter((f) => f.properties.id !== 'bio-island');
    write('parks.geojson', g);
    const e = errors(checkConsistency(dir));
    expect(e).toContainEqual(
      expect.objectContaining({ file: 'parks.geojson', featureId: 'bio-island', field: 'id' }),
    );
    const facilities = read<Geo>('facilities.geojson').features.filter(
      (f) => f.properties.parkId === 'bio-island',
    );
    expect(facilities.length).toBeGreaterThan(0);
    for (const f of facilities)
      expect(e).toContainEqual(
        expect.objectContaining({ file: 'facilities.geojson', featureId: f.properties.id, field: 'parkId' }),
      );
  });

  it('reports a missing content file naming it', () => {
    unlinkSync(path.join(dir, 'content/parks.json'));
    expect(errors(checkConsistency(dir))).toContainEqual(
      expect.objectContaining({ file: 'content/parks.json', message: expect.stringMatching(/missing/) }),
    );
  });
});
