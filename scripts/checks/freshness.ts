/**
 * Derived files must be rebuilt when their inputs change. catchments.json records the SHA-256
 * (first 16 hex digits) of the parks and stations files it was computed from
 * (`generatedFrom: "geodata/parks.geojson sha256:… + geodata/stations.geojson sha256:…"`); a park
 * outline or a station edited without `npx tsx scripts/build-catchments.ts` would leave the
 * coverage figures and the access scores describing old geometry.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CheckFinding, DataCheck } from './types.ts';

const DERIVED = 'catchments.json';
const REBUILD = 'run `npx tsx scripts/build-catchments.ts`';

/** The `path sha256:hex` pairs of a generatedFrom string. */
export function recordedInputs(generatedFrom: string): { file: string; sha256: string }[] {
  return [...generatedFrom.matchAll(/(\S+)\s+sha256:([0-9a-f]{8,64})/g)].map((m) => ({
    file: m[1] ?? '',
    sha256: m[2] ?? '',
  }));
}

const checkFreshness: DataCheck = (geodataDir) => {
  const derived = path.join(geodataDir, DERIVED);
  if (!existsSync(derived))
    return [{ level: 'error', file: DERIVED, message: `file is missing: ${REBUILD}` }];
  let generatedFrom: unknown;
  try {
    generatedFrom = (JSON.parse(readFileSync(derived, 'utf8')) as { generatedFrom?: unknown }).generatedFrom;
  } catch (error) {
    return [{ level: 'error', file: DERIVED, message: `not valid JSON: ${(error as Error).message}` }];
  }
  const inputs = typeof generatedFrom === 'string' ? recordedInputs(generatedFrom) : [];
  if (inputs.length === 0) {
    return [{ level: 'error', file: DERIVED, field: 'generatedFrom', message: 'names no input hashes' }];
  }
  const findings: CheckFinding[] = [];
  for (const input of inputs) {
    // Recorded paths are relative to the repository (geodata/…); read them from this geodata dir.
    const file = path.join(geodataDir, input.file.replace(/^geodata\//, ''));
    if (!existsSync(file)) {
      findings.push({
        level: 'error',
        file: DERIVED,
        field: 'generatedFrom',
        message: `input ${input.file} is missing`,
      });
      continue;
    }
    const now = createHash('sha256').update(readFileSync(file)).digest('hex');
    if (!now.startsWith(input.sha256)) {
      findings.push({
        level: 'error',
        file: DERIVED,
        field: 'generatedFrom',
        message: `stale: built from ${input.file} sha256:${input.sha256}, which is now sha256:${now.slice(0, input.sha256.length)}; ${REBUILD}`,
      });
    }
  }
  return findings;
};

export default checkFreshness;
