/**
 * JSON text with one entry of a list per line, so a diff of a derived file shows which park,
 * promise or search entry changed (the rest of the object stays on the first line).
 */
export function jsonOnePerLine<K extends string, T extends Record<K, unknown[]>>(
  value: T,
  listKey: K,
): string {
  const { [listKey]: list, ...head } = value;
  const top = JSON.stringify(head).slice(0, -1);
  return `${top},${JSON.stringify(listKey)}:[\n${(list as unknown[]).map((e) => JSON.stringify(e)).join(',\n')}\n]}\n`;
}
