import { circle, area as turfArea } from '@turf/turf';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditArea, measure } from './area.ts';
import { km2ToHa, km2ToMu, type SquareKilometres } from './units.ts';

/** A star-shaped (hence simple) ring around Guangzhou with random radii. */
const starRing = fc
  .record({
    cx: fc.double({ min: 113.1, max: 113.9, noNaN: true }),
    cy: fc.double({ min: 22.7, max: 23.7, noNaN: true }),
    radii: fc.array(fc.double({ min: 0.002, max: 0.03, noNaN: true }), { minLength: 3, maxLength: 40 }),
  })
  .map(({ cx, cy, radii }) => {
    const ring = radii.map((r, i) => {
      const t = (2 * Math.PI * i) / radii.length;
      return [cx + r * Math.cos(t), cy + r * Math.sin(t)];
    });
    ring.push(ring[0]!);
    return ring;
  });

describe('measure', () => {
  it('measures a geodesic circle of radius 1 km as π km² (±0.1 %) with perimeter 2π km', () => {
    const c = circle([113.32, 23.12], 1, { units: 'kilometers', steps: 720 });
    const m = measure(c.geometry);
    expect(m.ok).toBe(true);
    if (!m.ok) return;
    expect(m.areaKm2 / Math.PI).toBeCloseTo(1, 3);
    expect(m.perimeterKm / (2 * Math.PI)).toBeCloseTo(1, 3);
    expect(m.centroid[0]).toBeCloseTo(113.32, 5);
    expect(m.centroid[1]).toBeCloseTo(23.12, 5);
    expect(m.areaHa).toBeCloseTo(m.areaKm2 * 100, 9);
    expect(m.areaMu).toBeCloseTo(m.areaKm2 * 1500, 6);
  });

  it('area is invariant under ring rotation and reversal', () => {
    fc.assert(
      fc.property(starRing, fc.nat(), fc.boolean(), (ring, shift, reverse) => {
        const open = ring.slice(0, -1);
        const s = shift % open.length;
        let rotated = [...open.slice(s), ...open.slice(0, s)];
        if (reverse) rotated = rotated.reverse();
        rotated.push(rotated[0]!);
        const a = measure({ type: 'Polygon', coordinates: [ring] });
        const b = measure({ type: 'Polygon', coordinates: [rotated] });
        expect(a.ok && b.ok).toBe(true);
        if (!a.ok || !b.ok) return;
        expect(Math.abs(a.areaKm2 - b.areaKm2)).toBeLessThanOrEqual(1e-9 * a.areaKm2);
        expect(Math.abs(a.perimeterKm - b.perimeterKm)).toBeLessThanOrEqual(1e-9 * a.perimeterKm);
      }),
      { numRuns: 300 },
    );
  });

  it('subtracts holes', () => {
    const outer = circle([113.32, 23.12], 1, { units: 'kilometers', steps: 64 }).geometry.coordinates[0]!;
    const hole = circle([113.32, 23.12], 0.5, { units: 'kilometers', steps: 64 }).geometry.coordinates[0]!;
    const m = measure({ type: 'Polygon', coordinates: [outer, [...hole].reverse()] });
    expect(m.ok).toBe(true);
    if (m.ok) {
      const expected =
        (turfArea({ type: 'Polygon', coordinates: [outer] }) -
          turfArea({ type: 'Polygon', coordinates: [hole] })) /
        1e6;
      expect(m.areaKm2).toBeCloseTo(expected, 9);
    }
  });

  it('never produces a number from bad geometry (where Turf would)', () => {
    const unclosed = [
      [113.3, 23.1],
      [113.32, 23.1],
      [113.32, 23.12],
      [113.3, 23.12],
    ];
    const bowtie = [
      [113.3, 23.1],
      [113.32, 23.12],
      [113.32, 23.1],
      [113.3, 23.12],
      [113.3, 23.1],
    ];
    const mercator = [
      [12613000, 2641000],
      [12615000, 2641000],
      [12615000, 2643000],
      [12613000, 2641000],
    ];
    for (const ring of [unclosed, bowtie, mercator]) {
      const m = measure({ type: 'Polygon', coordinates: [ring] });
      expect(m.ok).toBe(false);
      expect(m).not.toHaveProperty('areaKm2');
    }
  });
});

describe('unit conversions', () => {
  it('1 km² = 100 ha = 1500 mu', () => {
    expect(km2ToHa(1 as SquareKilometres)).toBe(100);
    expect(km2ToMu(1 as SquareKilometres)).toBeCloseTo(1500, 9);
    expect(km2ToMu(2.1 as SquareKilometres)).toBeCloseTo(3150, 6);
  });
});

describe('auditArea', () => {
  it('badges ok within ±10 %, warn within ±20 %, fail beyond', () => {
    expect(auditArea(2.1, 2.2)).toMatchObject({ withinTolerance: true, badge: 'ok' });
    expect(auditArea(2, 2.2).badge).toBe('ok');
    expect(auditArea(2, 2.3)).toMatchObject({ withinTolerance: false, badge: 'warn' });
    expect(auditArea(2, 1.5).badge).toBe('fail');
    expect(auditArea(2, 2.3).deltaPct).toBeCloseTo(15, 9);
    expect(auditArea(0, 1).badge).toBe('fail');
    expect(auditArea(2, Number.NaN).badge).toBe('fail');
    expect(auditArea(5, 5.6, 0.05).badge).toBe('fail');
  });
});
