/** Park outlines, hand-digitised from the plan's words (geodata/authored/park-outlines.json). */
import path from 'node:path';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { PARK_IDS, type ParkId } from '../../src/data/schemas.ts';
import { areaKm2, closeRing, kinkCount, round, scaleToArea } from '../lib/geo.ts';
import { readJson } from '../lib/json-io.ts';
import { type BuildContext, fc } from './context.ts';

interface AuthoredPark {
  id: ParkId;
  planOrder: number;
  name: { zh: string; en: string };
  shortName: { zh: string; en: string };
  district: { zh: string; en: string };
  districtCode: string;
  statedAreaKm2: number;
  boundaryText: { zh: string; en: string };
  outlineMethod: { zh: string; en: string };
  confidence: string;
  parts: { ring: Position[]; phase?: number; statedAreaKm2?: number }[];
}

/** The ten outlines in plan order, each part scaled about its centroid to the plan's stated area. */
export function buildParks(authored: { parks: AuthoredPark[] }) {
  const byId = new Map(authored.parks.map((p) => [p.id, p]));
  const features = PARK_IDS.map((id, i) => {
    const p = byId.get(id);
    if (!p) throw new Error(`park-outlines.json: park ${id} missing`);
    if (p.planOrder !== i + 1)
      throw new Error(`park-outlines.json: park ${id} has planOrder ${p.planOrder}, expected ${i + 1}`);
    const partTargets = p.parts.map((part) => part.statedAreaKm2 ?? p.statedAreaKm2 / p.parts.length);
    const scaled = p.parts.map((part, k) => {
      if (part.ring.length < 3) throw new Error(`park-outlines.json: park ${id} part ${k} has < 3 positions`);
      const raw = closeRing(part.ring);
      if (kinkCount([raw]) > 0) throw new Error(`park-outlines.json: park ${id} part ${k} self-intersects`);
      const rawKm2 = areaKm2({ type: 'Polygon', coordinates: [raw] });
      if (!(rawKm2 > 0)) throw new Error(`park-outlines.json: park ${id} part ${k} has no area`);
      const s = scaleToArea(part.ring, partTargets[k]!);
      if (kinkCount([s.ring]) > 0)
        throw new Error(`park-outlines.json: park ${id} part ${k} self-intersects after rounding`);
      return { ...s, rawKm2 };
    });
    const geometry: Polygon | MultiPolygon =
      scaled.length === 1
        ? { type: 'Polygon', coordinates: [scaled[0]!.ring] }
        : { type: 'MultiPolygon', coordinates: scaled.map((s) => [s.ring]) };
    const rawTotal = scaled.reduce((n, s) => n + s.rawKm2, 0);
    const factors = scaled.map((s) => round(s.factor, 4).toFixed(4));
    const phaseWord = scaled.length > 1 ? ' (per phase)' : '';
    const scaleEn = ` Hand-drawn outline: ${round(rawTotal, 3)} km² (${round(((rawTotal - p.statedAreaKm2) / p.statedAreaKm2) * 100, 1)} % from the stated area); the build scaled it about its centroid by a linear factor of ${factors.join(' / ')}${phaseWord} to the stated area. Overall confidence: ${p.confidence}.`;
    const scaleZh = `手绘轮廓面积 ${round(rawTotal, 3)} 平方公里（与规划面积相差 ${round(((rawTotal - p.statedAreaKm2) / p.statedAreaKm2) * 100, 1)}%），构建时以质心为中心按线性比例 ${factors.join(' / ')}${scaled.length > 1 ? '（分期）' : ''}缩放至规划面积。`;
    return {
      type: 'Feature' as const,
      geometry,
      properties: {
        id,
        planOrder: p.planOrder,
        name: p.name,
        shortName: p.shortName,
        district: p.district,
        districtCode: p.districtCode,
        statedAreaKm2: p.statedAreaKm2,
        boundaryText: p.boundaryText,
        outlineMethod: { zh: p.outlineMethod.zh + scaleZh, en: p.outlineMethod.en + scaleEn },
        source: 'plan-2018-digitised',
        precision: 'digitised-from-plan-text' as const,
        precisionNote: {
          zh: '依据方案文字描述在 WGS-84 参考数据上手绘，非官方边界；方案明确“具体范围及面积在后续规划编制中明确”。',
          en: "Hand-digitised from the plan's description on WGS-84 reference data; not an official boundary. The plan itself says the exact extent and area are to be fixed in later planning (具体范围及面积在后续规划编制中明确).",
        },
      },
    };
  });
  return fc(features);
}

/** The build step: the authored outlines, scaled, with each park's built area in the report. */
export function buildParksStep(ctx: BuildContext) {
  const parks = buildParks(
    readJson<{ parks: AuthoredPark[] }>(path.join(ctx.authoredDir, 'park-outlines.json')),
  );
  for (const f of parks.features)
    ctx.log.push(
      `park ${f.properties.planOrder} ${f.properties.id}: stated ${f.properties.statedAreaKm2} km², built ${areaKm2(f.geometry).toFixed(3)} km²`,
    );
  return parks;
}
