/**
 * Vector tiles of one imported layer, cut in the import worker (@maplibre/geojson-vt) and encoded as
 * Mapbox Vector Tiles (@maplibre/vt-pbf) for the map's `atlas-import://` protocol.
 *
 * Memory and speed for 10⁶ points:
 * - the tile index is built on the first tile asked for, from stripped copies of the features whose
 *   only property is FEATURE_INDEX_PROPERTY (`__i`); geojson-vt keeps its own projected copy, so
 *   the original properties are never duplicated into it;
 * - the index is pre-cut only to a low zoom (`indexMaxZoom`); deeper tiles are cut on demand;
 * - names are added to tile features only from NAME_MIN_ZOOM up (labels and picks need them there;
 *   at low zooms they would multiply tile size by the name lengths);
 * - below the deepest zoom, points that fall into the same small grid cell of a tile (a couple of
 *   screen pixels) are drawn once: a million overlapping circles show nothing more than the
 *   thousands that cover the same pixels, and the tile stays small. The deepest zoom keeps every
 *   point (MapLibre over-zooms it), so every point can still be picked there.
 */
import {
  GeoJSONVT,
  type GeoJSONVTFeature,
  type GeoJSONVTOptions,
  type GeoJSONVTTile,
} from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { FEATURE_INDEX_PROPERTY, IMPORT_TILE_LAYER } from '../workers/import-protocol.ts';
import { featureName } from './layer-features.ts';

/** Deepest zoom of the tiles (the map source's maxzoom). */
export const TILE_MAX_ZOOM = 14;
/** Zoom from which tile features carry `name`. */
export const NAME_MIN_ZOOM = 12;
const EXTENT = 4096;
/** Thinning grid below the deepest zoom: 256 cells per tile side (2 px of a 512 px tile). */
const THIN_CELL = EXTENT / 256;

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

/** Tiles of `features` (read lazily; the array must not change afterwards — make a new LayerTiles). */
export function createLayerTiles(
  features: readonly GeoJSON.Feature[],
  options: TileOptions = {},
): LayerTiles {
  let index: GeoJSONVT | null = null;
  const build = () => {
    const stripped: GeoJSON.Feature[] = [];
    features.forEach((f, i) => {
      if (f.geometry)
        stripped.push({ type: 'Feature', geometry: f.geometry, properties: { [FEATURE_INDEX_PROPERTY]: i } });
    });
    const vtOptions: GeoJSONVTOptions = {
      maxZoom: TILE_MAX_ZOOM,
      indexMaxZoom: options.indexMaxZoom ?? 4,
      indexMaxPoints: options.indexMaxPoints ?? 100_000,
      extent: EXTENT,
      buffer: 64,
      tolerance: 3,
    };
    return new GeoJSONVT({ type: 'FeatureCollection', features: stripped }, vtOptions);
  };
  return {
    get built() {
      return index !== null;
    },
    tile(z, x, y) {
      if (!validTile(z, x, y)) return null;
      index ??= build();
      const t = index.getTile(z, x, y);
      if (!t || t.features.length === 0) return null;
      const withNames = z >= NAME_MIN_ZOOM;
      const thin = z < TILE_MAX_ZOOM;
      const seen = thin ? new Set<number>() : null;
      const out: GeoJSONVTFeature[] = [];
      for (const f of t.features) {
        if (seen && f.type === 1 && f.geometry.length === 1) {
          const [px, py] = f.geometry[0]!;
          // Cells cover the buffer too (offset by it), so neighbouring tiles thin alike.
          const cx = Math.floor((px + 2 * EXTENT) / THIN_CELL);
          const cy = Math.floor((py + 2 * EXTENT) / THIN_CELL);
          const key = cx * 65536 + cy;
          if (seen.has(key)) continue;
          seen.add(key);
        }
        const i = (f.tags as Record<string, number>)[FEATURE_INDEX_PROPERTY]!;
        let tags: Record<string, string | number> = { [FEATURE_INDEX_PROPERTY]: i };
        if (withNames) {
          const name = featureName(features[i]!);
          if (name) tags = { ...tags, name };
        }
        out.push({ ...f, tags } as GeoJSONVTFeature);
      }
      const bytes = fromGeojsonVt(
        { [IMPORT_TILE_LAYER]: { ...t, features: out } as unknown as GeoJSONVTTile },
        { version: 2, extent: EXTENT },
      );
      // A view of exactly the tile's bytes (transferable on its own).
      return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
        ? (bytes.buffer as ArrayBuffer)
        : (bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    },
  };
}
