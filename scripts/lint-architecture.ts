/**
 * Rules the general linter cannot express:
 *  - no HTML sinks anywhere in src/ (innerHTML, outerHTML, insertAdjacentHTML, setHTML,
 *    dangerouslySetInnerHTML, document.write, eval, new Function): untrusted text must stay text;
 *  - src/domain/ stays pure: it imports no React, MapLibre, zustand, router or app layer.
 * Exits non-zero with file:line for every violation.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const HTML_SINKS: { pattern: RegExp; why: string }[] = [
  { pattern: /\.innerHTML\b/, why: 'innerHTML parses HTML' },
  { pattern: /\.outerHTML\b/, why: 'outerHTML parses HTML' },
  { pattern: /insertAdjacentHTML\s*\(/, why: 'insertAdjacentHTML parses HTML' },
  { pattern: /\.setHTML\s*\(/, why: 'Popup.setHTML does not sanitise; use setDOMContent' },
  { pattern: /dangerouslySetInnerHTML/, why: 'dangerouslySetInnerHTML parses HTML' },
  { pattern: /document\.write\s*\(/, why: 'document.write parses HTML' },
  { pattern: /\beval\s*\(/, why: 'eval runs strings as code' },
  { pattern: /new\s+Function\s*\(/, why: 'new Function runs strings as code' },
  { pattern: /createContextualFragment\s*\(/, why: 'createContextualFragment parses HTML' },
];

const DOMAIN_FORBIDDEN =
  /from\s+['"](react|react-dom|maplibre-gl|zustand|react-router-dom)(\/[^'"]*)?['"]|from\s+['"]\.\.\/(map|features|state|app|url|i18n|ui)\//;

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) yield* files(full);
    else if (/\.(ts|tsx)$/.test(name)) yield full;
  }
}

export function lintSource(relative: string, text: string): string[] {
  const problems: string[] = [];
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    const code = line.replace(/\/\/.*$/, '');
    for (const sink of HTML_SINKS) {
      if (sink.pattern.test(code)) problems.push(`${relative}:${i + 1}: ${sink.why}`);
    }
    if (relative.startsWith('src/domain/') && DOMAIN_FORBIDDEN.test(code)) {
      problems.push(`${relative}:${i + 1}: src/domain must not import UI, map or state code`);
    }
  });
  return problems;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const problems: string[] = [];
  let count = 0;
  for (const file of files(path.join(root, 'src'))) {
    if (file.endsWith('lint-architecture.test.ts')) continue;
    count++;
    problems.push(...lintSource(path.relative(root, file), readFileSync(file, 'utf8')));
  }
  for (const p of problems) console.log(p);
  console.log(`architecture lint: ${problems.length} problem(s) in ${count} files`);
  process.exit(problems.length > 0 ? 1 : 0);
}
