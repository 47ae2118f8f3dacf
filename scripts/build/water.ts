/** Water lines and water areas from the reference set's GSHHG / WDB II extracts (WGS-84). */
import path from 'node:path';
import { simplify } from '@turf/turf';
import type { Feature, LineString, MultiPolygon, Polygon, Position } from 'geojson';
import { areaKm2, closeRing, dedupe, orientRing, roundPosition } from '../lib/geo.ts';
import { readJson } from '../lib/json-io.ts';
import { buildWaterAreas } from '../lib/water-areas.ts';
import { fc, type Json, type RefCollection } from './context.ts';

const WATER_TOLERANCE_DEG = 0.0003; // ≈ 30 m: below GSHHG's own positional error in the estuary
/** The clip frame the reference set used for GSHHG. */
const GSHHG_FRAME = { minLng: 112.9, minLat: 22.45, maxLng: 114.1, maxLat: 24.0 };

/** GSHHG shoreline and WDB II rivers, simplified to ~30 m. */
export function buildWaterLines(ref: string) {
  const shore = readJson<RefCollection<LineString>>(
    path.join(ref, 'water/gshhg_shoreline_guangzhou_wgs84.geojson'),
  );
  const rivers = readJson<RefCollection<LineString>>(
    path.join(ref, 'water/gshhg_wdbii_rivers_guangzhou_wgs84.geojson'),
  );
  const simplifyLine = (coords: Position[]) => {
    const s = simplify(
      { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: coords } },
      { tolerance: WATER_TOLERANCE_DEG, highQuality: true },
    ).geometry.coordinates;
    return dedupe(s.map((p) => roundPosition(p, 5)));
  };
  const features: Feature<LineString, Json>[] = [];
  shore.features.forEach((f, i) => {
    const level = Number(f.properties.gshhg_level);
    const coordinates = simplifyLine(f.geometry.coordinates);
    if (coordinates.length < 2) return;
    features.push({
      type: 'Feature',
      geometry: { type: 'LineString', coordinates },
      properties: {
        id: `shore-${String(i).padStart(3, '0')}`,
        kind: level === 1 ? 'shoreline' : 'lake-shore',
        source: 'gshhg-2.3.7',
        precision: 'reference',
        precisionNote: {
          zh: `GSHHG 全分辨率第${level}级岸线，简化至约30米；岸线数据本身已有数十年历史，在河口一带较为粗略。`,
          en: `GSHHG full-resolution level ${level} shoreline, simplified to ~30 m; the shoreline itself is decades old and coarse in the estuary.`,
        },
      },
    });
  });
  rivers.features.forEach((f, i) => {
    const level = Number(f.properties.gshhg_level);
    const coordinates = simplifyLine(f.geometry.coordinates);
    if (coordinates.length < 2) return;
    features.push({
      type: 'Feature',
      geometry: { type: 'LineString', coordinates },
      properties: {
        id: `river-${String(i).padStart(3, '0')}`,
        kind: level <= 1 ? 'river-major' : 'river',
        source: 'wdbii-gshhg-2.3.7',
        precision: 'reference',
        precisionNote: {
          zh: `GSHHG 随附的 WDB II 河流数据（第${level}级）；位置误差可达约1公里。`,
          en: `WDB II river (level ${level}) as bundled in GSHHG; positional error can reach ~1 km.`,
        },
      },
    });
  });
  return fc(features);
}

/** The sea/estuary polygon and the lakes, closed from the GSHHG shoreline; throws when the input breaks its assumptions. */
export function buildWaterAreasFile(ref: string, log: string[]) {
  const shore = readJson<RefCollection<LineString>>(
    path.join(ref, 'water/gshhg_shoreline_guangzhou_wgs84.geojson'),
  );
  const { sea, lakes } = buildWaterAreas(
    shore.features.map((f) => ({
      level: Number(f.properties.gshhg_level),
      coordinates: f.geometry.coordinates,
    })),
    GSHHG_FRAME,
    WATER_TOLERANCE_DEG,
  );
  const round5 = (g: Polygon | MultiPolygon): Polygon | MultiPolygon => {
    const fix = (rings: Position[][]) =>
      rings
        .map((r, i) => orientRing(closeRing(dedupe(r.map((p) => roundPosition(p, 5)))), i === 0))
        .filter((r) => r.length >= 4);
    return g.type === 'Polygon'
      ? { type: 'Polygon', coordinates: fix(g.coordinates) }
      : { type: 'MultiPolygon', coordinates: g.coordinates.map(fix).filter((p) => p.length > 0) };
  };
  const features = [
    {
      type: 'Feature' as const,
      geometry: round5(sea.geometry),
      properties: {
        id: 'sea-pearl-river',
        kind: 'sea' as const,
        source: 'gshhg-2.3.7',
        precision: 'reference' as const,
        precisionNote: {
          zh: '珠江口、各水道及海域：由 GSHHG 裁剪范围（东经112.9°–114.1°，北纬22.45°–24.0°）扣除第1级陆地面得到，简化至约30米。窄于 GSHHG 分辨能力的中心城区河道未能体现。',
          en: 'Pearl River estuary, its channels and the sea, as the GSHHG frame (112.9–114.1 E, 22.45–24.0 N) minus the level-1 land polygons; simplified to ~30 m. Inner-city channels narrower than GSHHG resolves are missing.',
        },
      },
    },
    ...lakes.map((l, i) => ({
      type: 'Feature' as const,
      geometry: round5(l.geometry),
      properties: {
        id: `lake-${String(i).padStart(2, '0')}`,
        kind: 'lake' as const,
        source: 'gshhg-2.3.7',
        precision: 'reference' as const,
        precisionNote: {
          zh: 'GSHHG 第2级（湖泊）面，简化至约30米。GSHHG 未标注其名称，可能是被编码为湖泊的宽阔河段。',
          en: 'GSHHG level-2 (lake) polygon, simplified to ~30 m. GSHHG does not name it; it may be a wide river reach coded as a lake.',
        },
      },
    })),
  ];
  log.push(`water-areas: sea ${areaKm2(sea.geometry).toFixed(0)} km², ${lakes.length} lake(s)`);
  return fc(features);
}
