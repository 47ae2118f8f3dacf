/** Districts and the city outline, from the reference set's DataV polygons (converted to WGS-84 there). */
import path from 'node:path';
import { pointOnFeature } from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { closeRing, dedupe, orientRing, pointInAreaGeometry, roundPosition } from '../lib/geo.ts';
import { readJson } from '../lib/json-io.ts';
import { fc, type RefCollection } from './context.ts';

/** The eleven districts with bilingual names and a label point inside each. */
export function buildDistricts(ref: string) {
  const src = readJson<RefCollection<Polygon | MultiPolygon>>(
    path.join(ref, 'admin/gz_districts_wgs84.geojson'),
  );
  const features = src.features
    .map((f) => {
      const id = String(f.properties.adcode);
      const geometry = roundAreaGeometry(f.geometry);
      const centroid = f.properties.datav_centroid_wgs84 as Position;
      const label = pointInAreaGeometry(centroid, geometry)
        ? roundPosition(centroid)
        : roundPosition(pointOnFeature({ type: 'Feature', properties: {}, geometry }).geometry.coordinates);
      return {
        type: 'Feature' as const,
        geometry,
        properties: {
          id,
          name: { zh: String(f.properties.name_zh), en: String(f.properties.name_en) },
          labelPoint: label,
          source: 'datav-2021',
          precision: 'reference' as const,
          precisionNote: {
            zh: 'DataV GeoAtlas 区县行政区划面（GCJ-02），由参考数据集转换为 WGS-84；源数据几何已简化（边界误差可达数百米）。',
            en: 'DataV GeoAtlas district polygon (GCJ-02), converted to WGS-84 by the reference set; simplified source geometry (boundary error up to a few hundred metres).',
          },
        },
      };
    })
    .sort((a, b) => a.properties.id.localeCompare(b.properties.id));
  return fc(features);
}

function roundAreaGeometry(g: Polygon | MultiPolygon): Polygon | MultiPolygon {
  const fixRings = (rings: Position[][]) =>
    rings.map((r, i) => orientRing(closeRing(dedupe(r.map((p) => roundPosition(p)))), i === 0));
  return g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: fixRings(g.coordinates) }
    : { type: 'MultiPolygon', coordinates: g.coordinates.map(fixRings) };
}

/** The city outline: the union of the districts, as the reference set gives it. */
export function buildCityOutline(ref: string) {
  const src = readJson<RefCollection<Polygon | MultiPolygon>>(
    path.join(ref, 'admin/gz_city_outline_wgs84.geojson'),
  );
  const features = src.features.map((f) => ({
    type: 'Feature' as const,
    geometry: roundAreaGeometry(f.geometry),
    properties: {
      id: '440100',
      name: { zh: '广州市', en: 'Guangzhou' },
      source: 'datav-2021',
      precision: 'reference' as const,
      precisionNote: {
        zh: '由11个 DataV 区县面（已转换为 WGS-84）合并而成；南沙区范围含河口水域。',
        en: 'Union of the 11 DataV district polygons converted to WGS-84; Nansha includes estuary water.',
      },
    },
  }));
  return fc(features);
}
