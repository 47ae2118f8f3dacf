/**
 * Plain constant vocabularies shared by the zod schemas and the UI. Kept free of zod so that the
 * first-paint bundle, which needs the park ids, does not ship the validator.
 */
export const PARK_IDS = [
  'pazhou-internet',
  'zengcheng-new-display',
  'tianhe-software',
  'panyu-smart-city',
  'huadu-military-civil',
  'nansha-ai',
  'huangpu-smart-equipment',
  'panyu-smart-nev',
  'bio-island',
  'huangpu-biotech',
] as const;
export type ParkId = (typeof PARK_IDS)[number];

/** The six elements of the plan's 六位一体 model, in the plan's order. */
export const SIX_IN_ONE_ELEMENTS = [
  'industry-leader',
  'lead-industry-chain',
  'innovation-centre',
  'industry-fund',
  'service-platform',
  'industrial-community',
] as const;

/** Categories of a park's 配套建设内容 (supporting construction). */
export const SUPPORTING_CATEGORIES = [
  'living',
  'commercial',
  'education',
  'medical',
  'transport',
  'ecology',
  'innovation',
  'fund',
  'service-platform',
  'community',
] as const;
