/**
 * Assembles the raw inputs of the access score ({@link ACCESS_SCORE_FORMULA}) for one park from
 * the stations, the hubs and its precomputed 800 m catchment shares.
 */
import type { AccessInputs } from './access-score.ts';
import type { AreaGeometry } from './area.ts';
import { type HubLike, hubDistances, nearestHubOfKind } from './hubs.ts';
import type { PointFeatureLike, PointSetInput } from './point-set.ts';
import { nearestStationsToPark, type StationLike } from './proximity.ts';

/**
 * Raw access-score inputs for a park. Station distances in metres and hub distances in km, all
 * from the park boundary (0 inside); Infinity when no station/hub of that kind exists.
 * @param shares800 precomputed shares (0–1) of the park within 800 m of open / any stations
 */
export function accessInputsForPark(
  park: AreaGeometry,
  stations: PointSetInput<StationLike>,
  hubs: readonly PointFeatureLike<HubLike>[],
  shares800: { open: number; any: number },
): AccessInputs {
  const near = nearestStationsToPark(park, stations, { k: 1 });
  const hubsD = hubDistances(park, hubs);
  return {
    nearestOpenStationM: near.open[0]?.distanceM ?? Number.POSITIVE_INFINITY,
    nearestPlannedStationM: near.planned[0]?.distanceM ?? Number.POSITIVE_INFINITY,
    catchment800OpenShare: shares800.open,
    catchment800AnyShare: shares800.any,
    airportKm: nearestHubOfKind(hubsD, 'airport')?.fromBoundaryKm ?? Number.POSITIVE_INFINITY,
    nearestRailHubKm: nearestHubOfKind(hubsD, 'rail-hub')?.fromBoundaryKm ?? Number.POSITIVE_INFINITY,
    cityCentreKm: nearestHubOfKind(hubsD, 'city-centre')?.fromBoundaryKm ?? Number.POSITIVE_INFINITY,
  };
}
