/**
 * Build geodata/ from the reference data set and the hand-authored inputs in geodata/authored/.
 *
 * Usage: tsx scripts/build-geodata.ts [--reference /path/to/geodata-reference]
 *   (default ../shared/geodata-reference relative to the repo root; env GEODATA_REFERENCE)
 *
 * Deterministic: stable order, ≤ 6 decimals, fixed build date (the reference collection date).
 * Only WGS-84 reference files are read; the GCJ-02 `*_original.json` files are never used.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DATASETS } from '../src/data/datasets.ts';
import { type BuildContext, type BuiltCollection, validate } from './build/context.ts';
import { buildTransitNetwork, type TransitNetwork } from './build/transit.ts';
import { attributionItems, DATASET_SCRIPTS, isBuildStep, schemaOf, withSourcesSection } from './datasets.ts';
import { writeGeoJson, writeJson } from './lib/json-io.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..');
export const BUILD_DATE = '2026-12-01';

function parseArgs(argv: string[]): { reference: string; out: string } {
  let reference =
    process.env.GEODATA_REFERENCE ?? path.resolve(repoRoot, '..', 'shared', 'geodata-reference');
  let out = path.join(repoRoot, 'geodata');
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--reference' && argv[i + 1]) reference = path.resolve(argv[++i]!);
    else if (argv[i] === '--out' && argv[i + 1]) out = path.resolve(argv[++i]!);
  }
  return { reference, out };
}

/**
 * Runs the build step of every registered dataset (scripts/datasets.ts) in registry order, validates
 * each result against the dataset's schema and writes it, then attribution.json, manifest.json and
 * the registry's part of SOURCES.md. Datasets that their own script builds are left alone.
 */
export async function build(reference: string, outDir: string): Promise<string[]> {
  const log: string[] = [];
  if (!existsSync(path.join(reference, 'SOURCES.md')))
    throw new Error(`reference data not found at ${reference}`);
  let transit: TransitNetwork | undefined;
  const ctx: BuildContext = {
    referenceDir: reference,
    authoredDir: path.join(outDir, 'authored'),
    log,
    transit: () => {
      transit ??= buildTransitNetwork(ctx);
      return transit;
    },
  };
  const outputs: [string, BuiltCollection][] = [];
  for (const dataset of DATASETS) {
    const step = DATASET_SCRIPTS[dataset.id].build;
    if (!isBuildStep(step)) continue;
    try {
      outputs.push([
        dataset.file,
        validate(schemaOf(dataset), step.run(ctx), dataset.file) as BuiltCollection,
      ]);
    } catch (error) {
      if (!step.optional) throw error;
      log.push(`${dataset.file} skipped: ${error instanceof Error ? error.message : String(error)}`);
      rmSync(path.join(outDir, dataset.file), { force: true });
    }
  }
  for (const [name, collection] of outputs) writeGeoJson(path.join(outDir, name), collection);
  writeJson(path.join(outDir, 'attribution.json'), { items: attributionItems() });
  writeJson(path.join(outDir, 'manifest.json'), {
    buildDate: BUILD_DATE,
    datum: 'WGS-84 (EPSG:4326), [lng, lat]',
    generator: 'scripts/build-geodata.ts',
    files: outputs.map(([name, c]) => ({ file: name, features: c.features.length })),
  });
  const sources = path.join(outDir, 'SOURCES.md');
  if (existsSync(sources)) writeFileSync(sources, withSourcesSection(readFileSync(sources, 'utf8')));
  for (const [name, c] of outputs) log.push(`${name}: ${c.features.length} features`);
  return log;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { reference, out } = parseArgs(process.argv.slice(2));
  try {
    const log = await build(reference, out);
    for (const l of log) console.log(l);
  } catch (error) {
    console.error(`build-geodata failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
