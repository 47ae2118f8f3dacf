/**
 * geodata/park-figures.json: every access figure of every park page, computed at build time
 * (scripts/build-park-figures.ts) with the domain functions, so a park page shows its figures with
 * its first text and builds no spatial index. Names of stations, lines, hubs and facilities are
 * copied in, so the page needs no other data file to label them.
 */
import { z } from 'zod';
import { BilingualSchema, FacilityCategorySchema, HubKindSchema, ParkIdSchema } from './schemas.ts';

const metres = z.number().finite().nonnegative();
const km = z.number().finite().nonnegative();
const share = z.number().min(0).max(1);

export const StationFigureSchema = z.object({
  stationId: z.string(),
  name: BilingualSchema,
  lines: z.array(
    z.object({ id: z.string(), name: BilingualSchema, colour: z.string().regex(/^#[0-9a-fA-F]{6}$/) }),
  ),
  /** From the park boundary, metres (0 inside). */
  distanceM: metres,
  inside: z.boolean(),
});
export type StationFigure = z.infer<typeof StationFigureSchema>;

export const DistanceFigureSchema = z.object({
  /** A hub id or a park id. */
  id: z.string(),
  /** Boundary to the hub (0 inside) or boundary to boundary, km. */
  fromBoundaryKm: km,
  /** Centroid to the hub or centroid to centroid, km. */
  fromCentroidKm: km,
});

export const AccessContributionFigureSchema = z.object({
  key: z.string(),
  /** The raw input in its formula unit; null when there is no station or hub of that kind. */
  value: z.number().finite().nullable(),
  normalised: share,
  weight: z.number().min(0).max(1),
  points: z.number().min(0).max(100),
});

export const ParkFigureRecordSchema = z.object({
  parkId: ParkIdSchema,
  stations: z.object({ open: z.array(StationFigureSchema), planned: z.array(StationFigureSchema) }),
  /** Airport, rail hubs, city centre, nearest boundary first. */
  hubs: z.array(DistanceFigureSchema.extend({ kind: HubKindSchema, name: BilingualSchema })),
  catchments: z.array(z.object({ radiusM: z.number().positive(), open: share, planned: share, any: share })),
  access: z.object({
    score: z.number().min(0).max(100),
    contributions: z.array(AccessContributionFigureSchema),
  }),
  /** Target output ÷ area (亿元/km²), by the stated and by the mapped area; null when the plan gives no target. */
  output: z
    .object({
      targetValue: z.number().nonnegative(),
      unit: BilingualSchema,
      year: z.number().int().nullable(),
      byStatedAreaPerKm2: z.number().finite().nonnegative(),
      byComputedAreaPerKm2: z.number().finite().nonnegative(),
    })
    .nullable(),
  /** Inside the park or within radiusM of its boundary, by category (alphabetical), then distance. */
  facilitiesNear: z.object({
    radiusM: z.number().positive(),
    hits: z.array(
      z.object({
        facilityId: z.string(),
        name: BilingualSchema,
        category: FacilityCategorySchema,
        distanceM: metres,
      }),
    ),
  }),
  /** Every other park, nearest boundary first. */
  otherParks: z.array(DistanceFigureSchema.extend({ id: ParkIdSchema })),
});
export type ParkFigureRecord = z.infer<typeof ParkFigureRecordSchema>;

export const ParkFiguresSchema = z.object({
  /** Input files and their SHA-256 (as catchments.json), checked by the data check's freshness rule. */
  generatedFrom: z.string(),
  method: z.string(),
  /** ACCESS_SCORE_FORMULA.version the scores were computed with. */
  accessFormulaVersion: z.number().int().positive(),
  parks: z.array(ParkFigureRecordSchema),
});
export type ParkFigures = z.infer<typeof ParkFiguresSchema>;
