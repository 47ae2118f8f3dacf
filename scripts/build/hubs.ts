/**
 * Airport, rail hubs, city centre and plan landmarks, from geodata/authored/hubs.json: each hub names
 * the point it stands on — a point of the WGS-84 reference set or a built station — and its own
 * source, precision and note.
 */
import path from 'node:path';
import type { Position } from 'geojson';
import { z } from 'zod';
import { BilingualSchema, HubPropertiesSchema, PrecisionSchema } from '../../src/data/schemas.ts';
import { roundPosition } from '../lib/geo.ts';
import { readJson } from '../lib/json-io.ts';
import { fc, type RefCollection, validate } from './context.ts';
import type { StationFeature } from './transit.ts';

const AuthoredHubSchema = HubPropertiesSchema.extend({
  position: z.union([
    /** A point of a reference file (path under the reference folder), found by its `name_zh`. */
    z.object({ reference: z.string().regex(/_wgs84\.geojson$/), nameZh: z.string().min(1) }).strict(),
    /** A built station, by its Chinese name; the hub's source must be the station's. */
    z.object({ station: z.string().min(1) }).strict(),
  ]),
  precision: PrecisionSchema.extract(['located', 'approximate']),
  precisionNote: BilingualSchema,
});
const AuthoredHubsSchema = z.object({
  description: z.string(),
  datum: z.literal('WGS-84'),
  hubs: z.array(AuthoredHubSchema).min(1),
});

type PointCollection = RefCollection<{ type: 'Point'; coordinates: Position }>;

/** Places each authored hub on its reference point or station; throws naming the hub it cannot place. */
export function buildHubs(authored: unknown, referenceDir: string, stations: readonly StationFeature[]) {
  const { hubs } = validate(AuthoredHubsSchema, authored, 'authored/hubs.json');
  const referenceFiles = new Map<string, PointCollection>();
  const referencePoint = (hubId: string, file: string, nameZh: string): Position => {
    let collection = referenceFiles.get(file);
    if (!collection) {
      collection = readJson<PointCollection>(path.join(referenceDir, file));
      referenceFiles.set(file, collection);
    }
    const f = collection.features.find((x) => x.geometry.type === 'Point' && x.properties.name_zh === nameZh);
    if (!f)
      throw new Error(`authored/hubs.json: hub ${hubId}: reference point ${nameZh} not found in ${file}`);
    return f.geometry.coordinates;
  };
  const features = hubs.map(({ position, ...hub }) => {
    let coordinates: Position;
    if ('station' in position) {
      const s = stations.find((x) => x.properties.name.zh === position.station);
      if (!s) throw new Error(`authored/hubs.json: hub ${hub.id}: station ${position.station} not found`);
      if (s.properties.source !== hub.source)
        throw new Error(
          `authored/hubs.json: hub ${hub.id} says source ${hub.source}, its station ${position.station} is ${s.properties.source}`,
        );
      coordinates = s.geometry.coordinates;
    } else coordinates = referencePoint(hub.id, position.reference, position.nameZh);
    return {
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: roundPosition(coordinates) },
      properties: hub,
    };
  });
  return fc(features);
}
