/**
 * How an imported layer is drawn: a vector source whose tiles the import worker cuts
 * (`atlas-import://<layer>/<revision>/{z}/{x}/{y}`, answered by the protocol below), and a fill, a
 * line and a circle layer filtered by geometry type, styled from the layer's own style. The
 * features never pass through the main thread: only tiles do, on demand.
 */
import type {
  CircleLayerSpecification,
  FillLayerSpecification,
  LayerSpecification,
  LineLayerSpecification,
  SourceSpecification,
} from 'maplibre-gl';
import type { LayerStyle } from '../import/types.ts';
import { IMPORT_TILE_LAYER } from '../workers/import-protocol.ts';
import { type TileLoader, tileProtocol } from './tile-protocol.ts';

/** What the map needs of an imported layer. `revision` changes whenever its features change. */
export interface ImportedLayerOnMap {
  id: string;
  style: LayerStyle;
  visible: boolean;
  revision: number;
}

/** Fetches one tile of one layer: MVT bytes, or null for an empty tile. */
export type ImportTileLoader = TileLoader;

export const IMPORT_PROTOCOL = 'atlas-import';
const SOURCE_PREFIX = 'import:';
export const IMPORTED_LAYER_PREFIX = 'import:';
/** Layers drawn per imported layer, bottom to top. */
const PARTS = ['fill', 'line', 'circle'] as const;

export const importSourceId = (layerId: string) => `${SOURCE_PREFIX}${layerId}`;
export const importLayerId = (layerId: string, part: (typeof PARTS)[number]) =>
  `${IMPORTED_LAYER_PREFIX}${layerId}:${part}`;
/** All map layer ids of one imported layer, bottom to top. */
export const importLayerIds = (layerId: string) => PARTS.map((part) => importLayerId(layerId, part));

/** The imported layer (and feature index) a map layer id belongs to, or null. */
export function importedLayerOf(mapLayerId: string): string | null {
  if (!mapLayerId.startsWith(IMPORTED_LAYER_PREFIX)) return null;
  const rest = mapLayerId.slice(IMPORTED_LAYER_PREFIX.length);
  const colon = rest.lastIndexOf(':');
  return colon > 0 ? rest.slice(0, colon) : null;
}

export function importSource(layer: ImportedLayerOnMap): SourceSpecification {
  return {
    type: 'vector',
    tiles: [`${IMPORT_PROTOCOL}://${layer.id}/${layer.revision}/{z}/{x}/{y}`],
    minzoom: 0,
    // The worker's tile index goes to z14; MapLibre over-zooms beyond.
    maxzoom: 14,
  };
}

const isPolygon: FillLayerSpecification['filter'] = ['==', ['geometry-type'], 'Polygon'];
const isLine: LineLayerSpecification['filter'] = [
  'any',
  ['==', ['geometry-type'], 'LineString'],
  ['==', ['geometry-type'], 'Polygon'],
];
const isPoint: CircleLayerSpecification['filter'] = ['==', ['geometry-type'], 'Point'];

/** The map layers of one imported layer, styled. */
export function importLayers(layer: ImportedLayerOnMap): LayerSpecification[] {
  const { color, opacity, radius } = layer.style;
  const visibility = layer.visible ? 'visible' : 'none';
  const common = {
    source: importSourceId(layer.id),
    'source-layer': IMPORT_TILE_LAYER,
    layout: { visibility },
  };
  return [
    {
      ...common,
      id: importLayerId(layer.id, 'fill'),
      type: 'fill',
      filter: isPolygon,
      paint: { 'fill-color': color, 'fill-opacity': 0.25 * opacity },
    },
    {
      ...common,
      id: importLayerId(layer.id, 'line'),
      type: 'line',
      filter: isLine,
      paint: { 'line-color': color, 'line-opacity': opacity, 'line-width': 2 },
    },
    {
      ...common,
      id: importLayerId(layer.id, 'circle'),
      type: 'circle',
      filter: isPoint,
      paint: {
        'circle-color': color,
        'circle-opacity': opacity,
        'circle-radius': radius,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1,
        'circle-stroke-opacity': opacity,
      },
    },
  ] as LayerSpecification[];
}

const importTiles = tileProtocol(IMPORT_PROTOCOL, 'imp-[a-z0-9]+', true);

/** Parses `atlas-import://<layer>/<revision>/<z>/<x>/<y>`; null for anything else. */
export function parseImportTileUrl(url: string): { layerId: string; z: number; x: number; y: number } | null {
  const tile = importTiles.parse(url);
  return tile && { layerId: tile.id, z: tile.z, x: tile.x, y: tile.y };
}

/** Points the `atlas-import://` protocol at a tile loader (the import worker's). */
export const setImportTileLoader = importTiles.setLoader;
