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

/** Guangzhou's 11 districts: URL slug ↔ administrative code (districts.geojson `id`, parks' `districtCode`). */
export const DISTRICTS = [
  { slug: 'liwan', code: '440103' },
  { slug: 'yuexiu', code: '440104' },
  { slug: 'haizhu', code: '440105' },
  { slug: 'tianhe', code: '440106' },
  { slug: 'baiyun', code: '440111' },
  { slug: 'huangpu', code: '440112' },
  { slug: 'panyu', code: '440113' },
  { slug: 'huadu', code: '440114' },
  { slug: 'nansha', code: '440115' },
  { slug: 'conghua', code: '440117' },
  { slug: 'zengcheng', code: '440118' },
] as const;
export type DistrictSlug = (typeof DISTRICTS)[number]['slug'];
export const DISTRICT_SLUGS = DISTRICTS.map((d) => d.slug) as DistrictSlug[];

/**
 * Line-status filter classes. A line or station is shown when its status is ticked; 'schematic'
 * additionally governs everything drawn schematically (precision 'schematic'), whatever its status.
 */
export const LINE_STATUS_FILTERS = ['open', 'under-construction', 'planned', 'schematic'] as const;
export type LineStatusFilter = (typeof LINE_STATUS_FILTERS)[number];

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
