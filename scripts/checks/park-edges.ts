/**
 * The park outlines against their evidence (geodata/authored/park-outlines.json → parks.geojson,
 * park-edges.geojson):
 *   - every `located` edge lies on the reference feature it names: each vertex within 50 m
 *     (geodesic point-to-line) of that feature — of a line, or of a polygon's boundary (its rings) —
 *     or of the stated offset from it;
 *   - no scaling: each built park ring is exactly its authored edges joined, vertex for vertex;
 *   - park-edges.geojson holds those same edges, and per park (and phase) they chain, in `order`,
 *     into the polygon's ring.
 * The area audit (±10 % of the plan's area) is D3 in geodata.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { lineString, point, pointToLineDistance } from '@turf/turf';
import type { Position } from 'geojson';
import type { AuthoredFeatureRef, AuthoredOutlines } from '../build/parks.ts';
import { defaultReferenceDir } from './geodata.ts';
import type { CheckFinding, DataCheck } from './types.ts';

/** How far a located edge's vertex may lie from its feature (after the stated offset), metres. */
export const LOCATED_TOLERANCE_M = 50;

interface LineFeature {
  geometry: { type: string; coordinates: unknown };
  properties: Record<string, unknown> | null;
}
interface Collection {
  features: LineFeature[];
}
/** Reads a reference file by its path under the reference folder; undefined when it is not there. */
export type ReferenceReader = (file: string) => Collection | undefined;

const same = (a: Position, b: Position) => a[0] === b[0] && a[1] === b[1];

/**
 * The line parts of the reference features an edge names: a line's own parts, or the rings (outer and
 * inner) of a polygon — an edge that follows a shore or bank is measured to the polygon's boundary.
 */
function linesOf(collection: Collection, ref: AuthoredFeatureRef): Position[][] {
  const chosen = collection.features.filter((f) =>
    'nameZh' in ref
      ? f.properties?.name_zh === ref.nameZh
      : ref.osmIds.includes(String(f.properties?.osm_id)),
  );
  return chosen.flatMap((f) => {
    const g = f.geometry;
    if (g.type === 'LineString') return [g.coordinates as Position[]];
    if (g.type === 'MultiLineString') return g.coordinates as Position[][];
    if (g.type === 'Polygon') return g.coordinates as Position[][];
    if (g.type === 'MultiPolygon') return (g.coordinates as Position[][][]).flat();
    return [];
  });
}

/** Geodesic distance from a position to the nearest of some lines, metres. */
function distanceToLinesM(p: Position, lines: Position[][]): number {
  return Math.min(
    ...lines.map((l) =>
      pointToLineDistance(point(p), lineString(l), { units: 'meters', method: 'geodesic' }),
    ),
  );
}

/** Every located edge within LOCATED_TOLERANCE_M of its named feature (or of the stated offset from it). */
export function locatedEdgeFindings(authored: AuthoredOutlines, read: ReferenceReader): CheckFinding[] {
  const out: CheckFinding[] = [];
  let checked = 0;
  for (const park of authored.parks)
    for (const part of park.parts)
      for (const edge of part.edges) {
        const ev = edge.evidence;
        if (ev.kind !== 'located') continue;
        const at = { file: 'park-edges.geojson', featureId: `${park.id}:${edge.id}`, field: 'geometry' };
        const source = read(ev.file);
        if (!source) {
          out.push({ level: 'error', ...at, message: `source ${ev.file} not found in the reference folder` });
          continue;
        }
        const lines = linesOf(source, ev.feature);
        if (lines.length === 0) {
          out.push({
            level: 'error',
            ...at,
            message: `${ev.file} has no feature ${JSON.stringify(ev.feature)}`,
          });
          continue;
        }
        const offset = ev.offsetM ?? 0;
        for (const [k, p] of edge.coordinates.entries()) {
          const d = distanceToLinesM(p, lines);
          if (Math.abs(d - offset) > LOCATED_TOLERANCE_M)
            out.push({
              level: 'error',
              ...at,
              message: `vertex ${k} ${JSON.stringify(p)} lies ${Math.round(d)} m from its source feature${offset ? ` (stated offset ${offset} m)` : ''} — a located edge must stay within ${LOCATED_TOLERANCE_M} m`,
            });
        }
        checked++;
      }
  out.push({
    level: 'info',
    file: 'park-edges.geojson',
    message: `${checked} located edge(s) checked against their reference features`,
  });
  return out;
}

interface AreaFeature {
  geometry: { type: string; coordinates: unknown } | null;
  properties: Record<string, unknown> | null;
}

/** The rings of a Polygon or MultiPolygon's shells. */
function shells(g: AreaFeature['geometry']): Position[][] {
  if (g?.type === 'Polygon') return [(g.coordinates as Position[][])[0] ?? []];
  if (g?.type === 'MultiPolygon') return (g.coordinates as Position[][][]).map((p) => p[0] ?? []);
  return [];
}

/** Join edges end to start; undefined when one does not begin where the previous one ends. */
function chain(edges: Position[][]): Position[] | undefined {
  const ring: Position[] = [];
  for (const [k, e] of edges.entries()) {
    if (k > 0 && !same(ring[ring.length - 1]!, e[0]!)) return undefined;
    ring.push(...(k === 0 ? e : e.slice(1)));
  }
  return ring;
}

const sameRing = (a: Position[] | undefined, b: Position[]) =>
  !!a && a.length === b.length && a.every((p, i) => same(p, b[i]!));

/** Built rings = authored edges joined (no scaling); shipped edges = authored edges, chaining into the ring. */
export function outlineFindings(
  authored: AuthoredOutlines,
  parks: { features: AreaFeature[] },
  edges: { features: AreaFeature[] },
): CheckFinding[] {
  const out: CheckFinding[] = [];
  for (const park of authored.parks) {
    const built = parks.features.find((f) => f.properties?.id === park.id);
    if (!built) continue; // geodata.ts reports a missing park
    const rings = shells(built.geometry);
    for (const [k, part] of park.parts.entries()) {
      const label = park.parts.length > 1 ? ` part ${k}` : '';
      if (!sameRing(chain(part.edges.map((e) => e.coordinates)), rings[k] ?? []))
        out.push({
          level: 'error',
          file: 'parks.geojson',
          featureId: park.id,
          field: 'geometry',
          message: `ring${label} is not its authored edges joined vertex for vertex (scaled or edited after the build?): rebuild with npm run build:geodata`,
        });
      const shipped = edges.features
        .filter((f) => f.properties?.parkId === park.id && f.properties?.phase === part.phase)
        .sort((a, b) => Number(a.properties?.order) - Number(b.properties?.order));
      const ids = shipped.map((f) => String(f.properties?.edgeId));
      const expected = part.edges.map((e) => e.id);
      if (ids.join() !== expected.join()) {
        out.push({
          level: 'error',
          file: 'park-edges.geojson',
          featureId: park.id,
          message: `edges${label} are [${ids.join(', ')}], authored [${expected.join(', ')}]`,
        });
        continue;
      }
      for (const [i, f] of shipped.entries())
        if (!sameRing(f.geometry?.coordinates as Position[], part.edges[i]!.coordinates))
          out.push({
            level: 'error',
            file: 'park-edges.geojson',
            featureId: `${park.id}:${ids[i]}`,
            field: 'geometry',
            message: 'differs from the authored edge',
          });
      const joined = chain(shipped.map((f) => f.geometry?.coordinates as Position[]));
      if (!joined || !same(joined[0]!, joined[joined.length - 1]!) || !sameRing(joined, rings[k] ?? []))
        out.push({
          level: 'error',
          file: 'park-edges.geojson',
          featureId: park.id,
          message: `edges${label} do not chain into the park's ring`,
        });
    }
  }
  return out;
}

function readJsonFile<T>(file: string): T | undefined {
  if (!existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

const check: DataCheck = (geodataDir) => {
  const authored = readJsonFile<AuthoredOutlines>(path.join(geodataDir, 'authored', 'park-outlines.json'));
  if (!authored) return [{ level: 'error', file: 'authored/park-outlines.json', message: 'file is missing' }];
  const parks = readJsonFile<{ features: AreaFeature[] }>(path.join(geodataDir, 'parks.geojson'));
  const edges = readJsonFile<{ features: AreaFeature[] }>(path.join(geodataDir, 'park-edges.geojson'));
  // Missing files are reported by geodata.ts.
  const findings = parks && edges ? outlineFindings(authored, parks, edges) : [];
  const referenceDir = defaultReferenceDir(geodataDir);
  if (!referenceDir)
    return [
      ...findings,
      {
        level: 'warning',
        file: 'park-edges.geojson',
        message:
          'reference folder not found (GEODATA_REFERENCE): located edges not checked against their sources',
      },
    ];
  return [
    ...findings,
    ...locatedEdgeFindings(authored, (file) => readJsonFile<Collection>(path.join(referenceDir, file))),
  ];
};
export default check;
