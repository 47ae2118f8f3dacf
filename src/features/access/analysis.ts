/**
 * The live analysis behind "what is near here": joins the loaded stations, facilities and lines to
 * the pure domain functions, with the spatial indexes built once per set of loaded data. (Park
 * pages read their figures precomputed, from geodata/park-figures.json.) Nothing here touches
 * React or the map.
 */
import type { Feature, Point } from 'geojson';
import type { Collection } from '../../data/geodata.ts';
import type { StationFigure } from '../../data/park-figures-schema.ts';
import type { FacilityProperties, StationProperties, TransitLineProperties } from '../../data/schemas.ts';
import { type FacilitiesNearby, facilitiesNearPoint } from '../../domain/facilities-nearby.ts';
import { type IndexedPointSet, indexPointFeatures } from '../../domain/point-set.ts';
import { nearestToPoint, type StationHit } from '../../domain/proximity.ts';
import type { LngLat } from '../../domain/units.ts';

export interface AnalysisData {
  stations: Collection<StationProperties>;
  facilities: Collection<FacilityProperties>;
  lines: Collection<TransitLineProperties>;
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
  probe: (p: LngLat, radiusM: number) => ProbeResult;
  /** A station hit with the names and colours a list shows. */
  label: (hit: StationHit) => StationFigure;
  stationLngLat: (index: number) => LngLat;
  facility: (index: number) => FacilityProperties;
}

// Keyed by the loaded data sets themselves (the loaders return the same objects for the whole
// session), not by a wrapper object: a component that remounts reuses the indexes. New data
// replaces the entry.
let last: { data: AnalysisData; analysis: Analysis } | null = null;
const sameData = (a: AnalysisData, b: AnalysisData) =>
  a.stations === b.stations && a.facilities === b.facilities && a.lines === b.lines;

/** The analysis over one set of loaded data (memoised by the data sets' identity). */
export function createAnalysis(data: AnalysisData): Analysis {
  if (last && sameData(last.data, data)) return last.analysis;
  const stations: IndexedPointSet<StationProperties> = indexPointFeatures(points(data.stations));
  const facilities: IndexedPointSet<FacilityProperties> = indexPointFeatures(points(data.facilities));
  const linesById = new Map(data.lines.features.map((f) => [f.properties.id, f.properties]));
  const analysis: Analysis = {
    probe: (p, radiusM) => ({
      open: nearestToPoint(p, stations, { k: 3, group: 'open' }),
      planned: nearestToPoint(p, stations, { k: 3, group: 'planned' }),
      facilities: facilitiesNearPoint(p, facilities, radiusM),
    }),
    label: (h) => ({
      stationId: h.stationId,
      name: stations.features[h.index]!.properties.name,
      lines: h.lineIds.map((id) => {
        const line = linesById.get(id);
        // A station may name a line the lines file lacks: show its id in neutral grey.
        return line
          ? { id, name: line.name, colour: line.colour }
          : { id, name: { zh: id, en: id }, colour: '#868e96' };
      }),
      distanceM: h.distanceM,
      inside: h.inside,
    }),
    stationLngLat: (i) => stations.lngLat(i),
    facility: (i) => facilities.features[i]!.properties,
  };
  last = { data, analysis };
  return analysis;
}
