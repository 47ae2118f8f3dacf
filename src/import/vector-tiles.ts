/**
 * Vector tiles of one imported layer, cut in the import worker (@maplibre/geojson-vt) and encoded as
 * Mapbox Vector Tiles (@maplibre/vt-pbf) for the map's `atlas-import://` protocol.
 *
 * Memory and speed for 10⁶ points (measured by scripts/bench-import.ts):
 * - indexes are built on the first tile asked for;
 * - Point features skip geojson-vt: their Web-Mercator positions go into one kdbush (36 bytes a
 *   point) and a tile is a range query. geojson-vt copies every feature into every pre-cut zoom
 *   of its index: for 10⁶ points that took gigabytes and a minute for the first tile, and drove the
 *   worker into garbage-collection thrash;
 * - lines, polygons and multi-points go through geojson-vt, from stripped copies whose only property
 *   is FEATURE_INDEX_PROPERTY (`__i`), pre-cut only to a low zoom (`indexMaxZoom`);
 * - names are added to tile features only from NAME_MIN_ZOOM up (labels and picks need them there;
 *   at low zooms they would multiply tile size by the name lengths);
 * - below the deepest zoom, points that fall into the same grid cell of a tile (4 px of a 512 px
 *   tile, about one default circle radius) are drawn once, the lowest feature index first: a
 *   million overlapping circles show nothing more than the thousands that cover the same pixels,
 *   and a tile holds at most ~17,000 points (measured: the 26 tiles of a first city view of 10⁶
 *   random points over Guangzhou weigh ≈ 5 MB in all). The deepest zoom keeps every point (MapLibre over-zooms
 *   it), so every point can still be picked there.
 */
import {
  GeoJSONVT,
  type GeoJSONVTFeature,
  type GeoJSONVTOptions,
  type GeoJSONVTTile,
} from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import KDBush from 'kdbush';
import { FEATURE_INDEX_PROPERTY, IMPORT_TILE_LAYER } from '../workers/import-protocol.ts';
import { featureName } from './layer-features.ts';

/** Deepest zoom of the tiles (the map source's maxzoom). */
export const TILE_MAX_ZOOM = 14;
/** Zoom from which tile features carry `name`. */
export const NAME_MIN_ZOOM = 12;
const EXTENT = 4096;
const BUFFER = 64;
/** Thinning grid below the deepest zoom: 128 cells per tile side (4 px of a 512 px tile). */
const THIN_CELL = EXTENT / 128;

export interface TileOptions {
  /** Pre-cut depth of the index (lower: less memory up front, more work per first visit). */
  indexMaxZoom?: number;
  indexMaxPoints?: number;
}

export interface LayerTiles {
  /** MVT bytes of tile z/x/y, or null for an empty (or out-of-range) tile. */
  tile(z: number, x: number, y: number): ArrayBuffer | null;
  /** Whether the index has been built yet (tests, bench). */
  readonly built: boolean;
}

function validTile(z: number, x: number, y: number): boolean {
  if (!Number.isInteger(z) || !Number.isInteger(x) || !Number.isInteger(y)) return false;
  if (z < 0 || z > 24) return false;
  const n = 2 ** z;
  return x >= 0 && x < n && y >= 0 && y < n;
}

/** Web-Mercator x, y in [0, 1] of a WGS-84 position (y clamped at the Mercator limit). */
function mercator(lng: number, lat: number): [number, number] {
  const sin = Math.sin((Math.max(-85.0511, Math.min(85.0511, lat)) * Math.PI) / 180);
  return [lng / 360 + 0.5, 0.5 - (0.25 * Math.log((1 + sin) / (1 - sin))) / Math.PI];
}

interface PointIndex {
  kd: KDBush;
  /** Mercator x, y of each kdbush item by its id (kdbush's own coords are in tree order). */
  xy: Float64Array;
  /** Feature index of each kdbush item. */
  featureOf: Int32Array;
}

function buildPointIndex(features: readonly GeoJSON.Feature[]): PointIndex | null {
  let n = 0;
  for (const f of features) if (f.geometry?.type === 'Point') n++;
  if (n === 0) return null;
  const kd = new KDBush(n, 64, Float64Array);
  const featureOf = new Int32Array(n);
  const xy = new Float64Array(2 * n);
  let k = 0;
  features.forEach((f, i) => {
    if (f.geometry?.type !== 'Point') return;
    const [lng, lat] = f.geometry.coordinates as [unknown, unknown];
    // A position that cannot be drawn is parked off the world (never in a tile).
    const ok =
      typeof lng === 'number' && typeof lat === 'number' && Math.abs(lng) <= 180 && Math.abs(lat) <= 90;
    const [x, y] = ok ? mercator(lng, lat) : [-10, -10];
    kd.add(x, y);
    xy[2 * k] = x;
    xy[2 * k + 1] = y;
    featureOf[k++] = i;
  });
  kd.finish();
  return { kd, xy, featureOf };
}

/** Tiles of `features` (read lazily; the array must not change afterwards — make a new LayerTiles). */
export function createLayerTiles(
  features: readonly GeoJSON.Feature[],
  options: TileOptions = {},
): LayerTiles {
  let built = false;
  let points: PointIndex | null = null;
  let shapes: GeoJSONVT | null = null;
  const build = () => {
    points = buildPointIndex(features);
    const stripped: GeoJSON.Feature[] = [];
    features.forEach((f, i) => {
      if (f.geometry && f.geometry.type !== 'Point') {
        stripped.push({ type: 'Feature', geometry: f.geometry, properties: { [FEATURE_INDEX_PROPERTY]: i } });
      }
    });
    const vtOptions: GeoJSONVTOptions = {
      maxZoom: TILE_MAX_ZOOM,
      indexMaxZoom: options.indexMaxZoom ?? 4,
      indexMaxPoints: options.indexMaxPoints ?? 100_000,
      extent: EXTENT,
      buffer: BUFFER,
      tolerance: 3,
    };
    shapes =
      stripped.length > 0
        ? new GeoJSONVT({ type: 'FeatureCollection', features: stripped }, vtOptions)
        : null;
    built = true;
  };
  return {
    get built() {
      return built;
    },
    tile(z, x, y) {
      if (!validTile(z, x, y)) return null;
      if (!built) build();
      const withNames = z >= NAME_MIN_ZOOM;
      const tagsOf = (i: number): Record<string, string | number> => {
        if (!withNames) return { [FEATURE_INDEX_PROPERTY]: i };
        const name = featureName(features[i]!);
        return name ? { [FEATURE_INDEX_PROPERTY]: i, name } : { [FEATURE_INDEX_PROPERTY]: i };
      };
      const out: GeoJSONVTFeature[] = [];
      const thin = z < TILE_MAX_ZOOM;
      const seen = thin ? new Set<number>() : null;
      // One point per cell below the deepest zoom (cells cover the buffer too, offset by it).
      const keep = (px: number, py: number) => {
        if (!seen) return true;
        const key =
          Math.floor((px + 2 * EXTENT) / THIN_CELL) * 65536 + Math.floor((py + 2 * EXTENT) / THIN_CELL);
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      };
      const pts = points as PointIndex | null;
      if (pts) {
        const scale = 2 ** z;
        const b = BUFFER / EXTENT;
        const ids = pts.kd.range((x - b) / scale, (y - b) / scale, (x + 1 + b) / scale, (y + 1 + b) / scale);
        const { xy } = pts;
        // Feature order (kdbush ids are insertion order, which is feature order), so thinning keeps
        // the lowest-index point of a cell whatever the tree order.
        const found = Uint32Array.from(ids).sort();
        for (const id of found) {
          const px = Math.round((xy[2 * id]! * scale - x) * EXTENT);
          const py = Math.round((xy[2 * id + 1]! * scale - y) * EXTENT);
          if (!keep(px, py)) continue;
          out.push({ type: 1, geometry: [[px, py]], tags: tagsOf(pts.featureOf[id]!) });
        }
      }
      const t = (shapes as GeoJSONVT | null)?.getTile(z, x, y) ?? null;
      for (const f of t?.features ?? []) {
        if (f.type === 1 && f.geometry.length === 1 && !keep(f.geometry[0]![0], f.geometry[0]![1])) continue;
        const i = (f.tags as Record<string, number>)[FEATURE_INDEX_PROPERTY]!;
        out.push({ ...f, tags: tagsOf(i) } as GeoJSONVTFeature);
      }
      if (out.length === 0) return null;
      const bytes = fromGeojsonVt(
        { [IMPORT_TILE_LAYER]: { features: out } as unknown as GeoJSONVTTile },
        { version: 2, extent: EXTENT },
      );
      // A view of exactly the tile's bytes (transferable on its own).
      return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
        ? (bytes.buffer as ArrayBuffer)
        : (bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    },
  };
}
