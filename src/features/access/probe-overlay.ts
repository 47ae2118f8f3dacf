/** The map overlay of a "what is near here" query: the search radius, the point, links to the stations found. */
import { circle } from '@turf/turf';
import type { LngLat } from '../../domain/units.ts';
import type { Analysis, ProbeResult } from './analysis.ts';

export function probeOverlay(
  origin: LngLat,
  radiusM: number,
  result: ProbeResult,
  analysis: Analysis,
): GeoJSON.FeatureCollection {
  const radius = circle([origin[0], origin[1]], radiusM, {
    units: 'meters',
    steps: 96,
    properties: { role: 'radius' },
  });
  const links = [...result.open, ...result.planned].map(
    (hit): GeoJSON.Feature => ({
      type: 'Feature',
      properties: { role: 'link', stationId: hit.stationId, status: hit.status },
      geometry: { type: 'LineString', coordinates: [[...origin], [...analysis.stationLngLat(hit.index)]] },
    }),
  );
  return {
    type: 'FeatureCollection',
    features: [
      radius,
      ...links,
      {
        type: 'Feature',
        properties: { role: 'origin' },
        geometry: { type: 'Point', coordinates: [...origin] },
      },
    ],
  };
}
