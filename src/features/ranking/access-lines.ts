/**
 * The access page's map overlay for one park: a straight line from the park boundary to its
 * nearest open and planned station and to the airport, the nearest rail hub and the city centre,
 * each end labelled with its name and the distance the park page states (park-figures.json).
 */

import type { Collection } from '../../data/geodata.ts';
import type { ParkFigureRecord } from '../../data/park-figures-schema.ts';
import type { Bilingual, HubProperties, StationProperties } from '../../data/schemas.ts';
import { accessLineTo } from '../../domain/access-lines.ts';
import type { LngLat } from '../../domain/units.ts';
import { makeTranslator } from '../../i18n/use-lang.ts';
import { formatDistanceM } from '../access/format.ts';

export type AccessLineKind = 'open' | 'planned' | 'hub';

export interface AccessTarget {
  kind: AccessLineKind;
  id: string;
  name: Bilingual;
  /** As park-figures.json states it (from the boundary, 0 inside). */
  distanceM: number;
  lngLat: LngLat;
}

const zh = makeTranslator('zh');
const en = makeTranslator('en');

function pointOf(
  features: readonly GeoJSON.Feature[],
  id: string,
  idOf: (f: GeoJSON.Feature) => string,
): LngLat | null {
  const f = features.find((x) => idOf(x) === id);
  if (f?.geometry.type !== 'Point') return null;
  const [lng = 0, lat = 0] = f.geometry.coordinates;
  return [lng, lat];
}

/** The nearest open and planned station and the airport, nearest rail hub and city centre. */
export function accessTargets(
  figure: ParkFigureRecord,
  stations: Collection<StationProperties>,
  hubs: Collection<HubProperties>,
): AccessTarget[] {
  const targets: AccessTarget[] = [];
  for (const kind of ['open', 'planned'] as const) {
    const hit = figure.stations[kind][0];
    const at = hit ? pointOf(stations.features, hit.stationId, (f) => String(f.properties?.id)) : null;
    if (hit && at)
      targets.push({ kind, id: hit.stationId, name: hit.name, distanceM: hit.distanceM, lngLat: at });
  }
  for (const hubKind of ['airport', 'rail-hub', 'city-centre'] as const) {
    const hub = figure.hubs
      .filter((h) => h.kind === hubKind)
      .sort((a, b) => a.fromBoundaryKm - b.fromBoundaryKm)[0];
    const at = hub ? pointOf(hubs.features, hub.id, (f) => String(f.properties?.id)) : null;
    if (hub && at)
      targets.push({
        kind: 'hub',
        id: hub.id,
        name: hub.name,
        distanceM: hub.fromBoundaryKm * 1000,
        lngLat: at,
      });
  }
  return targets;
}

/** Lines (LineString) and labelled ends (Point) for AtlasMap.setAccessLines. */
export function accessLinesCollection(
  park: GeoJSON.Polygon | GeoJSON.MultiPolygon,
  targets: readonly AccessTarget[],
): GeoJSON.FeatureCollection {
  const features: GeoJSON.Feature[] = [];
  for (const target of targets) {
    const line = accessLineTo(park, target.lngLat);
    const label = {
      zh: `${target.name.zh} ${target.distanceM === 0 ? zh.t('access.inside') : formatDistanceM(zh, target.distanceM)}`,
      en: `${target.name.en} ${target.distanceM === 0 ? en.t('access.inside') : formatDistanceM(en, target.distanceM)}`,
    };
    if (!line.inside)
      features.push({
        type: 'Feature',
        geometry: { type: 'LineString', coordinates: [[...line.from], [...line.to]] },
        properties: { kind: target.kind, id: target.id },
      });
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [...target.lngLat] },
      properties: { kind: target.kind, id: target.id, label },
    });
  }
  return { type: 'FeatureCollection', features };
}
