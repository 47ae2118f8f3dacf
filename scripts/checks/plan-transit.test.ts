/**
 * Checks geodata/authored/plan-transit.json: the transit lines, stations and road links that the 2018 plan
 * (穗府办函〔2018〕105号, section 二) names for the ten parks.
 *
 * - lines / stations validate against the shared schemas (src/data/schemas.ts);
 * - every annotation points at a reference line id that exists in the official GZMTR table
 *   (skipped when the shared reference CSV is not available);
 * - every park for which the plan names transport is covered, or is listed below as not placeable, with the reason;
 * - every item the plan names appears in some planText.zh, and (when the plan text file is available) every
 *   planText.zh is a verbatim quotation of the plan.
 *
 * Run: npx vitest run scripts/checks/plan-transit.test.ts
 * Reference paths can be overridden with PLAN_TEXT_FILE and GZMTR_CSV_FILE.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  BilingualSchema,
  PARK_IDS,
  type ParkId,
  ParkIdSchema,
  StationsSchema,
  TransitLinesSchema,
} from '../../src/data/schemas.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');
const DATA_FILE = path.join(repoRoot, 'geodata', 'authored', 'plan-transit.json');
// ../shared beside the checkout (as on developer machines and in CI).
const SHARED_DIR = path.resolve(import.meta.dirname, '../../../shared');
const PLAN_TEXT_FILE =
  process.env.PLAN_TEXT_FILE ??
  path.join(SHARED_DIR, 'seed/guangzhou-value-innovation-parks-plan-2018.zh.txt');
const GZMTR_CSV_FILE =
  process.env.GZMTR_CSV_FILE ??
  path.join(SHARED_DIR, 'geodata-reference/metro/gzmtr_line_station_order_2025-10.csv');

/** The annotation entries are not part of schemas.ts; this is their contract. */
const AnnotationSchema = z.object({
  lineId: z.string().regex(/^line-[a-z0-9-]+$/),
  parkIds: z.array(ParkIdSchema).min(1),
  planStatus: z.enum(['planned', 'under-construction', 'accelerate']),
  planText: BilingualSchema,
});
const PlanTransitSchema = z.object({
  annotations: z.array(AnnotationSchema),
  lines: TransitLinesSchema,
  stations: StationsSchema,
});

/**
 * Items the plan names, written as the plan writes them (it says "18、19号线" and "13、21号线", never "18号线" or
 * "13号线" alone). Each must occur in some planText.zh of this file.
 */
const NAMED_ITEMS = [
  '18、19号线',
  '19号线',
  '有轨电车',
  '13、21号线',
  '穗莞深城际',
  '广汕高铁',
  '东北货车外绕线',
  '新塘经白云机场至广州北城际',
  '新造站',
  '3条接驳公交线路',
  '番禺4号线',
  '单轨',
  '8号线北延段',
  '广花快速路',
  '虎门二桥',
  '东部干线',
  '庆盛大道',
  '12号线官洲站',
  '永九快速路',
  '知识大道',
  '14号线',
  '21号线',
];

/**
 * Items the plan names that have no feature or annotation in plan-transit.json, and why. Each must still occur in
 * the plan text (sanity check that the list quotes the plan).
 */
const NOT_PLACED: Record<string, string> = {
  沐陂东路: 'park 3 local road; no position found in the reference data',
  沐陂西路: 'park 3 local road; no position found in the reference data',
  软件路西延长线: 'park 3 local road; no position found in the reference data',
  '南部道路一期(11、13号路)': 'park 3 local roads; no position found in the reference data',
  '4号道路': 'park 3 local road; no position found in the reference data',
  规划6条道路经过园区: 'park 8: the plan names no road, only their number',
  琶洲客运码头: 'park 1 ferry pier; no position found',
};

/**
 * Parks for which the plan names transport but which have nothing in this file, with the reason. Every other
 * park must be covered by an annotation, a line or a station.
 */
const PARKS_NOT_COVERED: Partial<Record<ParkId, string>> = {
  'tianhe-software':
    'only local roads (沐陂东/西路, 软件路西延长线, 南部道路一期, 4号道路), none of which could be placed',
  'huangpu-smart-equipment':
    'the plan names no line or road, only generic measures (加密支路网系统, 完善公共交通站点配置)',
  'panyu-smart-nev': 'the plan says only 规划6条道路经过园区, without names',
};

/** Stations as stored, including the extra planText property that StationsSchema does not declare. */
type RawStations = { stations: { features: { properties: { planText?: { zh?: string } } }[] } };

const raw: unknown = JSON.parse(readFileSync(DATA_FILE, 'utf8'));
const planText = existsSync(PLAN_TEXT_FILE) ? readFileSync(PLAN_TEXT_FILE, 'utf8') : undefined;
const gzmtrCsv = existsSync(GZMTR_CSV_FILE) ? readFileSync(GZMTR_CSV_FILE, 'utf8') : undefined;

function referenceLineIds(csv: string): Set<string> {
  const [header, ...rows] = csv.trim().split(/\r?\n/);
  const col = (header ?? '').split(',').indexOf('line_code');
  const ids = new Set<string>();
  for (const row of rows) {
    const code = row.split(',')[col];
    if (code) ids.add(`line-${code.trim().toLowerCase()}`);
  }
  return ids;
}

function positions(geometry: { type: string; coordinates: unknown }): number[][] {
  if (geometry.type === 'Point') return [geometry.coordinates as number[]];
  if (geometry.type === 'LineString') return geometry.coordinates as number[][];
  return (geometry.coordinates as number[][][]).flat();
}

describe('plan-transit.json', () => {
  const parsed = PlanTransitSchema.safeParse(raw);

  it('matches the schemas (annotations, TransitLinesSchema, StationsSchema)', () => {
    expect(parsed.success, parsed.success ? '' : z.prettifyError(parsed.error)).toBe(true);
  });
  if (!parsed.success) return;
  const data = parsed.data;
  const lines = data.lines.features;
  const stations = data.stations.features;

  it('uses plan- / plan-st- ids that are unique and equal to the feature id', () => {
    const seen = new Set<string>();
    for (const f of lines) {
      expect(f.properties.id).toMatch(/^plan-(?!st-)[a-z0-9-]+$/);
      if (f.id !== undefined) expect(f.id).toBe(f.properties.id);
      expect(seen.has(f.properties.id), `duplicate ${f.properties.id}`).toBe(false);
      seen.add(f.properties.id);
    }
    for (const f of stations) {
      expect(f.properties.id).toMatch(/^plan-st-[a-z0-9-]+$/);
      if (f.id !== undefined) expect(f.id).toBe(f.properties.id);
      expect(seen.has(f.properties.id), `duplicate ${f.properties.id}`).toBe(false);
      seen.add(f.properties.id);
    }
  });

  it('has WGS-84 positions in the Guangzhou region with at most 6 decimals', () => {
    for (const f of [...lines, ...stations]) {
      for (const position of positions(f.geometry)) {
        const lng = position[0] ?? Number.NaN;
        const lat = position[1] ?? Number.NaN;
        expect(lng, f.properties.id).toBeGreaterThan(112.5);
        expect(lng, f.properties.id).toBeLessThan(114.5);
        expect(lat, f.properties.id).toBeGreaterThan(22.4);
        expect(lat, f.properties.id).toBeLessThan(24.0);
        for (const v of [lng, lat])
          expect(Math.abs(v * 1e6 - Math.round(v * 1e6)), f.properties.id).toBeLessThan(1e-6);
      }
    }
  });

  it('gives every plan line its plan status, parks and words, and explains every non-reference position', () => {
    for (const f of lines) {
      const p = f.properties;
      expect(p.planStatus, p.id).toBeDefined();
      expect(p.planText, p.id).toBeDefined();
      expect(p.parkIds.length, p.id).toBeGreaterThan(0);
      expect(p.precision, `${p.id}: plan lines are not reference geometry`).not.toBe('reference');
      expect((p.precisionNote?.en ?? '').length, p.id).toBeGreaterThan(40);
      expect((p.precisionNote?.zh ?? '').length, p.id).toBeGreaterThan(20);
      if (p.precision === 'schematic') {
        expect(p.precisionNote?.en, p.id).toMatch(/not an alignment/i);
        expect(p.precisionNote?.zh, p.id).toContain('不代表实际线位');
      }
    }
    for (const f of stations) {
      expect(f.properties.parkIds.length, f.properties.id).toBeGreaterThan(0);
      expect((f.properties.precisionNote?.en ?? '').length, f.properties.id).toBeGreaterThan(20);
      expect((f.properties.precisionNote?.zh ?? '').length, f.properties.id).toBeGreaterThan(10);
    }
  });

  it.skipIf(!gzmtrCsv)('annotates only reference lines that exist in the official GZMTR table', () => {
    const valid = referenceLineIds(gzmtrCsv ?? '');
    expect(valid.size).toBeGreaterThan(20);
    for (const a of data.annotations)
      expect(valid.has(a.lineId), `${a.lineId} not in the GZMTR table`).toBe(true);
  });

  it('links stations only to lines that exist (plan lines here or reference lines)', () => {
    const planIds = new Set(lines.map((f) => f.properties.id));
    const valid = gzmtrCsv ? referenceLineIds(gzmtrCsv) : undefined;
    for (const f of stations) {
      for (const id of f.properties.lineIds) {
        const ok = planIds.has(id) || (id.startsWith('line-') && (valid ? valid.has(id) : true));
        expect(ok, `${f.properties.id} → ${id}`).toBe(true);
      }
    }
  });

  it('covers every park for which the plan names transport', () => {
    const covered = new Set<string>();
    for (const a of data.annotations) for (const id of a.parkIds) covered.add(id);
    for (const f of [...lines, ...stations]) for (const id of f.properties.parkIds) covered.add(id);
    for (const park of PARK_IDS) {
      if (PARKS_NOT_COVERED[park]) continue;
      expect(covered.has(park), `park ${park} has no transit item`).toBe(true);
    }
  });

  const allPlanTexts = [
    ...data.annotations.map((a) => a.planText.zh),
    ...lines.map((f) => f.properties.planText?.zh ?? ''),
    // Stations carry planText as an extra (non-schema) property; read it from the raw file.
    ...(raw as RawStations).stations.features.map((f) => f.properties.planText?.zh ?? ''),
  ].filter(Boolean);

  it.each(NAMED_ITEMS)('quotes the plan for %s', (item) => {
    expect(
      allPlanTexts.some((t) => t.includes(item)),
      `${item} not in any planText.zh`,
    ).toBe(true);
    if (planText) expect(planText.includes(item), `${item} not in the plan text`).toBe(true);
  });

  it.skipIf(!planText)('quotes the plan verbatim in every planText.zh', () => {
    for (const t of allPlanTexts) expect(planText?.includes(t), `not verbatim: ${t}`).toBe(true);
  });

  it.skipIf(!planText)('lists as not placed only items the plan really names', () => {
    for (const item of Object.keys(NOT_PLACED)) expect(planText?.includes(item), item).toBe(true);
  });
});
