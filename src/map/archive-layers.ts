/**
 * How a PMTiles archive the user opened is drawn: a vector source whose tiles come through the
 * `atlas-pmtiles://<archive>/{z}/{x}/{y}` protocol (answered by a loader: src/map/pmtiles-archives.ts
 * reads them from the archive by HTTP range requests or File slices), and for each of the archive's
 * vector layers a fill, a line and a circle layer filtered by geometry type, in one colour.
 *
 * Pure specs plus a tiny protocol shim: the pmtiles package itself stays out of the map chunk and
 * loads only when someone opens an archive.
 */
import type {
  CircleLayerSpecification,
  FillLayerSpecification,
  LayerSpecification,
  LineLayerSpecification,
  SourceSpecification,
} from 'maplibre-gl';
import { type TileLoader, tileProtocol } from './tile-protocol.ts';

/** What the map needs of an opened archive. */
export interface ArchiveOnMap {
  id: string;
  /** The archive's vector layer ids (its MVT source-layers). */
  layers: readonly string[];
  color: string;
  visible: boolean;
  minzoom: number;
  maxzoom: number;
  /** [west, south, east, north], or null when the archive's header has no valid bounds. */
  bounds: readonly [number, number, number, number] | null;
}

/** Reads one tile of one archive: MVT bytes (decompressed), or null for no tile. */
export type ArchiveTileLoader = TileLoader;

export const ARCHIVE_PROTOCOL = 'atlas-pmtiles';
export const ARCHIVE_LAYER_PREFIX = 'pmtiles:';
const PARTS = ['fill', 'line', 'circle'] as const;

export const archiveSourceId = (archiveId: string) => `pmtiles:${archiveId}`;
export const archiveLayerId = (archiveId: string, sourceLayer: string, part: (typeof PARTS)[number]) =>
  `${ARCHIVE_LAYER_PREFIX}${archiveId}:${sourceLayer}:${part}`;
/** All map layer ids of one archive, bottom to top. */
export const archiveLayerIds = (archive: Pick<ArchiveOnMap, 'id' | 'layers'>) =>
  archive.layers.flatMap((l) => PARTS.map((part) => archiveLayerId(archive.id, l, part)));

export function archiveSource(archive: ArchiveOnMap): SourceSpecification {
  return {
    type: 'vector',
    tiles: [`${ARCHIVE_PROTOCOL}://${archive.id}/{z}/{x}/{y}`],
    minzoom: archive.minzoom,
    // MapLibre over-zooms beyond the archive's deepest tiles.
    maxzoom: archive.maxzoom,
    // No requests outside the archive's extent.
    ...(archive.bounds ? { bounds: [...archive.bounds] } : {}),
  };
}

const isPolygon: FillLayerSpecification['filter'] = ['==', ['geometry-type'], 'Polygon'];
const isLine: LineLayerSpecification['filter'] = [
  'any',
  ['==', ['geometry-type'], 'LineString'],
  ['==', ['geometry-type'], 'Polygon'],
];
const isPoint: CircleLayerSpecification['filter'] = ['==', ['geometry-type'], 'Point'];

/** The map layers of one archive: per vector layer, fill, line and circle, bottom to top. */
export function archiveLayers(archive: ArchiveOnMap): LayerSpecification[] {
  const common = {
    source: archiveSourceId(archive.id),
    layout: { visibility: archive.visible ? 'visible' : 'none' },
  };
  const color = archive.color;
  return archive.layers.flatMap(
    (sourceLayer) =>
      [
        {
          ...common,
          'source-layer': sourceLayer,
          id: archiveLayerId(archive.id, sourceLayer, 'fill'),
          type: 'fill',
          filter: isPolygon,
          paint: { 'fill-color': color, 'fill-opacity': 0.25 },
        },
        {
          ...common,
          'source-layer': sourceLayer,
          id: archiveLayerId(archive.id, sourceLayer, 'line'),
          type: 'line',
          filter: isLine,
          paint: { 'line-color': color, 'line-width': 1.5 },
        },
        {
          ...common,
          'source-layer': sourceLayer,
          id: archiveLayerId(archive.id, sourceLayer, 'circle'),
          type: 'circle',
          filter: isPoint,
          paint: {
            'circle-color': color,
            'circle-radius': 5,
            'circle-stroke-color': '#ffffff',
            'circle-stroke-width': 1,
          },
        },
      ] as LayerSpecification[],
  );
}

const archiveTiles = tileProtocol(ARCHIVE_PROTOCOL, 'pm-[a-z0-9]+', false);

/** Parses `atlas-pmtiles://<archive>/<z>/<x>/<y>`; null for anything else. */
export function parseArchiveTileUrl(
  url: string,
): { archiveId: string; z: number; x: number; y: number } | null {
  const tile = archiveTiles.parse(url);
  return tile && { archiveId: tile.id, z: tile.z, x: tile.x, y: tile.y };
}

/**
 * Points the `atlas-pmtiles://` protocol at a tile loader. A tile panned away is aborted, so no
 * range request is left running for it.
 */
export const setArchiveTileLoader = archiveTiles.setLoader;
