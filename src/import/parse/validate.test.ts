import { describe, expect, it } from 'vitest';
import { scanJson, validateFeatures } from './validate.ts';

const u8 = (s: string) => new TextEncoder().encode(s);
const pt = (c: unknown, properties: Record<string, unknown> = {}) => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: c },
  properties,
});
const codes = (r: { notes: { code: string }[]; reasons: { code: string }[] }) =>
  [...r.notes, ...r.reasons].map((n) => n.code);

describe('scanJson', () => {
  it('measures depth outside strings only', () => {
    expect(scanJson(u8('{"a":[[1,2]],"s":"[[[[{{{{\\"[["}')).maxDepth).toBe(3);
    expect(scanJson(u8(`${'['.repeat(100)}${']'.repeat(100)}`), 64).overCap).toBe('depth');
  });
  it('counts number arrays as positions and stops over the cap', () => {
    expect(scanJson(u8('[[1,2],[ -3,4],["x"]]')).numberArrays).toBe(2);
    expect(scanJson(u8('[[1,2],[3,4],[5,6]]'), 64, 2).overCap).toBe('vertices');
  });
});

describe('validateFeatures', () => {
  it('closes rings and drops rings too short to close', () => {
    const r = validateFeatures([
      {
        type: 'Feature',
        properties: {},
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [113, 23],
              [113.1, 23],
              [113.1, 23.1],
            ],
          ],
        },
      },
      { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[113, 23]] } },
    ]);
    expect(codes(r)).toEqual(['ring-closed', 'features-dropped']);
    expect((r.features[0]?.geometry as GeoJSON.Polygon | undefined)?.coordinates[0]).toHaveLength(4);
    expect(r.droppedCount).toBe(1);
  });
  it('swaps lat/lng for Guangzhou data and converts Web Mercator metres', () => {
    const swapped = validateFeatures([pt([23.1, 113.3]), pt([23.2, 113.4])]);
    expect(codes(swapped)).toContain('latlng-swapped');
    expect((swapped.features[0]?.geometry as GeoJSON.Point | undefined)?.coordinates).toEqual([113.3, 23.1]);
    const merc = validateFeatures([pt([12614475.6, 2644645.3])]);
    expect(codes(merc)).toContain('epsg3857-converted');
    const [lng, lat] = ((merc.features[0] as GeoJSON.Feature).geometry as GeoJSON.Point).coordinates as [
      number,
      number,
    ];
    expect(lng).toBeCloseTo(113.3178, 3);
    expect(lat).toBeCloseTo(23.1, 2);
  });
  it('does not swap ordinary data elsewhere', () => {
    expect(codes(validateFeatures([pt([2.35, 48.85])]))).toEqual([]);
  });
  it('drops null, NaN, string and out-of-range positions, keeping the rest', () => {
    const r = validateFeatures([
      pt([113.3, 23.1]),
      pt(null),
      pt([Number.NaN, 1]),
      pt(['113', '23']),
      pt([113.3, 99]),
    ]);
    expect(r.features).toHaveLength(1);
    expect(r.droppedCount).toBe(4);
    expect(r.notes.filter((n) => n.code === 'features-dropped')).toHaveLength(2);
  });
  it('notes bow-ties and duplicate ids without changing them', () => {
    const bow = {
      type: 'Feature',
      id: 'x',
      properties: {},
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [113, 23],
            [113.1, 23.1],
            [113.1, 23],
            [113, 23.1],
            [113, 23],
          ],
        ],
      },
    };
    const r = validateFeatures([bow, { ...pt([113, 23]), id: 'x' }]);
    expect(codes(r)).toEqual(['self-intersection', 'duplicate-ids']);
    expect(r.features).toHaveLength(2);
  });
  it('reads GeometryCollections and rejects a file with nothing usable', () => {
    const gc = {
      type: 'Feature',
      properties: null,
      geometry: { type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [113, 23] }] },
    };
    expect(validateFeatures([gc]).features[0]?.properties).toEqual({});
    expect(codes(validateFeatures([pt(null)]))).toContain('no-features');
  });
});
