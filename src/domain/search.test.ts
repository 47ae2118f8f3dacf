import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { districtName, MAX_QUERY_LENGTH, normaliseSearchText, type SearchIndex, search } from './search.ts';

// The committed index (scripts/build-search-index.ts; the data check keeps it fresh).
const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../geodata/search-index.json');
const INDEX = JSON.parse(readFileSync(file, 'utf8')) as SearchIndex;

const first = (q: string) => search(INDEX, q)[0]?.entry;
const ids = (q: string) => search(INDEX, q).map((h) => `${h.entry.kind}:${h.entry.id}`);

describe('normaliseSearchText', () => {
  it('folds case and full-width forms, drops spaces and word joiners, keeps everything else', () => {
    expect(normaliseSearchText('  Bio-Island ')).toBe('bioisland');
    expect(normaliseSearchText('ＰＡＺＨＯＵ')).toBe('pazhou');
    expect(normaliseSearchText('机场北(T2)')).toBe('机场北t2');
    expect(normaliseSearchText('<b>.*')).toBe('<b>.*');
  });
});

describe('search', () => {
  it('finds a park by its Chinese name, English name, pinyin and initials', () => {
    for (const q of ['生物岛', '国际生物岛', 'Bio-Island', 'bio island', 'shengwudao', 'swd', 'gjswd'])
      expect(first(q), q).toMatchObject({ kind: 'park', id: 'bio-island' });
    for (const q of ['琶洲互联网', 'pazhou', 'Pazhou', 'pz', 'pzhlw'])
      expect(first(q), q).toMatchObject({ kind: 'park', id: 'pazhou-internet' });
  });

  it('finds stations, lines, facilities and districts', () => {
    expect(ids('pazhou')).toContain('station:st-pazhou');
    expect(ids('琶洲')).toContain('station:st-pazhou');
    expect(ids('modiesha')).toContain('station:st-modiesha');
    expect(ids('18号线')[0]).toBe('line:line-18');
    expect(ids('Line 18')[0]).toBe('line:line-18');
    expect(ids('shibahaoxian')[0]).toBe('line:line-18');
    expect(ids('海珠区')[0]).toBe('district:440105');
    expect(ids('haizhu')).toContain('district:440105');
    expect(ids('hzq')).toContain('district:440105');
    expect(ids('commercial complex')).toContain('facility:p9-commercial-complex');
  });

  it('ranks exact and prefix matches first, then parks before stations before lines …', () => {
    const hits = search(INDEX, 'pazhou');
    expect(hits[0]?.entry.kind).toBe('park');
    const kinds = hits.map((h) => h.entry.kind);
    // grouped: each kind appears in one run
    expect(kinds.filter((k, i) => i === 0 || kinds[i - 1] !== k)).toEqual([...new Set(kinds)]);
    const stations = hits.filter((h) => h.entry.kind === 'station');
    expect(stations[0]?.entry.id).toBe('st-pazhou'); // the exact name before 琶洲塔 etc.
    expect(stations[0]?.match).toBe('exact');
  });

  it('shows the district of a hit', () => {
    const park = first('pazhou')!;
    expect(districtName(INDEX, park.district)).toEqual({ zh: '海珠区', en: 'Haizhu District' });
    expect(districtName(INDEX, null)).toBeNull();
  });

  it('finds nothing for whitespace, markup, regex metacharacters or 10 000 characters', () => {
    for (const q of [
      '',
      '   ',
      '\t\n',
      '<script>alert(1)</script>',
      '<b>',
      '.*',
      '(',
      '[',
      '\\',
      '^$',
      'a'.repeat(10_000),
    ])
      expect(search(INDEX, q), JSON.stringify(q.slice(0, 20))).toEqual([]);
    expect(search(INDEX, 'x'.repeat(MAX_QUERY_LENGTH + 1))).toEqual([]);
  });

  it('matches metacharacters literally', () => {
    const index: SearchIndex = {
      districts: [],
      entries: [
        {
          kind: 'station',
          id: 'a',
          name: { zh: 'a.b', en: 'a.b' },
          district: null,
          point: [0, 0],
          keys: ['a.b'],
        },
        {
          kind: 'station',
          id: 'b',
          name: { zh: 'axb', en: 'axb' },
          district: null,
          point: [0, 0],
          keys: ['axb'],
        },
      ],
    };
    expect(search(index, 'a.b').map((h) => h.entry.id)).toEqual(['a']);
    expect(search(index, '.')).toHaveLength(1);
  });

  it('never throws and returns only entries containing the normalised query (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'grapheme' }),
          fc.constantFrom('.*', '(?:', '\\u0000', '[^]'),
        ),
        (q) => {
          const hits = search(INDEX, q);
          const n = normaliseSearchText(q);
          expect(hits.length).toBeLessThanOrEqual(12);
          for (const h of hits) expect(h.entry.keys.some((k) => k.includes(n))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
