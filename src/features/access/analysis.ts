/**
 * Joins the loaded data sets to the pure domain functions: the spatial indexes are built once per
 * data set, and each park's figures are computed once and cached. Nothing here touches React or
 * the map.
 */
import type { Feature, Geometry, Point } from 'geojson';
import type { Collection } from '../../data/geodata.ts';
import type {
  Catchments,
  FacilityProperties,
  HubProperties,
  ParkId,
  StationProperties,
  TransitLineProperties,
} from '../../data/schemas.ts';
import { type AccessScore, accessScore } from '../../domain/access-score.ts';
import type { AreaGeometry } from '../../domain/area.ts';
import {
  type FacilitiesNearby,
  facilitiesNearPark,
  facilitiesNearPoint,
} from '../../domain/facilities-nearby.ts';
import { type HubDistance, hubDistances, type ParkDistance, parkToParkDistances } from '../../domain/hubs.ts';
import { accessInputsForPark } from '../../domain/park-access.ts';
import { type IndexedPointSet, indexPointFeatures } from '../../domain/point-set.ts';
import {
  nearestStationsToPark,
  nearestToPoint,
  type ParkStations,
  type StationHit,
} from '../../domain/proximity.ts';
import type { LngLat } from '../../domain/units.ts';

export interface AnalysisData {
  parks: Collection<{ id: ParkId; statedAreaKm2: number }>;
  stations: Collection<StationProperties>;
  hubs: Collection<HubProperties>;
  facilities: Collection<FacilityProperties>;
  lines: Collection<TransitLineProperties>;
  catchments: Catchments;
}

export interface CatchmentShares {
  radiusM: number;
  open: number;
  planned: number;
  any: number;
}

export interface ParkAnalysis {
  stations: ParkStations;
  hubs: HubDistance[];
  catchments: CatchmentShares[];
  access: AccessScore;
  facilitiesWithin1km: FacilitiesNearby;
  /** To every other park, nearest first (boundary to boundary). */
  otherParks: ParkDistance[];
}

export interface ProbeResult {
  open: StationHit[];
  planned: StationHit[];
  facilities: FacilitiesNearby;
}

type PointFeature<P> = Feature<Point, P>;
const points = <P>(c: Collection<P>) =>
  c.features.filter((f): f is PointFeature<P> => f.geometry.type === 'Point');

export interface Analysis {
  park: (id: ParkId) => ParkAnalysis | null;
  probe: (p: LngLat, radiusM: number) => ProbeResult;
  station: (index: number) => StationProperties;
  stationLngLat: (index: number) => LngLat;
  facility: (index: number) => FacilityProperties;
  facilityLngLat: (index: number) => LngLat;
  hub: (id: string) => HubProperties | undefined;
  line: (id: string) => TransitLineProperties | undefined;
}

const cache = new WeakMap<AnalysisData, Analysis>();

/** The analysis over one set of loaded data (memoised per data object). */
export function createAnalysis(data: AnalysisData): Analysis {
  const hit = cache.get(data);
  if (hit) return hit;
  const stations: IndexedPointSet<StationProperties> = indexPointFeatures(points(data.stations));
  const facilities: IndexedPointSet<FacilityProperties> = indexPointFeatures(points(data.facilities));
  const hubFeatures = points(data.hubs).filter((h) => h.properties.kind !== 'landmark');
  const hubsById = new Map(points(data.hubs).map((h) => [h.properties.id, h.properties]));
  const linesById = new Map(data.lines.features.map((f) => [f.properties.id, f.properties]));
  const geometryOf = new Map(data.parks.features.map((f) => [f.properties.id, f.geometry as Geometry]));
  const perPark = new Map<ParkId, ParkAnalysis | null>();
  let parkPairs: ParkDistance[] | null = null;
  const pairsFrom = (id: ParkId): ParkDistance[] => {
    parkPairs ??= parkToParkDistances(
      data.parks.features
        .filter((f) => f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon')
        .map((f) => ({ id: f.properties.id, geometry: f.geometry as AreaGeometry })),
    );
    return parkPairs.filter((d) => d.fromId === id).sort((a, b) => a.boundaryKm - b.boundaryKm);
  };

  const sharesFor = (parkId: ParkId): CatchmentShares[] => {
    const byRadius = new Map<number, CatchmentShares>();
    for (const row of data.catchments.rows) {
      if (row.parkId !== parkId) continue;
      const entry = byRadius.get(row.radiusM) ?? { radiusM: row.radiusM, open: 0, planned: 0, any: 0 };
      entry[row.stations] = row.share;
      byRadius.set(row.radiusM, entry);
    }
    return [...byRadius.values()].sort((a, b) => a.radiusM - b.radiusM);
  };

  const analysis: Analysis = {
    park(id) {
      if (perPark.has(id)) return perPark.get(id) ?? null;
      const geometry = geometryOf.get(id);
      let result: ParkAnalysis | null = null;
      if (geometry && (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon')) {
        const g = geometry as AreaGeometry;
        const catchments = sharesFor(id);
        const at800 = catchments.find((c) => c.radiusM === 800) ?? { open: 0, any: 0 };
        result = {
          stations: nearestStationsToPark(g, stations, { k: 3 }),
          hubs: hubDistances(g, hubFeatures),
          catchments,
          access: accessScore(
            accessInputsForPark(g, stations, hubFeatures, { open: at800.open, any: at800.any }),
          ),
          facilitiesWithin1km: facilitiesNearPark(g, facilities, 1000),
          otherParks: pairsFrom(id),
        };
      }
      perPark.set(id, result);
      return result;
    },
    probe(p, radiusM) {
      return {
        open: nearestToPoint(p, stations, { k: 3, group: 'open' }),
        planned: nearestToPoint(p, stations, { k: 3, group: 'planned' }),
        facilities: facilitiesNearPoint(p, facilities, radiusM),
      };
    },
    station: (i) => stations.features[i]!.properties,
    stationLngLat: (i) => stations.lngLat(i),
    facility: (i) => facilities.features[i]!.properties,
    facilityLngLat: (i) => facilities.lngLat(i),
    hub: (id) => hubsById.get(id),
    line: (id) => linesById.get(id),
  };
  cache.set(data, analysis);
  return analysis;
}
