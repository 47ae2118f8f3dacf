/**
 * The data check (QUALITY-BAR D1–D4 and the content checks): runs every module registered in
 * CHECKS against `geodata/` and exits non-zero on any error, naming file, feature and field.
 *
 * Usage: tsx scripts/check-geodata.ts [geodataDir]
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CheckFinding, DataCheck } from './checks/types.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Each data-check module, by name. Add a module here to make it part of the suite. */
const CHECKS: Record<string, () => Promise<{ default: DataCheck }>> = {
  geodata: () => import('./checks/geodata.ts'),
  content: () => import('./checks/content.ts'),
  consistency: () => import('./checks/consistency.ts'),
  parkEdges: () => import('./checks/park-edges.ts'),
  freshness: () => import('./checks/freshness.ts'),
};

export async function runChecks(geodataDir: string): Promise<CheckFinding[]> {
  const findings: CheckFinding[] = [];
  for (const [name, load] of Object.entries(CHECKS)) {
    try {
      const check = (await load()).default;
      findings.push(...(await check(geodataDir)));
    } catch (error) {
      findings.push({ level: 'error', file: name, message: `check crashed: ${String(error)}` });
    }
  }
  return findings;
}

function format(f: CheckFinding): string {
  const where = [f.file, f.featureId && `feature ${f.featureId}`, f.field && `field ${f.field}`]
    .filter(Boolean)
    .join(' › ');
  return `${f.level.toUpperCase().padEnd(7)} ${where}: ${f.message}`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = path.resolve(process.argv[2] ?? path.join(here, '..', 'geodata'));
  const findings = await runChecks(dir);
  for (const f of findings) console.log(format(f));
  const errors = findings.filter((f) => f.level === 'error').length;
  console.log(`data check: ${errors} error(s), ${findings.length - errors} other finding(s) in ${dir}`);
  process.exit(errors > 0 ? 1 : 0);
}
