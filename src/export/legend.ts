/**
 * Legend rows of an exported map: the standard layer groups, coloured as the map draws them, and the
 * user's imported layers. Pure (no DOM): the PNG composer and the print layout both draw from it.
 */

import { translate } from '../i18n/translate.ts';
import type { ImportedLayerMeta } from '../import/types.ts';
import { THEME } from '../map/theme.ts';
import type { Lang, LayerGroup } from '../url/view-state.ts';

export type LegendKind = 'point' | 'line' | 'polygon';

/** One row of a legend. `label` may be untrusted (an imported layer's name): shown as text only. */
export interface LegendEntry {
  label: string;
  color: string;
  kind: LegendKind;
}

/** Colours of the key, as the map draws each group (see map/theme.ts). */
export const KEY_COLOURS: Record<LayerGroup, string> = {
  parks: THEME.park,
  'transit-open': '#1971c2',
  'transit-planned': THEME.stationPlannedStroke,
  stations: THEME.stationStroke,
  hubs: THEME.hub,
  facilities: THEME.facility.education,
  catchments: THEME.catchmentOpen,
  districts: THEME.districtLine,
};

/** How each standard group is drawn, for its legend symbol. */
const GROUP_KIND: Record<LayerGroup, LegendKind> = {
  parks: 'polygon',
  'transit-open': 'line',
  'transit-planned': 'line',
  stations: 'point',
  hubs: 'point',
  facilities: 'point',
  catchments: 'polygon',
  districts: 'line',
};

/** Rows of the standard groups in `langs` (one label per language, joined by " · "). */
export function groupLegend(layers: readonly LayerGroup[], langs: readonly Lang[]): LegendEntry[] {
  return layers.map((group) => ({
    label: langs.map((lang) => translate(lang, `layer.${group}`)).join(' · '),
    color: KEY_COLOURS[group],
    kind: GROUP_KIND[group],
  }));
}

/** The symbol of an imported layer: its most frequent geometry kind (polygons win ties, then lines). */
export function kindOfImported(kinds: ImportedLayerMeta['kinds']): LegendKind {
  const { points, lines, polygons } = kinds;
  if (polygons > 0 && polygons >= lines && polygons >= points) return 'polygon';
  if (lines > 0 && lines >= points) return 'line';
  return 'point';
}

/** Rows of the visible imported layers, bottom to top as drawn. */
export function importedLegend(
  layers: readonly Pick<ImportedLayerMeta, 'name' | 'visible' | 'kinds' | 'style'>[],
): LegendEntry[] {
  return layers
    .filter((layer) => layer.visible)
    .map((layer) => ({ label: layer.name, color: layer.style.color, kind: kindOfImported(layer.kinds) }));
}

/** The legend of an exported map: the visible groups in the UI language, then `extraLegend`. */
export function exportLegend(
  groups: readonly LayerGroup[],
  lang: Lang,
  extraLegend: readonly LegendEntry[] = [],
): LegendEntry[] {
  return [...groupLegend(groups, [lang]), ...extraLegend];
}
