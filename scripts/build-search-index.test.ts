import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SearchIndexSchema } from '../src/data/search-index-schema.ts';
import {
  buildSearchIndex,
  generatedFromOf,
  pinyinKeys,
  readInputs,
  serialise,
} from './build-search-index.ts';

const geodata = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'geodata');

describe('build-search-index', () => {
  it('computes full pinyin and initials, with the Guangzhou readings', () => {
    expect(pinyinKeys('国际生物岛')).toEqual(['guojishengwudao', 'gjswd']);
    expect(pinyinKeys('番禺区')).toEqual(['panyuqu', 'pyq']);
    expect(pinyinKeys('东涌')).toEqual(['dongchong', 'dc']);
    expect(pinyinKeys('花都')).toEqual(['huadu', 'hd']);
    expect(pinyinKeys('APM')).toEqual([]);
  });

  it('rebuilds the committed file byte for byte (the data check also holds its input hashes)', () => {
    const index = buildSearchIndex(readInputs(geodata), generatedFromOf(geodata));
    expect(SearchIndexSchema.safeParse(index).success).toBe(true);
    expect(serialise(index)).toBe(readFileSync(path.join(geodata, 'search-index.json'), 'utf8'));
    expect(new Set(index.entries.map((e) => `${e.kind}:${e.id}`)).size).toBe(index.entries.length);
  });
});
