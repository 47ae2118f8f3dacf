/**
 * The embedded offline basemap and the thematic layers, as pure functions of the data sources,
 * the theme and the language. No `glyphs` URL: MapLibre then draws every label locally with the
 * fonts named in `text-font`, so labels work with no network (PLATFORM-NOTES "Labels").
 */
import type {
  ExpressionSpecification,
  LayerSpecification,
  SourceSpecification,
  StyleSpecification,
} from 'maplibre-gl';
import type { LineStatusFilter } from '../data/vocabulary.ts';
import { ROAD_MODES } from '../domain/explorer-filters.ts';
import type { Lang, LayerGroup } from '../url/view-state.ts';
import { LAYER, SOURCE } from './ids.ts';
import { THEME } from './theme.ts';

export interface StyleInputs {
  lang: Lang;
  /** Absolute URLs or inline GeoJSON per source (the access lines start empty: AtlasMap.setAccessLines). */
  data: Record<Exclude<keyof typeof SOURCE, 'accessLines'>, string | GeoJSON.GeoJSON>;
  visibleGroups: readonly LayerGroup[];
}

/** The map draws the 800 m walking catchments of stations in service and of planned ones. */
const CATCHMENT_FILTER: ExpressionSpecification = [
  'all',
  ['==', ['get', 'radiusM'], 800],
  ['in', ['get', 'stations'], ['literal', ['open', 'planned']]],
];
/** Above this zoom the park outlines are big enough on their own. */
export const PARK_MARKER_MAX_ZOOM = 12.5;
const isRoad: ExpressionSpecification = ['in', ['get', 'mode'], ['literal', [...ROAD_MODES]]];
const isNotRoad: ExpressionSpecification = ['!', ['in', ['get', 'mode'], ['literal', [...ROAD_MODES]]]];

/**
 * Bilingual label: the chosen language first, the other below, smaller. OSM names often have no
 * English: the label then shows the one name it has on a single line, rather than an empty line.
 */
export function bilingualLabel(lang: Lang, property: string): ExpressionSpecification {
  const other: Lang = lang === 'zh' ? 'en' : 'zh';
  const chosen: ExpressionSpecification = ['get', lang, ['get', property]];
  const second: ExpressionSpecification = ['get', other, ['get', property]];
  return [
    'format',
    ['coalesce', chosen, second, ''],
    {},
    ['case', ['any', ['==', chosen, null], ['==', second, null]], '', ['concat', '\n', second]],
    { 'font-scale': 0.78 },
  ];
}

/** What the adapter reads from a layer: its toggle group and the property its label shows. */
export interface AtlasLayerMetadata {
  'atlas:group'?: LayerGroup;
  'atlas:label'?: string;
  /** Part of the embedded basemap: hidden while an online basemap is shown instead. */
  'atlas:basemap'?: 'embedded';
  /** Lines and stations: also filtered by the explorer's line-status filter. */
  'atlas:filter'?: 'line-status';
}

const EMBEDDED_BASEMAP: AtlasLayerMetadata = { 'atlas:basemap': 'embedded' };
/** A label of the embedded basemap: no toggle group, translated like the others. */
const basemapLabelMetadata = (labelProperty: string): AtlasLayerMetadata => ({
  'atlas:label': labelProperty,
  ...EMBEDDED_BASEMAP,
});

function layerMetadata(group: LayerGroup, labelProperty?: string): AtlasLayerMetadata {
  return labelProperty ? { 'atlas:group': group, 'atlas:label': labelProperty } : { 'atlas:group': group };
}

/** A transit line or station layer: its group's metadata plus the line-status filter. */
function transitMetadata(group: LayerGroup, labelProperty?: string): AtlasLayerMetadata {
  return { ...layerMetadata(group, labelProperty), 'atlas:filter': 'line-status' };
}

/** Whether a layer follows the line-status filter. */
export function followsLineStatusFilter(layer: { metadata?: unknown }): boolean {
  return (layer.metadata as AtlasLayerMetadata | undefined)?.['atlas:filter'] === 'line-status';
}

/**
 * The map side of the line-status filter (src/domain/explorer-filters.ts `matchesLineStatus`):
 * status ticked, and schematic drawings only when 'schematic' is ticked.
 */
export function lineStatusFilter(statuses: readonly LineStatusFilter[]): ExpressionSpecification {
  const byStatus: ExpressionSpecification = ['in', ['get', 'status'], ['literal', [...statuses]]];
  return statuses.includes('schematic')
    ? byStatus
    : ['all', byStatus, ['!=', ['get', 'precision'], 'schematic']];
}

/** The paint properties that carry a layer's opacity, by layer type. */
export const OPACITY_PROPERTIES: Record<string, readonly string[]> = {
  fill: ['fill-opacity'],
  line: ['line-opacity'],
  circle: ['circle-opacity', 'circle-stroke-opacity'],
  symbol: ['text-opacity', 'icon-opacity'],
  raster: ['raster-opacity'],
};

/**
 * A paint opacity scaled by `factor` (0–1). Zoom expressions must stay at the top of a property, so
 * for those the outputs are scaled instead of wrapping the whole expression.
 */
export function scaleOpacity(value: unknown, factor: number): unknown {
  if (factor >= 1) return value;
  if (value === undefined) return factor;
  if (typeof value === 'number') return value * factor;
  if (
    Array.isArray(value) &&
    (value[0] === 'interpolate' || value[0] === 'step') &&
    JSON.stringify(value[value[0] === 'step' ? 1 : 2]) === '["zoom"]'
  ) {
    const scaled = [...value];
    const firstOutput = value[0] === 'step' ? 2 : 4;
    for (let i = firstOutput; i < scaled.length; i += 2) scaled[i] = scaleOpacity(scaled[i], factor);
    return scaled;
  }
  return ['*', factor, value];
}

/** The toggle group of a layer (none: the basemap, always on). */
export function layerGroupOf(layer: { metadata?: unknown }): LayerGroup | null {
  return (layer.metadata as AtlasLayerMetadata | undefined)?.['atlas:group'] ?? null;
}

/** Whether a layer belongs to the embedded basemap (replaced by an online basemap when one is chosen). */
export function isEmbeddedBasemapLayer(layer: { metadata?: unknown }): boolean {
  return (layer.metadata as AtlasLayerMetadata | undefined)?.['atlas:basemap'] === 'embedded';
}

/** The feature property a label layer shows in the chosen language (none: not a translated label). */
export function labelPropertyOf(layer: { metadata?: unknown }): string | null {
  return (layer.metadata as AtlasLayerMetadata | undefined)?.['atlas:label'] ?? null;
}

function geojson(data: string | GeoJSON.GeoJSON, extra: Record<string, unknown> = {}): SourceSpecification {
  return { type: 'geojson', data, ...extra } as SourceSpecification;
}

export function buildSources(data: StyleInputs['data']): Record<string, SourceSpecification> {
  return {
    [SOURCE.cityOutline]: geojson(data.cityOutline),
    [SOURCE.districts]: geojson(data.districts),
    [SOURCE.districtLabels]: geojson(data.districtLabels),
    [SOURCE.waterLines]: geojson(data.waterLines),
    [SOURCE.waterAreas]: geojson(data.waterAreas),
    [SOURCE.osmWaterAreas]: geojson(data.osmWaterAreas),
    [SOURCE.channels]: geojson(data.channels),
    [SOURCE.islands]: geojson(data.islands),
    [SOURCE.greenAreas]: geojson(data.greenAreas),
    [SOURCE.roads]: geojson(data.roads),
    [SOURCE.catchments]: geojson(data.catchments),
    [SOURCE.parks]: geojson(data.parks, { promoteId: 'id' }),
    [SOURCE.parkLabels]: geojson(data.parkLabels, { promoteId: 'id' }),
    [SOURCE.parkEdges]: geojson(data.parkEdges),
    [SOURCE.transitLines]: geojson(data.transitLines),
    [SOURCE.stations]: geojson(data.stations),
    [SOURCE.hubs]: geojson(data.hubs),
    [SOURCE.facilities]: geojson(data.facilities, { cluster: true, clusterRadius: 36, clusterMaxZoom: 13 }),
    [SOURCE.probe]: geojson(data.probe),
    [SOURCE.accessLines]: geojson({ type: 'FeatureCollection', features: [] }),
  };
}

/**
 * OSM roads by class. Minor classes (secondary and the links) appear only at park zooms; below
 * z12 a road is its casing colour alone (a white fill would vanish on the land colour).
 */
type RoadClassName = 'motorway' | 'trunk' | 'primary' | 'secondary' | 'link';
const MAJOR_ROADS = ['motorway', 'trunk', 'primary'];
const MINOR_ROADS = ['secondary', 'motorway_link', 'trunk_link', 'primary_link', 'secondary_link'];
const ROAD_MAJOR_MIN_ZOOM = 10.5;
const ROAD_MINOR_MIN_ZOOM = 12.5;
/** Road names from the park zooms on (the park pages open at z12.9–13.6); MapLibre drops a name where the line is too short for it. */
const ROAD_LABEL_MIN_ZOOM = 12.5;
const roadClass: ExpressionSpecification = [
  'match',
  ['get', 'class'],
  ['motorway_link', 'trunk_link', 'primary_link', 'secondary_link'],
  'link',
  ['get', 'class'],
];
/** Fill width in px per class at a zoom; the casing adds 1–2 px. */
const ROAD_WIDTH: Record<number, Record<RoadClassName, number>> = {
  10: { motorway: 0.9, trunk: 0.8, primary: 0.6, secondary: 0.4, link: 0.3 },
  12: { motorway: 1.8, trunk: 1.6, primary: 1.2, secondary: 0.8, link: 0.6 },
  14: { motorway: 4, trunk: 3.6, primary: 3, secondary: 2.4, link: 1.6 },
  16: { motorway: 10, trunk: 9, primary: 8, secondary: 6, link: 4 },
};
function roadWidth(extraPx: number): ExpressionSpecification {
  const stops = Object.entries(ROAD_WIDTH).flatMap(([zoom, widths]) => [
    Number(zoom),
    [
      'match',
      roadClass,
      ...Object.entries(widths).flatMap(([cls, w]) => [
        cls,
        w + extraPx * Math.min(1, (Number(zoom) - 10) / 4),
      ]),
      0.5,
    ],
  ]);
  return ['interpolate', ['exponential', 1.4], ['zoom'], ...stops] as unknown as ExpressionSpecification;
}
/** Motorways over trunks over the rest, where carriageways and ramps cross. */
const roadSortKey: ExpressionSpecification = [
  'match',
  ['get', 'class'],
  'motorway',
  4,
  'trunk',
  3,
  'primary',
  2,
  'secondary',
  1,
  0,
];
const roadFillColour: ExpressionSpecification = [
  'match',
  ['get', 'class'],
  ['motorway', 'motorway_link'],
  THEME.motorwayFill,
  ['trunk', 'trunk_link'],
  THEME.trunkFill,
  THEME.roadFill,
];
const roadCasingColour: ExpressionSpecification = [
  'match',
  ['get', 'class'],
  ['motorway', 'motorway_link', 'trunk', 'trunk_link'],
  THEME.motorwayCasing,
  THEME.roadCasing,
];
const inClasses = (classes: string[]): ExpressionSpecification => [
  'in',
  ['get', 'class'],
  ['literal', classes],
];

/** Parks outside the list's industry filter stay on the map, faded. */
const dimmed: ExpressionSpecification = ['boolean', ['feature-state', 'dimmed'], false];

/** Parks placed from the plan's words alone: drawn as an approximate area, never with a crisp edge. */
const isTextOnly: ExpressionSpecification = ['==', ['get', 'placement'], 'text-only'];
const isLocatedPark: ExpressionSpecification = ['==', ['get', 'placement'], 'located'];
/** Edge labels and the uncertainty note appear at park zooms, where the outlines replace the markers. */
const PARK_DETAIL_MIN_ZOOM = 12.5;

const selectedOrHover = (
  whenSelected: unknown,
  whenHover: unknown,
  otherwise: unknown,
): ExpressionSpecification =>
  [
    'case',
    ['boolean', ['feature-state', 'selected'], false],
    whenSelected,
    ['boolean', ['feature-state', 'hover'], false],
    whenHover,
    otherwise,
  ] as ExpressionSpecification;

export function buildLayers(lang: Lang): LayerSpecification[] {
  const text = (
    size: number | ExpressionSpecification,
    colour: string,
    extra: Record<string, unknown> = {},
  ) => ({
    layout: { 'text-font': [...THEME.font], 'text-size': size, ...extra },
    paint: {
      'text-color': colour,
      'text-halo-color': THEME.labelHalo,
      'text-halo-width': 1.4,
      'text-halo-blur': 0.3,
    },
  });
  const layers: LayerSpecification[] = [
    { id: LAYER.background, type: 'background', paint: { 'background-color': THEME.background } },
    {
      id: LAYER.cityLand,
      metadata: EMBEDDED_BASEMAP,
      type: 'fill',
      source: SOURCE.cityOutline,
      paint: { 'fill-color': THEME.land },
    },
    {
      id: LAYER.districtFill,
      metadata: { ...layerMetadata('districts'), ...EMBEDDED_BASEMAP },
      type: 'fill',
      source: SOURCE.districts,
      paint: { 'fill-color': THEME.districtFillAlt, 'fill-opacity': 0.55 },
      filter: ['in', ['get', 'id'], ['literal', ['440104', '440106', '440112', '440114', '440115']]],
    },
    {
      id: LAYER.waterFill,
      metadata: EMBEDDED_BASEMAP,
      type: 'fill',
      source: SOURCE.waterAreas,
      paint: { 'fill-color': THEME.waterFill },
    },
    {
      id: LAYER.water,
      metadata: EMBEDDED_BASEMAP,
      type: 'line',
      source: SOURCE.waterLines,
      paint: {
        'line-color': THEME.water,
        'line-width': ['interpolate', ['linear'], ['zoom'], 8, 0.8, 13, 2],
      },
    },
    {
      id: LAYER.waterMajor,
      metadata: EMBEDDED_BASEMAP,
      type: 'line',
      source: SOURCE.waterLines,
      filter: ['in', ['get', 'kind'], ['literal', ['river-major', 'shoreline']]],
      paint: {
        'line-color': THEME.waterMajor,
        'line-width': ['interpolate', ['linear'], ['zoom'], 8, 1.2, 13, 3.5],
      },
    },
    // OSM context, finer than GSHHG where it exists: islands are land over the coarse estuary water,
    // OSM water goes over land and islands, waterways are lines over both.
    {
      id: LAYER.islandFill,
      metadata: EMBEDDED_BASEMAP,
      type: 'fill',
      source: SOURCE.islands,
      paint: { 'fill-color': THEME.land },
    },
    {
      id: LAYER.greenFill,
      metadata: EMBEDDED_BASEMAP,
      type: 'fill',
      source: SOURCE.greenAreas,
      minzoom: 11,
      paint: { 'fill-color': THEME.green, 'fill-opacity': 0.8 },
    },
    {
      id: LAYER.osmWaterFill,
      metadata: EMBEDDED_BASEMAP,
      type: 'fill',
      source: SOURCE.osmWaterAreas,
      paint: { 'fill-color': THEME.waterFill },
    },
    {
      id: LAYER.channel,
      metadata: EMBEDDED_BASEMAP,
      type: 'line',
      source: SOURCE.channels,
      minzoom: 10,
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': THEME.water,
        'line-width': [
          'interpolate',
          ['linear'],
          ['zoom'],
          10,
          ['match', ['get', 'kind'], 'river', 1, 0.4],
          14,
          ['match', ['get', 'kind'], 'river', 3, 1.4],
        ],
      },
    },
    ...(
      [
        [LAYER.roadMinorCasing, MINOR_ROADS, ROAD_MINOR_MIN_ZOOM],
        [LAYER.roadMajorCasing, MAJOR_ROADS, ROAD_MAJOR_MIN_ZOOM],
      ] as const
    ).map(
      ([id, classes, minzoom]): LayerSpecification => ({
        id,
        metadata: EMBEDDED_BASEMAP,
        type: 'line',
        source: SOURCE.roads,
        minzoom,
        filter: inClasses(classes),
        layout: { 'line-join': 'round', 'line-cap': 'round', 'line-sort-key': roadSortKey },
        paint: { 'line-color': roadCasingColour, 'line-width': roadWidth(2) },
      }),
    ),
    ...(
      [
        [LAYER.roadMinor, MINOR_ROADS, ROAD_MINOR_MIN_ZOOM],
        [LAYER.roadMajor, MAJOR_ROADS, ROAD_MAJOR_MIN_ZOOM],
      ] as const
    ).map(
      ([id, classes, minzoom]): LayerSpecification => ({
        id,
        metadata: EMBEDDED_BASEMAP,
        type: 'line',
        source: SOURCE.roads,
        // The fill appears once the casing around it is wide enough to read as an edge.
        minzoom: Math.max(minzoom, 12),
        filter: inClasses(classes),
        layout: { 'line-join': 'round', 'line-cap': 'round', 'line-sort-key': roadSortKey },
        paint: { 'line-color': roadFillColour, 'line-width': roadWidth(0) },
      }),
    ),
    {
      id: LAYER.districtLine,
      metadata: layerMetadata('districts'),
      type: 'line',
      source: SOURCE.districts,
      paint: {
        'line-color': THEME.districtLine,
        'line-width': ['interpolate', ['linear'], ['zoom'], 8, 0.6, 13, 1.4],
        'line-dasharray': [3, 2],
      },
    },
    {
      id: LAYER.cityOutline,
      type: 'line',
      source: SOURCE.cityOutline,
      paint: {
        'line-color': THEME.cityOutline,
        'line-width': ['interpolate', ['linear'], ['zoom'], 8, 1.2, 13, 2.4],
      },
    },
    // Basemap names under every atlas label: MapLibre places higher layers' labels first.
    {
      id: LAYER.channelLabel,
      metadata: basemapLabelMetadata('name'),
      type: 'symbol',
      source: SOURCE.channels,
      minzoom: 12,
      filter: ['has', 'name'],
      ...text(11, THEME.labelWater, {
        'symbol-placement': 'line',
        'symbol-spacing': 400,
        'text-max-angle': 30,
        'text-letter-spacing': 0.1,
      }),
    } as LayerSpecification,
    {
      id: LAYER.roadLabel,
      metadata: basemapLabelMetadata('name'),
      type: 'symbol',
      source: SOURCE.roads,
      minzoom: ROAD_LABEL_MIN_ZOOM,
      filter: ['has', 'name'],
      ...text(['interpolate', ['linear'], ['zoom'], 12.5, 10.5, 16, 12.5], THEME.labelRoad, {
        'symbol-placement': 'line',
        'symbol-spacing': 350,
        'text-max-angle': 30,
        'text-padding': 4,
      }),
    } as LayerSpecification,
    {
      id: LAYER.catchmentFill,
      metadata: layerMetadata('catchments'),
      type: 'fill',
      source: SOURCE.catchments,
      filter: CATCHMENT_FILTER,
      paint: {
        'fill-color': ['match', ['get', 'stations'], 'open', THEME.catchmentOpen, THEME.catchmentPlanned],
        'fill-opacity': 0.18,
      },
    },
    {
      id: LAYER.catchmentLine,
      metadata: layerMetadata('catchments'),
      type: 'line',
      source: SOURCE.catchments,
      filter: CATCHMENT_FILTER,
      paint: {
        'line-color': ['match', ['get', 'stations'], 'open', THEME.catchmentOpen, THEME.catchmentPlanned],
        'line-width': 1,
        'line-dasharray': [2, 2],
      },
    },
    {
      id: LAYER.parkFill,
      metadata: layerMetadata('parks'),
      type: 'fill',
      source: SOURCE.parks,
      paint: {
        'fill-color': THEME.park,
        // A text-only park's fill is fainter: its halo carries the shape.
        'fill-opacity': [
          'case',
          dimmed,
          0.07,
          isTextOnly,
          selectedOrHover(0.3, 0.22, 0.14),
          selectedOrHover(0.42, 0.34, 0.24),
        ],
      },
    },
    // The selected or hovered park: a wide translucent band under its edges, so solid and dashed edges still read.
    {
      id: LAYER.parkLineSelected,
      metadata: layerMetadata('parks'),
      type: 'line',
      source: SOURCE.parks,
      filter: isLocatedPark,
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': THEME.parkSelected,
        'line-width': ['interpolate', ['linear'], ['zoom'], 8, 4, 14, 10],
        'line-opacity': selectedOrHover(0.35, 0.2, 0),
      },
    },
    // A text-only park: a wide blurred band instead of an edge, so the map shows no line nobody located.
    {
      id: LAYER.parkApproxHalo,
      metadata: layerMetadata('parks'),
      type: 'line',
      source: SOURCE.parks,
      filter: isTextOnly,
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': THEME.park,
        'line-width': ['interpolate', ['linear'], ['zoom'], 8, 4, 14, 26],
        'line-blur': ['interpolate', ['linear'], ['zoom'], 8, 4, 14, 26],
        'line-opacity': ['case', dimmed, 0.12, selectedOrHover(0.7, 0.55, 0.38)],
      },
    },
    // A located park's edges: solid where the edge follows a located feature, dashed where it is inferred.
    {
      id: LAYER.parkEdgeInferred,
      metadata: layerMetadata('parks'),
      type: 'line',
      source: SOURCE.parkEdges,
      filter: ['all', isLocatedPark, ['==', ['get', 'evidence'], 'inferred']],
      paint: {
        'line-color': THEME.parkLine,
        'line-width': ['interpolate', ['linear'], ['zoom'], 8, 1.2, 14, 2.6],
        'line-dasharray': [3, 2],
      },
    },
    {
      id: LAYER.parkEdgeLocated,
      metadata: layerMetadata('parks'),
      type: 'line',
      source: SOURCE.parkEdges,
      filter: ['all', isLocatedPark, ['==', ['get', 'evidence'], 'located']],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': THEME.parkLine,
        'line-width': ['interpolate', ['linear'], ['zoom'], 8, 1.6, 14, 3.6],
      },
    },
    {
      id: LAYER.roadPlanned,
      metadata: transitMetadata('transit-planned'),
      type: 'line',
      source: SOURCE.transitLines,
      filter: isRoad,
      layout: { 'line-cap': 'round' },
      paint: {
        'line-color': THEME.road,
        'line-width': ['interpolate', ['linear'], ['zoom'], 8, 1.6, 14, 4],
        'line-dasharray': [1.5, 1.2],
        'line-opacity': ['match', ['get', 'status'], 'open', 0.55, 0.9],
      },
    },
    {
      id: LAYER.transitOpenCasing,
      metadata: transitMetadata('transit-open'),
      type: 'line',
      source: SOURCE.transitLines,
      filter: ['all', isNotRoad, ['==', ['get', 'status'], 'open']],
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': '#ffffff',
        'line-width': ['interpolate', ['linear'], ['zoom'], 8, 2.6, 14, 6.5],
      },
    },
    {
      id: LAYER.transitOpen,
      metadata: transitMetadata('transit-open'),
      type: 'line',
      source: SOURCE.transitLines,
      filter: ['all', isNotRoad, ['==', ['get', 'status'], 'open']],
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': ['get', 'colour'],
        'line-width': ['interpolate', ['linear'], ['zoom'], 8, 1.4, 14, 4],
      },
    },
    {
      id: LAYER.transitPlanned,
      metadata: transitMetadata('transit-planned'),
      type: 'line',
      source: SOURCE.transitLines,
      filter: ['all', isNotRoad, ['!=', ['get', 'status'], 'open']],
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': ['get', 'colour'],
        'line-width': ['interpolate', ['linear'], ['zoom'], 8, 1.6, 14, 4],
        'line-dasharray': [2, 1.4],
        'line-opacity': 0.95,
      },
    },
    {
      id: LAYER.stationOpen,
      metadata: transitMetadata('stations'),
      type: 'circle',
      source: SOURCE.stations,
      minzoom: 10,
      filter: ['==', ['get', 'status'], 'open'],
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 10, 1.8, 14, 4.5],
        'circle-color': THEME.stationFill,
        'circle-stroke-color': THEME.stationStroke,
        'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 10, 0.8, 14, 1.6],
      },
    },
    {
      id: LAYER.stationPlanned,
      metadata: transitMetadata('stations'),
      type: 'circle',
      source: SOURCE.stations,
      minzoom: 9,
      filter: ['!=', ['get', 'status'], 'open'],
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 9, 2.4, 14, 5.5],
        'circle-color': THEME.stationFill,
        'circle-stroke-color': THEME.stationPlannedStroke,
        'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 9, 1.2, 14, 2.4],
      },
    },
    {
      id: LAYER.districtLabel,
      metadata: layerMetadata('districts', 'name'),
      type: 'symbol',
      source: SOURCE.districtLabels,
      maxzoom: 13,
      ...text(['interpolate', ['linear'], ['zoom'], 8, 12, 12, 16], THEME.labelDistrict, {
        'text-letter-spacing': 0.08,
        'text-max-width': 12,
      }),
    } as LayerSpecification,
    {
      id: LAYER.stationLabel,
      metadata: transitMetadata('stations', 'name'),
      type: 'symbol',
      source: SOURCE.stations,
      minzoom: 12.5,
      ...text(11, THEME.labelStation, {
        'text-offset': [0, 0.9],
        'text-anchor': 'top',
        'text-max-width': 9,
        'text-optional': true,
      }),
    } as LayerSpecification,
    {
      id: LAYER.hub,
      metadata: layerMetadata('hubs'),
      type: 'circle',
      source: SOURCE.hubs,
      minzoom: 8,
      filter: ['!=', ['get', 'kind'], 'landmark'],
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 3.5, 14, 7],
        'circle-color': THEME.hub,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.5,
      },
    },
    {
      id: LAYER.hubLabel,
      metadata: layerMetadata('hubs', 'name'),
      type: 'symbol',
      source: SOURCE.hubs,
      minzoom: 9,
      ...text(12, THEME.labelHub, {
        'text-offset': [0, 1],
        'text-anchor': 'top',
        'text-max-width': 10,
        'text-optional': true,
      }),
    } as LayerSpecification,
    {
      id: LAYER.facilityCluster,
      metadata: layerMetadata('facilities'),
      type: 'circle',
      source: SOURCE.facilities,
      filter: ['has', 'point_count'],
      paint: {
        'circle-color': '#495057',
        'circle-opacity': 0.85,
        'circle-radius': ['step', ['get', 'point_count'], 10, 5, 13, 12, 16],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.5,
      },
    },
    {
      id: LAYER.facilityClusterCount,
      metadata: layerMetadata('facilities'),
      type: 'symbol',
      source: SOURCE.facilities,
      filter: ['has', 'point_count'],
      layout: {
        'text-field': ['to-string', ['get', 'point_count']],
        'text-font': [...THEME.font],
        'text-size': 11,
        'text-allow-overlap': true,
      },
      paint: { 'text-color': '#ffffff' },
    },
    {
      id: LAYER.facility,
      metadata: layerMetadata('facilities'),
      type: 'circle',
      source: SOURCE.facilities,
      filter: ['!', ['has', 'point_count']],
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 9, 5, 12, 9, 15, 11],
        'circle-color': [
          'match',
          ['get', 'category'],
          ...Object.entries(THEME.facility).flat(),
          '#868e96',
        ] as unknown as ExpressionSpecification,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': ['match', ['get', 'precision'], 'located', 2, 1],
        'circle-opacity': ['match', ['get', 'precision'], 'located', 1, 0.8],
      },
    },
    // At city scale a 2–5 km² park is a few pixels: a numbered marker (the list's number) shows where it is.
    {
      id: LAYER.parkMarker,
      metadata: layerMetadata('parks'),
      type: 'circle',
      source: SOURCE.parkLabels,
      maxzoom: PARK_MARKER_MAX_ZOOM,
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 7, 8, 12, 12],
        'circle-color': [
          'case',
          dimmed,
          THEME.parkDimmed,
          selectedOrHover(THEME.parkSelected, THEME.parkLine, THEME.park),
        ],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
        'circle-opacity': [
          'interpolate',
          ['linear'],
          ['zoom'],
          PARK_MARKER_MAX_ZOOM - 1,
          1,
          PARK_MARKER_MAX_ZOOM,
          0,
        ],
        'circle-stroke-opacity': [
          'interpolate',
          ['linear'],
          ['zoom'],
          PARK_MARKER_MAX_ZOOM - 1,
          1,
          PARK_MARKER_MAX_ZOOM,
          0,
        ],
      },
    },
    {
      id: LAYER.parkMarkerNumber,
      metadata: layerMetadata('parks'),
      type: 'symbol',
      source: SOURCE.parkLabels,
      maxzoom: PARK_MARKER_MAX_ZOOM,
      layout: {
        'text-field': ['to-string', ['get', 'planOrder']],
        'text-font': [...THEME.font],
        'text-size': ['interpolate', ['linear'], ['zoom'], 7, 10, 12, 13],
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      paint: { 'text-color': '#ffffff' },
    },
    {
      id: LAYER.facilityIcon,
      metadata: layerMetadata('facilities'),
      type: 'symbol',
      source: SOURCE.facilities,
      filter: ['!', ['has', 'point_count']],
      minzoom: 10.5,
      layout: {
        'icon-image': ['concat', 'facility-', ['get', 'category']],
        'icon-size': ['interpolate', ['linear'], ['zoom'], 10.5, 0.32, 12, 0.5, 15, 0.62],
        'icon-allow-overlap': true,
        'icon-ignore-placement': true,
      },
    },
    {
      id: LAYER.parkLabel,
      metadata: layerMetadata('parks', 'shortName'),
      type: 'symbol',
      source: SOURCE.parkLabels,
      ...text(['interpolate', ['linear'], ['zoom'], 8, 11, 13, 15], THEME.parkLabel, {
        'text-max-width': 10,
        'text-anchor': 'top',
        'text-offset': [0, 1.1],
        'text-allow-overlap': false,
        'text-padding': 4,
        'symbol-sort-key': ['get', 'planOrder'],
      }),
      paint: {
        ...text(0, THEME.parkLabel).paint,
        'text-opacity': ['case', dimmed, 0.4, 1],
      },
    } as LayerSpecification,
    // Each edge named with the plan's own words for its limit (东至华南快速 …), along the edge.
    {
      id: LAYER.parkEdgeLabel,
      metadata: layerMetadata('parks', 'limit'),
      type: 'symbol',
      source: SOURCE.parkEdges,
      minzoom: PARK_DETAIL_MIN_ZOOM,
      ...text(11, THEME.parkLabel, {
        'symbol-placement': 'line',
        'symbol-spacing': 400,
        'text-max-angle': 35,
        'text-padding': 2,
      }),
      paint: {
        ...text(0, THEME.parkLabel).paint,
        'text-opacity': ['case', isTextOnly, 0.7, 1],
      },
    } as LayerSpecification,
    // How far off a text-only park may be, under its name.
    {
      id: LAYER.parkUncertaintyLabel,
      metadata: layerMetadata('parks', 'uncertainty'),
      type: 'symbol',
      source: SOURCE.parkLabels,
      filter: ['has', 'uncertainty'],
      minzoom: PARK_DETAIL_MIN_ZOOM - 1.5,
      ...text(11, THEME.parkLabel, {
        'text-anchor': 'top',
        'text-offset': [0, 3.6],
        'text-max-width': 14,
        'text-optional': true,
      }),
    } as LayerSpecification,
    {
      id: LAYER.probeRadius,
      type: 'fill',
      source: SOURCE.probe,
      filter: ['==', ['get', 'role'], 'radius'],
      paint: { 'fill-color': THEME.probe, 'fill-opacity': 0.08, 'fill-outline-color': THEME.probe },
    },
    {
      id: LAYER.probeLinks,
      type: 'line',
      source: SOURCE.probe,
      filter: ['==', ['get', 'role'], 'link'],
      paint: { 'line-color': THEME.probe, 'line-width': 1.6, 'line-dasharray': [2, 1.5] },
    },
    {
      id: LAYER.probePoint,
      type: 'circle',
      source: SOURCE.probe,
      filter: ['==', ['get', 'role'], 'origin'],
      paint: {
        'circle-radius': 6,
        'circle-color': THEME.probe,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
      },
    },
    // The access page: straight lines from the park boundary to its nearest stations and hubs
    // (features with `kind` open | planned | hub and a bilingual `label` with the distance).
    {
      id: LAYER.accessLine,
      metadata: layerMetadata('parks'),
      type: 'line',
      source: SOURCE.accessLines,
      filter: ['all', ['==', ['geometry-type'], 'LineString'], ['!=', ['get', 'kind'], 'planned']],
      layout: { 'line-cap': 'round' },
      paint: {
        'line-color': ['match', ['get', 'kind'], 'hub', THEME.accessHub, THEME.accessOpen],
        'line-width': 2.4,
      },
    },
    {
      id: LAYER.accessLinePlanned,
      metadata: layerMetadata('parks'),
      type: 'line',
      source: SOURCE.accessLines,
      filter: ['all', ['==', ['geometry-type'], 'LineString'], ['==', ['get', 'kind'], 'planned']],
      paint: { 'line-color': THEME.accessPlanned, 'line-width': 2.4, 'line-dasharray': [2, 1.5] },
    },
    {
      id: LAYER.accessLineEnd,
      metadata: layerMetadata('parks'),
      type: 'circle',
      source: SOURCE.accessLines,
      filter: ['==', ['geometry-type'], 'Point'],
      paint: {
        'circle-radius': 4,
        'circle-color': [
          'match',
          ['get', 'kind'],
          'hub',
          THEME.accessHub,
          'planned',
          THEME.accessPlanned,
          THEME.accessOpen,
        ],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.5,
      },
    },
    {
      id: LAYER.accessLabel,
      metadata: layerMetadata('parks', 'label'),
      type: 'symbol',
      source: SOURCE.accessLines,
      filter: ['==', ['geometry-type'], 'Point'],
      ...text(11, THEME.parkLabel, {
        'text-anchor': 'left',
        'text-offset': [0.7, 0],
        'text-max-width': 14,
        'text-allow-overlap': false,
        'text-optional': true,
      }),
    } as LayerSpecification,
  ];
  // A translated label's text comes from its metadata, so the adapter can re-set it the same way.
  return layers.map((layer) => {
    const property = labelPropertyOf(layer);
    if (!property || layer.type !== 'symbol') return layer;
    return { ...layer, layout: { ...layer.layout, 'text-field': bilingualLabel(lang, property) } };
  });
}

export function buildStyle(inputs: StyleInputs): StyleSpecification {
  const visible = new Set(inputs.visibleGroups);
  const layers = buildLayers(inputs.lang).map((layer) => {
    const group = layerGroupOf(layer);
    if (!group || visible.has(group) || layer.type === 'background') return layer;
    return { ...layer, layout: { ...(layer.layout ?? {}), visibility: 'none' } } as LayerSpecification;
  });
  return {
    version: 8,
    name: 'Guangzhou parks atlas — embedded basemap',
    sources: buildSources(inputs.data),
    layers,
  };
}
