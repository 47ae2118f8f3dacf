/**
 * Zod schemas for every file in `geodata/`. Shared by the build/check scripts (Node) and the app
 * (browser): the app validates what it fetches with the same rules the data check enforces.
 *
 * Coordinates are WGS-84 [lng, lat]. Every feature says where it came from (`source`) and how
 * much to trust its position (`precision`).
 */
import { z } from 'zod';
import { PARK_IDS, type ParkId, SUPPORTING_CATEGORIES } from './vocabulary.ts';

/** How a position was obtained, from best to weakest. */
export const PrecisionSchema = z.enum([
  /** Taken from a reference data set whose datum was cross-checked (≈ 20–50 m). */
  'reference',
  /** A line drawn as straight segments between its real stations (not the track alignment). */
  'station-chain',
  /** A polygon drawn by hand from the plan's words (limits, landmarks) on reference data. */
  'digitised-from-plan-text',
  /** A point whose position is reliable (a station, a known building). */
  'located',
  /** A point placed from the plan's description, with the reasoning in `precisionNote`. */
  'approximate',
  /** Only the idea of the route is known: a diagram, not a position. */
  'schematic',
]);
export type Precision = z.infer<typeof PrecisionSchema>;

/** Park ids in the plan's order (一 … 十). */
export const ParkIdSchema = z.enum(PARK_IDS);
export type { ParkId };
export { PARK_IDS };

const lng = z.number().finite().min(-180).max(180);
const lat = z.number().finite().min(-90).max(90);
export const PositionSchema = z.tuple([lng, lat]).rest(z.number().finite());
const ring = z.array(PositionSchema).min(4);
export const PointSchema = z.object({ type: z.literal('Point'), coordinates: PositionSchema });
export const LineStringSchema = z.object({
  type: z.literal('LineString'),
  coordinates: z.array(PositionSchema).min(2),
});
export const MultiLineStringSchema = z.object({
  type: z.literal('MultiLineString'),
  coordinates: z.array(z.array(PositionSchema).min(2)).min(1),
});
export const PolygonSchema = z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) });
export const MultiPolygonSchema = z.object({
  type: z.literal('MultiPolygon'),
  coordinates: z.array(z.array(ring).min(1)).min(1),
});
export const AreaGeometrySchema = z.discriminatedUnion('type', [PolygonSchema, MultiPolygonSchema]);
export const LinearGeometrySchema = z.discriminatedUnion('type', [LineStringSchema, MultiLineStringSchema]);

/** Bilingual text: Chinese is the original, English a faithful translation. */
export const BilingualSchema = z.object({ zh: z.string().min(1), en: z.string().min(1) });
export type Bilingual = z.infer<typeof BilingualSchema>;

const provenance = {
  /** Short source key, explained in geodata/SOURCES.md. */
  source: z.string().min(1),
  precision: PrecisionSchema,
  /** Why this precision: how the position was placed, in words a user can read. */
  precisionNote: BilingualSchema.optional(),
};

function featureCollection<G extends z.ZodType, P extends z.ZodType>(geometry: G, properties: P) {
  return z.object({
    type: z.literal('FeatureCollection'),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        id: z.union([z.string(), z.number()]).optional(),
        geometry,
        properties,
      }),
    ),
  });
}

// ---------------------------------------------------------------- parks
export const ParkPlacementSchema = z.enum(['located', 'text-only']);
export type ParkPlacement = z.infer<typeof ParkPlacementSchema>;
export const ParkPropertiesSchema = z
  .object({
    id: ParkIdSchema,
    /** 1–10, the plan's order. */
    planOrder: z.number().int().min(1).max(10),
    name: BilingualSchema,
    shortName: BilingualSchema,
    district: BilingualSchema,
    /** District adcode (440105 Haizhu …), matches districts.geojson. */
    districtCode: z.string().regex(/^4401\d\d$/),
    /** Area the plan states, km². */
    statedAreaKm2: z.number().positive(),
    /** The plan's own words for the location (具体区位范围), verbatim, and a translation. */
    boundaryText: BilingualSchema,
    /** How the outline was placed from those words: which limits were located and how. */
    outlineMethod: BilingualSchema,
    /** `located`: at least one edge follows a located feature (park-edges.geojson); `text-only`: placed from the plan's words alone. */
    placement: ParkPlacementSchema,
    /** How far off a text-only park may be, metres (absent for located parks: see their edges). */
    positionUncertaintyM: z.number().positive().optional(),
    ...provenance,
  })
  .refine((p) => (p.placement === 'text-only') === (p.positionUncertaintyM !== undefined), {
    message: 'a text-only park states its positionUncertaintyM, a located park does not',
    path: ['positionUncertaintyM'],
  });
export type ParkProperties = z.infer<typeof ParkPropertiesSchema>;
export const ParksSchema = featureCollection(AreaGeometrySchema, ParkPropertiesSchema);

/** Where an edge's vertices come from: copied or clipped from a located feature, or inferred. */
export const EdgeEvidenceSchema = z.enum(['located', 'inferred']);
export type EdgeEvidence = z.infer<typeof EdgeEvidenceSchema>;
export const ParkEdgePropertiesSchema = z.object({
  /** `${parkId}:${edgeId}`, unique. */
  id: z.string().regex(/^[a-z0-9-]+:[a-z0-9-]+$/),
  parkId: ParkIdSchema,
  edgeId: z.string().regex(/^[a-z0-9-]+$/),
  /** Park 2's phase (1, 2); absent for one-part parks. */
  phase: z.number().int().positive().optional(),
  /** Position of the edge in its ring (0 …), counter-clockwise. */
  order: z.number().int().nonnegative(),
  /** The plan's limit the edge stands for, in the plan's own words (东至华南快速 …) and a translation. */
  limit: BilingualSchema,
  evidence: EdgeEvidenceSchema,
  /** The park's placement, repeated so the map can draw a text-only park's edges softly. */
  placement: ParkPlacementSchema,
  /** Located edges: the reference feature the vertices follow (OSM way ids or the feature's name). */
  sourceFeature: z.string().min(1).optional(),
  /** Located edges drawn at a constant distance outside their feature (the island shore of park 9), metres. */
  offsetM: z.number().positive().optional(),
  ...provenance,
  precisionNote: BilingualSchema,
});
export type ParkEdgeProperties = z.infer<typeof ParkEdgePropertiesSchema>;
export const ParkEdgesSchema = featureCollection(LineStringSchema, ParkEdgePropertiesSchema);

// ---------------------------------------------------------------- transit
export const TransitModeSchema = z.enum([
  'metro',
  'tram',
  'monorail',
  'intercity',
  'high-speed-rail',
  'freight-rail',
  'expressway',
  'road',
  'bridge',
  'ferry',
]);
export type TransitMode = z.infer<typeof TransitModeSchema>;
/** Status now, as far as the reference data shows. */
export const TransitStatusSchema = z.enum(['open', 'under-construction', 'planned']);
export type TransitStatus = z.infer<typeof TransitStatusSchema>;

export const TransitLinePropertiesSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: BilingualSchema,
  mode: TransitModeSchema,
  /** Line colour as #rrggbb (official where known). */
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  status: TransitStatusSchema,
  /** What the plan (2018) says of it, when the plan names it; absent for context lines. */
  planStatus: z.enum(['planned', 'under-construction', 'accelerate']).optional(),
  /** Parks for which the plan names this link. */
  parkIds: z.array(ParkIdSchema),
  /** The plan's words about it, when it names it. */
  planText: BilingualSchema.optional(),
  ...provenance,
});
export type TransitLineProperties = z.infer<typeof TransitLinePropertiesSchema>;
export const TransitLinesSchema = featureCollection(LinearGeometrySchema, TransitLinePropertiesSchema);

export const StationPropertiesSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: BilingualSchema,
  /** Ids of transit-lines.geojson features serving it. */
  lineIds: z.array(z.string()).min(1),
  status: TransitStatusSchema,
  mode: TransitModeSchema,
  parkIds: z.array(ParkIdSchema),
  /** What the plan says of this station, when it names it (e.g. 官洲站, the 新造 TOD hub). */
  planStatus: z.enum(['planned', 'under-construction', 'accelerate']).optional(),
  planText: BilingualSchema.optional(),
  ...provenance,
});
export type StationProperties = z.infer<typeof StationPropertiesSchema>;
export const StationsSchema = featureCollection(PointSchema, StationPropertiesSchema);

// ---------------------------------------------------------------- hubs and landmarks
export const HubKindSchema = z.enum(['airport', 'rail-hub', 'city-centre', 'landmark']);
export const HubPropertiesSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: BilingualSchema,
  kind: HubKindSchema,
  ...provenance,
});
export type HubProperties = z.infer<typeof HubPropertiesSchema>;
export const HubsSchema = featureCollection(PointSchema, HubPropertiesSchema);

// ---------------------------------------------------------------- context (basemap)
export const DistrictPropertiesSchema = z.object({
  id: z.string().regex(/^4401\d\d$/),
  name: BilingualSchema,
  /** Label anchor, WGS-84. */
  labelPoint: PositionSchema,
  ...provenance,
});
export const DistrictsSchema = featureCollection(AreaGeometrySchema, DistrictPropertiesSchema);
export const CityOutlineSchema = featureCollection(
  AreaGeometrySchema,
  z.object({ id: z.string(), name: BilingualSchema, ...provenance }),
);
export const WaterPropertiesSchema = z.object({
  id: z.string(),
  kind: z.enum(['shoreline', 'lake-shore', 'river', 'river-major']),
  ...provenance,
});
export const WaterLinesSchema = featureCollection(LinearGeometrySchema, WaterPropertiesSchema);
export const WaterAreasSchema = featureCollection(
  AreaGeometrySchema,
  z.object({ id: z.string(), kind: z.enum(['sea', 'lake', 'river']), ...provenance }),
);

// ---------------------------------------------------------------- OSM basemap context (issue 10)
/**
 * A name as OSM has it: Chinese always, English only where OSM has one (labels then fall back to
 * the Chinese name rather than show nothing).
 */
export const OsmNameSchema = z.object({ zh: z.string().min(1), en: z.string().min(1).optional() });
/** The OSM object a feature was taken from, e.g. "way/9770740" (where the source kept it). */
const osmId = z
  .string()
  .regex(/^(node|way|relation)\/\d+$/)
  .optional();
/** OSM `highway` values kept for the basemap. */
export const RoadClassSchema = z.enum([
  'motorway',
  'motorway_link',
  'trunk',
  'trunk_link',
  'primary',
  'primary_link',
  'secondary',
  'secondary_link',
]);
export type RoadClass = z.infer<typeof RoadClassSchema>;
export const RoadsSchema = featureCollection(
  LinearGeometrySchema,
  z.object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    class: RoadClassSchema,
    name: OsmNameSchema.optional(),
    /** Route numbers as OSM writes them, e.g. "G0425;G1508". */
    ref: z.string().min(1).optional(),
    ...provenance,
  }),
);
export const OsmWaterAreasSchema = featureCollection(
  AreaGeometrySchema,
  z.object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    /** OSM `water`: river, lake, pond, basin (wastewater), water (no value). */
    kind: z.enum(['river', 'lake', 'pond', 'basin', 'water']),
    name: OsmNameSchema.optional(),
    osmId,
    ...provenance,
  }),
);
export const ChannelsSchema = featureCollection(
  LinearGeometrySchema,
  z.object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    /** OSM `waterway`. */
    kind: z.enum(['river', 'canal', 'stream']),
    name: OsmNameSchema.optional(),
    osmId,
    ...provenance,
  }),
);
export const IslandsSchema = featureCollection(
  AreaGeometrySchema,
  z.object({ id: z.string().regex(/^[a-z0-9-]+$/), name: OsmNameSchema, osmId, ...provenance }),
);
export const GreenAreasSchema = featureCollection(
  AreaGeometrySchema,
  z.object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    /** OSM leisure=park, landuse=grass / recreation_ground, natural=scrub. */
    kind: z.enum(['park', 'grass', 'recreation-ground', 'scrub']),
    name: OsmNameSchema.optional(),
    osmId,
    ...provenance,
  }),
);

// ---------------------------------------------------------------- facilities (issue 3)
/** A facility is filed under the category of the supporting item that names it. */
export const FacilityCategorySchema = z.enum(SUPPORTING_CATEGORIES);
export type FacilityCategory = z.infer<typeof FacilityCategorySchema>;
export const FacilityPropertiesSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  parkId: ParkIdSchema,
  category: FacilityCategorySchema,
  /** What the plan (2018) describes: to be built ('planned') or already there ('existing'). */
  status: z.enum(['planned', 'existing']),
  name: BilingualSchema,
  /** What is known of its state now, beyond the plan (e.g. "opened 2023"), when known. */
  statusNote: BilingualSchema.optional(),
  /** Ids of the supporting items in geodata/content/parks.json that name it. */
  itemIds: z.array(z.string()).optional(),
  ...provenance,
});
export type FacilityProperties = z.infer<typeof FacilityPropertiesSchema>;
export const FacilitiesSchema = featureCollection(PointSchema, FacilityPropertiesSchema);
/** A facility the plan names whose place is not known yet (facilities-unplaced.json): listed, not drawn. */
export const UnplacedFacilitySchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  parkId: ParkIdSchema,
  category: FacilityCategorySchema,
  status: z.enum(['planned', 'existing']).optional(),
  name: BilingualSchema,
  /** Why it cannot be placed honestly. */
  reason: BilingualSchema,
  itemIds: z.array(z.string()).optional(),
});
export type UnplacedFacility = z.infer<typeof UnplacedFacilitySchema>;
export const UnplacedFacilitiesSchema = z.array(UnplacedFacilitySchema);

// ---------------------------------------------------------------- precomputed catchments (issue 4)
/** Which stations: `open` (existing), `planned` (planned or under construction), `any` (all). */
export const CatchmentStationsSchema = z.enum(['open', 'planned', 'any']);
export type CatchmentStations = z.infer<typeof CatchmentStationsSchema>;
export const CatchmentRowSchema = z.object({
  parkId: ParkIdSchema,
  /** Catchment radius, metres (great-circle). */
  radiusM: z.number().positive(),
  stations: CatchmentStationsSchema,
  /** Park area within radiusM of at least one such station, km². */
  coveredKm2: z.number().nonnegative(),
  /** coveredKm2 / park area, 0–1. */
  share: z.number().min(0).max(1),
  /** Geodesic area of the park outline the share is relative to, km². */
  parkAreaKm2: z.number().positive(),
  /** How many such stations are within radiusM of the park (inside or near its boundary). */
  stationsReaching: z.number().int().nonnegative(),
});
export const CatchmentsSchema = z.object({
  /** Input files and their SHA-256, e.g. "geodata/parks.geojson sha256:… + geodata/stations.geojson sha256:…". */
  generatedFrom: z.string(),
  method: z.string(),
  /** Radii computed, metres. */
  radiiM: z.array(z.number().positive()),
  rows: z.array(CatchmentRowSchema),
});
export type CatchmentRow = z.infer<typeof CatchmentRowSchema>;
export type Catchments = z.infer<typeof CatchmentsSchema>;
/** geodata/catchments.geojson: the covered part of each park per radius and station group (for the map). */
export const CatchmentAreaPropertiesSchema = z.object({
  /** `${parkId}:${radiusM}:${stations}`, unique. */
  id: z.string(),
  parkId: ParkIdSchema,
  radiusM: z.number().positive(),
  stations: CatchmentStationsSchema,
  coveredKm2: z.number().nonnegative(),
  share: z.number().min(0).max(1),
});
export type CatchmentAreaProperties = z.infer<typeof CatchmentAreaPropertiesSchema>;
export const CatchmentAreasSchema = featureCollection(AreaGeometrySchema, CatchmentAreaPropertiesSchema);
