/**
 * Build-time catchments (QUALITY-BAR P2): for each park × radius (800 m, 1500 m) × station group
 * (open / planned = planned or under construction / any), the part of the park within the radius
 * of at least one station — exact polygon method of src/domain/catchment.ts (geodesic 128-gon
 * discs with equal-area radius, union, intersection with the park, geodesic area).
 *
 * Writes geodata/catchments.json (CatchmentsSchema) and geodata/catchments.geojson
 * (CatchmentAreasSchema: the covered areas, simplified to ~0.5 m and ≤ 6 decimals, for the map).
 * Output is deterministic: same inputs → byte-identical files (no timestamps; inputs named by SHA-256).
 *
 * Usage: npx tsx scripts/build-catchments.ts [geodataDir]
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { simplify, truncate } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import {
  type CatchmentAreaProperties,
  CatchmentAreasSchema,
  type CatchmentRow,
  type CatchmentStations,
  type Catchments,
  CatchmentsSchema,
  HubsSchema,
  type ParkId,
  ParksSchema,
  StationsSchema,
} from '../src/data/schemas.ts';
import {
  type AreaGeometry,
  accessInputsForPark,
  accessScore,
  catchmentCoverage,
  type HubLike,
  indexPointFeatures,
  inStationGroup,
  type LngLat,
  type PointFeatureLike,
  type StationLike,
  validateAreaGeometry,
} from '../src/domain/index.ts';

export const RADII_M = [800, 1500] as const;
export const GROUPS: readonly CatchmentStations[] = ['open', 'planned', 'any'];
const STEPS = 128;

export const METHOD =
  `park ∩ union of geodesic discs (Turf circle, ${STEPS} vertices, circumradius × √(2π/(n·sin(2π/n))) so each ` +
  'polygon has its disc’s area) around stations within the radius of the park; Turf union/intersect; geodesic ' +
  'area (Turf area, sphere R = 6,371,008.8 m). planned = planned or under-construction. Map polygons simplified ' +
  '(tolerance 5e-6°, ~0.5 m) and truncated to 6 decimals; the figures come from the unsimplified geometry.';

/** Minimal park input: id and outline. */
export interface ParkInput {
  id: ParkId;
  geometry: AreaGeometry;
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** Computes catchment rows and covered-area features (pure; no I/O). */
export function buildCatchments(
  parks: readonly ParkInput[],
  stations: readonly PointFeatureLike<StationLike>[],
  generatedFrom: string,
): {
  catchments: Catchments;
  areas: { type: 'FeatureCollection'; features: Feature<Polygon | MultiPolygon, CatchmentAreaProperties>[] };
} {
  const rows: CatchmentRow[] = [];
  const features: Feature<Polygon | MultiPolygon, CatchmentAreaProperties>[] = [];
  for (const park of parks) {
    const v = validateAreaGeometry(park.geometry);
    if (!v.ok) throw new Error(`park ${park.id}: ${v.reason}`);
    for (const radiusM of RADII_M) {
      for (const group of GROUPS) {
        const pts = stations
          .filter((s) => inStationGroup(s.properties.status, group))
          .map((s) => s.geometry.coordinates as unknown as LngLat);
        const c = catchmentCoverage(park.geometry, pts, radiusM, STEPS);
        const coveredKm2 = round6(c.coveredKm2);
        const share = Math.min(1, round6(c.share));
        rows.push({
          parkId: park.id,
          radiusM,
          stations: group,
          coveredKm2,
          share,
          parkAreaKm2: round6(c.parkAreaKm2),
          stationsReaching: c.stationsReaching,
        });
        if (c.geometry) {
          const f: Feature<Polygon | MultiPolygon, CatchmentAreaProperties> = {
            type: 'Feature',
            geometry: c.geometry,
            properties: {
              id: `${park.id}:${radiusM}:${group}`,
              parkId: park.id,
              radiusM,
              stations: group,
              coveredKm2,
              share,
            },
          };
          features.push(
            truncate(simplify(f, { tolerance: 5e-6, highQuality: true }), { precision: 6, coordinates: 2 }),
          );
        }
      }
    }
  }
  return {
    catchments: { generatedFrom, method: METHOD, radiiM: [...RADII_M], rows },
    areas: { type: 'FeatureCollection', features },
  };
}

function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex').slice(0, 16);
}

function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

async function main() {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const dir = path.resolve(process.argv[2] ?? path.join(here, '..', 'geodata'));
  const parksFile = path.join(dir, 'parks.geojson');
  const stationsFile = path.join(dir, 'stations.geojson');
  for (const f of [parksFile, stationsFile]) {
    if (!fs.existsSync(f)) {
      console.error(`build-catchments: missing ${f}`);
      process.exit(1);
    }
  }
  const parks = ParksSchema.safeParse(readJson(parksFile));
  const stations = StationsSchema.safeParse(readJson(stationsFile));
  if (!parks.success || !stations.success) {
    console.error('build-catchments: input does not match the schema');
    if (!parks.success) console.error(parks.error.issues.slice(0, 10));
    if (!stations.success) console.error(stations.error.issues.slice(0, 10));
    process.exit(1);
  }
  const rel = (f: string) => path.relative(path.join(dir, '..'), f);
  const generatedFrom = `${rel(parksFile)} sha256:${sha256(parksFile)} + ${rel(stationsFile)} sha256:${sha256(stationsFile)}`;
  const parkInputs = [...parks.data.features]
    .sort((a, b) => a.properties.planOrder - b.properties.planOrder)
    .map((f) => ({ id: f.properties.id, geometry: f.geometry as AreaGeometry }));
  const t0 = performance.now();
  const { catchments, areas } = buildCatchments(parkInputs, stations.data.features, generatedFrom);
  const ms = performance.now() - t0;
  CatchmentsSchema.parse(catchments);
  CatchmentAreasSchema.parse(areas);
  fs.writeFileSync(path.join(dir, 'catchments.json'), `${JSON.stringify(catchments, null, 1)}\n`);
  fs.writeFileSync(path.join(dir, 'catchments.geojson'), `${JSON.stringify(areas)}\n`);
  const kb = (f: string) => (fs.statSync(path.join(dir, f)).size / 1024).toFixed(1);
  console.log(
    `build-catchments: ${parkInputs.length} parks × ${RADII_M.length} radii × ${GROUPS.length} groups in ${ms.toFixed(0)} ms; ` +
      `catchments.json ${kb('catchments.json')} KB, catchments.geojson ${kb('catchments.geojson')} KB`,
  );

  // Summary table, and access scores when hubs exist.
  const hubsFile = path.join(dir, 'hubs.geojson');
  const hubs = fs.existsSync(hubsFile) ? HubsSchema.safeParse(readJson(hubsFile)) : undefined;
  const stationSet = indexPointFeatures<StationLike>(stations.data.features);
  const get = (id: string, r: number, g: CatchmentStations) =>
    catchments.rows.find((x) => x.parkId === id && x.radiusM === r && x.stations === g)!;
  console.log('park                      area km²  800 open/plan/any      1500 open/plan/any     access');
  for (const p of parkInputs) {
    const pct = (r: number, g: CatchmentStations) =>
      `${(get(p.id, r, g).share * 100).toFixed(1)}%`.padStart(6);
    let score = '   n/a';
    if (hubs?.success) {
      const inputs = accessInputsForPark(
        p.geometry,
        stationSet,
        hubs.data.features as PointFeatureLike<HubLike>[],
        {
          open: get(p.id, 800, 'open').share,
          any: get(p.id, 800, 'any').share,
        },
      );
      score = accessScore(inputs).score.toFixed(1).padStart(6);
    }
    console.log(
      `${p.id.padEnd(25)} ${get(p.id, 800, 'any').parkAreaKm2.toFixed(3).padStart(8)}  ` +
        `${pct(800, 'open')} ${pct(800, 'planned')} ${pct(800, 'any')}  ${pct(1500, 'open')} ${pct(1500, 'planned')} ${pct(1500, 'any')}  ${score}`,
    );
  }
  if (!hubs) console.log('(no geodata/hubs.geojson: access scores not computed)');
  else if (!hubs.success)
    console.log('(geodata/hubs.geojson does not match HubsSchema: access scores not computed)');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
