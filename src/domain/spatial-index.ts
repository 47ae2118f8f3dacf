/**
 * A static geographic point index: k-nearest and radius queries by great-circle distance.
 *
 * Storage is kdbush (a flat, sorted k-d tree in typed arrays) plus, per point, cos(lat) and its
 * unit vector (1,000,000 points ≈ 64 MB). Queries traverse kdbush's tree themselves:
 * - k = 1 (`nearest(p)`, `nearestBatch`): depth-first, nearer child first, explicit typed stack,
 *   no allocation; a box is skipped when a lower bound of the haversine term to it
 *   (hav(gap φ) + cos φ₁·min cos φ₂·hav(gap λ), trig-free) exceeds the best so far;
 * - k > 1: the same bound, best-first over a typed-array heap (after geokdbush, Agafonkin 2017);
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
import { distanceMBetween, haversineTerm, haversineTermToMetres } from './great-circle.ts';
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

function havPartial(havDLng: number, cosLat1: number, lat1: number, lat2: number): number {
  return cosLat1 * Math.cos(lat2 * RAD) * havDLng + hav((lat1 - lat2) * RAD);
}

/** Lower bound of the haversine term from (lng, lat) to any point of a lng/lat box (geokdbush's boxDist). */
function boxHav(
  lng: number,
  lat: number,
  cosLat: number,
  minLng: number,
  minLat: number,
  maxLng: number,
  maxLat: number,
): number {
  if (lng >= minLng && lng <= maxLng) {
    if (lat < minLat) return hav((lat - minLat) * RAD);
    if (lat > maxLat) return hav((lat - maxLat) * RAD);
    return 0;
  }
  const havDLng = Math.min(hav((lng - minLng) * RAD), hav((lng - maxLng) * RAD));
  const cosDLng = 1 - 2 * havDLng;
  const extremumLat = cosDLng <= 0 ? (lat > 0 ? 90 : -90) : Math.atan(Math.tan(lat * RAD) / cosDLng) / RAD;
  if (extremumLat > minLat && extremumLat < maxLat) return havPartial(havDLng, cosLat, lat, extremumLat);
  return Math.min(havPartial(havDLng, cosLat, lat, minLat), havPartial(havDLng, cosLat, lat, maxLat));
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

/**
 * Reusable search state: a pool of heap entries (points and tree nodes) in parallel typed arrays
 * and a binary min-heap of pool slots ordered by (key, nodes first, point index).
 */
class SearchState {
  cap = 0;
  key = new Float64Array(0);
  id = new Int32Array(0); // point index, or -1 for a tree node
  left = new Int32Array(0);
  right = new Int32Array(0);
  axis = new Uint8Array(0);
  minX = new Float64Array(0);
  minY = new Float64Array(0);
  maxX = new Float64Array(0);
  maxY = new Float64Array(0);
  /** cos of the node's min / max latitude (for the cheap k-NN bound). */
  cosA = new Float64Array(0);
  cosB = new Float64Array(0);
  heap = new Int32Array(0);
  used = 0;
  size = 0;

  constructor() {
    this.grow(256);
  }

  grow(cap: number) {
    const copyF = (a: Float64Array) => {
      const b = new Float64Array(cap);
      b.set(a);
      return b;
    };
    const copyI = (a: Int32Array) => {
      const b = new Int32Array(cap);
      b.set(a);
      return b;
    };
    this.key = copyF(this.key);
    this.minX = copyF(this.minX);
    this.minY = copyF(this.minY);
    this.maxX = copyF(this.maxX);
    this.maxY = copyF(this.maxY);
    this.cosA = copyF(this.cosA);
    this.cosB = copyF(this.cosB);
    this.id = copyI(this.id);
    this.left = copyI(this.left);
    this.right = copyI(this.right);
    this.heap = copyI(this.heap);
    const axis = new Uint8Array(cap);
    axis.set(this.axis);
    this.axis = axis;
    this.cap = cap;
  }

  reset() {
    this.used = 0;
    this.size = 0;
  }

  private less(a: number, b: number): boolean {
    const ka = this.key[a]!;
    const kb = this.key[b]!;
    if (ka !== kb) return ka < kb;
    const ia = this.id[a]!;
    const ib = this.id[b]!;
    if (ia < 0 || ib < 0) return ia < ib; // a node (-1) before a point; nodes among themselves: any
    return ia < ib;
  }

  private alloc(): number {
    if (this.used === this.cap) this.grow(this.cap * 2);
    return this.used++;
  }

  pushPoint(key: number, index: number) {
    const s = this.alloc();
    this.key[s] = key;
    this.id[s] = index;
    this.siftUp(s);
  }

  pushNode(
    key: number,
    left: number,
    right: number,
    axis: number,
    x0: number,
    y0: number,
    x1: number,
    y1: number,
    cosA = 0,
    cosB = 0,
  ) {
    const s = this.alloc();
    this.cosA[s] = cosA;
    this.cosB[s] = cosB;
    this.key[s] = key;
    this.id[s] = -1;
    this.left[s] = left;
    this.right[s] = right;
    this.axis[s] = axis;
    this.minX[s] = x0;
    this.minY[s] = y0;
    this.maxX[s] = x1;
    this.maxY[s] = y1;
    this.siftUp(s);
  }

  private siftUp(slot: number) {
    const h = this.heap;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = h[parent]!;
      if (!this.less(slot, p)) break;
      h[i] = p;
      i = parent;
    }
    h[i] = slot;
  }

  pop(): number {
    const h = this.heap;
    const top = h[0]!;
    const last = h[--this.size]!;
    const n = this.size;
    if (n > 0) {
      let i = 0;
      const half = n >> 1;
      while (i < half) {
        let c = 2 * i + 1;
        const r = c + 1;
        if (r < n && this.less(h[r]!, h[c]!)) c = r;
        if (!this.less(h[c]!, last)) break;
        h[i] = h[c]!;
        i = c;
      }
      h[i] = last;
    }
    return top;
  }
}

// Reusable traversal stack for nearest1 (single-threaded JS: one query runs at a time).
let S_BOUND = new Float64Array(128);
let S_INT = new Int32Array(3 * 128);
let S_BOX = new Float64Array(6 * 128);
function growNearestStack() {
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

/** Tree arrays a query needs (all in kdbush's sorted order). */
interface TreeArrays {
  coords: Float64Array;
  ids: Uint16Array | Uint32Array;
  cosLat: Float64Array;
  xyz: Float64Array;
  nodeSize: number;
  /** Data bbox [minLng, minLat, maxLng, maxLat, cos(minLat), cos(maxLat)]. */
  bbox: Float64Array;
}

/** Result of {@link nearest1}: haversine term and point index (index −1 if none). */
const N1 = { h: Infinity, index: -1 };

/**
 * The single nearest point (k = 1), monolithic for speed: depth-first, near side first, chord
 * pre-filter, exact haversine term for candidates, ties to the lower index. Writes {@link N1}.
 */
function nearest1(
  t: TreeArrays,
  lng: number,
  lat: number,
  hLimit: number,
  maxM: number,
  filter?: PointFilter,
) {
  const { coords, ids, cosLat: cosLats, xyz, nodeSize } = t;
  const n = ids.length;
  const qCos = Math.cos(lat * RAD);
  const qx = qCos * Math.cos(lng * RAD);
  const qy = qCos * Math.sin(lng * RAD);
  const qz = Math.sin(lat * RAD);
  let worst = hLimit;
  let prune = worst === Infinity ? Infinity : worst * (1 + 1e-9) + 1e-14;
  let bestI = -1;
  let bestH = Infinity;
  let sp = 0;
  if (n > 0) {
    S_BOUND[0] = 0;
    S_INT[0] = 0;
    S_INT[1] = n - 1;
    S_INT[2] = 0;
    // Root box = the data's own bbox (not the globe): its latitudes give the cos bound teeth.
    const bb = t.bbox;
    S_BOX[0] = bb[0]!;
    S_BOX[1] = bb[1]!;
    S_BOX[2] = bb[2]!;
    S_BOX[3] = bb[3]!;
    S_BOX[4] = bb[4]!;
    S_BOX[5] = bb[5]!;
    sp = 1;
  }
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
      if ((dx * dx + dy * dy + dz * dz) / 4 > prune) continue;
      const sLat = Math.sin(((coords[2 * i + 1]! - lat) * RAD) / 2);
      const sLng = Math.sin(((coords[2 * i]! - lng) * RAD) / 2);
      const h = sLat * sLat + qCos * cosLats[i]! * sLng * sLng;
      if (h > worst) continue;
      const pid = ids[i]!;
      if (bestI >= 0 && h === bestH && pid > bestI) continue;
      if (filter && !filter(pid)) continue;
      if (maxM !== Infinity && haversineTermToMetres(h) > maxM) continue;
      bestH = h;
      bestI = pid;
      worst = h;
      prune = h * (1 + 1e-9) + 1e-14;
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
    if (sp + 2 >= S_BOUND.length) growNearestStack();
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
  N1.h = bestH;
  N1.index = bestI;
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
  private readonly coords: Float64Array;
  private readonly ids: Uint16Array | Uint32Array;
  private readonly nodeSize: number;
  /** cos(lat) of each sorted slot, precomputed with the same expression as haversineTerm. */
  private readonly cosLat: Float64Array;
  /** Unit vectors (x, y, z) of each sorted slot: a trig-free pre-filter (h ≈ chord² / 4). */
  private readonly xyz: Float64Array;
  private readonly arrays: TreeArrays;
  private readonly state = new SearchState();

  /**
   * @param lngLats interleaved [lng, lat, lng, lat, …] in degrees (a Float64Array is used as-is, not copied)
   * @param nodeSize k-d tree leaf size (default 16)
   * @throws RangeError if a coordinate is non-finite or outside WGS-84 ranges
   */
  constructor(lngLats: InterleavedLngLat, nodeSize = 16) {
    if (lngLats.length % 2 !== 0) throw new RangeError('lngLats must hold pairs [lng, lat, …]');
    const n = lngLats.length / 2;
    const tree = new KDBush(n, nodeSize, Float64Array);
    for (let i = 0; i < n; i++) {
      const x = lngLats[2 * i]!;
      const y = lngLats[2 * i + 1]!;
      if (!(Math.abs(x) <= 180 && Math.abs(y) <= 90)) {
        throw new RangeError(`point ${i} [${x}, ${y}] is not a WGS-84 position in degrees`);
      }
      tree.add(x, y);
    }
    tree.finish();
    this.size = n;
    this.coords = tree.coords as Float64Array;
    this.ids = tree.ids;
    this.nodeSize = tree.nodeSize; // kdbush clamps the leaf size to ≥ 2; traverse with the size it sorted by
    this.cosLat = new Float64Array(n);
    const bbox = Float64Array.of(180, 90, -180, -90, 1, 1);
    for (let i = 0; i < n; i++) {
      const x = this.coords[2 * i]!;
      const y = this.coords[2 * i + 1]!;
      if (x < bbox[0]!) bbox[0] = x;
      if (y < bbox[1]!) bbox[1] = y;
      if (x > bbox[2]!) bbox[2] = x;
      if (y > bbox[3]!) bbox[3] = y;
    }
    bbox[4] = Math.cos(bbox[1]! * RAD);
    bbox[5] = Math.cos(bbox[3]! * RAD);
    this.arrays = {
      coords: this.coords,
      ids: this.ids,
      cosLat: this.cosLat,
      xyz: new Float64Array(3 * n),
      nodeSize: this.nodeSize,
      bbox,
    };
    this.xyz = this.arrays.xyz;
    for (let i = 0; i < n; i++) {
      const c = Math.cos(this.coords[2 * i + 1]! * RAD);
      this.cosLat[i] = c;
      const l = this.coords[2 * i]! * RAD;
      this.xyz[3 * i] = c * Math.cos(l);
      this.xyz[3 * i + 1] = c * Math.sin(l);
      this.xyz[3 * i + 2] = Math.sin(this.coords[2 * i + 1]! * RAD);
    }
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
   * Visits points in ascending great-circle distance from (lng, lat) — ties by ascending index —
   * until `visit` returns false or `maxDistanceM` is passed. The core of every k-NN query.
   */
  visitNearest(
    lng: number,
    lat: number,
    visit: (index: number, distanceM: Metres) => boolean,
    filter?: PointFilter,
    maxDistanceM = Infinity,
  ): void {
    const n = this.ids.length;
    if (n === 0) return;
    const st = this.state;
    const { coords, ids, nodeSize } = this;
    const cosLat = Math.cos(lat * RAD);
    st.reset();
    st.pushNode(0, 0, n - 1, 0, -180, -90, 180, 90);
    while (st.size > 0) {
      const s = st.pop();
      const key = st.key[s]!;
      if (key > maxDistanceM) return;
      const id = st.id[s]!;
      if (id >= 0) {
        if (!visit(id, key as Metres)) return;
        continue;
      }
      const left = st.left[s]!;
      const right = st.right[s]!;
      if (right - left <= nodeSize) {
        for (let i = left; i <= right; i++) {
          const pid = ids[i]!;
          if (filter && !filter(pid)) continue;
          st.pushPoint(distanceMBetween(lng, lat, coords[2 * i]!, coords[2 * i + 1]!), pid);
        }
        continue;
      }
      const m = (left + right) >> 1;
      const mx = coords[2 * m]!;
      const my = coords[2 * m + 1]!;
      const pid = ids[m]!;
      if (!filter || filter(pid)) st.pushPoint(distanceMBetween(lng, lat, mx, my), pid);
      const axis = st.axis[s]!;
      const next = 1 - axis;
      const x0 = st.minX[s]!;
      const y0 = st.minY[s]!;
      const x1 = st.maxX[s]!;
      const y1 = st.maxY[s]!;
      // Left child: [x0, mx] (axis 0) or [y0, my] (axis 1); right child the other half.
      const lx1 = axis === 0 ? mx : x1;
      const ly1 = axis === 1 ? my : y1;
      const rx0 = axis === 0 ? mx : x0;
      const ry0 = axis === 1 ? my : y0;
      if (m - 1 >= left) {
        const b = haversineTermToMetres(boxHav(lng, lat, cosLat, x0, y0, lx1, ly1)) * (1 - 1e-9);
        if (b <= maxDistanceM) st.pushNode(b, left, m - 1, next, x0, y0, lx1, ly1);
      }
      if (right >= m + 1) {
        const b = haversineTermToMetres(boxHav(lng, lat, cosLat, rx0, ry0, x1, y1)) * (1 - 1e-9);
        if (b <= maxDistanceM) st.pushNode(b, m + 1, right, next, rx0, ry0, x1, y1);
      }
    }
  }

  // Query state of the k-NN search, kept in fields so the hot loop allocates nothing.
  private qLng = 0;
  private qLat = 0;
  private qCos = 1;
  private qK = 1;
  private qCount = 0;
  private qWorst = Infinity;
  /** qWorst widened by the float error of the chord pre-filter (≪ 1e-14 absolute). */
  private qPrune = Infinity;
  private qX = 0;
  private qY = 0;
  private qZ = 1;
  private qMaxM = Infinity;
  private qFilter: PointFilter | undefined;
  private stackBound = new Float64Array(64);
  private stackInt = new Int32Array(3 * 64);
  private stackBox = new Float64Array(6 * 64);
  private growStack() {
    const n = this.stackBound.length * 2;
    const b = new Float64Array(n);
    b.set(this.stackBound);
    const i = new Int32Array(3 * n);
    i.set(this.stackInt);
    const x = new Float64Array(6 * n);
    x.set(this.stackBox);
    this.stackBound = b;
    this.stackInt = i;
    this.stackBox = x;
  }
  private resH = new Float64Array(1);
  private resI = new Int32Array(1);

  /**
   * Considers sorted slot i as a k-NN candidate. h is computed with exactly the operations of
   * {@link haversineTerm}(query, point) so the value is bit-identical to the brute-force reference.
   */
  private consider(i: number): void {
    const xyz = this.xyz;
    const dx = xyz[3 * i]! - this.qX;
    const dy = xyz[3 * i + 1]! - this.qY;
    const dz = xyz[3 * i + 2]! - this.qZ;
    // Chord²/4 equals h mathematically; it only decides who gets the exact (trig) evaluation.
    if ((dx * dx + dy * dy + dz * dz) / 4 > this.qPrune) return;
    const pid = this.ids[i]!;
    const lat2 = this.coords[2 * i + 1]!;
    const sLat = Math.sin(((lat2 - this.qLat) * RAD) / 2);
    const sLng = Math.sin(((this.coords[2 * i]! - this.qLng) * RAD) / 2);
    const h = sLat * sLat + this.qCos * this.cosLat[i]! * sLng * sLng;
    if (h > this.qWorst) return;
    const k = this.qK;
    const resH = this.resH;
    const resI = this.resI;
    if (this.qCount === k && h === this.qWorst && pid > resI[k - 1]!) return;
    if (this.qFilter && !this.qFilter(pid)) return;
    if (this.qMaxM !== Infinity && haversineTermToMetres(h) > this.qMaxM) return;
    // Insert (h, pid) into the sorted result arrays.
    let j = this.qCount < k ? this.qCount++ : k - 1;
    while (j > 0 && (resH[j - 1]! > h || (resH[j - 1] === h && resI[j - 1]! > pid))) {
      resH[j] = resH[j - 1]!;
      resI[j] = resI[j - 1]!;
      j--;
    }
    resH[j] = h;
    resI[j] = pid;
    if (this.qCount === k) {
      this.qWorst = resH[k - 1]!;
      this.qPrune = this.qWorst * (1 + 1e-9) + 1e-14;
    }
  }

  /**
   * k-NN by best-first branch-and-bound; fills resH/resI (haversine terms, indices) ascending by
   * (h, index) and returns how many were found.
   */
  private knn(
    lng: number,
    lat: number,
    k: number,
    filter: PointFilter | undefined,
    maxDistanceM: number,
  ): number {
    const n = this.ids.length;
    if (n === 0 || k <= 0) return 0;
    if (this.resH.length < k) {
      this.resH = new Float64Array(k);
      this.resI = new Int32Array(k);
    }
    this.qLng = lng;
    this.qLat = lat;
    this.qCos = Math.cos(lat * RAD);
    this.qX = this.qCos * Math.cos(lng * RAD);
    this.qY = this.qCos * Math.sin(lng * RAD);
    this.qZ = Math.sin(lat * RAD);
    this.qK = k;
    this.qCount = 0;
    this.qFilter = filter;
    this.qMaxM = maxDistanceM;
    // Prune by the radius while fewer than k are found (slightly loose; exact check in consider()).
    this.qWorst =
      maxDistanceM === Infinity
        ? Infinity
        : hav(Math.min(Math.PI, maxDistanceM / EARTH_RADIUS_M)) * (1 + 1e-9) + 1e-18;
    this.qPrune = this.qWorst === Infinity ? Infinity : this.qWorst * (1 + 1e-9) + 1e-14;
    // Depth-first, near side first, with an explicit stack; a subtree is skipped when its
    // box bound exceeds the current k-th best (ties are explored, so results stay exact).
    const { coords, nodeSize, cosLat: cosLats } = this;
    const cosLat = this.qCos;
    let sp = 0;
    const push = (
      b: number,
      l: number,
      r: number,
      ax: number,
      x0: number,
      y0: number,
      x1: number,
      y1: number,
      cA: number,
      cB: number,
    ) => {
      if (sp === this.stackBound.length) this.growStack();
      const o = sp * 6;
      this.stackBound[sp] = b;
      this.stackInt[3 * sp] = l;
      this.stackInt[3 * sp + 1] = r;
      this.stackInt[3 * sp + 2] = ax;
      this.stackBox[o] = x0;
      this.stackBox[o + 1] = y0;
      this.stackBox[o + 2] = x1;
      this.stackBox[o + 3] = y1;
      this.stackBox[o + 4] = cA;
      this.stackBox[o + 5] = cB;
      sp++;
    };
    const bb = this.arrays.bbox;
    push(0, 0, n - 1, 0, bb[0]!, bb[1]!, bb[2]!, bb[3]!, bb[4]!, bb[5]!);
    while (sp > 0) {
      sp--;
      if (this.stackBound[sp]! > this.qWorst) continue;
      const left = this.stackInt[3 * sp]!;
      const right = this.stackInt[3 * sp + 1]!;
      if (right - left <= nodeSize) {
        for (let i = left; i <= right; i++) this.consider(i);
        continue;
      }
      const axis = this.stackInt[3 * sp + 2]!;
      const o = sp * 6;
      const x0 = this.stackBox[o]!;
      const y0 = this.stackBox[o + 1]!;
      const x1 = this.stackBox[o + 2]!;
      const y1 = this.stackBox[o + 3]!;
      const cA = this.stackBox[o + 4]!;
      const cB = this.stackBox[o + 5]!;
      const m = (left + right) >> 1;
      this.consider(m);
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
      const hasL = m - 1 >= left;
      const hasR = right >= m + 1;
      const bl = hasL ? boxHavLower(lng, lat, cosLat, x0, y0, lx1, ly1, cA, lcB) : Infinity;
      const br = hasR ? boxHavLower(lng, lat, cosLat, rx0, ry0, x1, y1, rcA, cB) : Infinity;
      // Push the farther child first so the nearer one is explored first.
      if (bl <= br) {
        if (br <= this.qWorst) push(br, m + 1, right, next, rx0, ry0, x1, y1, rcA, cB);
        if (bl <= this.qWorst) push(bl, left, m - 1, next, x0, y0, lx1, ly1, cA, lcB);
      } else {
        if (bl <= this.qWorst) push(bl, left, m - 1, next, x0, y0, lx1, ly1, cA, lcB);
        if (br <= this.qWorst) push(br, m + 1, right, next, rx0, ry0, x1, y1, rcA, cB);
      }
    }
    this.qFilter = undefined;
    return this.qCount;
  }

  /**
   * The k nearest points to `p` by great-circle distance, ascending (exact ties: lower index first).
   * @param p query position [lng, lat], degrees
   * @param k how many (default 1)
   * @param filter keep only points for which it returns true
   * @param maxDistanceM ignore points farther than this, metres (default no limit)
   */
  nearest(p: LngLat, k = 1, filter?: PointFilter, maxDistanceM = Infinity): NearestHit[] {
    if (k === 1) {
      const hLimit =
        maxDistanceM === Infinity
          ? Infinity
          : hav(Math.min(Math.PI, maxDistanceM / EARTH_RADIUS_M)) * (1 + 1e-9) + 1e-18;
      nearest1(this.arrays, p[0], p[1], hLimit, maxDistanceM, filter);
      return N1.index >= 0 ? [{ index: N1.index, distanceM: haversineTermToMetres(N1.h) }] : [];
    }
    const count = this.knn(p[0], p[1], Math.min(k, this.size), filter, maxDistanceM);
    const out: NearestHit[] = new Array(count);
    for (let j = 0; j < count; j++)
      out[j] = { index: this.resI[j]!, distanceM: haversineTermToMetres(this.resH[j]!) };
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
    const t = this.arrays;
    const hLimit =
      maxDistanceM === Infinity
        ? Infinity
        : hav(Math.min(Math.PI, maxDistanceM / EARTH_RADIUS_M)) * (1 + 1e-9) + 1e-18;
    for (let q = 0; q < n; q++) {
      const x = queries[2 * q]!;
      const y = queries[2 * q + 1]!;
      if (!(Math.abs(x) <= 180 && Math.abs(y) <= 90)) {
        outIndex[q] = -1;
        outDistanceM[q] = Number.NaN; // an invalid query gets no answer rather than a wrong one
        continue;
      }
      nearest1(t, x, y, hLimit, maxDistanceM, filter);
      outIndex[q] = N1.index;
      outDistanceM[q] = N1.index >= 0 ? haversineTermToMetres(N1.h) : Infinity;
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
    const { coords, ids, nodeSize } = this;
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
