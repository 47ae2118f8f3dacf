/**
 * Park outlines and their edges, from geodata/authored/park-outlines.json. Each park (each phase of
 * park 2) is a ring of edges; the build joins them into the park's ring exactly as authored — never
 * scaled — so the mapped area is the outline's own and located edges stay on the features they follow.
 */
import path from 'node:path';
import type { LineString, MultiPolygon, Polygon, Position } from 'geojson';
import {
  type Bilingual,
  PARK_IDS,
  type ParkEdgeProperties,
  type ParkId,
  type ParkPlacement,
  type ParkProperties,
} from '../../src/data/schemas.ts';
import { areaKm2, decimals, kinkCount, signedRingArea } from '../lib/geo.ts';
import { readJson } from '../lib/json-io.ts';
import { type BuildContext, fc } from './context.ts';

/** Which features of the reference file an edge follows: by OSM way id, or by the feature's `name_zh`. */
export type AuthoredFeatureRef = { osmIds: string[] } | { nameZh: string };

export type AuthoredEvidence =
  | {
      kind: 'located';
      /** Path under the reference folder, e.g. `parks-context/park01_….geojson`. */
      file: string;
      feature: AuthoredFeatureRef;
      /** The edge runs this far outside the feature (metres) instead of on it. */
      offsetM?: number;
      note: Bilingual;
    }
  | { kind: 'inferred'; reason: Bilingual };

export interface AuthoredEdge {
  id: string;
  limit: Bilingual;
  evidence: AuthoredEvidence;
  coordinates: Position[];
}

export interface AuthoredPart {
  phase?: number;
  statedAreaKm2?: number;
  edges: AuthoredEdge[];
}

export interface AuthoredPark {
  id: ParkId;
  planOrder: number;
  name: Bilingual;
  shortName: Bilingual;
  district: Bilingual;
  districtCode: string;
  statedAreaKm2: number;
  boundaryText: Bilingual;
  outlineMethod: Bilingual;
  placement: { class: ParkPlacement; uncertaintyM?: number; note: Bilingual };
  parts: AuthoredPart[];
}

export interface AuthoredOutlines {
  parks: AuthoredPark[];
}

const same = (a: Position, b: Position) => a[0] === b[0] && a[1] === b[1];

/** The source key of an edge: its reference file when located, the plan otherwise. */
const edgeSource = (e: AuthoredEdge) =>
  e.evidence.kind === 'located' ? `geodata-reference/${e.evidence.file}` : 'plan-2018-digitised';

/** How an edge names its feature on the map and the park page. */
export function featureLabel(ref: AuthoredFeatureRef): string {
  if ('nameZh' in ref) return ref.nameZh;
  return `OSM ${ref.osmIds.join(', ')}`;
}

/**
 * The ring an authored part's edges make: each edge starts where the previous one ends and the last
 * ends where the first starts; consecutive edges share their joining vertex once. Throws naming the
 * park and edge when the chain is broken, the ring is clockwise or self-intersecting, or a coordinate
 * has more than 6 decimals — the build never repairs an outline, it reports it.
 */
export function ringOfEdges(parkId: string, partIndex: number, edges: AuthoredEdge[]): Position[] {
  const where = (e?: AuthoredEdge) =>
    `park-outlines.json: park ${parkId} part ${partIndex}${e ? ` edge ${e.id}` : ''}`;
  if (edges.length === 0) throw new Error(`${where()} has no edges`);
  const ring: Position[] = [];
  for (const [k, e] of edges.entries()) {
    if (e.coordinates.length < 2) throw new Error(`${where(e)} has < 2 positions`);
    for (const p of e.coordinates)
      if (decimals(p[0]!) > 6 || decimals(p[1]!) > 6) throw new Error(`${where(e)} has > 6 decimals at ${p}`);
    const next = edges[(k + 1) % edges.length]!;
    if (!same(e.coordinates[e.coordinates.length - 1]!, next.coordinates[0]!))
      throw new Error(`${where(e)} does not end where edge ${next.id} begins`);
    ring.push(...(k === 0 ? e.coordinates : e.coordinates.slice(1)));
  }
  if (ring.length < 4) throw new Error(`${where()} has < 3 distinct positions`);
  if (!(signedRingArea(ring) > 0))
    throw new Error(`${where()} runs clockwise (edges must run counter-clockwise)`);
  if (kinkCount([ring]) > 0) throw new Error(`${where()} self-intersects`);
  return ring;
}

function checkPlacement(p: AuthoredPark): void {
  const locatedEdges = p.parts.flatMap((part) => part.edges).filter((e) => e.evidence.kind === 'located');
  const expected: ParkPlacement = locatedEdges.length > 0 ? 'located' : 'text-only';
  if (p.placement.class !== expected)
    throw new Error(
      `park-outlines.json: park ${p.id} has placement ${p.placement.class} but ${locatedEdges.length} located edge(s)`,
    );
  if ((expected === 'text-only') !== (p.placement.uncertaintyM !== undefined))
    throw new Error(`park-outlines.json: park ${p.id}: a text-only park (only) states uncertaintyM`);
}

function parksInOrder(authored: AuthoredOutlines): AuthoredPark[] {
  const byId = new Map(authored.parks.map((p) => [p.id, p]));
  return PARK_IDS.map((id, i) => {
    const p = byId.get(id);
    if (!p) throw new Error(`park-outlines.json: park ${id} missing`);
    if (p.planOrder !== i + 1)
      throw new Error(`park-outlines.json: park ${id} has planOrder ${p.planOrder}, expected ${i + 1}`);
    checkPlacement(p);
    return p;
  });
}

const NOT_OFFICIAL: Bilingual = {
  zh: '非官方边界；方案明确“具体范围及面积在后续规划编制中明确”。',
  en: 'Not an official boundary: the plan itself says the exact extent and area are to be fixed in later planning (具体范围及面积在后续规划编制中明确).',
};

/** The ten outlines in plan order: each part's ring is its edges joined, unchanged. */
export function buildParks(authored: AuthoredOutlines) {
  const features = parksInOrder(authored).map((p) => {
    const rings = p.parts.map((part, k) => ringOfEdges(p.id, k, part.edges));
    const geometry: Polygon | MultiPolygon =
      rings.length === 1
        ? { type: 'Polygon', coordinates: [rings[0]!] }
        : { type: 'MultiPolygon', coordinates: rings.map((r) => [r]) };
    const properties: ParkProperties = {
      id: p.id,
      planOrder: p.planOrder,
      name: p.name,
      shortName: p.shortName,
      district: p.district,
      districtCode: p.districtCode,
      statedAreaKm2: p.statedAreaKm2,
      boundaryText: p.boundaryText,
      outlineMethod: p.outlineMethod,
      placement: p.placement.class,
      ...(p.placement.uncertaintyM !== undefined ? { positionUncertaintyM: p.placement.uncertaintyM } : {}),
      source: 'plan-2018-digitised',
      precision: 'digitised-from-plan-text',
      precisionNote: {
        zh: `${p.placement.note.zh}${NOT_OFFICIAL.zh}`,
        en: `${p.placement.note.en} ${NOT_OFFICIAL.en}`,
      },
    };
    return { type: 'Feature' as const, geometry, properties };
  });
  return fc(features);
}

/** Every edge of every park as a LineString, in ring order, with its limit and evidence. */
export function buildParkEdges(authored: AuthoredOutlines) {
  const features = parksInOrder(authored).flatMap((p) =>
    p.parts.flatMap((part, k) => {
      ringOfEdges(p.id, k, part.edges);
      return part.edges.map((e, order) => {
        const ev = e.evidence;
        const properties: ParkEdgeProperties = {
          id: `${p.id}:${e.id}`,
          parkId: p.id,
          edgeId: e.id,
          ...(part.phase !== undefined ? { phase: part.phase } : {}),
          order,
          limit: e.limit,
          evidence: ev.kind,
          placement: p.placement.class,
          ...(ev.kind === 'located' ? { sourceFeature: featureLabel(ev.feature) } : {}),
          ...(ev.kind === 'located' && ev.offsetM !== undefined ? { offsetM: ev.offsetM } : {}),
          source: edgeSource(e),
          precision: ev.kind === 'located' ? 'reference' : 'digitised-from-plan-text',
          precisionNote: ev.kind === 'located' ? ev.note : ev.reason,
        };
        const geometry: LineString = { type: 'LineString', coordinates: e.coordinates };
        return { type: 'Feature' as const, geometry, properties };
      });
    }),
  );
  return fc(features);
}

export const readAuthoredOutlines = (authoredDir: string) =>
  readJson<AuthoredOutlines>(path.join(authoredDir, 'park-outlines.json'));

/** The build step: the authored outlines, with each park's own area and its Δ in the report. */
export function buildParksStep(ctx: BuildContext) {
  const parks = buildParks(readAuthoredOutlines(ctx.authoredDir));
  for (const f of parks.features) {
    const a = areaKm2(f.geometry);
    const delta = ((a - f.properties.statedAreaKm2) / f.properties.statedAreaKm2) * 100;
    ctx.log.push(
      `park ${f.properties.planOrder} ${f.properties.id}: stated ${f.properties.statedAreaKm2} km², mapped ${a.toFixed(3)} km² (Δ ${delta >= 0 ? '+' : ''}${delta.toFixed(1)} %, ${f.properties.placement})`,
    );
  }
  return parks;
}

export const buildParkEdgesStep = (ctx: BuildContext) =>
  buildParkEdges(readAuthoredOutlines(ctx.authoredDir));
