/** Every file of the hostile corpus gets its expected classified outcome, and nothing throws. */
import { describe, expect, it } from 'vitest';
import { HOSTILE_FILES } from '../../tests/corpus/hostile.ts';
import { STATIONS } from '../../tests/corpus/stations.ts';
import { detectDatumSuspicion } from './datum.ts';
import { parseFile } from './parse-file.ts';

describe('hostile corpus', () => {
  it('has at least 32 entries with unique ids', () => {
    expect(HOSTILE_FILES.length).toBeGreaterThanOrEqual(32);
    expect(new Set(HOSTILE_FILES.map((e) => e.id)).size).toBe(HOSTILE_FILES.length);
  });

  for (const entry of HOSTILE_FILES) {
    it(`${entry.id} → ${entry.expected.outcome}${entry.expected.code ? ` (${entry.expected.code})` : ''}`, async () => {
      const result = await parseFile(entry.bytes(), entry.fileName, { datum: 'wgs84' });
      expect(result.outcome).toBe(entry.expected.outcome);
      if (entry.expected.code) {
        expect([...result.notes, ...result.reasons].map((n) => n.code)).toContain(entry.expected.code);
      }
      if (result.outcome === 'rejected') {
        expect(result.features).toEqual([]);
        expect(result.reasons.length).toBeGreaterThan(0);
      } else {
        expect(result.features.length).toBeGreaterThan(0);
      }
      for (const n of [...result.notes, ...result.reasons]) {
        expect(n.zh.length).toBeGreaterThan(0);
        expect(n.en.length).toBeGreaterThan(0);
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }, 60_000);
  }

  it('flags the GCJ-02 station points', async () => {
    const entry = HOSTILE_FILES.find((e) => e.id === 'gcj02-station-points');
    const result = await parseFile((entry as (typeof HOSTILE_FILES)[number]).bytes(), 'x.csv', {
      datum: 'wgs84',
    });
    expect(detectDatumSuspicion(result.features, STATIONS)?.suspected).toBe('gcj02');
  });
});
