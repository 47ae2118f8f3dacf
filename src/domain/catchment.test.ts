import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { AreaGeometry } from './area.ts';
import { catchmentCoverage, catchmentCoverageBySampling } from './catchment.ts';
import { rect } from './test-geometry.ts';
import type { LngLat } from './units.ts';

describe('catchmentCoverage', () => {
  it('a disc well inside a big park covers π r² (±0.05 %)', () => {
    const park = rect(113.3, 23.05, 113.4, 23.15);
    const c = catchmentCoverage(park, [[113.35, 23.1]], 800);
    expect(c.stationsReaching).toBe(1);
    expect(c.coveredKm2 / (Math.PI * 0.8 * 0.8)).toBeCloseTo(1, 3);
  });

  it('is 0 with no station in reach and 1 when one disc covers the park', () => {
    const park = rect(113.3, 23.1, 113.302, 23.102);
    expect(catchmentCoverage(park, [[113.5, 23.5]], 800)).toMatchObject({
      coveredKm2: 0,
      share: 0,
      geometry: null,
    });
    expect(catchmentCoverage(park, [[113.301, 23.101]], 800).share).toBeCloseTo(1, 9);
  });

  it('agrees with equal-area grid sampling on the fixtures (|Δ| ≤ 0.2 % of park area at 5 m cells)', () => {
    const dir = path.resolve(__dirname, '../../tests/fixtures/domain/in');
    for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.geojson'))) {
      const fcol = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as FeatureCollection;
      const park = fcol.features.find((f) => f.properties?.role === 'park')!.geometry as AreaGeometry;
      const stations = fcol.features
        .filter((f) => f.properties?.role === 'station')
        .map((f) => (f as Feature<Point>).geometry.coordinates as unknown as LngLat);
      for (const r of [800, 1500]) {
        const exact = catchmentCoverage(park, stations, r);
        const sampled = catchmentCoverageBySampling(park, stations, r, 5);
        expect(Math.abs(exact.coveredKm2 - sampled.coveredKm2)).toBeLessThan(0.002 * exact.parkAreaKm2);
      }
    }
  });

  const station = fc.tuple(
    fc.double({ min: 113.28, max: 113.34, noNaN: true }),
    fc.double({ min: 23.08, max: 23.14, noNaN: true }),
  );
  const park = rect(113.3, 23.1, 113.32, 23.115);

  it('coverage never decreases as the radius grows (exact method)', () => {
    fc.assert(
      fc.property(
        fc.array(station, { minLength: 1, maxLength: 6 }),
        fc.double({ min: 50, max: 2000, noNaN: true }),
        fc.double({ min: 1, max: 1000, noNaN: true }),
        (stations, r, dr) => {
          const a = catchmentCoverage(park, stations as LngLat[], r);
          const b = catchmentCoverage(park, stations as LngLat[], r + dr);
          // 1e-9 km² = 0.001 m²: polygon-clipping float noise, nothing more.
          expect(b.coveredKm2).toBeGreaterThanOrEqual(a.coveredKm2 - 1e-9);
          expect(b.share).toBeGreaterThanOrEqual(a.share - 1e-9);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('coverage never decreases as the radius grows (sampling, exactly)', () => {
    fc.assert(
      fc.property(
        fc.array(station, { minLength: 1, maxLength: 6 }),
        fc.double({ min: 50, max: 2000, noNaN: true }),
        fc.double({ min: 0, max: 1000, noNaN: true }),
        (stations, r, dr) => {
          const a = catchmentCoverageBySampling(park, stations as LngLat[], r, 60);
          const b = catchmentCoverageBySampling(park, stations as LngLat[], r + dr, 60);
          expect(b.samplesCovered).toBeGreaterThanOrEqual(a.samplesCovered);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('any-station coverage ≥ each subset, ≤ their sum', () => {
    const open: LngLat[] = [[113.305, 23.105]];
    const planned: LngLat[] = [[113.315, 23.11]];
    const o = catchmentCoverage(park, open, 800).coveredKm2;
    const p = catchmentCoverage(park, planned, 800).coveredKm2;
    const any = catchmentCoverage(park, [...open, ...planned], 800).coveredKm2;
    expect(any).toBeGreaterThanOrEqual(Math.max(o, p) - 1e-9);
    expect(any).toBeLessThanOrEqual(o + p + 1e-9);
  });

  it('rejects an invalid park', () => {
    const bowtie: AreaGeometry = {
      type: 'Polygon',
      coordinates: [
        [
          [113.3, 23.1],
          [113.32, 23.12],
          [113.32, 23.1],
          [113.3, 23.12],
          [113.3, 23.1],
        ],
      ],
    };
    expect(() => catchmentCoverage(bowtie, [[113.31, 23.11]], 800)).toThrow(/bow-tie/);
  });
});
