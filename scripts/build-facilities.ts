/**
 * Builds the supporting-facilities layer from the hand-authored list:
 *   geodata/authored/facilities.json → geodata/facilities.geojson + geodata/facilities-unplaced.json
 *
 * Deterministic (input order, fixed key order, coordinates rounded to 6 decimals). Every problem is
 * reported with the facility id and the field; nothing is written when there is one.
 *
 * Usage: npx tsx scripts/build-facilities.ts [authored.json] [outDir]
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import {
  FacilitiesSchema,
  FacilityPropertiesSchema,
  PositionSchema,
  UnplacedFacilitiesSchema,
  UnplacedFacilitySchema,
} from '../src/data/schemas.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

/** A bilingual note: both languages present and not blank (reported as precisionNote.zh / .en). */
const nonBlank = (lang: string) =>
  z.string().refine((v) => v.trim() !== '', `the note needs its ${lang} text (blank)`);
const AuthoredNoteSchema = z.object({ zh: nonBlank('Chinese'), en: nonBlank('English') });

// The built feature's properties, with a point's two precisions only and a position.
const AuthoredFacilitySchema = FacilityPropertiesSchema.extend({
  precision: z.enum(['located', 'approximate']),
  precisionNote: AuthoredNoteSchema.optional(),
  coordinates: PositionSchema,
});
export const AuthoredFacilitiesSchema = z.object({
  description: z.string().optional(),
  sources: z.record(z.string(), z.string()).optional(),
  facilities: z.array(AuthoredFacilitySchema),
  unplaced: z.array(UnplacedFacilitySchema),
});
export type AuthoredFacilities = z.infer<typeof AuthoredFacilitiesSchema>;

export class BuildError extends Error {
  constructor(readonly problems: string[]) {
    super(`facilities: ${problems.length} problem(s)\n  ${problems.join('\n  ')}`);
  }
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

function idAt(raw: unknown, list: 'facilities' | 'unplaced', index: number): string {
  const arr = (raw as Record<string, unknown> | null)?.[list];
  const item = Array.isArray(arr) ? (arr[index] as { id?: unknown } | undefined) : undefined;
  return typeof item?.id === 'string' ? item.id : `${list}[${index}]`;
}

/** Validates the authored list and returns the two output documents. */
export function buildFacilities(raw: unknown): { geojson: unknown; unplaced: unknown } {
  const parsed = AuthoredFacilitiesSchema.safeParse(raw);
  if (!parsed.success) {
    throw new BuildError(
      parsed.error.issues.map((i) => {
        const [list, index, ...rest] = i.path;
        if ((list === 'facilities' || list === 'unplaced') && typeof index === 'number') {
          return `facility ${idAt(raw, list, index)} › field ${rest.map(String).join('.') || '(item)'}: ${i.message}`;
        }
        return `field ${i.path.map(String).join('.') || '(root)'}: ${i.message}`;
      }),
    );
  }
  const data = parsed.data;
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const f of [...data.facilities, ...data.unplaced]) {
    if (seen.has(f.id)) problems.push(`facility ${f.id} › field id: duplicate id`);
    seen.add(f.id);
  }
  for (const f of data.facilities) {
    if (f.precision === 'approximate' && !f.precisionNote) {
      problems.push(`facility ${f.id} › field precisionNote: an approximate position needs a note`);
    }
    if (data.sources && !(f.source in data.sources)) {
      problems.push(`facility ${f.id} › field source: unknown source key ${f.source}`);
    }
  }
  if (problems.length) throw new BuildError(problems);

  const geojson = {
    type: 'FeatureCollection' as const,
    features: data.facilities.map((f) => ({
      type: 'Feature' as const,
      id: f.id,
      geometry: { type: 'Point' as const, coordinates: [round6(f.coordinates[0]), round6(f.coordinates[1])] },
      properties: {
        id: f.id,
        parkId: f.parkId,
        category: f.category,
        status: f.status,
        name: f.name,
        ...(f.statusNote ? { statusNote: f.statusNote } : {}),
        ...(f.itemIds?.length ? { itemIds: f.itemIds } : {}),
        source: f.source,
        precision: f.precision,
        ...(f.precisionNote ? { precisionNote: f.precisionNote } : {}),
      },
    })),
  };
  const unplaced = data.unplaced.map((u) => ({
    id: u.id,
    parkId: u.parkId,
    category: u.category,
    ...(u.status ? { status: u.status } : {}),
    name: u.name,
    reason: u.reason,
    ...(u.itemIds?.length ? { itemIds: u.itemIds } : {}),
  }));
  // Guard: the outputs obey the app's schemas.
  FacilitiesSchema.parse(geojson);
  UnplacedFacilitiesSchema.parse(unplaced);
  return { geojson, unplaced };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const input = path.resolve(
    process.argv[2] ?? path.join(here, '..', 'geodata', 'authored', 'facilities.json'),
  );
  const outDir = path.resolve(process.argv[3] ?? path.join(here, '..', 'geodata'));
  try {
    const { geojson, unplaced } = buildFacilities(JSON.parse(fs.readFileSync(input, 'utf8')));
    fs.writeFileSync(path.join(outDir, 'facilities.geojson'), `${JSON.stringify(geojson, null, 1)}\n`);
    fs.writeFileSync(path.join(outDir, 'facilities-unplaced.json'), `${JSON.stringify(unplaced, null, 1)}\n`);
    const n = (geojson as { features: unknown[] }).features.length;
    console.log(`facilities: ${n} placed, ${(unplaced as unknown[]).length} unplaced → ${outDir}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
