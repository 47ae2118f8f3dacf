import { describe, expect, it } from 'vitest';
import { exportLegend, groupLegend, importedLegend, KEY_COLOURS, kindOfImported } from './legend.ts';

const style = { color: '#d6336c', opacity: 1, radius: 5 };

describe('export legend', () => {
  it('lists the standard groups in the given languages with their map colours and symbols', () => {
    const rows = groupLegend(['parks', 'transit-open', 'stations'], ['en']);
    expect(rows.map((r) => r.kind)).toEqual(['polygon', 'line', 'point']);
    expect(rows[0]?.color).toBe(KEY_COLOURS.parks);
    expect(rows[2]?.label).toBe('Stations');
    expect(groupLegend(['stations'], ['zh', 'en'])[0]?.label).toBe('车站 · Stations');
  });

  it('takes the visible imported layers only, with their colour and their main geometry kind', () => {
    const rows = importedLegend([
      {
        name: '<img src=x onerror=alert(1)>',
        visible: true,
        kinds: { points: 3, lines: 0, polygons: 0 },
        style,
      },
      { name: 'hidden', visible: false, kinds: { points: 1, lines: 0, polygons: 0 }, style },
      { name: 'roads', visible: true, kinds: { points: 0, lines: 4, polygons: 1 }, style },
    ]);
    // The name is kept as it is: it is drawn as text, never parsed.
    expect(rows).toEqual([
      { label: '<img src=x onerror=alert(1)>', color: '#d6336c', kind: 'point' },
      { label: 'roads', color: '#d6336c', kind: 'line' },
    ]);
  });

  it('picks the most frequent kind, polygons then lines on a tie, points for an empty layer', () => {
    expect(kindOfImported({ points: 2, lines: 2, polygons: 2 })).toBe('polygon');
    expect(kindOfImported({ points: 2, lines: 2, polygons: 0 })).toBe('line');
    expect(kindOfImported({ points: 0, lines: 0, polygons: 0 })).toBe('point');
  });

  it('puts the standard groups first, in the UI language, then the visible imported layers', () => {
    const rows = exportLegend(
      ['parks', 'districts'],
      'zh',
      importedLegend([{ name: '我的点', visible: true, kinds: { points: 1, lines: 0, polygons: 0 }, style }]),
    );
    expect(rows.map((r) => r.label)).toEqual(['价值创新园区（近似边界）', '行政区界', '我的点']);
    expect(rows.map((r) => r.kind)).toEqual(['polygon', 'line', 'point']);
  });
});
