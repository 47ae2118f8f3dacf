/**
 * Build-time park figures (QUALITY-BAR P4: every park-page figure paints before the map, with no
 * spatial index on the main thread): for each park, the access figures of
 * src/domain/park-figures.ts (nearest stations, hubs, other parks, catchment shares, access score
 * with its inputs, facilities within 1 km) and the output per km², labelled with the names of the
 * stations, lines, hubs and facilities they refer to.
 *
 * Writes geodata/park-figures.json (ParkFiguresSchema). Deterministic: same inputs → byte-identical
 * file (no timestamps; inputs named by SHA-256 in `generatedFrom`, checked by the data check).
 * Numbers are written unrounded, so the file equals what the domain functions return.
 *
 * Usage: npm run build:figures [-- geodataDir]
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ParkContent } from '../src/data/content-schema.ts';
import { ParksContentSchema } from '../src/data/content-schema.ts';
import {
  type ParkFigureRecord,
  type ParkFigures,
  ParkFiguresSchema,
} from '../src/data/park-figures-schema.ts';
import {
  type Catchments,
  CatchmentsSchema,
  FacilitiesSchema,
  type FacilityProperties,
  type HubProperties,
  HubsSchema,
  type ParkProperties,
  ParksSchema,
  type StationProperties,
  StationsSchema,
  type TransitLineProperties,
  TransitLinesSchema,
} from '../src/data/schemas.ts';
import {
  ACCESS_SCORE_FORMULA,
  type AreaGeometry,
  indexPointFeatures,
  measure,
  outputDensityBoth,
  type PointFeatureLike,
  parkAccessFigures,
  parkToParkDistances,
  type StationHit,
} from '../src/domain/index.ts';
import { revenueTargetOf } from '../src/features/plan/park-targets.ts';
import { jsonOnePerLine } from './build/one-per-line.ts';

/** Input files, relative to the geodata directory, in the order `generatedFrom` names them. */
export const INPUT_FILES = [
  'parks.geojson',
  'stations.geojson',
  'transit-lines.geojson',
  'hubs.geojson',
  'facilities.geojson',
  'catchments.json',
  'content/parks.json',
] as const;

export const METHOD =
  'src/domain/park-figures.ts per park: nearest 3 open and 3 planned/under-construction stations from the park ' +
  'boundary (0 inside; planned/under-construction only within 10 km, PLANNED_STATION_MAX_DISTANCE_M); hub and park-to-park distances from boundary and centroid; catchment shares from ' +
  'catchments.json; access score (ACCESS_SCORE_FORMULA) from those inputs; facilities inside or within 1 km of the ' +
  'boundary; output per km² = the plan’s earliest 亿元 revenue target ÷ stated and mapped area. Great-circle ' +
  'distances on a sphere of R = 6,371,008.8 m; geodesic areas.';

export interface ParkFigureInputs {
  parks: readonly { geometry: AreaGeometry; properties: ParkProperties }[];
  stations: readonly PointFeatureLike<StationProperties>[];
  lines: readonly { properties: TransitLineProperties }[];
  hubs: readonly PointFeatureLike<HubProperties>[];
  facilities: readonly PointFeatureLike<FacilityProperties>[];
  catchments: Catchments;
  content: readonly ParkContent[];
}

/** A JSON number for a score input: Infinity (no station or hub of that kind) becomes null. */
const finiteOrNull = (x: number) => (Number.isFinite(x) ? x : null);

/** Computes every park's figures, in plan order (pure; no I/O). */
export function buildParkFigures(input: ParkFigureInputs, generatedFrom: string): ParkFigures {
  const parks = [...input.parks].sort((a, b) => a.properties.planOrder - b.properties.planOrder);
  const stations = indexPointFeatures(input.stations);
  const facilities = indexPointFeatures(input.facilities);
  const lineById = new Map(input.lines.map((l) => [l.properties.id, l.properties]));
  const hubById = new Map(input.hubs.map((h) => [h.properties.id, h.properties]));
  const parkDistances = parkToParkDistances(
    parks.map((p) => ({ id: p.properties.id, geometry: p.geometry })),
  );

  const station = (h: StationHit) => {
    const p = stations.features[h.index]!.properties;
    return {
      stationId: h.stationId,
      name: p.name,
      lines: h.lineIds.map((id) => {
        const line = lineById.get(id);
        if (!line) throw new Error(`station ${h.stationId}: unknown line ${id}`);
        return { id, name: line.name, colour: line.colour };
      }),
      distanceM: h.distanceM,
      inside: h.inside,
    };
  };

  const records = parks.map((park): ParkFigureRecord => {
    const id = park.properties.id;
    const m = measure(park.geometry);
    if (!m.ok) throw new Error(`park ${id}: ${m.reason}`);
    const f = parkAccessFigures(
      { id, geometry: park.geometry },
      { stations, hubs: input.hubs, facilities, catchmentRows: input.catchments.rows, parkDistances },
    );
    const content = input.content.find((c) => c.id === id);
    const revenue = content ? revenueTargetOf(content) : null;
    const density = revenue
      ? outputDensityBoth(revenue.value, park.properties.statedAreaKm2, m.areaKm2)
      : null;
    return {
      parkId: id,
      stations: { open: f.stations.open.map(station), planned: f.stations.planned.map(station) },
      hubs: f.hubs.map((h) => ({
        id: h.hubId,
        kind: h.kind,
        name: hubById.get(h.hubId)!.name,
        fromBoundaryKm: h.fromBoundaryKm,
        fromCentroidKm: h.fromCentroidKm,
      })),
      catchments: f.catchments,
      access: {
        score: f.access.score,
        contributions: f.access.contributions.map((c) => ({
          key: c.key,
          value: finiteOrNull(c.value),
          normalised: c.normalised,
          weight: c.weight,
          points: c.points,
        })),
      },
      output:
        revenue && density
          ? {
              targetValue: revenue.value,
              unit: revenue.unit,
              year: revenue.year ?? null,
              byStatedAreaPerKm2: density.byStatedArea,
              byComputedAreaPerKm2: density.byComputedArea,
            }
          : null,
      facilitiesNear: {
        radiusM: f.facilitiesNear.radiusM,
        hits: Object.values(f.facilitiesNear.byCategory)
          .flat()
          .map((h) => {
            const p = facilities.features[h.index]!.properties;
            return { facilityId: h.facilityId, name: p.name, category: p.category, distanceM: h.distanceM };
          }),
      },
      otherParks: f.otherParks.map((d) => ({
        id: d.toId as ParkProperties['id'],
        fromBoundaryKm: d.boundaryKm,
        fromCentroidKm: d.centroidKm,
      })),
    };
  });
  return {
    generatedFrom,
    method: METHOD,
    accessFormulaVersion: ACCESS_SCORE_FORMULA.version,
    parks: records,
  };
}

function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** `geodata/<file> sha256:<first 16 hex>` for each input, joined by " + " (as catchments.json). */
export function generatedFromOf(geodataDir: string): string {
  return INPUT_FILES.map((f) => {
    const sha = createHash('sha256')
      .update(fs.readFileSync(path.join(geodataDir, f)))
      .digest('hex')
      .slice(0, 16);
    return `geodata/${f} sha256:${sha}`;
  }).join(' + ');
}

/** Reads and validates the inputs from a geodata directory. */
export function readInputs(geodataDir: string): ParkFigureInputs {
  const read = <T>(file: string, schema: { parse: (x: unknown) => T }): T => {
    try {
      return schema.parse(readJson(path.join(geodataDir, file)));
    } catch (error) {
      throw new Error(`build-park-figures: ${file}: ${String(error).slice(0, 2000)}`);
    }
  };
  return {
    parks: read('parks.geojson', ParksSchema).features as ParkFigureInputs['parks'],
    stations: read('stations.geojson', StationsSchema).features,
    lines: read('transit-lines.geojson', TransitLinesSchema).features,
    hubs: read('hubs.geojson', HubsSchema).features,
    facilities: read('facilities.geojson', FacilitiesSchema).features,
    catchments: read('catchments.json', CatchmentsSchema),
    content: read('content/parks.json', ParksContentSchema),
  };
}

/** The file's text: one park per line, so a diff shows which park's figures changed. */
export function serialise(figures: ParkFigures): string {
  return jsonOnePerLine(figures, 'parks');
}

function main() {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const dir = path.resolve(process.argv[2] ?? path.join(here, '..', 'geodata'));
  const t0 = performance.now();
  const figures = buildParkFigures(readInputs(dir), generatedFromOf(dir));
  // Validate, but write what was built: zod's output would reorder keys (schema order).
  ParkFiguresSchema.parse(figures);
  const out = path.join(dir, 'park-figures.json');
  fs.writeFileSync(out, serialise(figures));
  console.log(
    `build-park-figures: ${figures.parks.length} parks in ${(performance.now() - t0).toFixed(0)} ms; ` +
      `park-figures.json ${(fs.statSync(out).size / 1024).toFixed(1)} KB`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
