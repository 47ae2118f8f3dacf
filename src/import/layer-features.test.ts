import { describe, expect, it } from 'vitest';
import { allPropertyKeys, featureName, pointsOf, representativeLngLat, summarise } from './layer-features.ts';

const pt = (x: unknown, y: unknown, properties: GeoJSON.GeoJsonProperties = {}): GeoJSON.Feature =>
  ({ type: 'Feature', geometry: { type: 'Point', coordinates: [x, y] }, properties }) as GeoJSON.Feature;

describe('layer features', () => {
  it('names features from the usual keys, as text', () => {
    expect(featureName(pt(1, 2, { name: '广州塔' }))).toBe('广州塔');
    expect(featureName(pt(1, 2, { 名称: '琶洲', name: '  ' }))).toBe('琶洲');
    expect(featureName(pt(1, 2, { title: 7 }))).toBe('7');
    expect(
      featureName({ type: 'Feature', geometry: null, properties: null } as unknown as GeoJSON.Feature),
    ).toBe('');
  });

  it('summarises kinds, bbox and the first property keys; points as typed arrays', () => {
    const features: GeoJSON.Feature[] = [
      pt(113, 23, { a: 1 }),
      {
        type: 'Feature',
        geometry: {
          type: 'LineString',
          coordinates: [
            [112, 22],
            [114, 24],
          ],
        },
        properties: { b: 2 },
      },
      {
        type: 'Feature',
        geometry: {
          type: 'MultiPolygon',
          coordinates: [
            [
              [
                [113, 23],
                [113.1, 23],
                [113.1, 23.1],
                [113, 23],
              ],
            ],
          ],
        },
        properties: null,
      },
      { type: 'Feature', geometry: null, properties: { c: 3 } } as unknown as GeoJSON.Feature,
      pt('x', 23),
    ];
    const s = summarise(features, 2);
    expect(s).toEqual({
      kinds: { points: 2, lines: 1, polygons: 1 },
      bbox: [112, 22, 114, 24],
      propertyKeys: ['a', 'b'],
    });
    expect(allPropertyKeys(features)).toEqual(['a', 'b', 'c']);
    expect(summarise([]).bbox).toBeNull();
    const p = pointsOf(features);
    expect([...p.featureOf]).toEqual([0, 4]);
    expect([...p.slotOf]).toEqual([0, -1, -1, -1, 1]);
    expect(p.lngLats[0]).toBe(113);
    expect(p.lngLats[2]).toBeNaN();
    expect(representativeLngLat(features[1]!)).toEqual([112, 22]);
    expect(representativeLngLat(features[2]!)).toEqual([113, 23]);
    expect(representativeLngLat(features[3]!)).toBeNull();
  });
});
