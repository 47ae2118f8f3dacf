/**
 * Prints the gzip size of the production build by part and fails over the QUALITY-BAR P3 budgets:
 * first-paint JS (entry + its static imports, without the map) ≤ 150 KB, the MapLibre chunk
 * ≤ 320 KB, all JS the map route loads ≤ 650 KB, CSS ≤ 20 KB.
 * Reads dist/.vite/manifest.json (vite build --manifest).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const KB = 1024;
const BUDGET = { firstPaintJs: 150 * KB, maplibreChunk: 320 * KB, mapRouteJs: 650 * KB, css: 20 * KB };

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
  src?: string;
  name?: string;
}
const manifest = JSON.parse(readFileSync(path.join(dist, '.vite', 'manifest.json'), 'utf8')) as Record<
  string,
  ManifestChunk
>;
const gz = (file: string) => gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length;

function staticClosure(keys: string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const k of manifest[key]?.imports ?? []) visit(k);
  };
  keys.forEach(visit);
  return seen;
}

const entryKey = Object.keys(manifest).find((k) => manifest[k]?.isEntry);
if (!entryKey) throw new Error('no entry in the manifest');
const firstPaint = staticClosure([entryKey]);
const mapViewKey = Object.keys(manifest).find((k) => k.endsWith('src/map/MapView.tsx'));
if (!mapViewKey) throw new Error('MapView is not a separate chunk: the map must be lazy-loaded');
const mapRoute = staticClosure([entryKey, mapViewKey]);
const jsSize = (keys: Set<string>) =>
  [...keys].reduce((s, k) => s + (manifest[k]?.file.endsWith('.js') ? gz(manifest[k]!.file) : 0), 0);
const maplibreKey = [...mapRoute].find(
  (k) => /maplibre-gl/.test(k) || /maplibre/.test(manifest[k]?.name ?? ''),
);
const maplibreSize = maplibreKey ? gz(manifest[maplibreKey]!.file) : gz(manifest[mapViewKey]!.file);
const cssFiles = new Set(Object.values(manifest).flatMap((c) => c.css ?? []));
const cssSize = [...cssFiles].reduce((s, f) => s + gz(f), 0);

const rows: [string, number, number][] = [
  ['first-paint JS (shell, no map)', jsSize(firstPaint), BUDGET.firstPaintJs],
  ['MapLibre chunk', maplibreSize, BUDGET.maplibreChunk],
  ['all JS for the map route', jsSize(mapRoute), BUDGET.mapRouteJs],
  ['CSS', cssSize, BUDGET.css],
];
let failed = 0;
console.log('bundle (gzip)                     size       budget');
for (const [name, size, budget] of rows) {
  const over = size > budget;
  if (over) failed++;
  console.log(
    `${name.padEnd(32)} ${(size / KB).toFixed(1).padStart(7)} KB ${(budget / KB).toFixed(0).padStart(6)} KB ${over ? 'OVER' : 'ok'}`,
  );
}
process.exit(failed > 0 ? 1 : 0);
