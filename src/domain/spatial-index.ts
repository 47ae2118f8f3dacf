/**
 * A static geographic point index: k-nearest and radius queries by great-circle distance.
 *
 * Storage is kdbush (a flat, sorted k-d tree in typed arrays) plus, per point, cos(lat) and its
 * unit vector. Queries traverse kdbush's tree themselves:
 * - nearest (any k, and the batch of k = 1 queries): one depth-first search, nearer child first,
 *   explicit typed stack, no allocation per query; a box is skipped when a lower bound of the
 *   haversine term to it (hav(gap φ) + cos φ₁·min cos φ₂·hav(gap λ), trig-free) exceeds the k-th
 *   best so far;
 * - radius queries: kdbush's range search over the spherical cap's exact lng/lat bbox.
 * A chord² / 4 pre-filter (no trig) decides which points get the exact evaluation.
 *
 * Exactness: every reported distance is the haversine great-circle distance on a sphere of mean
 * Earth radius 6,371,008.8 m, computed with exactly the operations of {@link haversineTerm}, so
 * results are bit-identical to {@link bruteForceNearest} / {@link bruteForceWithin}. Bounds and
 * pre-filters are widened (relative 1e-9, absolute 1e-14) so rounding never prunes a point that
 * ties or beats the current candidate. Order is ascending haversine term h (the distance before
 * rounding to metres), then ascending point index for exact ties. Poles and antimeridian are
 * handled (haversine is periodic in longitude; longitude gaps wrap).
 */
import KDBush from 'kdbush';
import { haversineTerm, haversineTermToMetres } from './great-circle.ts';
import { EARTH_RADIUS_M, type LngLat, type Metres } from './units.ts';

const RAD = Math.PI / 180;

/** One query result: the point's index in the input order and its great-circle distance, metres. */
export interface NearestHit {
  index: number;
  distanceM: Metres;
}

/** Keeps a point (by input index) in a query's results when it returns true. */
export type PointFilter = (index: number) => boolean;

function hav(theta: number): number {
  const s = Math.sin(theta / 2);
  return s * s;
}

/**
 * A trig-free lower bound of hav(x) = sin²(x/2) for 0 ≤ x ≤ π: sin t ≥ t − t³/6 for t ≥ 0.
 */
function havLower(x: number): number {
  const t = x / 2;
  const s = t - (t * t * t) / 6;
  return s * s;
}

/** Smallest angular difference between a longitude and a lng interval, radians (0 inside, wraps). */
function lngGap(lng: number, minLng: number, maxLng: number): number {
  if (lng >= minLng && lng <= maxLng) return 0;
  let a = Math.abs(lng - minLng);
  if (a > 180) a = 360 - a;
  let b = Math.abs(lng - maxLng);
  if (b > 180) b = 360 - b;
  return Math.min(a, b) * RAD;
}

/**
 * Cheap lower bound of the haversine term from a query to any point of a lng/lat box:
 * h = hav(Δφ) + cos φ₁ cos φ₂ hav(Δλ) ≥ hav(gap φ) + cos φ₁ · min(cos φ over the box) · hav(gap λ),
 * with hav bounded below by {@link havLower}. Shaved by a relative 1e-9 against rounding.
 */
function boxHavLower(
  lng: number,
  lat: number,
  cosLat: number,
  minLng: number,
  minLat: number,
  maxLng: number,
  maxLat: number,
  cosA: number,
  cosB: number,
): number {
  const dLat = lat < minLat ? (minLat - lat) * RAD : lat > maxLat ? (lat - maxLat) * RAD : 0;
  const dLng = lngGap(lng, minLng, maxLng);
  let h = dLat > 0 ? havLower(dLat) : 0;
  if (dLng > 0) h += cosLat * Math.min(cosA, cosB) * havLower(dLng);
  return h * (1 - 1e-9);
}

/** Haversine-term limit of a search bounded by `maxDistanceM` (slightly loose; exact check per point). */
function hLimitFor(maxDistanceM: number): number {
  return maxDistanceM === Infinity
    ? Infinity
    : hav(Math.min(Math.PI, maxDistanceM / EARTH_RADIUS_M)) * (1 + 1e-9) + 1e-18;
}

// Traversal stack and results of search(), reused by every query (single-threaded JS: one query
// runs at a time): per entry a box bound, [left, right, axis] and [minLng, minLat, maxLng, maxLat,
// cos minLat, cos maxLat].
let S_BOUND = new Float64Array(128);
let S_INT = new Int32Array(3 * 128);
let S_BOX = new Float64Array(6 * 128);
function growStack() {
  const n = S_BOUND.length * 2;
  const b = new Float64Array(n);
  b.set(S_BOUND);
  const i = new Int32Array(3 * n);
  i.set(S_INT);
  const x = new Float64Array(6 * n);
  x.set(S_BOX);
  S_BOUND = b;
  S_INT = i;
  S_BOX = x;
}
/** Haversine terms and point indices of the last search's results, ascending by (h, index). */
let RES_H = new Float64Array(16);
let RES_I = new Int32Array(16);

/** Tree arrays a query needs (all in kdbush's sorted order). */
interface TreeArrays {
  coords: Float64Array;
  ids: Uint16Array | Uint32Array;
  /** cos(lat) of each sorted slot, computed with the same expression as haversineTerm. */
  cosLat: Float64Array;
  /** Unit vectors (x, y, z) of each sorted slot: a trig-free pre-filter (h ≈ chord² / 4). */
  xyz: Float64Array;
  nodeSize: number;
  /** Data bbox [minLng, minLat, maxLng, maxLat, cos(minLat), cos(maxLat)]. */
  bbox: Float64Array;
}

/**
 * The k nearest points to (lng, lat) whose haversine term is ≤ hLimit, distance ≤ maxM metres and
 * index passes the filter: depth-first, near side first, chord pre-filter, exact haversine term
 * for candidates, exact ties to the lower index. Writes {@link RES_H} / {@link RES_I} and returns
 * how many were found (≤ k).
 */
function search(
  t: TreeArrays,
  lng: number,
  lat: number,
  k: number,
  hLimit: number,
  maxM: number,
  filter?: PointFilter,
): number {
  const { coords, ids, cosLat: cosLats, xyz, nodeSize } = t;
  const n = ids.length;
  if (n === 0 || !(k > 0)) return 0;
  if (RES_H.length < k) {
    RES_H = new Float64Array(k);
    RES_I = new Int32Array(k);
  }
  const qCos = Math.cos(lat * RAD);
  const qx = qCos * Math.cos(lng * RAD);
  const qy = qCos * Math.sin(lng * RAD);
  const qz = Math.sin(lat * RAD);
  let count = 0;
  // The k-th best haversine term so far (hLimit until k are found), and it widened for the chord.
  let worst = hLimit;
  let prune = worst === Infinity ? Infinity : worst * (1 + 1e-9) + 1e-14;
  S_BOUND[0] = 0;
  S_INT[0] = 0;
  S_INT[1] = n - 1;
  S_INT[2] = 0;
  // Root box = the data's own bbox (not the globe): its latitudes give the cos bound teeth.
  S_BOX.set(t.bbox, 0);
  let sp = 1;
  while (sp > 0) {
    sp--;
    if (S_BOUND[sp]! > worst) continue;
    const left = S_INT[3 * sp]!;
    const right = S_INT[3 * sp + 1]!;
    const leaf = right - left <= nodeSize;
    const m = (left + right) >> 1;
    // A leaf: all its points; an inner node: its middle point. Inlined for speed.
    const to = leaf ? right : m;
    for (let i = leaf ? left : m; i <= to; i++) {
      const dx = xyz[3 * i]! - qx;
      const dy = xyz[3 * i + 1]! - qy;
      const dz = xyz[3 * i + 2]! - qz;
      // Chord²/4 equals h mathematically; it only decides who gets the exact (trig) evaluation.
      if ((dx * dx + dy * dy + dz * dz) / 4 > prune) continue;
      const sLat = Math.sin(((coords[2 * i + 1]! - lat) * RAD) / 2);
      const sLng = Math.sin(((coords[2 * i]! - lng) * RAD) / 2);
      const h = sLat * sLat + qCos * cosLats[i]! * sLng * sLng;
      if (h > worst) continue;
      const pid = ids[i]!;
      if (count === k && h === worst && pid > RES_I[k - 1]!) continue;
      if (filter && !filter(pid)) continue;
      if (maxM !== Infinity && haversineTermToMetres(h) > maxM) continue;
      // Insert (h, pid) into the sorted results, dropping the k-th when full.
      let j = count < k ? count++ : k - 1;
      while (j > 0 && (RES_H[j - 1]! > h || (RES_H[j - 1] === h && RES_I[j - 1]! > pid))) {
        RES_H[j] = RES_H[j - 1]!;
        RES_I[j] = RES_I[j - 1]!;
        j--;
      }
      RES_H[j] = h;
      RES_I[j] = pid;
      if (count === k) {
        worst = RES_H[k - 1]!;
        prune = worst * (1 + 1e-9) + 1e-14;
      }
    }
    if (leaf) continue;
    const axis = S_INT[3 * sp + 2]!;
    const o = sp * 6;
    const x0 = S_BOX[o]!;
    const y0 = S_BOX[o + 1]!;
    const x1 = S_BOX[o + 2]!;
    const y1 = S_BOX[o + 3]!;
    const cA = S_BOX[o + 4]!;
    const cB = S_BOX[o + 5]!;
    const mx = coords[2 * m]!;
    const my = coords[2 * m + 1]!;
    const cm = cosLats[m]!;
    const next = 1 - axis;
    const lx1 = axis === 0 ? mx : x1;
    const ly1 = axis === 1 ? my : y1;
    const lcB = axis === 1 ? cm : cB;
    const rx0 = axis === 0 ? mx : x0;
    const ry0 = axis === 1 ? my : y0;
    const rcA = axis === 1 ? cm : cA;
    const bl = m - 1 >= left ? boxHavLower(lng, lat, qCos, x0, y0, lx1, ly1, cA, lcB) : Infinity;
    const br = right >= m + 1 ? boxHavLower(lng, lat, qCos, rx0, ry0, x1, y1, rcA, cB) : Infinity;
    if (sp + 2 >= S_BOUND.length) growStack();
    // Farther child first on the stack, so the nearer one is explored first.
    const leftFirst = bl <= br;
    for (let pass = 0; pass < 2; pass++) {
      const pushLeft = pass === 0 ? !leftFirst : leftFirst;
      const b = pushLeft ? bl : br;
      if (b > worst) continue;
      const q = sp * 6;
      S_BOUND[sp] = b;
      S_INT[3 * sp] = pushLeft ? left : m + 1;
      S_INT[3 * sp + 1] = pushLeft ? m - 1 : right;
      S_INT[3 * sp + 2] = next;
      S_BOX[q] = pushLeft ? x0 : rx0;
      S_BOX[q + 1] = pushLeft ? y0 : ry0;
      S_BOX[q + 2] = pushLeft ? lx1 : x1;
      S_BOX[q + 3] = pushLeft ? ly1 : y1;
      S_BOX[q + 4] = pushLeft ? cA : rcA;
      S_BOX[q + 5] = pushLeft ? lcB : cB;
      sp++;
    }
  }
  return count;
}

/** Index types accepted as interleaved coordinates [lng0, lat0, lng1, lat1, …] in degrees. */
export type InterleavedLngLat = Float64Array | readonly number[];

/**
 * A static index of WGS-84 points for great-circle nearest-neighbour and radius queries.
 * Build once (O(n log n)); query many times. Distances in metres on the 6,371,008.8 m sphere.
 */
export class GeoPointIndex {
  /** Number of indexed points. */
  readonly size: number;
  private readonly tree: TreeArrays;

  /**
   * @param lngLats interleaved [lng, lat, lng, lat, …] in degrees (a Float64Array is used as-is, not copied)
   * @param nodeSize k-d tree leaf size (default 16)
   * @throws RangeError if a coordinate is non-finite or outside WGS-84 ranges
   */
  constructor(lngLats: InterleavedLngLat, nodeSize = 16) {
    if (lngLats.length % 2 !== 0) throw new RangeError('lngLats must hold pairs [lng, lat, …]');
    const n = lngLats.length / 2;
    const kd = new KDBush(n, nodeSize, Float64Array);
    for (let i = 0; i < n; i++) {
      const x = lngLats[2 * i]!;
      const y = lngLats[2 * i + 1]!;
      if (!(Math.abs(x) <= 180 && Math.abs(y) <= 90)) {
        throw new RangeError(`point ${i} [${x}, ${y}] is not a WGS-84 position in degrees`);
      }
      kd.add(x, y);
    }
    kd.finish();
    this.size = n;
    const coords = kd.coords as Float64Array;
    const cosLat = new Float64Array(n);
    const xyz = new Float64Array(3 * n);
    const bbox = Float64Array.of(180, 90, -180, -90, 1, 1);
    for (let i = 0; i < n; i++) {
      const x = coords[2 * i]!;
      const y = coords[2 * i + 1]!;
      if (x < bbox[0]!) bbox[0] = x;
      if (y < bbox[1]!) bbox[1] = y;
      if (x > bbox[2]!) bbox[2] = x;
      if (y > bbox[3]!) bbox[3] = y;
      const c = Math.cos(y * RAD);
      cosLat[i] = c;
      xyz[3 * i] = c * Math.cos(x * RAD);
      xyz[3 * i + 1] = c * Math.sin(x * RAD);
      xyz[3 * i + 2] = Math.sin(y * RAD);
    }
    bbox[4] = Math.cos(bbox[1]! * RAD);
    bbox[5] = Math.cos(bbox[3]! * RAD);
    // kdbush clamps the leaf size to ≥ 2; traverse with the size it sorted by.
    this.tree = { coords, ids: kd.ids, cosLat, xyz, nodeSize: kd.nodeSize, bbox };
  }

  /** Builds an index from an array of [lng, lat] positions (degrees). */
  static fromPositions(positions: readonly LngLat[], nodeSize = 16): GeoPointIndex {
    const a = new Float64Array(positions.length * 2);
    for (let i = 0; i < positions.length; i++) {
      const p = positions[i]!;
      a[2 * i] = p[0];
      a[2 * i + 1] = p[1];
    }
    return new GeoPointIndex(a, nodeSize);
  }

  /**
   * The k nearest points to `p` by great-circle distance, ascending (exact ties: lower index first).
   * @param p query position [lng, lat], degrees
   * @param k how many (default 1)
   * @param filter keep only points for which it returns true
   * @param maxDistanceM ignore points farther than this, metres (default no limit)
   */
  nearest(p: LngLat, k = 1, filter?: PointFilter, maxDistanceM = Infinity): NearestHit[] {
    const count = search(
      this.tree,
      p[0],
      p[1],
      Math.min(k, this.size),
      hLimitFor(maxDistanceM),
      maxDistanceM,
      filter,
    );
    const out: NearestHit[] = new Array(count);
    for (let j = 0; j < count; j++)
      out[j] = { index: RES_I[j]!, distanceM: haversineTermToMetres(RES_H[j]!) };
    return out;
  }

  /**
   * Nearest point for each query in a batch (allocation-free; for 10⁵–10⁶ queries).
   * @param queries interleaved [lng, lat, …], degrees
   * @param outIndex receives the nearest point's index, or -1 if none within `maxDistanceM`
   * @param outDistanceM receives its distance, metres (Infinity if none; NaN, with index −1, for a
   *   query that is not a WGS-84 position)
   */
  nearestBatch(
    queries: Float64Array,
    outIndex: Int32Array,
    outDistanceM: Float64Array,
    maxDistanceM = Infinity,
    filter?: PointFilter,
  ): void {
    const n = queries.length / 2;
    const t = this.tree;
    const hLimit = hLimitFor(maxDistanceM);
    for (let q = 0; q < n; q++) {
      const x = queries[2 * q]!;
      const y = queries[2 * q + 1]!;
      if (!(Math.abs(x) <= 180 && Math.abs(y) <= 90)) {
        outIndex[q] = -1;
        outDistanceM[q] = Number.NaN; // an invalid query gets no answer rather than a wrong one
        continue;
      }
      const found = search(t, x, y, 1, hLimit, maxDistanceM, filter);
      outIndex[q] = found ? RES_I[0]! : -1;
      outDistanceM[q] = found ? haversineTermToMetres(RES_H[0]!) : Infinity;
    }
  }

  /** Calls `each(index, distanceM)` for every point within `radiusM` of (lng, lat), in tree order. */
  private scanWithin(
    lng: number,
    lat: number,
    radiusM: number,
    each: (index: number, distanceM: Metres, h: number) => void,
    filter?: PointFilter,
  ): void {
    if (!(radiusM >= 0) || this.size === 0) return;
    const delta = radiusM / EARTH_RADIUS_M; // angular radius, radians
    const dLat = (delta / RAD) * (1 + 1e-9) + 1e-9;
    const lat0 = lat - dLat;
    const lat1 = lat + dLat;
    const boxes: [number, number, number, number][] = [];
    const cosLat = Math.cos(lat * RAD);
    const sinRatio = Math.sin(Math.min(delta, Math.PI / 2)) / cosLat;
    if (lat0 <= -90 || lat1 >= 90 || delta >= Math.PI / 2 || sinRatio >= 1) {
      boxes.push([-180, Math.max(-90, lat0), 180, Math.min(90, lat1)]);
    } else {
      // Widest longitude of a spherical cap of angular radius δ centred at latitude φ: asin(sin δ / cos φ).
      const dLng = (Math.asin(sinRatio) / RAD) * (1 + 1e-9) + 1e-9;
      const x0 = lng - dLng;
      const x1 = lng + dLng;
      boxes.push([Math.max(-180, x0), lat0, Math.min(180, x1), lat1]);
      if (x0 < -180) boxes.push([x0 + 360, lat0, 180, lat1]);
      if (x1 > 180) boxes.push([-180, lat0, x1 - 360, lat1]);
    }
    for (const b of boxes) this.scanBox(b[0], b[1], b[2], b[3], lng, lat, radiusM, each, filter);
  }

  /** kdbush's range search, inlined so coordinates are read from the sorted arrays directly. */
  private scanBox(
    minX: number,
    minY: number,
    maxX: number,
    maxY: number,
    lng: number,
    lat: number,
    radiusM: number,
    each: (index: number, distanceM: Metres, h: number) => void,
    filter?: PointFilter,
  ): void {
    const { coords, ids, nodeSize } = this.tree;
    const stack = [0, ids.length - 1, 0];
    const visitPoint = (i: number) => {
      const x = coords[2 * i]!;
      const y = coords[2 * i + 1]!;
      if (x < minX || x > maxX || y < minY || y > maxY) return;
      const id = ids[i]!;
      if (filter && !filter(id)) return;
      const h = haversineTerm(lng, lat, x, y);
      const d = haversineTermToMetres(h);
      if (d <= radiusM) each(id, d, h);
    };
    while (stack.length) {
      const axis = stack.pop()!;
      const right = stack.pop()!;
      const left = stack.pop()!;
      if (right - left <= nodeSize) {
        for (let i = left; i <= right; i++) visitPoint(i);
        continue;
      }
      const m = (left + right) >> 1;
      visitPoint(m);
      const v = coords[2 * m + axis]!;
      if (axis === 0 ? minX <= v : minY <= v) stack.push(left, m - 1, 1 - axis);
      if (axis === 0 ? maxX >= v : maxY >= v) stack.push(m + 1, right, 1 - axis);
    }
  }

  /**
   * Every point within `radiusM` metres (great-circle, inclusive) of `p`, ascending by distance (haversine
   * term) then index.
   */
  within(p: LngLat, radiusM: number, filter?: PointFilter): NearestHit[] {
    const found: { index: number; distanceM: Metres; h: number }[] = [];
    this.scanWithin(
      p[0],
      p[1],
      radiusM,
      (index, distanceM, h) => found.push({ index, distanceM, h }),
      filter,
    );
    found.sort((a, b) => a.h - b.h || a.index - b.index);
    return found.map(({ index, distanceM }) => ({ index, distanceM }));
  }

  /** How many points lie within `radiusM` metres (great-circle, inclusive) of `p`. */
  countWithin(p: LngLat, radiusM: number, filter?: PointFilter): number {
    let count = 0;
    this.scanWithin(
      p[0],
      p[1],
      radiusM,
      () => {
        count++;
      },
      filter,
    );
    return count;
  }
}

/**
 * Brute-force reference: the k nearest of interleaved points to `p` by great-circle distance,
 * ascending by the haversine term (the distance before rounding to metres), then by index. O(n log n) per query; for tests and benchmarks.
 */
export function bruteForceNearest(
  lngLats: InterleavedLngLat,
  p: LngLat,
  k = 1,
  filter?: PointFilter,
  maxDistanceM = Infinity,
): NearestHit[] {
  const all: { index: number; distanceM: Metres; h: number }[] = [];
  for (let i = 0; i < lngLats.length / 2; i++) {
    if (filter && !filter(i)) continue;
    const h = haversineTerm(p[0], p[1], lngLats[2 * i]!, lngLats[2 * i + 1]!);
    const d = haversineTermToMetres(h);
    if (d <= maxDistanceM) all.push({ index: i, distanceM: d, h });
  }
  all.sort((a, b) => a.h - b.h || a.index - b.index);
  return all.slice(0, k).map(({ index, distanceM }) => ({ index, distanceM }));
}

/** Brute-force reference: every point within `radiusM` metres of `p`, ascending by distance (haversine term) then index. */
export function bruteForceWithin(
  lngLats: InterleavedLngLat,
  p: LngLat,
  radiusM: number,
  filter?: PointFilter,
): NearestHit[] {
  return bruteForceNearest(lngLats, p, Infinity, filter, radiusM);
}
