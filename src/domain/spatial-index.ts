/**
 * A static geographic point index: k-nearest and radius queries by great-circle distance.
 *
 * Storage is kdbush (a flat, sorted k-d tree in typed arrays: 1,000,000 points ≈ 20 MB). Queries
 * are our own best-first branch-and-bound over kdbush's tree (after geokdbush, Agafonkin 2017),
 * with an allocation-free typed-array heap, so that:
 * - every distance is the haversine great-circle distance on a sphere of mean Earth radius
 *   6,371,008.8 m ({@link distanceMBetween}), computed exactly as the brute-force reference does,
 *   so results are bit-identical to {@link bruteForceNearest} / {@link bruteForceWithin};
 * - ties are broken deterministically: ascending distance, then ascending point index;
 * - a node's lower bound is shaved by a relative 1e-9 so float rounding can never prune a point
 *   that ties or beats the current candidate.
 * Antimeridian and poles are handled (haversine is periodic in longitude).
 */
import KDBush from 'kdbush';
import { distanceMBetween, haversineTermToMetres } from './great-circle.ts';
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
  const partial = (lat2: number) => cosLat * Math.cos(lat2 * RAD) * havDLng + hav((lat - lat2) * RAD);
  if (extremumLat > minLat && extremumLat < maxLat) return partial(extremumLat);
  return Math.min(partial(minLat), partial(maxLat));
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
  ) {
    const s = this.alloc();
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
  private readonly state = new SearchState();

  /**
   * @param lngLats interleaved [lng, lat, lng, lat, …] in degrees (a Float64Array is used as-is, not copied)
   * @param nodeSize k-d tree leaf size (default 32)
   * @throws RangeError if a coordinate is non-finite or outside WGS-84 ranges
   */
  constructor(lngLats: InterleavedLngLat, nodeSize = 32) {
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
    this.nodeSize = nodeSize;
  }

  /** Builds an index from an array of [lng, lat] positions (degrees). */
  static fromPositions(positions: readonly LngLat[], nodeSize = 32): GeoPointIndex {
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

  /**
   * The k nearest points to `p` by great-circle distance, ascending (ties: lower index first).
   * @param p query position [lng, lat], degrees
   * @param k how many (default 1)
   * @param filter keep only points for which it returns true
   * @param maxDistanceM ignore points farther than this, metres (default no limit)
   */
  nearest(p: LngLat, k = 1, filter?: PointFilter, maxDistanceM = Infinity): NearestHit[] {
    const out: NearestHit[] = [];
    if (k <= 0) return out;
    this.visitNearest(
      p[0],
      p[1],
      (index, distanceM) => {
        out.push({ index, distanceM });
        return out.length < k;
      },
      filter,
      maxDistanceM,
    );
    return out;
  }

  /**
   * Nearest point for each query in a batch (allocation-free; for 10⁵–10⁶ queries).
   * @param queries interleaved [lng, lat, …], degrees
   * @param outIndex receives the nearest point's index, or -1 if none within `maxDistanceM`
   * @param outDistanceM receives its distance, metres (Infinity if none)
   */
  nearestBatch(
    queries: Float64Array,
    outIndex: Int32Array,
    outDistanceM: Float64Array,
    maxDistanceM = Infinity,
    filter?: PointFilter,
  ): void {
    let bestI = -1;
    let bestD = Infinity;
    const take = (index: number, d: number) => {
      bestI = index;
      bestD = d;
      return false;
    };
    const n = queries.length / 2;
    for (let q = 0; q < n; q++) {
      bestI = -1;
      bestD = Infinity;
      this.visitNearest(queries[2 * q]!, queries[2 * q + 1]!, take, filter, maxDistanceM);
      outIndex[q] = bestI;
      outDistanceM[q] = bestD;
    }
  }

  /** Calls `each(index, distanceM)` for every point within `radiusM` of (lng, lat), in tree order. */
  private scanWithin(
    lng: number,
    lat: number,
    radiusM: number,
    each: (index: number, distanceM: Metres) => void,
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
    each: (index: number, distanceM: Metres) => void,
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
      const d = distanceMBetween(lng, lat, x, y);
      if (d <= radiusM) each(id, d);
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
   * Every point within `radiusM` metres (great-circle, inclusive) of `p`, ascending by distance
   * then index.
   */
  within(p: LngLat, radiusM: number, filter?: PointFilter): NearestHit[] {
    const out: NearestHit[] = [];
    this.scanWithin(p[0], p[1], radiusM, (index, distanceM) => out.push({ index, distanceM }), filter);
    out.sort((a, b) => a.distanceM - b.distanceM || a.index - b.index);
    return out;
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
 * ascending by distance then index. O(n log n) per query; for tests and benchmarks.
 */
export function bruteForceNearest(
  lngLats: InterleavedLngLat,
  p: LngLat,
  k = 1,
  filter?: PointFilter,
  maxDistanceM = Infinity,
): NearestHit[] {
  const all: NearestHit[] = [];
  for (let i = 0; i < lngLats.length / 2; i++) {
    if (filter && !filter(i)) continue;
    const d = distanceMBetween(p[0], p[1], lngLats[2 * i]!, lngLats[2 * i + 1]!);
    if (d <= maxDistanceM) all.push({ index: i, distanceM: d });
  }
  all.sort((a, b) => a.distanceM - b.distanceM || a.index - b.index);
  return all.slice(0, k);
}

/** Brute-force reference: every point within `radiusM` metres of `p`, ascending by distance then index. */
export function bruteForceWithin(
  lngLats: InterleavedLngLat,
  p: LngLat,
  radiusM: number,
  filter?: PointFilter,
): NearestHit[] {
  return bruteForceNearest(lngLats, p, Infinity, filter, radiusM);
}
