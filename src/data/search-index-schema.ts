/**
 * geodata/search-index.json: every searchable name (parks, stations, lines, facilities, districts)
 * with its search keys — the names normalised, their full pinyin and pinyin initials — computed at
 * build time by scripts/build-search-index.ts, so the browser ships no pinyin library. The shape is
 * src/domain/search.ts's SearchIndex plus the build's provenance.
 */
import { z } from 'zod';
import { SEARCH_KINDS } from '../domain/search.ts';
import { BilingualSchema } from './schemas.ts';

const lng = z.number().min(-180).max(180);
const lat = z.number().min(-90).max(90);

export const SearchEntrySchema = z.object({
  kind: z.enum(SEARCH_KINDS),
  id: z.string().min(1),
  name: BilingualSchema,
  district: z.string().nullable(),
  point: z.tuple([lng, lat]),
  bbox: z.tuple([lng, lat, lng, lat]).optional(),
  status: z.string().optional(),
  keys: z.array(z.string().min(1)).min(1),
});

export const SearchIndexSchema = z.object({
  /** `geodata/<file> sha256:<16 hex>` for each input, joined by " + " (checked by the data check). */
  generatedFrom: z.string(),
  method: z.string(),
  districts: z.array(z.object({ code: z.string(), name: BilingualSchema })),
  entries: z.array(SearchEntrySchema),
});
export type SearchIndexFile = z.infer<typeof SearchIndexSchema>;
