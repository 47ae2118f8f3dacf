import { describe, expect, it } from 'vitest';
import { LAYER_GROUPS } from '../url/view-state.ts';
import { LAYER, SOURCE } from './ids.ts';
import {
  bilingualLabel,
  buildLayers,
  buildStyle,
  isEmbeddedBasemapLayer,
  labelPropertyOf,
  layerGroupOf,
  lineStatusFilter,
  scaleOpacity,
} from './style.ts';
import { THEME } from './theme.ts';

const EMPTY = { type: 'FeatureCollection', features: [] } as GeoJSON.FeatureCollection;
const keyedData = Object.fromEntries(Object.keys(SOURCE).map((k) => [k, EMPTY])) as Parameters<
  typeof buildStyle
>[0]['data'];

describe('embedded basemap style', () => {
  const style = buildStyle({ lang: 'zh', data: keyedData, visibleGroups: LAYER_GROUPS });

  it('needs no network: no glyphs, sprite or remote source URL', () => {
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    for (const source of Object.values(style.sources)) {
      const s = source as { url?: string; tiles?: string[] };
      expect(s.url).toBeUndefined();
      expect(s.tiles).toBeUndefined();
    }
  });

  it('every layer has a unique id and a source that exists', () => {
    const ids = style.layers.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const layer of style.layers) {
      if (layer.type === 'background') continue;
      expect(style.sources[(layer as { source: string }).source], layer.id).toBeDefined();
    }
  });

  it('every text layer uses the local CJK font stack', () => {
    const textLayers = style.layers.filter(
      (l) => l.type === 'symbol' && (l.layout as Record<string, unknown>)['text-field'],
    );
    expect(textLayers.length).toBeGreaterThan(4);
    for (const layer of textLayers) {
      expect((layer.layout as { 'text-font': string[] })['text-font'], layer.id).toEqual([...THEME.font]);
    }
  });

  it('every toggleable group has layers, and hidden groups start hidden', () => {
    const groups = new Set(style.layers.map(layerGroupOf));
    for (const g of LAYER_GROUPS) expect(groups.has(g), g).toBe(true);
    const hidden = buildStyle({ lang: 'zh', data: keyedData, visibleGroups: ['parks'] });
    const stations = hidden.layers.find((l) => l.id === 'station-open');
    expect((stations?.layout as { visibility?: string } | undefined)?.visibility).toBe('none');
    const parks = hidden.layers.find((l) => l.id === 'park-fill');
    expect((parks?.layout as { visibility?: string } | undefined)?.visibility).toBeUndefined();
  });

  it('labels put the chosen language first', () => {
    expect(JSON.stringify(bilingualLabel('en', 'name')).indexOf('"en"')).toBeLessThan(
      JSON.stringify(bilingualLabel('en', 'name')).indexOf('"zh"'),
    );
    const labelled = buildLayers('en').filter((l) => labelPropertyOf(l));
    expect(labelled.map((l) => l.id).sort()).toEqual([
      'access-label',
      'channel-label',
      'district-label',
      'hub-label',
      'park-edge-label',
      'park-label',
      'park-uncertainty-label',
      'road-label',
      'station-label',
    ]);
    for (const layer of labelled) {
      expect(layer.type, layer.id).toBe('symbol');
      const field = JSON.stringify((layer.layout as Record<string, unknown>)['text-field']);
      expect(field.indexOf('"en"'), layer.id).toBeLessThan(field.indexOf('"zh"'));
    }
  });

  it('draws located edges solid, inferred edges dashed, text-only parks as a soft area, edges labelled along the line', () => {
    const layers = buildLayers('zh');
    const paint = (id: string) => layers.find((l) => l.id === id)?.paint as Record<string, unknown>;
    const filter = (id: string) =>
      JSON.stringify((layers.find((l) => l.id === id) as { filter?: unknown }).filter);
    expect(paint('park-edge-located')['line-dasharray']).toBeUndefined();
    expect(paint('park-edge-inferred')['line-dasharray']).toBeDefined();
    expect(filter('park-edge-located')).toContain('"located"');
    // No crisp line for a text-only park: only the blurred band, and the selection line skips it.
    expect(paint('park-approx-halo')['line-blur']).toBeDefined();
    expect(filter('park-approx-halo')).toContain('"text-only"');
    expect(filter('park-line-selected')).toContain('"located"');
    const label = layers.find((l) => l.id === 'park-edge-label')!;
    expect((label.layout as Record<string, unknown>)['symbol-placement']).toBe('line');
    expect(layerGroupOf(label)).toBe('parks');
  });

  it('draws the OSM context from its own sources, always on, under the atlas layers', () => {
    const basemap = [
      LAYER.islandFill,
      LAYER.greenFill,
      LAYER.osmWaterFill,
      LAYER.channel,
      LAYER.roadMinorCasing,
      LAYER.roadMajorCasing,
      LAYER.roadMinor,
      LAYER.roadMajor,
      LAYER.channelLabel,
      LAYER.roadLabel,
    ];
    const index = (id: string) => style.layers.findIndex((l) => l.id === id);
    for (const id of basemap) {
      const layer = style.layers.find((l) => l.id === id);
      expect(layer, id).toBeDefined();
      expect(layerGroupOf(layer!), id).toBeNull();
      // An online basemap brings its own roads and water: these make way for it.
      expect(isEmbeddedBasemapLayer(layer!), id).toBe(true);
      for (const atlas of [LAYER.parkFill, LAYER.transitOpen, LAYER.stationOpen, LAYER.stationLabel])
        expect(index(id), `${id} under ${atlas}`).toBeLessThan(index(atlas));
    }
    const source = (id: string) => (style.layers.find((l) => l.id === id) as { source: string }).source;
    expect(source(LAYER.roadLabel)).toBe(SOURCE.roads);
    expect(source(LAYER.osmWaterFill)).toBe(SOURCE.osmWaterAreas);
    expect(source(LAYER.islandFill)).toBe(SOURCE.islands);
    expect(source(LAYER.channel)).toBe(SOURCE.channels);
    expect(source(LAYER.greenFill)).toBe(SOURCE.greenAreas);
    // Islands are land over the GSHHG water; OSM water is over them.
    expect(index(LAYER.islandFill)).toBeGreaterThan(index(LAYER.waterMajor));
    expect(index(LAYER.osmWaterFill)).toBeGreaterThan(index(LAYER.islandFill));
  });

  it('labels roads and channels along the line, translated, in the CJK font stack', () => {
    for (const id of [LAYER.roadLabel, LAYER.channelLabel]) {
      const layer = style.layers.find((l) => l.id === id)!;
      const layout = layer.layout as Record<string, unknown>;
      expect(labelPropertyOf(layer), id).toBe('name');
      expect(layout['symbol-placement'], id).toBe('line');
      expect(layout['text-font'], id).toEqual([...THEME.font]);
      expect(layer.minzoom, id).toBeGreaterThanOrEqual(12);
    }
  });

  it('shows minor roads only at park zooms', () => {
    for (const id of [LAYER.roadMinorCasing, LAYER.roadMinor]) {
      const layer = style.layers.find((l) => l.id === id)!;
      expect(layer.minzoom, id).toBeGreaterThanOrEqual(12.5);
      expect(JSON.stringify((layer as { filter?: unknown }).filter), id).not.toContain('"motorway"');
    }
  });

  it('falls back to the one name a feature has, on one line', () => {
    const field = JSON.stringify(bilingualLabel('en', 'name'));
    // The first line is the English name, else the Chinese one; the second line only when both exist.
    expect(field).toContain('["coalesce",["get","en",["get","name"]],["get","zh",["get","name"]],""]');
    expect(field).toContain('["==",["get","en",["get","name"]],null]');
  });

  it('planned lines are dashed and open lines are solid', () => {
    const layers = buildLayers('zh');
    const planned = layers.find((l) => l.id === 'transit-planned');
    const open = layers.find((l) => l.id === 'transit-open');
    expect((planned?.paint as Record<string, unknown> | undefined)?.['line-dasharray']).toBeDefined();
    expect(open).toBeDefined();
    expect((open?.paint as Record<string, unknown> | undefined)?.['line-dasharray']).toBeUndefined();
  });

  it('scales opacity without moving a zoom expression off the top level', () => {
    expect(scaleOpacity(undefined, 0.5)).toBe(0.5);
    expect(scaleOpacity(0.8, 0.5)).toBeCloseTo(0.4, 12);
    expect(scaleOpacity(0.8, 1)).toBe(0.8);
    expect(scaleOpacity(['interpolate', ['linear'], ['zoom'], 8, 0.2, 14, 1], 0.5)).toEqual([
      'interpolate',
      ['linear'],
      ['zoom'],
      8,
      0.1,
      14,
      0.5,
    ]);
    expect(scaleOpacity(['step', ['zoom'], 0, 10, 1], 0.5)).toEqual(['step', ['zoom'], 0, 10, 0.5]);
    expect(scaleOpacity(['case', ['has', 'x'], 1, 0.5], 0.5)).toEqual([
      '*',
      0.5,
      ['case', ['has', 'x'], 1, 0.5],
    ]);
  });

  it('leaves schematic drawings out unless they are ticked', () => {
    expect(JSON.stringify(lineStatusFilter(['open']))).toContain('schematic');
    expect(lineStatusFilter(['open', 'schematic'])).toEqual([
      'in',
      ['get', 'status'],
      ['literal', ['open', 'schematic']],
    ]);
  });
});
