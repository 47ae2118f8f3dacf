/**
 * Search over the atlas's named things (parks, stations, lines, facilities, districts) in Chinese,
 * English and pinyin. The pinyin (full and initials) is computed at build time by
 * scripts/build-search-index.ts into geodata/search-index.json, so the browser ships no pinyin
 * library: each entry carries its search keys already normalised by `normaliseSearchText`, and a
 * query is plain literal string comparison (`===`, `startsWith`, `includes`). No RegExp is ever
 * built from the user's text, so regex metacharacters and markup are just characters.
 */

export const SEARCH_KINDS = ['park', 'station', 'line', 'facility', 'district'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export interface SearchName {
  zh: string;
  en: string;
}

export interface SearchEntry {
  kind: SearchKind;
  /** The feature's id in its own dataset (park id, station id, line id, facility id, district code). */
  id: string;
  name: SearchName;
  /** District code (districts.geojson id) the thing lies in; null for lines and districts. */
  district: string | null;
  /** Where to look: a point on the thing, WGS-84 [lng, lat]. */
  point: [number, number];
  /** Extent [west, south, east, north] for things larger than a point (lines, districts, parks). */
  bbox?: [number, number, number, number];
  /** Status of stations and lines (open, under-construction, planned). */
  status?: string;
  /** Normalised search keys: Chinese and English names, full pinyin, pinyin initials. */
  keys: string[];
}

export interface SearchIndex {
  districts: { code: string; name: SearchName }[];
  entries: SearchEntry[];
}

/** How well a query matched an entry's best key (lower is better). */
export type MatchQuality = 'exact' | 'prefix' | 'contains';

export interface SearchHit {
  entry: SearchEntry;
  match: MatchQuality;
}

/** A query longer than this cannot be any name: it finds nothing without being scanned. */
export const MAX_QUERY_LENGTH = 100;

// Characters that only join or wrap words in names ("Bio-Island", "Airport N. (Terminal 2)",
// "Huadu Military–Civil", "番禺·…"): dropped from names and queries alike. Everything else is kept
// and compared literally, so markup such as `<b>` matches only a name containing `<b>`.
const JOINERS = new Set([
  '-',
  '‐',
  '‑',
  '–',
  '—',
  '·',
  '・',
  "'",
  '’',
  '(',
  ')',
  '（',
  '）',
  ',',
  '，',
  '、',
]);

/** Full-width forms folded (NFKC), lower case, whitespace and word joiners removed. */
export function normaliseSearchText(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFKC').toLowerCase()) {
    if (JOINERS.has(ch) || ch.trim() === '') continue;
    out += ch;
  }
  return out;
}

const KIND_RANK: Record<SearchKind, number> = { park: 0, station: 1, line: 2, facility: 3, district: 4 };
const MATCH_RANK: Record<MatchQuality, number> = { exact: 0, prefix: 1, contains: 2 };

function bestMatch(keys: readonly string[], q: string): MatchQuality | null {
  let best: MatchQuality | null = null;
  for (const key of keys) {
    if (key === q) return 'exact';
    if (key.startsWith(q)) best = 'prefix';
    else if (best === null && key.includes(q)) best = 'contains';
  }
  return best;
}

export interface SearchOptions {
  /** Most hits returned in all. */
  limit?: number;
  /** Most hits of one kind. */
  perKind?: number;
}

/**
 * The entries matching `query`, in display order: grouped by kind, a group with an exact or prefix
 * match before one with only "contains" matches, then parks → stations → lines → facilities →
 * districts; within a group exact before prefix before contains, then the shorter name. Never
 * throws; empty, whitespace-only or over-long queries find nothing.
 */
export function search(index: SearchIndex, query: string, options: SearchOptions = {}): SearchHit[] {
  const { limit = 12, perKind = 5 } = options;
  if (typeof query !== 'string' || query.length > MAX_QUERY_LENGTH * 4) return [];
  const q = normaliseSearchText(query);
  if (q.length === 0 || q.length > MAX_QUERY_LENGTH) return [];

  const byKind = new Map<SearchKind, SearchHit[]>();
  for (const entry of index.entries) {
    const match = bestMatch(entry.keys, q);
    if (!match) continue;
    const group = byKind.get(entry.kind);
    if (group) group.push({ entry, match });
    else byKind.set(entry.kind, [{ entry, match }]);
  }

  const groups = [...byKind.entries()].map(([kind, hits]) => {
    hits.sort(
      (a, b) =>
        MATCH_RANK[a.match] - MATCH_RANK[b.match] ||
        a.entry.name.zh.length - b.entry.name.zh.length ||
        (a.entry.id < b.entry.id ? -1 : a.entry.id > b.entry.id ? 1 : 0),
    );
    const strong = hits.some((h) => h.match !== 'contains') ? 0 : 1;
    return { kind, strong, hits: hits.slice(0, perKind) };
  });
  groups.sort((a, b) => a.strong - b.strong || KIND_RANK[a.kind] - KIND_RANK[b.kind]);
  return groups.flatMap((g) => g.hits).slice(0, limit);
}

/** The district's name for an entry, or null. */
export function districtName(index: SearchIndex, code: string | null): SearchName | null {
  if (!code) return null;
  return index.districts.find((d) => d.code === code)?.name ?? null;
}
