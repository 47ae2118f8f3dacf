import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AuthoredPromiseSchema, PlanPromisesSchema } from '../src/data/plan-promises-schema.ts';
import { PARK_IDS } from '../src/data/schemas.ts';
import { buildPromises, readInputs, referenceEvidence, serialise } from './build-promises.ts';
import { DEFAULT_PLAN_TEXT } from './checks/content.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const geodata = path.join(here, '..', 'geodata');
const reference = process.env.GEODATA_REFERENCE ?? path.join(here, '..', '..', 'shared', 'geodata-reference');
const committed = JSON.parse(readFileSync(path.join(geodata, 'plan-promises.json'), 'utf8'));
const haveSources = existsSync(reference) && existsSync(process.env.PLAN_TEXT ?? DEFAULT_PLAN_TEXT);

describe('geodata/plan-promises.json', () => {
  it('matches its schema', () => {
    expect(PlanPromisesSchema.safeParse(committed).success).toBe(true);
  });

  it('has promises for every park and unique ids', () => {
    const parks = new Set(committed.promises.map((p: { parkId: string }) => p.parkId));
    expect([...parks].sort()).toEqual([...PARK_IDS].sort());
    const ids = committed.promises.map((p: { id: string }) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('types no opening date and claims "open by" only from a reference snapshot', () => {
    for (const p of committed.promises) {
      expect(JSON.stringify(p)).not.toMatch(/openSince/);
      if (p.openBy) expect(p.source).toMatch(/gzmtr_line_station_order_2025-10\.csv/);
      if (p.statusNow === 'open') expect(p.openBy).not.toBeNull();
    }
  });

  it.runIf(haveSources)('is what the build makes of the current inputs', () => {
    const rebuilt = buildPromises(
      readInputs(geodata, reference),
      committed.generatedFrom,
      committed.reference,
    );
    expect(serialise(rebuilt)).toBe(readFileSync(path.join(geodata, 'plan-promises.json'), 'utf8'));
  });

  it.runIf(haveSources)('reads the plan words from plan-transit.json for the park, not another park', () => {
    const line21 = committed.promises.filter((p: { id: string }) => p.id.endsWith('metro-21'));
    expect(line21.map((p: { planWords: { zh: string } }) => p.planWords.zh)).toEqual([
      expect.stringContaining('穗莞深城际'),
      expect.stringContaining('永九快速路'),
    ]);
  });
});

describe('the promises build', () => {
  it.runIf(haveSources)('dates a line by the oldest snapshot listing it', () => {
    const { snapshots } = readInputs(geodata, reference);
    const l13 = referenceEvidence(snapshots, { line: '13' });
    expect(l13.listedIn[0]).toBe('hkust-baidu-2024-03');
    expect(l13.text.en).toMatch(/鱼珠–新沙.*天河公园–新沙/);
    // Line 12 is missing from the 2024 set: 官洲 is open by the Oct 2025 official table.
    const guanzhou = referenceEvidence(snapshots, { line: '12', station: '官洲' });
    expect(guanzhou.listedIn[0]).toBe('gzmtr-2025-10');
    expect(referenceEvidence(snapshots, { line: '19' }).listedIn).toEqual([]);
  });

  it.runIf(haveSources)('refuses a quote the plan does not contain and a line no snapshot lists', () => {
    const input = readInputs(geodata, reference);
    const base = input.authored.find((p) => p.id === 'tianhe-road-4')!;
    expect(() =>
      buildPromises(
        { ...input, authored: [{ ...base, planWords: { zh: '规划建设地铁99号线', en: 'x' } }] },
        '',
        '',
      ),
    ).toThrow(/quote not found/);
    const l18 = input.authored.find((p) => p.id === 'pazhou-metro-18')!;
    expect(() =>
      buildPromises({ ...input, authored: [{ ...l18, reference: { line: '19' } }] }, '', ''),
    ).toThrow(/no reference snapshot lists/);
  });

  it('authored promises need evidence unless a reference gives it', () => {
    const base = {
      id: 'x',
      parkId: 'bio-island',
      kind: 'road',
      name: { zh: '路', en: 'road' },
      planWords: { zh: '路', en: 'road' },
      statusThen: 'planned',
    };
    expect(AuthoredPromiseSchema.safeParse(base).success).toBe(false);
    expect(
      AuthoredPromiseSchema.safeParse({ ...base, statusNow: 'unknown', evidence: base.name }).success,
    ).toBe(true);
    expect(AuthoredPromiseSchema.safeParse({ ...base, reference: { line: '12' } }).success).toBe(true);
    expect(
      AuthoredPromiseSchema.safeParse({ ...base, reference: { line: '12' }, statusNow: 'unknown' }).success,
    ).toBe(false);
  });
});
