/**
 * Baseline for the load benchmark (QUALITY-BAR P4): a bare MapLibre page that draws the same
 * geodata with the same style as the atlas (src/map/style.ts) and marks `map-ready` on its first
 * idle — the same sources and labels, but no React, no router, no panels, no app state. The atlas's map-ready time is compared
 * with this one in the same run, so the ratio is the cost of the app around the map.
 */
import 'maplibre-gl/dist/maplibre-gl.css';
import { Map as MaplibreMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import catchments from '../../../geodata/catchments.geojson?url';
import channels from '../../../geodata/channels.geojson?url';
import cityOutline from '../../../geodata/city-outline.geojson?url';
import districts from '../../../geodata/districts.geojson?url';
import facilities from '../../../geodata/facilities.geojson?url';
import greenAreas from '../../../geodata/green-areas.geojson?url';
import hubs from '../../../geodata/hubs.geojson?url';
import islands from '../../../geodata/islands.geojson?url';
import parkEdges from '../../../geodata/park-edges.geojson?url';
import parks from '../../../geodata/parks.geojson?url';
import roads from '../../../geodata/roads.geojson?url';
import stations from '../../../geodata/stations.geojson?url';
import transitLines from '../../../geodata/transit-lines.geojson?url';
import waterAreas from '../../../geodata/water-areas.geojson?url';
import osmWaterAreas from '../../../geodata/water-areas-osm.geojson?url';
import waterLines from '../../../geodata/water-lines.geojson?url';
import { labelPoints } from '../../../src/map/geometry-helpers.ts';
import { buildStyle } from '../../../src/map/style.ts';
import { DEFAULT_LAYERS } from '../../../src/url/view-state.ts';

setWorkerUrl(workerUrl);
const abs = (u: string) => new URL(u, window.location.href).href;
const empty: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features: [] };

const parksData = (await (await fetch(parks)).json()) as GeoJSON.FeatureCollection;
const districtsData = (await (await fetch(districts)).json()) as GeoJSON.FeatureCollection<
  GeoJSON.Geometry,
  { labelPoint: [number, number] }
>;
const districtLabels: GeoJSON.FeatureCollection = {
  type: 'FeatureCollection',
  features: districtsData.features.map((f) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: f.properties.labelPoint },
    properties: f.properties,
  })),
};
// The benchmark passes the atlas's own opening camera (#zoom/lat/lng), so both draw the same view.
const [zoom = 9.5, lat = 23.13, lng = 113.45] = window.location.hash.slice(1).split('/').map(Number);
const map = new MaplibreMap({
  container: 'map',
  center: [lng, lat],
  zoom,
  canvasContextAttributes: { preserveDrawingBuffer: true },
  style: buildStyle({
    lang: 'zh',
    visibleGroups: DEFAULT_LAYERS,
    data: {
      parks: parksData,
      parkLabels: labelPoints(parksData),
      parkEdges: abs(parkEdges),
      districts: abs(districts),
      districtLabels,
      cityOutline: abs(cityOutline),
      waterLines: abs(waterLines),
      waterAreas: abs(waterAreas),
      osmWaterAreas: abs(osmWaterAreas),
      channels: abs(channels),
      islands: abs(islands),
      greenAreas: abs(greenAreas),
      roads: abs(roads),
      transitLines: abs(transitLines),
      stations: abs(stations),
      hubs: abs(hubs),
      facilities: abs(facilities),
      catchments: abs(catchments),
      probe: empty,
    },
  }),
});
performance.mark('map-created');
map.once('load', () => performance.mark('map-load'));
map.once('idle', () => performance.mark('map-ready'));
