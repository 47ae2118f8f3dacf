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

/** Controlled vocabulary for filtering parks by lead industry (also parsed from the URL). */
export const INDUSTRY_TAGS = [
  'internet',
  'new-media',
  'it-services',
  'quantum',
  'e-commerce',
  'finance',
  'ai',
  'new-display',
  'smart-tv',
  'robotics',
  'smart-equipment',
  'big-data',
  'cloud',
  'iot',
  'software',
  'cybersecurity',
  'geo-information',
  'mobile-internet',
  'biomedicine',
  'health',
  'digital-creative',
  'new-materials',
  'smart-city',
  'smart-manufacturing',
  'electronics',
  'telecom',
  'satellite',
  'aerospace',
  'military-civil',
  'terahertz',
  'testing-certification',
  'nev',
  'connected-vehicles',
  'logistics',
  'tourism-culture',
  'medical-devices',
  'gene-engineering',
  'stem-cells',
  'exhibition',
] as const;
export type IndustryTag = (typeof INDUSTRY_TAGS)[number];
