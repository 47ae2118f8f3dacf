/**
 * Validates Polygon / MultiPolygon geometry (or a bare ring of positions) BEFORE anything is
 * measured: Turf returns silent garbage for bad input (an unclosed ring gives half the area, a
 * bow-tie 0, EPSG:3857 metres ~1e15 m²), so every measure in this module refuses geometry that
 * fails here.
 *
 * Checks, in order: structure → every position (numbers, finite, WGS-84 range with a diagnosis of
 * projected metres and swapped lat/lng, optional region) → every ring (≥ 4 positions, closed,
 * non-degenerate) → simplicity (no self-intersection or ring crossing, via an x-sweep with an
 * active list: ~O(n log n) for real outlines instead of the O(n²) of Turf's kinks) → holes inside their shell and not nested → polygons of a
 * MultiPolygon not overlapping. Edges are treated as straight lines in lng/lat (as GeoJSON
 * consumers, Turf and MapLibre do).
 */
import type { BBox } from './units.ts';

/** Why a geometry was rejected: stable machine codes for tests and the UI. */
export type GeometryErrorCode =
  | 'not-an-area'
  | 'empty'
  | 'not-a-position'
  | 'non-finite'
  | 'projected-coordinates'
  | 'swapped-lat-lng'
  | 'out-of-range'
  | 'outside-region'
  | 'too-many-positions'
  | 'too-few-positions'
  | 'unclosed-ring'
  | 'degenerate-ring'
  | 'self-intersection'
  | 'ring-crossing'
  | 'hole-outside-shell'
  | 'nested-holes'
  | 'overlapping-polygons';

/** Outcome of a validation: `ok`, or a readable English reason and a stable code. */
export type ValidationResult = { ok: true } | { ok: false; reason: string; code: GeometryErrorCode };

/** Options for {@link validateAreaGeometry}. */
export interface ValidationOptions {
  /**
   * Where the data is expected (degrees, [minLng, minLat, maxLng, maxLat]). When given, positions
   * outside it are rejected, and a position whose swap would fall inside is diagnosed as swapped.
   */
  region?: BBox;
  /** Refuse geometry with more positions than this (default 5,000,000). */
  maxPositions?: number;
}

/** Guangzhou's administrative extent with a margin, degrees (WGS-84). */
export const GUANGZHOU_REGION: BBox = [112.9, 22.5, 114.1, 23.99];

const fail = (code: GeometryErrorCode, reason: string): ValidationResult => ({ ok: false, code, reason });
const OK: ValidationResult = { ok: true };

function isNumberArray(p: unknown): p is number[] {
  return Array.isArray(p) && p.length >= 2 && typeof p[0] === 'number' && typeof p[1] === 'number';
}

function checkPosition(p: unknown, where: string, region: BBox | undefined): ValidationResult {
  if (!isNumberArray(p)) return fail('not-a-position', `${where} is not a position [lng, lat] of numbers`);
  const x = p[0] as number;
  const y = p[1] as number;
  if (!Number.isFinite(x) || !Number.isFinite(y)) {
    return fail('non-finite', `${where} has a non-finite coordinate (${x}, ${y})`);
  }
  if (Math.abs(x) > 180 || Math.abs(y) > 90) {
    if (Math.abs(y) <= 180 && Math.abs(x) <= 90) {
      return fail(
        'swapped-lat-lng',
        `${where} is [${x}, ${y}]: latitude ${y} is out of range but the pair swapped is valid — lat/lng look swapped (GeoJSON order is [lng, lat])`,
      );
    }
    if (Math.abs(x) > 360 || Math.abs(y) > 180) {
      return fail(
        'projected-coordinates',
        `${where} is [${x}, ${y}]: far outside degree ranges — looks like projected metres (EPSG:3857?), expected WGS-84 degrees`,
      );
    }
    return fail('out-of-range', `${where} is [${x}, ${y}]: outside WGS-84 ranges (|lng| ≤ 180, |lat| ≤ 90)`);
  }
  if (region) {
    const inside = (a: number, b: number) =>
      a >= region[0] && a <= region[2] && b >= region[1] && b <= region[3];
    if (!inside(x, y)) {
      if (inside(y, x)) {
        return fail(
          'swapped-lat-lng',
          `${where} is [${x}, ${y}]: outside the expected region, but [${y}, ${x}] is inside — lat/lng look swapped`,
        );
      }
      return fail(
        'outside-region',
        `${where} is [${x}, ${y}]: outside the expected region [${region.join(', ')}]`,
      );
    }
  }
  return OK;
}

/** Planar signed area of a ring in degrees² (shoelace), used only to detect degenerate rings. */
function ringSignedArea(xs: Float64Array, ys: Float64Array, start: number, end: number): number {
  let s = 0;
  for (let i = start; i < end; i++) s += xs[i]! * ys[i + 1]! - xs[i + 1]! * ys[i]!;
  return s / 2;
}

/** Whether every vertex of a ring lies on the line through its first two (distinct) vertices. */
function allCollinear(xs: Float64Array, ys: Float64Array, start: number, end: number): boolean {
  for (let i = start + 2; i < end; i++) {
    if (orient(xs[start]!, ys[start]!, xs[start + 1]!, ys[start + 1]!, xs[i]!, ys[i]!) !== 0) return false;
  }
  return true;
}

function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  const v = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
  // Relative tolerance: treat near-zero as collinear so float noise does not invent crossings.
  const scale = Math.abs(bx - ax) + Math.abs(by - ay) + Math.abs(cx - ax) + Math.abs(cy - ay);
  return Math.abs(v) <= 1e-14 * scale * scale ? 0 : v > 0 ? 1 : -1;
}
function onSegment(ax: number, ay: number, bx: number, by: number, px: number, py: number): boolean {
  return Math.min(ax, bx) <= px && px <= Math.max(ax, bx) && Math.min(ay, by) <= py && py <= Math.max(ay, by);
}

/** Kind of contact between two segments: none, a single touching point, a proper crossing, or a collinear overlap. */
type Contact = 0 | 1 | 2 | 3;
const NONE: Contact = 0;
const TOUCH: Contact = 1;
const CROSS: Contact = 2;
const OVERLAP: Contact = 3;

function contact(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  cx: number,
  cy: number,
  dx: number,
  dy: number,
): Contact {
  const o1 = orient(ax, ay, bx, by, cx, cy);
  const o2 = orient(ax, ay, bx, by, dx, dy);
  const o3 = orient(cx, cy, dx, dy, ax, ay);
  const o4 = orient(cx, cy, dx, dy, bx, by);
  if (o1 === 0 && o2 === 0) {
    // Collinear: overlap of positive length, a shared point, or nothing.
    const useX = Math.abs(bx - ax) >= Math.abs(by - ay);
    const a0 = useX ? Math.min(ax, bx) : Math.min(ay, by);
    const a1 = useX ? Math.max(ax, bx) : Math.max(ay, by);
    const c0 = useX ? Math.min(cx, dx) : Math.min(cy, dy);
    const c1 = useX ? Math.max(cx, dx) : Math.max(cy, dy);
    const lo = Math.max(a0, c0);
    const hi = Math.min(a1, c1);
    if (hi > lo) return OVERLAP;
    return hi === lo ? TOUCH : NONE;
  }
  if (o1 !== o2 && o3 !== o4) {
    if (o1 === 0 || o2 === 0 || o3 === 0 || o4 === 0) return TOUCH;
    return CROSS;
  }
  if (o1 === 0 && onSegment(ax, ay, bx, by, cx, cy)) return TOUCH;
  if (o2 === 0 && onSegment(ax, ay, bx, by, dx, dy)) return TOUCH;
  if (o3 === 0 && onSegment(cx, cy, dx, dy, ax, ay)) return TOUCH;
  if (o4 === 0 && onSegment(cx, cy, dx, dy, bx, by)) return TOUCH;
  return NONE;
}

/** Rings flattened into typed arrays with consecutive duplicate positions removed. */
interface FlatRings {
  xs: Float64Array;
  ys: Float64Array;
  /** Start offset of each ring in xs/ys; ring r spans [starts[r], starts[r+1]) and is closed. */
  starts: number[];
  /** Polygon index of each ring. */
  polygonOf: number[];
  /** Whether ring r is a shell (first ring of its polygon). */
  isShell: boolean[];
}

/**
 * First contact between segments of different rings or non-adjacent segments of one ring, found
 * by a sweep along x (segments sorted by left end, an active list, a y-extent filter): O(n log n)
 * plus the pairs whose x- and y-extents overlap — near-linear for real outlines, O(n²) only for
 * pathological zigzags.
 */
function findIntersection(
  f: FlatRings,
): { kind: 'self' | 'rings' | 'polygons'; ring: number; other: number; contact: Contact } | undefined {
  const { xs, ys, starts } = f;
  const ringCount = starts.length - 1;
  // Segment s goes from vertex s to s+1 within its ring; collect segment start indices and their ring.
  const segCount = starts[ringCount]! - ringCount;
  const segStart = new Int32Array(segCount);
  const segRing = new Int32Array(segCount);
  let k = 0;
  let minX = Infinity;
  let maxX = -Infinity;
  for (let r = 0; r < ringCount; r++) {
    for (let i = starts[r]!; i < starts[r + 1]! - 1; i++) {
      segStart[k] = i;
      segRing[k] = r;
      k++;
    }
  }
  for (let i = 0; i < xs.length; i++) {
    if (xs[i]! < minX) minX = xs[i]!;
    if (xs[i]! > maxX) maxX = xs[i]!;
  }
  // Sweep along x: segments sorted by their left end (a packed, natively sorted Float64 key:
  // quantised minX in the high bits, segment number in the low bits), an active list of segments
  // whose x-extent is still open, and a y-extent test before the exact contact test.
  const segBits = Math.max(1, Math.ceil(Math.log2(segCount + 1)));
  const qBits = 52 - segBits;
  const qScale = 2 ** qBits - 1;
  const extentX = Math.max(maxX - minX, 1e-300);
  const segMinX = new Float64Array(segCount);
  const segMaxX = new Float64Array(segCount);
  const segMinY = new Float64Array(segCount);
  const segMaxY = new Float64Array(segCount);
  const order = new Float64Array(segCount);
  for (let s = 0; s < segCount; s++) {
    const i = segStart[s]!;
    segMinX[s] = Math.min(xs[i]!, xs[i + 1]!);
    segMaxX[s] = Math.max(xs[i]!, xs[i + 1]!);
    segMinY[s] = Math.min(ys[i]!, ys[i + 1]!);
    segMaxY[s] = Math.max(ys[i]!, ys[i + 1]!);
    const q = Math.floor(((segMinX[s]! - minX) / extentX) * qScale);
    order[s] = q * 2 ** segBits + s;
  }
  order.sort();
  const active = new Int32Array(segCount);
  let activeCount = 0;
  const segMask = 2 ** segBits;
  for (let o = 0; o < segCount; o++) {
    const key = order[o]!;
    const t = key % segMask;
    const q = (key - t) / segMask;
    // Every later segment starts at or after this bucket's lower edge: drop what ends before it.
    const bucketMin = minX + (q / qScale) * extentX - extentX * 1e-12;
    let w = 0;
    for (let r = 0; r < activeCount; r++) {
      const a = active[r]!;
      if (segMaxX[a]! >= bucketMin) active[w++] = a;
    }
    activeCount = w;
    for (let r = 0; r < activeCount; r++) {
      const s = active[r]!;
      if (segMaxY[s]! < segMinY[t]! || segMaxY[t]! < segMinY[s]! || segMaxX[s]! < segMinX[t]!) continue;
      const i = segStart[s]!;
      const j = segStart[t]!;
      const rs = segRing[s]!;
      const rt = segRing[t]!;
      const c = contact(xs[i]!, ys[i]!, xs[i + 1]!, ys[i + 1]!, xs[j]!, ys[j]!, xs[j + 1]!, ys[j + 1]!);
      if (c === NONE) continue;
      if (rs === rt) {
        const first = starts[rs]!;
        const last = starts[rs + 1]! - 2; // start index of the ring's last segment
        const lo = Math.min(i, j);
        const hi = Math.max(i, j);
        const adjacent = hi - lo === 1 || (lo === first && hi === last);
        if (adjacent) {
          // Neighbours share a vertex; only a collinear fold-back (spike) is invalid.
          if (c === OVERLAP) return { kind: 'self', ring: rs, other: rt, contact: c };
          continue;
        }
        return { kind: 'self', ring: rs, other: rt, contact: c };
      }
      // Rings may touch at a point; crossing or sharing an edge is invalid.
      if (c === TOUCH) continue;
      const kind = f.polygonOf[rs] === f.polygonOf[rt] ? 'rings' : 'polygons';
      return { kind, ring: rs, other: rt, contact: c };
    }
    active[activeCount++] = t;
  }
  return undefined;
}

/** Ray-casting point-in-ring: 1 inside, -1 outside, 0 on the boundary. */
function pointInRing(px: number, py: number, xs: Float64Array, ys: Float64Array, start: number, end: number) {
  let inside = false;
  for (let i = start, j = end - 1; i < end; j = i++) {
    const xi = xs[i]!;
    const yi = ys[i]!;
    const xj = xs[j]!;
    const yj = ys[j]!;
    if (orient(xi, yi, xj, yj, px, py) === 0 && onSegment(xi, yi, xj, yj, px, py)) return 0;
    if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside ? 1 : -1;
}

/** Side of ring `inner` relative to ring `outer`: the first vertex of `inner` not on `outer`'s boundary decides. */
function ringSide(f: FlatRings, inner: number, outer: number): number {
  const s = f.starts[outer]!;
  const e = f.starts[outer + 1]!;
  for (let i = f.starts[inner]!; i < f.starts[inner + 1]!; i++) {
    const side = pointInRing(f.xs[i]!, f.ys[i]!, f.xs, f.ys, s, e);
    if (side !== 0) return side;
  }
  return 0;
}

/** Bbox of every ring, [x0, y0, x1, y1] × ringCount (cheap pre-filter for containment tests). */
function ringBoxes(f: FlatRings): Float64Array {
  const n = f.starts.length - 1;
  const out = new Float64Array(4 * n);
  for (let r = 0; r < n; r++) {
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (let i = f.starts[r]!; i < f.starts[r + 1]!; i++) {
      x0 = Math.min(x0, f.xs[i]!);
      x1 = Math.max(x1, f.xs[i]!);
      y0 = Math.min(y0, f.ys[i]!);
      y1 = Math.max(y1, f.ys[i]!);
    }
    out.set([x0, y0, x1, y1], 4 * r);
  }
  return out;
}

function boxesOverlap(b: Float64Array, r: number, s: number): boolean {
  return (
    b[4 * r]! <= b[4 * s + 2]! &&
    b[4 * s]! <= b[4 * r + 2]! &&
    b[4 * r + 1]! <= b[4 * s + 3]! &&
    b[4 * s + 1]! <= b[4 * r + 3]!
  );
}

function ringLabel(f: FlatRings, r: number, multi: boolean): string {
  const p = f.polygonOf[r]!;
  let first = r;
  while (first > 0 && f.polygonOf[first - 1] === p) first--;
  const ringInPolygon = r - first;
  const ringName = ringInPolygon === 0 ? 'outer ring' : `hole ${ringInPolygon}`;
  return multi ? `polygon ${p} ${ringName}` : ringName;
}

function validatePolygons(polygons: unknown[], multi: boolean, options: ValidationOptions): ValidationResult {
  const max = options.maxPositions ?? 5_000_000;
  if (polygons.length === 0) return fail('empty', 'the geometry has no polygons');
  let total = 0;
  for (const [pi, rings] of polygons.entries()) {
    const where = multi ? `polygon ${pi}` : 'polygon';
    if (!Array.isArray(rings) || rings.length === 0) return fail('empty', `${where} has no rings`);
    for (const ring of rings) {
      if (!Array.isArray(ring))
        return fail('not-an-area', `${where} has a ring that is not an array of positions`);
      total += ring.length;
    }
  }
  if (total > max)
    return fail('too-many-positions', `the geometry has ${total} positions; the limit is ${max}`);

  // Positions first, so projected or swapped data gets that diagnosis rather than a ring error.
  for (const [pi, rings] of polygons.entries()) {
    for (const [ri, ring] of (rings as unknown[][]).entries()) {
      for (let k = 0; k < ring.length; k++) {
        const p = ring[k];
        // Fast path for the common case; the full check (with a readable place) only on suspicion.
        if (Array.isArray(p) && p.length >= 2) {
          const x = p[0];
          const y = p[1];
          if (
            typeof x === 'number' &&
            typeof y === 'number' &&
            x >= -180 &&
            x <= 180 &&
            y >= -90 &&
            y <= 90 &&
            (!options.region ||
              (x >= options.region[0] &&
                x <= options.region[2] &&
                y >= options.region[1] &&
                y <= options.region[3]))
          ) {
            continue;
          }
        }
        const where = `${multi ? `polygon ${pi} ` : ''}${ri === 0 ? 'outer ring' : `hole ${ri}`} position ${k}`;
        const r = checkPosition(p, where, options.region);
        if (!r.ok) return r;
      }
    }
  }

  const xs = new Float64Array(total);
  const ys = new Float64Array(total);
  const flat: FlatRings = { xs, ys, starts: [0], polygonOf: [], isShell: [] };
  let n = 0;
  for (const [pi, rings] of polygons.entries()) {
    for (const [ri, ring] of (rings as number[][][]).entries()) {
      const where = `${multi ? `polygon ${pi} ` : ''}${ri === 0 ? 'outer ring' : `hole ${ri}`}`;
      if (ring.length < 4) {
        return fail('too-few-positions', `${where} has ${ring.length} positions; a ring needs at least 4`);
      }
      const first = ring[0]!;
      const last = ring[ring.length - 1]!;
      if (first[0] !== last[0] || first[1] !== last[1]) {
        return fail(
          'unclosed-ring',
          `${where} is not closed: it starts at [${first[0]}, ${first[1]}] and ends at [${last[0]}, ${last[1]}]`,
        );
      }
      const start = n;
      for (const p of ring) {
        const x = p[0]!;
        const y = p[1]!;
        if (n > start && xs[n - 1] === x && ys[n - 1] === y) continue; // repeated position
        xs[n] = x;
        ys[n] = y;
        n++;
      }
      if (n - start < 4) {
        return fail('degenerate-ring', `${where} has fewer than 3 distinct positions`);
      }
      if (ringSignedArea(xs, ys, start, n - 1) === 0 && allCollinear(xs, ys, start, n)) {
        return fail('degenerate-ring', `${where} encloses no area (its positions are collinear)`);
      }
      flat.starts.push(n);
      flat.polygonOf.push(pi);
      flat.isShell.push(ri === 0);
    }
  }
  const trimmed: FlatRings = { ...flat, xs: xs.subarray(0, n), ys: ys.subarray(0, n) };

  const hit = findIntersection(trimmed);
  if (hit) {
    const a = ringLabel(trimmed, hit.ring, multi);
    const b = ringLabel(trimmed, hit.other, multi);
    const how = hit.contact === OVERLAP ? 'overlaps itself along an edge' : 'crosses itself';
    if (hit.kind === 'self') {
      return fail(
        'self-intersection',
        `${a} ${hit.contact === TOUCH ? 'touches itself' : how} (self-intersection, e.g. a bow-tie)`,
      );
    }
    if (hit.kind === 'rings') return fail('ring-crossing', `${a} and ${b} cross each other`);
    return fail('overlapping-polygons', `${a} and ${b} cross: the polygons of the MultiPolygon overlap`);
  }

  const ringCount = trimmed.starts.length - 1;
  const boxes = ringBoxes(trimmed);
  let shell = 0;
  for (let r = 0; r < ringCount; r++) {
    if (trimmed.isShell[r]) {
      shell = r;
      continue;
    }
    if (ringSide(trimmed, r, shell) < 0) {
      return fail('hole-outside-shell', `${ringLabel(trimmed, r, multi)} lies outside its outer ring`);
    }
    // Rings do not cross (checked above), so two holes overlap only if one lies inside the other.
    for (let h = shell + 1; h < r; h++) {
      if (!boxesOverlap(boxes, r, h)) continue;
      if (ringSide(trimmed, r, h) > 0 || ringSide(trimmed, h, r) > 0) {
        return fail(
          'nested-holes',
          `${ringLabel(trimmed, r, multi)} and ${ringLabel(trimmed, h, multi)} overlap (one hole inside another)`,
        );
      }
    }
  }
  if (multi) {
    const shells: number[] = [];
    for (let r = 0; r < ringCount; r++) if (trimmed.isShell[r]) shells.push(r);
    for (const a of shells) {
      for (const b of shells) {
        if (a !== b && boxesOverlap(boxes, a, b) && ringSide(trimmed, a, b) > 0) {
          // Inside b's shell: fine only if it sits inside one of b's holes.
          let inHole = false;
          for (let h = b + 1; h < ringCount && !trimmed.isShell[h]; h++) {
            if (ringSide(trimmed, a, h) > 0) inHole = true;
          }
          if (!inHole) {
            return fail(
              'overlapping-polygons',
              `${ringLabel(trimmed, a, true)} lies inside ${ringLabel(trimmed, b, true)}: the polygons overlap`,
            );
          }
        }
      }
    }
  }
  return OK;
}

/**
 * Validates a GeoJSON Polygon or MultiPolygon geometry (any input: it may come from a user's
 * file). Returns `{ ok: true }` or `{ ok: false, code, reason }` with a readable English reason.
 */
export function validateAreaGeometry(geometry: unknown, options: ValidationOptions = {}): ValidationResult {
  if (typeof geometry !== 'object' || geometry === null) return fail('not-an-area', 'no geometry');
  const g = geometry as { type?: unknown; coordinates?: unknown };
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') {
    return fail('not-an-area', `geometry type ${String(g.type)} is not Polygon or MultiPolygon`);
  }
  if (!Array.isArray(g.coordinates)) return fail('not-an-area', 'coordinates is not an array');
  return g.type === 'Polygon'
    ? validatePolygons([g.coordinates], false, options)
    : validatePolygons(g.coordinates, true, options);
}

/** Validates a single ring given as an array of positions (same rules as a Polygon's outer ring). */
export function validateRing(positions: unknown, options: ValidationOptions = {}): ValidationResult {
  if (!Array.isArray(positions)) return fail('not-an-area', 'positions is not an array');
  return validatePolygons([[positions]], false, options);
}

/** Validates one position [lng, lat] (finite, WGS-84 range, optional region). */
export function validatePosition(position: unknown, options: ValidationOptions = {}): ValidationResult {
  return checkPosition(position, 'position', options.region);
}
