/**
 * Derived files must match their schema and be rebuilt when their inputs change. Each records the
 * SHA-256 (first 16 hex digits) of the files it was computed from
 * (`generatedFrom: "geodata/parks.geojson sha256:… + geodata/stations.geojson sha256:…"`); a park
 * outline or a station edited without rebuilding would leave the coverage figures, the access
 * scores and the park pages' figures describing old geometry.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ParkFiguresSchema } from '../../src/data/park-figures-schema.ts';
import { PlanPromisesSchema } from '../../src/data/plan-promises-schema.ts';
import { CatchmentsSchema } from '../../src/data/schemas.ts';
import { SearchIndexSchema } from '../../src/data/search-index-schema.ts';
import type { CheckFinding, DataCheck } from './types.ts';

/** The derived files, their schema and how to rebuild them (park figures read catchments.json: build it first). */
const DERIVED = [
  { file: 'catchments.json', schema: CatchmentsSchema, rebuild: 'run `npx tsx scripts/build-catchments.ts`' },
  { file: 'park-figures.json', schema: ParkFiguresSchema, rebuild: 'run `npm run build:figures`' },
  {
    file: 'plan-promises.json',
    schema: PlanPromisesSchema,
    rebuild: 'run `npx tsx scripts/build-promises.ts`',
  },
  {
    file: 'search-index.json',
    schema: SearchIndexSchema,
    rebuild: 'run `npm run build:search`',
  },
] as const;

/** The `path sha256:hex` pairs of a generatedFrom string. */
export function recordedInputs(generatedFrom: string): { file: string; sha256: string }[] {
  return [...generatedFrom.matchAll(/(\S+)\s+sha256:([0-9a-f]{8,64})/g)].map((m) => ({
    file: m[1] ?? '',
    sha256: m[2] ?? '',
  }));
}

function checkDerived(geodataDir: string, derived: (typeof DERIVED)[number]): CheckFinding[] {
  const { file: name, schema, rebuild } = derived;
  const file = path.join(geodataDir, name);
  if (!existsSync(file)) return [{ level: 'error', file: name, message: `file is missing: ${rebuild}` }];
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return [{ level: 'error', file: name, message: `not valid JSON: ${(error as Error).message}` }];
  }
  const findings: CheckFinding[] = [];
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    for (const issue of parsed.error.issues.slice(0, 10)) {
      findings.push({
        level: 'error',
        file: name,
        field: issue.path.join('.'),
        message: `schema: ${issue.message}; ${rebuild}`,
      });
    }
  }
  const generatedFrom = (json as { generatedFrom?: unknown } | null)?.generatedFrom;
  const inputs = typeof generatedFrom === 'string' ? recordedInputs(generatedFrom) : [];
  if (inputs.length === 0) {
    return [
      ...findings,
      { level: 'error', file: name, field: 'generatedFrom', message: 'names no input hashes' },
    ];
  }
  for (const input of inputs) {
    // Recorded paths are relative to the repository (geodata/…); read them from this geodata dir.
    const inputFile = path.join(geodataDir, input.file.replace(/^geodata\//, ''));
    if (!existsSync(inputFile)) {
      findings.push({
        level: 'error',
        file: name,
        field: 'generatedFrom',
        message: `input ${input.file} is missing`,
      });
      continue;
    }
    const now = createHash('sha256').update(readFileSync(inputFile)).digest('hex');
    if (!now.startsWith(input.sha256)) {
      findings.push({
        level: 'error',
        file: name,
        field: 'generatedFrom',
        message: `stale: built from ${input.file} sha256:${input.sha256}, which is now sha256:${now.slice(0, input.sha256.length)}; ${rebuild}`,
      });
    }
  }
  return findings;
}

const checkFreshness: DataCheck = (geodataDir) => DERIVED.flatMap((d) => checkDerived(geodataDir, d));

export default checkFreshness;
