/**
 * CSV for spreadsheets (QUALITY-BAR R8): UTF-8 with a BOM so Excel reads Chinese correctly, CRLF
 * rows, RFC 4180 quoting, and every text cell that a spreadsheet would read as a formula (starting
 * with = + - @, a tab or a carriage return) prefixed with an apostrophe. True numbers are written
 * as numbers; a text cell that is exactly a decimal number ("-12.5") cannot be a formula and is left
 * alone, so imported coordinates kept as text survive the trip.
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A cell's text, neutralised against formula injection. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  if (FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) return `'${text}`;
  return text;
}

/** A cell quoted for CSV when it needs to be. */
export function csvCell(value: unknown): string {
  const text = cellText(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole table as CSV text, BOM first. */
export function toCsv(header: readonly string[], rows: Iterable<readonly unknown[]>): string {
  const lines: string[] = [header.map(csvCell).join(',')];
  for (const row of rows) lines.push(row.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
