import {
  appendFileSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import checkFreshness, { recordedInputs } from './freshness.ts';

const geodata = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'geodata');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'freshness-check-'));
  mkdirSync(path.join(dir, 'content'));
  mkdirSync(path.join(dir, 'authored'));
  for (const f of [
    'catchments.json',
    'park-figures.json',
    'plan-promises.json',
    'authored/plan-promises.json',
    'authored/plan-transit.json',
    'parks.geojson',
    'stations.geojson',
    'transit-lines.geojson',
    'hubs.geojson',
    'facilities.geojson',
    'content/parks.json',
    'districts.geojson',
    'search-index.json',
  ])
    copyFileSync(path.join(geodata, f), path.join(dir, f));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('derived-file freshness', () => {
  it('reads the recorded inputs', () => {
    expect(
      recordedInputs(
        'geodata/parks.geojson sha256:0123456789abcdef + geodata/stations.geojson sha256:fedcba9876543210',
      ),
    ).toEqual([
      { file: 'geodata/parks.geojson', sha256: '0123456789abcdef' },
      { file: 'geodata/stations.geojson', sha256: 'fedcba9876543210' },
    ]);
  });

  it('passes on the committed geodata', () => {
    expect(checkFreshness(dir)).toEqual([]);
  });

  it('reports catchments, park figures, plan promises and the search index built from an older park file', () => {
    appendFileSync(path.join(dir, 'parks.geojson'), '\n');
    const findings = checkFreshness(dir) as {
      level: string;
      file: string;
      field?: string;
      message: string;
    }[];
    expect(findings).toHaveLength(4);
    expect(findings[0]).toMatchObject({ level: 'error', file: 'catchments.json', field: 'generatedFrom' });
    expect(findings[0]?.message).toMatch(/^stale: built from geodata\/parks\.geojson .*build-catchments/);
    expect(findings[1]).toMatchObject({ level: 'error', file: 'park-figures.json', field: 'generatedFrom' });
    expect(findings[1]?.message).toMatch(/^stale: built from geodata\/parks\.geojson .*build:figures/);
    expect(findings[2]).toMatchObject({ level: 'error', file: 'plan-promises.json', field: 'generatedFrom' });
    expect(findings[2]?.message).toMatch(/build-promises/);
    expect(findings[3]).toMatchObject({ level: 'error', file: 'search-index.json', field: 'generatedFrom' });
    expect(findings[3]?.message).toMatch(/^stale: built from geodata\/parks\.geojson .*build:search/);
  });

  it('reports a search index built from an older station file', () => {
    appendFileSync(path.join(dir, 'stations.geojson'), '\n');
    const files = (checkFreshness(dir) as { file: string }[]).map((f) => f.file);
    expect(files).toContain('search-index.json');
  });

  it('reports park figures built from older content (a revenue target edited)', () => {
    appendFileSync(path.join(dir, 'content/parks.json'), '\n');
    expect(checkFreshness(dir)).toMatchObject([
      { file: 'park-figures.json', message: expect.stringMatching(/geodata\/content\/parks\.json/) },
    ]);
  });

  it('reports park figures that do not match their schema', () => {
    const file = path.join(dir, 'park-figures.json');
    const figures = JSON.parse(readFileSync(file, 'utf8')) as { parks: { access: { score: number } }[] };
    figures.parks[0]!.access.score = 101;
    writeFileSync(file, JSON.stringify(figures));
    expect(checkFreshness(dir)).toMatchObject([
      { level: 'error', file: 'park-figures.json', field: 'parks.0.access.score', message: /^schema: / },
    ]);
  });

  it('reports a missing or unreadable catchments file', () => {
    writeFileSync(path.join(dir, 'catchments.json'), '{"generatedFrom": ');
    // The park figures were built from the old catchments.json: they are stale too.
    expect(checkFreshness(dir)).toMatchObject([
      { level: 'error', file: 'catchments.json', message: /^not valid JSON/ },
      { level: 'error', file: 'park-figures.json', message: /^stale: built from geodata\/catchments\.json/ },
    ]);
    rmSync(path.join(dir, 'catchments.json'));
    expect(checkFreshness(dir)).toMatchObject([
      { level: 'error', file: 'catchments.json', message: /^file is missing/ },
      { level: 'error', file: 'park-figures.json', message: /input geodata\/catchments\.json is missing/ },
    ]);
  });
});
