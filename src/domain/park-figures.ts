/**
 * Every access figure a park page shows, composed from the domain functions: nearest stations
 * (open and planned, from the boundary), hub distances, distances to the other parks, the
 * precomputed catchment shares, the access score with its inputs and the facilities near the park.
 * The build (scripts/build-park-figures.ts) runs this once per park so the page needs no spatial
 * index; the tests recompute it from the current data.
 */
import { type AccessScore, accessScore } from './access-score.ts';
import type { AreaGeometry } from './area.ts';
import { type FacilitiesNearby, type FacilityLike, facilitiesNearPark } from './facilities-nearby.ts';
import { type HubDistance, type HubLike, hubDistances, type ParkDistance } from './hubs.ts';
import { accessInputsForPark } from './park-access.ts';
import type { PointFeatureLike, PointSetInput } from './point-set.ts';
import {
  nearestStationsToPark,
  type ParkStations,
  type StationGroup,
  type StationLike,
} from './proximity.ts';

/** How many stations of each group a park page lists. */
export const STATIONS_PER_GROUP = 3;
/** "Facilities within 1 km": inside the park or within this distance of its boundary, metres. */
export const FACILITY_RADIUS_M = 1000;

/** Share (0–1) of the park within `radiusM` of an open, a planned and any station. */
export interface CatchmentShares {
  radiusM: number;
  open: number;
  planned: number;
  any: number;
}

/** The part of a precomputed catchment row the figures read. */
export interface CatchmentShareRow {
  parkId: string;
  radiusM: number;
  stations: StationGroup;
  share: number;
}

/** One park's catchment shares by radius, ascending (a missing group counts as 0). */
export function catchmentSharesOf(parkId: string, rows: readonly CatchmentShareRow[]): CatchmentShares[] {
  const byRadius = new Map<number, CatchmentShares>();
  for (const row of rows) {
    if (row.parkId !== parkId) continue;
    const entry = byRadius.get(row.radiusM) ?? { radiusM: row.radiusM, open: 0, planned: 0, any: 0 };
    entry[row.stations] = row.share;
    byRadius.set(row.radiusM, entry);
  }
  return [...byRadius.values()].sort((a, b) => a.radiusM - b.radiusM);
}

/** The access figures of one park. */
export interface ParkAccessFigures {
  stations: ParkStations;
  /** Airport, rail hubs and the city centre (landmarks are map labels, not destinations). */
  hubs: HubDistance[];
  catchments: CatchmentShares[];
  access: AccessScore;
  facilitiesNear: FacilitiesNearby;
  /** To every other park, nearest boundary first (ties: input order). */
  otherParks: ParkDistance[];
}

/**
 * The access figures of one park.
 * @param park the park's id and outline (validated beforehand)
 * @param data stations (indexed or plain), hubs, facilities (indexed or plain), the precomputed
 *   catchment rows and the park-to-park distances ({@link parkToParkDistances} of all parks)
 */
export function parkAccessFigures(
  park: { id: string; geometry: AreaGeometry },
  data: {
    stations: PointSetInput<StationLike>;
    hubs: readonly PointFeatureLike<HubLike>[];
    facilities: PointSetInput<FacilityLike>;
    catchmentRows: readonly CatchmentShareRow[];
    parkDistances: readonly ParkDistance[];
  },
): ParkAccessFigures {
  const hubs = data.hubs.filter((h) => h.properties.kind !== 'landmark');
  const catchments = catchmentSharesOf(park.id, data.catchmentRows);
  const at800 = catchments.find((c) => c.radiusM === 800) ?? { open: 0, any: 0 };
  return {
    stations: nearestStationsToPark(park.geometry, data.stations, { k: STATIONS_PER_GROUP }),
    hubs: hubDistances(park.geometry, hubs),
    catchments,
    access: accessScore(
      accessInputsForPark(park.geometry, data.stations, hubs, { open: at800.open, any: at800.any }),
    ),
    facilitiesNear: facilitiesNearPark(park.geometry, data.facilities, FACILITY_RADIUS_M),
    // sort is stable: equal distances keep the input order.
    otherParks: data.parkDistances
      .filter((d) => d.fromId === park.id)
      .sort((a, b) => a.boundaryKm - b.boundaryKm),
  };
}
