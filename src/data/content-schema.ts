/**
 * Zod schemas for the structured bilingual content in `geodata/content/` (parks.json, plan.json):
 * what the 2018 plan (穗府办函〔2018〕105号) says of each park and of the programme as a whole.
 *
 * Chinese (`zh`) is verbatim from the plan, trimmed to the item; English (`en`) is the project's
 * translation. Figures keep the plan's number and unit (亿元 → "100 million yuan"); 万人 is written
 * out (3万人 → 30 000 people).
 */
import { z } from 'zod';
import { BilingualSchema, ParkIdSchema } from './schemas.ts';
import { INDUSTRY_TAGS, SIX_IN_ONE_ELEMENTS, SUPPORTING_CATEGORIES } from './vocabulary.ts';

const idSchema = z.string().regex(/^[a-z0-9-]+$/);

/** How the plan qualifies a figure: 不少于/至少 at-least, 超过/突破/以上 over, 约 about, 级 order-of-magnitude. */
export const QualifierSchema = z.enum(['at-least', 'over', 'about', 'no-more-than', 'scale']);
export type Qualifier = z.infer<typeof QualifierSchema>;

/** A measurable target of the plan (发展目标 / 建设目标). */
export const TargetSchema = z.object({
  id: idSchema,
  metric: BilingualSchema,
  value: z.number(),
  unit: BilingualSchema,
  /** Target year; absent when the plan gives none (e.g. 千亿级 cluster). */
  year: z.number().int().min(2018).max(2035).optional(),
  qualifier: QualifierSchema.optional(),
  /** What the figure applies to when it is not the park itself (e.g. 琶洲西区). */
  scope: BilingualSchema.optional(),
});
export type Target = z.infer<typeof TargetSchema>;

/** A dated step without a figure (e.g. 2019年6月开始试产). `date` is YYYY or YYYY-MM. */
export const MilestoneSchema = z.object({
  id: idSchema,
  date: z.string().regex(/^\d{4}(-\d{2})?$/),
  text: BilingualSchema,
});
export type Milestone = z.infer<typeof MilestoneSchema>;

/** A quantity the plan gives for a supporting item (托儿所6—8个 → value 6, valueMax 8, unit 个). */
export const QuantitySchema = z.object({
  value: z.number(),
  /** Upper end of a range (2—3个, 10至15米). */
  valueMax: z.number().optional(),
  unit: BilingualSchema,
  qualifier: QualifierSchema.optional(),
  /** What is counted when the item has several figures (e.g. 首期规模 first phase). */
  label: BilingualSchema.optional(),
});
export type Quantity = z.infer<typeof QuantitySchema>;

/** Compass side of a limit (四至). */
export const SideSchema = z.enum([
  'east',
  'west',
  'south',
  'north',
  'east-north',
  'north-east',
  'south-east',
  'south-west',
  'north-west',
]);
export type Side = z.infer<typeof SideSchema>;
export const LimitSchema = z.object({ side: SideSchema, name: BilingualSchema });
export type Limit = z.infer<typeof LimitSchema>;

export const PhaseSchema = z.object({
  name: BilingualSchema,
  areaKm2: z.number().positive(),
  limits: z.array(LimitSchema).optional(),
});

export const LocationSchema = z.object({
  /** 具体区位范围, verbatim, and a translation. */
  text: BilingualSchema,
  limits: z.array(LimitSchema),
  phases: z.array(PhaseSchema).optional(),
});

/** Controlled vocabulary for filtering parks by industry (the list lives in vocabulary.ts, free of zod). */
export const IndustryTagSchema = z.enum(INDUSTRY_TAGS);
export type IndustryTag = z.infer<typeof IndustryTagSchema>;

export const LeadIndustrySchema = z.object({
  id: idSchema,
  name: BilingualSchema,
  tags: z.array(IndustryTagSchema).min(1),
});
export type LeadIndustry = z.infer<typeof LeadIndustrySchema>;

/** Categories of 配套建设内容; each item keeps the plan's own heading. */
export const SupportingCategorySchema = z.enum(SUPPORTING_CATEGORIES);
export type SupportingCategory = z.infer<typeof SupportingCategorySchema>;
export { SUPPORTING_CATEGORIES };

export const SupportingItemSchema = z.object({
  id: idSchema,
  /** The plan's heading this item stands under (生活配套设施 …). */
  heading: BilingualSchema,
  text: BilingualSchema,
  quantities: z.array(QuantitySchema).optional(),
  /** Ids in facilities.geojson / facilities-unplaced.json for the places this item names. */
  facilityIds: z.array(idSchema).optional(),
});
export type SupportingItem = z.infer<typeof SupportingItemSchema>;

export const SupportingSchema = z
  .object(
    Object.fromEntries(
      SUPPORTING_CATEGORIES.map((c) => [c, z.array(SupportingItemSchema).optional()]),
    ) as Record<SupportingCategory, z.ZodOptional<z.ZodArray<typeof SupportingItemSchema>>>,
  )
  .strict();
export type Supporting = z.infer<typeof SupportingSchema>;

/** The six elements of the plan's 六位一体 model. */
export const SixInOneElementSchema = z.enum(SIX_IN_ONE_ELEMENTS);
export type SixInOneElement = z.infer<typeof SixInOneElementSchema>;
export { SIX_IN_ONE_ELEMENTS };

export const SixInOneEntrySchema = z.object({
  /** Whether the plan names this element for the park. */
  named: z.boolean(),
  /** Ids of supporting items / lead industries, or 'goals', 'operator', 'coordinatingUnit'. */
  evidenceIds: z.array(z.string()),
  note: BilingualSchema,
});
export const SixInOneSchema = z.object(
  Object.fromEntries(SIX_IN_ONE_ELEMENTS.map((e) => [e, SixInOneEntrySchema])) as Record<
    SixInOneElement,
    typeof SixInOneEntrySchema
  >,
);

export const ParkContentSchema = z.object({
  id: ParkIdSchema,
  planOrder: z.number().int().min(1).max(10),
  name: BilingualSchema,
  goals: z.object({
    summary: BilingualSchema,
    targets: z.array(TargetSchema),
    milestones: z.array(MilestoneSchema).optional(),
  }),
  /** 开发运营主体 (developer/operator). `null` where the plan says 暂无 (none yet). */
  operator: BilingualSchema.nullable().optional(),
  /** 综合协调单位 (coordinating unit). */
  coordinatingUnit: BilingualSchema.optional(),
  location: LocationSchema,
  statedAreaKm2: z.number().positive(),
  leadIndustries: z.array(LeadIndustrySchema).min(1),
  /** The plan's one-sentence framing of the lead industries (主导产业), verbatim. */
  leadIndustriesText: BilingualSchema,
  supporting: SupportingSchema,
  sixInOne: SixInOneSchema,
});
export type ParkContent = z.infer<typeof ParkContentSchema>;
export const ParksContentSchema = z.array(ParkContentSchema).length(10);

export const UnitSchema = BilingualSchema;
export const TaskSchema = z.object({
  /** 1–20, the plan's numbering. */
  number: z.number().int().min(1).max(20),
  title: BilingualSchema,
  summary: BilingualSchema,
  leadUnits: z.array(UnitSchema).min(1),
  assistingUnits: z.array(UnitSchema),
  /** Where a task has several clauses with their own lead units (task 4, 5, 6). */
  clauses: z
    .array(
      z.object({
        summary: BilingualSchema,
        leadUnits: z.array(UnitSchema),
        assistingUnits: z.array(UnitSchema),
      }),
    )
    .optional(),
});
export type Task = z.infer<typeof TaskSchema>;

export const TaskGroupSchema = z.object({
  /** 1–8, 三(一)…(八). */
  number: z.number().int().min(1).max(8),
  title: BilingualSchema,
  tasks: z.array(TaskSchema).min(1),
});

export const SafeguardSchema = z.object({
  number: z.number().int().min(1).max(3),
  title: BilingualSchema,
  summary: BilingualSchema,
  leadUnits: z.array(UnitSchema),
  assistingUnits: z.array(UnitSchema),
});

export const PlanGoalSchema = z.object({
  id: idSchema,
  title: BilingualSchema,
  text: BilingualSchema,
  targets: z.array(TargetSchema),
  /** Goals without a figure (e.g. a community health service system in each park). */
  commitments: z
    .array(z.object({ id: idSchema, year: z.number().int().optional(), text: BilingualSchema }))
    .optional(),
});

export const PlanContentSchema = z.object({
  title: BilingualSchema,
  noticeTitle: BilingualSchema,
  documentNumber: z.string().min(1),
  issuer: BilingualSchema,
  /** 印发 date, ISO. */
  issuedDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  publishedDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  period: z.object({ from: z.number().int(), to: z.number().int() }),
  sourceUrl: z.string().url(),
  purpose: BilingualSchema,
  overallApproach: BilingualSchema,
  sixInOne: z.array(z.object({ element: SixInOneElementSchema, name: BilingualSchema })).length(6),
  overallGoal: BilingualSchema,
  goals: z.array(PlanGoalSchema).length(5),
  firstBatch: BilingualSchema,
  taskGroups: z.array(TaskGroupSchema).length(8),
  safeguards: z.array(SafeguardSchema).length(3),
});
export type PlanContent = z.infer<typeof PlanContentSchema>;
