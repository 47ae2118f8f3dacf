/** Deterministic JSON reading/writing for the geodata build. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function readJson<T = unknown>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

/**
 * Write a FeatureCollection compactly: one feature per line, so diffs stay readable while the file
 * stays small. Other JSON is written with 2-space indentation. Always ends with a newline.
 */
export function writeGeoJson(
  file: string,
  collection: { type: string; features: unknown[] } & Record<string, unknown>,
) {
  mkdirSync(path.dirname(file), { recursive: true });
  const { features, ...rest } = collection;
  const head = JSON.stringify(rest).slice(0, -1);
  const body = features.map((f) => JSON.stringify(f)).join(',\n');
  writeFileSync(file, `${head}${head.length > 1 ? ',' : ''}"features":[\n${body}\n]}\n`);
}

export function writeJson(file: string, value: unknown) {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

/** Minimal CSV parser for the reference tables (no quoted commas in them, but quotes handled). */
export function parseCsv(text: string): Record<string, string>[] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.length > 0);
  const split = (line: string): string[] => {
    const out: string[] = [];
    let cur = '';
    let q = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i]!;
      if (q) {
        if (c === '"' && line[i + 1] === '"') {
          cur += '"';
          i++;
        } else if (c === '"') q = false;
        else cur += c;
      } else if (c === '"') q = true;
      else if (c === ',') {
        out.push(cur);
        cur = '';
      } else cur += c;
    }
    out.push(cur);
    return out;
  };
  const header = split(lines[0] ?? '');
  return lines.slice(1).map((l) => {
    const cells = split(l);
    return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
  });
}
