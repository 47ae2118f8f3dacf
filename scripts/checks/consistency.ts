/**
 * Cross-file consistency: the files that describe the same park must agree.
 *
 *  - parks.geojson (built from geodata/authored/park-outlines.json) and content/parks.json list the
 *    same parks and give each the same `name` {zh, en}, `statedAreaKm2` and `planOrder`. The content
 *    file is the reference: a difference is reported on parks.geojson, naming the park and the field,
 *    and is fixed in park-outlines.json (then rebuild);
 *  - every facility (facilities.geojson and facilities-unplaced.json) belongs to a park that is in
 *    parks.geojson.
 *
 * Reads raw JSON (the schemas are the geodata and content checks' job); a missing or corrupt input
 * is an error naming the file, except the facility files, which may not be built yet.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CheckFinding, DataCheck } from './types.ts';

const PARKS_GEO = 'parks.geojson';
const PARKS_CONTENT = 'content/parks.json';
const FAC = 'facilities.geojson';
const UNPLACED = 'facilities-unplaced.json';
const FIX_HINT = 'content/parks.json is the reference: fix geodata/authored/park-outlines.json and rebuild';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

interface ParkFacts {
  id: string;
  name: unknown;
  statedAreaKm2: unknown;
  planOrder: unknown;
}

type Loaded = { ok: true; value: unknown } | { ok: false; finding?: CheckFinding };

function load(dir: string, file: string, required: boolean): Loaded {
  const full = path.join(dir, file);
  if (!existsSync(full)) {
    return required
      ? { ok: false, finding: { level: 'error', file, message: 'file is missing: cannot compare parks' } }
      : { ok: false };
  }
  try {
    return { ok: true, value: JSON.parse(readFileSync(full, 'utf8')) };
  } catch (error) {
    return {
      ok: false,
      finding: { level: 'error', file, message: `not valid JSON: ${(error as Error).message}` },
    };
  }
}

function geoParks(value: unknown): ParkFacts[] {
  const features = isObj(value) && Array.isArray(value.features) ? value.features : [];
  return features.flatMap((f: unknown) => {
    const p = isObj(f) && isObj(f.properties) ? f.properties : undefined;
    return p && typeof p.id === 'string'
      ? [{ id: p.id, name: p.name, statedAreaKm2: p.statedAreaKm2, planOrder: p.planOrder }]
      : [];
  });
}

function contentParks(value: unknown): ParkFacts[] {
  const list = Array.isArray(value) ? value : [];
  return list.flatMap((p: unknown) =>
    isObj(p) && typeof p.id === 'string'
      ? [{ id: p.id, name: p.name, statedAreaKm2: p.statedAreaKm2, planOrder: p.planOrder }]
      : [],
  );
}

const show = (v: unknown) => (v === undefined ? 'nothing' : JSON.stringify(v));

/** Names, stated areas and plan order of the parks in parks.geojson vs content/parks.json. */
export function compareParks(geo: ParkFacts[], content: ParkFacts[]): CheckFinding[] {
  const out: CheckFinding[] = [];
  const byId = new Map(geo.map((p) => [p.id, p]));
  const contentIds = new Set(content.map((p) => p.id));
  for (const ref of content) {
    const g = byId.get(ref.id);
    if (!g) {
      out.push({
        level: 'error',
        file: PARKS_GEO,
        featureId: ref.id,
        field: 'id',
        message: `park ${ref.id} is in ${PARKS_CONTENT} but not in ${PARKS_GEO}`,
      });
      continue;
    }
    const differs = (field: string, a: unknown, b: unknown) =>
      out.push({
        level: 'error',
        file: PARKS_GEO,
        featureId: ref.id,
        field,
        message: `${show(a)} in ${PARKS_GEO} ≠ ${show(b)} in ${PARKS_CONTENT} (${FIX_HINT})`,
      });
    for (const lang of ['zh', 'en'] as const) {
      const a = isObj(g.name) ? g.name[lang] : undefined;
      const b = isObj(ref.name) ? ref.name[lang] : undefined;
      if (a !== b) differs(`name.${lang}`, a, b);
    }
    if (g.statedAreaKm2 !== ref.statedAreaKm2) differs('statedAreaKm2', g.statedAreaKm2, ref.statedAreaKm2);
    if (g.planOrder !== ref.planOrder) differs('planOrder', g.planOrder, ref.planOrder);
  }
  for (const g of geo)
    if (!contentIds.has(g.id))
      out.push({
        level: 'error',
        file: PARKS_GEO,
        featureId: g.id,
        field: 'id',
        message: `park ${g.id} is in ${PARKS_GEO} but not in ${PARKS_CONTENT}`,
      });
  return out;
}

/** Every facility (placed or unplaced) names a park of parks.geojson. */
export function compareFacilityParks(
  parkIds: Set<string>,
  facilities: unknown,
  unplaced: unknown,
): CheckFinding[] {
  const out: CheckFinding[] = [];
  const judge = (file: string, label: string, props: unknown) => {
    const p = isObj(props) ? props : {};
    const id = typeof p.id === 'string' ? p.id : label;
    if (typeof p.parkId !== 'string' || !parkIds.has(p.parkId))
      out.push({
        level: 'error',
        file,
        featureId: id,
        field: 'parkId',
        message: `park ${show(p.parkId)} is not a park in ${PARKS_GEO}`,
      });
  };
  const features = isObj(facilities) && Array.isArray(facilities.features) ? facilities.features : [];
  for (const [i, f] of (features as unknown[]).entries())
    judge(FAC, `#${i}`, isObj(f) ? f.properties : undefined);
  for (const [i, u] of (Array.isArray(unplaced) ? (unplaced as unknown[]) : []).entries())
    judge(UNPLACED, `[${i}]`, u);
  return out;
}

export function checkConsistency(geodataDir: string): CheckFinding[] {
  const out: CheckFinding[] = [];
  const geo = load(geodataDir, PARKS_GEO, true);
  const content = load(geodataDir, PARKS_CONTENT, true);
  for (const l of [geo, content]) if (!l.ok && l.finding) out.push(l.finding);
  if (geo.ok && content.ok) out.push(...compareParks(geoParks(geo.value), contentParks(content.value)));
  if (!geo.ok) return out;
  const fac = load(geodataDir, FAC, false);
  const unplaced = load(geodataDir, UNPLACED, false);
  for (const l of [fac, unplaced]) if (!l.ok && l.finding) out.push(l.finding);
  const parkIds = new Set(geoParks(geo.value).map((p) => p.id));
  out.push(
    ...compareFacilityParks(
      parkIds,
      fac.ok ? fac.value : undefined,
      unplaced.ok ? unplaced.value : undefined,
    ),
  );
  return out;
}

const check: DataCheck = (geodataDir) => checkConsistency(geodataDir);
export default check;
