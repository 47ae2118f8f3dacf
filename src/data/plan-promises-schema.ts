/**
 * The plan's transit promises and what the reference data says of them today.
 * geodata/authored/plan-promises.json is the hand-authored input (AuthoredPromisesSchema);
 * scripts/build-promises.ts resolves it into geodata/plan-promises.json (PlanPromisesSchema): the
 * plan's words taken from plan-transit.json where that file holds them, and the status and evidence
 * of every promise with a `reference` read from the reference data's dated snapshots.
 */
import { z } from 'zod';
import { BilingualSchema, ParkIdSchema } from './schemas.ts';

export const PromiseKindSchema = z.enum([
  'metro-line',
  'station',
  'tram',
  'monorail',
  'intercity',
  'high-speed-rail',
  'freight-rail',
  'bus',
  'hub',
  'road',
  'expressway',
  'bridge',
  'pier',
  'airport-check-in',
]);
export type PromiseKind = z.infer<typeof PromiseKindSchema>;

/** The plan's 2018 wording: 规划(建设) / 加快(实施)建设 / 将于…建成 / 实施 / 加密·完善. */
export const StatusThenSchema = z.enum([
  'planned',
  'accelerate',
  'under-construction',
  'implement',
  'improve',
]);
export type StatusThen = z.infer<typeof StatusThenSchema>;

/** Status today as far as the reference data shows it. */
export const StatusNowSchema = z.enum([
  'open',
  'partly-open',
  'under-construction',
  'not-started',
  'dropped',
  'unknown',
]);
export type StatusNow = z.infer<typeof StatusNowSchema>;

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);

export const AuthoredPromiseSchema = z
  .object({
    id,
    parkId: ParkIdSchema,
    kind: PromiseKindSchema,
    name: BilingualSchema,
    /** The plan's words: from plan-transit.json (annotation of `id` for this park, or the plan line/station `id`), or quoted. */
    planWords: z.union([
      z.object({ from: z.literal('plan-transit'), id: z.string() }).strict(),
      BilingualSchema,
    ]),
    statusThen: StatusThenSchema,
    /** A line code of the reference tables (and a station on it) whose listing is the evidence. */
    reference: z.object({ line: z.string(), station: z.string().optional() }).strict().optional(),
    statusNow: StatusNowSchema.optional(),
    /** Without a reference: what the reference data shows (required). */
    evidence: BilingualSchema.optional(),
    /** With a reference: why the status differs from plain "open", or what the listing does not show. */
    note: BilingualSchema.optional(),
    /** The transit-lines / stations feature the promise is drawn as. */
    mapFeatureId: z.string().optional(),
  })
  .strict()
  .refine((p) => p.reference || (p.statusNow && p.evidence), {
    message: 'a promise without a reference needs statusNow and evidence',
  })
  .refine((p) => !p.reference || !p.evidence, { message: 'a referenced promise derives its evidence' })
  .refine((p) => !p.reference || !p.statusNow || p.statusNow === 'open' || p.note, {
    message: 'a referenced promise whose status is not "open" needs a note saying why',
  });
export type AuthoredPromise = z.infer<typeof AuthoredPromiseSchema>;

export const AuthoredPromisesSchema = z.object({
  about: z.string(),
  promises: z.array(AuthoredPromiseSchema).min(1),
});

/** A dated reference snapshot, oldest first. */
export const VintageSchema = z.enum(['hkust-baidu-2024-03', 'gzmtr-2025-10', 'amap-2026-08']);
export type Vintage = z.infer<typeof VintageSchema>;

export const PlanPromiseSchema = z
  .object({
    id,
    parkId: ParkIdSchema,
    kind: PromiseKindSchema,
    name: BilingualSchema,
    planWords: BilingualSchema,
    /** Where planWords come from: `plan-transit:<id>` or `plan-promises` (quoted there, checked against the plan). */
    planWordsFrom: z.string(),
    statusThen: StatusThenSchema,
    statusNow: StatusNowSchema,
    /** The oldest reference snapshot that lists the line/station ("open by"); null when none does. */
    openBy: VintageSchema.nullable(),
    /** Reference files read for this promise, or "none". */
    source: z.string(),
    evidence: BilingualSchema,
    mapFeatureId: z.string().nullable(),
  })
  .strict()
  .refine((p) => p.openBy === null || p.statusNow === 'open' || p.statusNow === 'partly-open', {
    message: 'openBy only for a promise that is (partly) open',
  });
export type PlanPromise = z.infer<typeof PlanPromiseSchema>;

export const PlanPromisesSchema = z.object({
  /** Input files and their SHA-256, checked by the data check's freshness rule. */
  generatedFrom: z.string(),
  /** The reference files read, with their SHA-256 (outside geodata/, not checked for freshness). */
  reference: z.string(),
  method: z.string(),
  promises: z.array(PlanPromiseSchema),
});
export type PlanPromises = z.infer<typeof PlanPromisesSchema>;
