import gcoord from 'gcoord';
import { describe, expect, it } from 'vitest';
import { STATIONS } from '../../tests/corpus/stations.ts';
import { convertFeatures, detectDatumSuspicion, haversineM } from './datum.ts';

const shifted = (to: 'gcj02' | 'bd09', name: (s: (typeof STATIONS)[number]) => string, key = 'name') =>
  STATIONS.map((s) => ({
    type: 'Feature' as const,
    geometry: {
      type: 'Point' as const,
      coordinates: gcoord.transform(s.lngLat, gcoord.WGS84, to === 'gcj02' ? gcoord.GCJ02 : gcoord.BD09) as [
        number,
        number,
      ],
    },
    properties: { [key]: name(s) },
  }));

describe('convertFeatures', () => {
  it('brings GCJ-02 and BD-09 back to WGS-84 without touching the input', () => {
    for (const datum of ['gcj02', 'bd09'] as const) {
      const input = shifted(datum, (s) => s.name);
      const before = JSON.stringify(input);
      const out = convertFeatures(input, datum);
      expect(JSON.stringify(input)).toBe(before);
      out.forEach((f, i) => {
        const at = (f.geometry as GeoJSON.Point).coordinates as [number, number];
        expect(haversineM(at, STATIONS[i]?.lngLat as [number, number])).toBeLessThan(1);
      });
    }
  });
  it('leaves WGS-84 as it is', () => {
    const f = shifted('gcj02', (s) => s.name);
    expect(convertFeatures(f, 'wgs84')).toBe(f);
  });
});

describe('detectDatumSuspicion', () => {
  it('spots GCJ-02 station points by zh name with a trailing 站', () => {
    const s = detectDatumSuspicion(
      shifted('gcj02', (x) => (x.name.endsWith('站') ? x.name : `${x.name}站`)),
      STATIONS,
    );
    expect(s).toMatchObject({ suspected: 'gcj02', matched: STATIONS.length });
    expect(s?.medianOffsetM).toBeGreaterThan(300);
    expect(s?.medianOffsetM).toBeLessThan(900);
    expect(s?.medianAfterM).toBeLessThan(5);
  });
  it('spots BD-09 by English name with " Station" in a station column', () => {
    const s = detectDatumSuspicion(
      shifted('bd09', (x) => `${x.nameEn} Station`, 'station'),
      STATIONS,
    );
    expect(s?.suspected).toBe('bd09');
  });
  it('stays quiet on WGS-84 data, unknown names and fewer than three matches', () => {
    const wgs = STATIONS.map((s) => ({
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: s.lngLat },
      properties: { name: s.name },
    }));
    expect(detectDatumSuspicion(wgs, STATIONS)).toBeUndefined();
    expect(
      detectDatumSuspicion(
        shifted('gcj02', () => 'somewhere'),
        STATIONS,
      ),
    ).toBeUndefined();
    expect(detectDatumSuspicion(shifted('gcj02', (x) => x.name).slice(0, 2), STATIONS)).toBeUndefined();
  });
});
