/**
 * Drawing for the measure tools, with terra-draw through its MapLibre adapter. Owned by AtlasMap
 * (atlas-map.ts) and loaded only when a measure tool opens, so neither library is in the first
 * paint. It reports the vertices of the one sketch it keeps (live while drawing, then final); the
 * figures are computed from them by src/domain/measure.ts, never here.
 *
 * Keyboard: terra-draw listens for keys on the map canvas only, so Enter / Esc would do nothing
 * while focus is on the toolbar. The atlas handles the keyboard itself (document-wide) and sends
 * commands here; the modes are configured with finish / cancel keys no keyboard produces, and a
 * command is delivered as that key event on the canvas — terra-draw's own input route, so its
 * state and history stay consistent — while a real Enter on the canvas is not handled twice.
 */
import type { Map as MaplibreMap } from 'maplibre-gl';
import {
  type GeoJSONStoreFeatures,
  TerraDraw,
  TerraDrawLineStringMode,
  TerraDrawModeUndoRedo,
  TerraDrawPolygonMode,
} from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import type { LngLat } from '../domain/units.ts';
import type { MeasureCommand, MeasureSketch } from '../state/store.ts';

export type { MeasureCommand, MeasureSketch };
export type MeasureMode = MeasureSketch['mode'];

/** Keys only ever sent by `command` (see the module comment). */
export const COMMAND_KEYS = { finish: 'AtlasMeasureFinish', cancel: 'AtlasMeasureCancel' } as const;
/** Source and layer ids of the drawing start with this (the adapter adds them). */
export const MEASURE_LAYER_PREFIX = 'measure';

const TERRA_MODE: Record<MeasureMode, string> = { distance: 'linestring', area: 'polygon' };
const COLOUR = '#c2410c';

/** The vertices of a terra-draw feature: a path as drawn, a ring without its closing vertex. */
export function verticesOf(feature: GeoJSONStoreFeatures | undefined): LngLat[] {
  const g = feature?.geometry;
  if (!g) return [];
  if (g.type === 'LineString') return g.coordinates.map((c) => [c[0]!, c[1]!] as const);
  if (g.type === 'Polygon') {
    const ring = g.coordinates[0] ?? [];
    return ring.slice(0, -1).map((c) => [c[0]!, c[1]!] as const);
  }
  return [];
}

export class MeasureDraw {
  private readonly draw: TerraDraw;
  private readonly canvas: HTMLElement;
  private mode: MeasureMode;
  private sketchId: string | number | null = null;
  private removing = false;

  constructor(
    map: MaplibreMap,
    mode: MeasureMode,
    private readonly onSketch: (sketch: MeasureSketch | null) => void,
  ) {
    this.mode = mode;
    this.canvas = map.getCanvas();
    const keyEvents = { finish: COMMAND_KEYS.finish, cancel: COMMAND_KEYS.cancel };
    const point = {
      coordinatePointColor: COLOUR,
      coordinatePointOutlineColor: '#ffffff',
      coordinatePointWidth: 4,
      coordinatePointOutlineWidth: 2,
      closingPointColor: COLOUR,
      closingPointOutlineColor: '#ffffff',
      closingPointWidth: 5,
      closingPointOutlineWidth: 2,
    } as const;
    this.draw = new TerraDraw({
      adapter: new TerraDrawMapLibreGLAdapter({ map, prefixId: MEASURE_LAYER_PREFIX }),
      modes: [
        new TerraDrawLineStringMode({
          keyEvents,
          showCoordinatePoints: true,
          styles: { ...point, lineStringColor: COLOUR, lineStringWidth: 3 },
        }),
        new TerraDrawPolygonMode({
          keyEvents,
          showCoordinatePoints: true,
          styles: {
            ...point,
            fillColor: COLOUR,
            fillOpacity: 0.15,
            outlineColor: COLOUR,
            outlineWidth: 3,
          },
        }),
      ],
      // Mode-level undo is what removes the last vertex of a sketch being drawn.
      undoRedo: { modeLevel: new TerraDrawModeUndoRedo() },
    });
    this.draw.on('change', (ids, type) => this.changed(ids, type));
    this.draw.on('finish', (id) => {
      this.sketchId = id;
      this.report();
    });
    this.draw.start();
    this.draw.setMode(TERRA_MODE[mode]);
  }

  /** Switches between distance and area; the old sketch goes. */
  setMode(mode: MeasureMode): void {
    if (mode === this.mode) return;
    this.mode = mode;
    this.draw.clear();
    this.draw.setMode(TERRA_MODE[mode]);
    this.sketchId = null;
    this.onSketch(null);
  }

  get drawing(): boolean {
    return this.draw.getModeState() === 'drawing';
  }

  command(command: MeasureCommand): void {
    if (command === 'undo') {
      if (this.drawing) this.draw.undo();
      this.report();
    } else if (command === 'clear') {
      this.draw.clear();
      this.sketchId = null;
      this.onSketch(null);
    } else {
      this.canvas.dispatchEvent(new KeyboardEvent('keyup', { key: COMMAND_KEYS[command] }));
      if (command === 'cancel') this.report();
    }
  }

  destroy(): void {
    this.draw.stop();
  }

  private changed(ids: (string | number)[], type: string): void {
    if (this.removing) return;
    const id = ids[0];
    if (type === 'create' && id !== undefined) {
      const feature = this.draw.getSnapshotFeature(id);
      // Coordinate and closing points are the modes' guidance, not sketches.
      if (feature?.geometry.type === 'Point') return;
      // One sketch at a time: starting a new one removes the last finished one.
      const previous = this.sketchId;
      this.sketchId = id;
      if (previous !== null && previous !== id && this.draw.hasFeature(previous)) {
        this.removing = true;
        this.draw.removeFeatures([previous]);
        this.removing = false;
      }
    }
    if (type === 'delete' && this.sketchId !== null && ids.includes(this.sketchId)) this.sketchId = null;
    this.report();
  }

  private report(): void {
    const id = this.sketchId;
    const feature = id !== null && this.draw.hasFeature(id) ? this.draw.getSnapshotFeature(id) : undefined;
    if (!feature) {
      this.sketchId = null;
      this.onSketch(null);
      return;
    }
    this.onSketch({ mode: this.mode, vertices: verticesOf(feature), drawing: this.drawing });
  }
}
