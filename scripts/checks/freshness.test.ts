import { appendFileSync, copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import checkFreshness, { recordedInputs } from './freshness.ts';

const geodata = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'geodata');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'freshness-check-'));
  for (const f of ['catchments.json', 'parks.geojson', 'stations.geojson'])
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

  it('reports catchments built from an older park file', () => {
    appendFileSync(path.join(dir, 'parks.geojson'), '\n');
    const findings = checkFreshness(dir) as {
      level: string;
      file: string;
      field?: string;
      message: string;
    }[];
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ level: 'error', file: 'catchments.json', field: 'generatedFrom' });
    expect(findings[0]?.message).toMatch(/^stale: built from geodata\/parks\.geojson .*build-catchments/);
  });

  it('reports a missing or unreadable catchments file', () => {
    writeFileSync(path.join(dir, 'catchments.json'), '{"generatedFrom": ');
    expect(checkFreshness(dir)).toMatchObject([{ level: 'error', file: 'catchments.json' }]);
    rmSync(path.join(dir, 'catchments.json'));
    expect(checkFreshness(dir)).toMatchObject([{ level: 'error', message: /missing/ }]);
  });
});
