/** Per-park figures derived once from the parks collection: measured area and its audit. */
import type { Feature, Geometry } from 'geojson';
import type { ParksCollection } from '../../data/geodata.ts';
import type { ParkId, ParkProperties } from '../../data/schemas.ts';
import { type AreaAudit, type AreaMeasures, auditArea, measure } from '../../domain/area.ts';

export interface ParkSummary {
  id: ParkId;
  properties: ParkProperties;
  feature: Feature<Geometry, ParkProperties>;
  /** null when the outline failed validation (the reason is in `measureError`). */
  measures: AreaMeasures | null;
  measureError: string | null;
  audit: AreaAudit | null;
}

const cache = new WeakMap<ParksCollection, ParkSummary[]>();

export function summariseParks(parks: ParksCollection): ParkSummary[] {
  const hit = cache.get(parks);
  if (hit) return hit;
  const summaries = parks.features
    .map((feature): ParkSummary => {
      const m = measure(feature.geometry);
      const measures = m.ok ? m : null;
      return {
        id: feature.properties.id,
        properties: feature.properties,
        feature,
        measures,
        measureError: m.ok ? null : m.reason,
        audit: measures ? auditArea(feature.properties.statedAreaKm2, measures.areaKm2) : null,
      };
    })
    .sort((a, b) => a.properties.planOrder - b.properties.planOrder);
  cache.set(parks, summaries);
  return summaries;
}
