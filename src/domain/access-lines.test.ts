import { describe, expect, it } from 'vitest';
import { accessLineTo } from './access-lines.ts';
import { distanceToAreaM } from './boundary-distance.ts';

describe('accessLineTo', () => {
  const square = {
    type: 'Polygon' as const,
    coordinates: [
      [
        [113.3, 23.1],
        [113.32, 23.1],
        [113.32, 23.12],
        [113.3, 23.12],
        [113.3, 23.1],
      ],
    ],
  };
  it('starts on the boundary, at the distance the park pages state', () => {
    const line = accessLineTo(square, [113.35, 23.11]);
    expect(line.inside).toBe(false);
    expect(line.from[0]).toBeCloseTo(113.32, 5);
    expect(line.distanceM).toBeCloseTo(distanceToAreaM([113.35, 23.11], square), -1);
  });
  it('has length 0 for a target inside the park', () => {
    const line = accessLineTo(square, [113.31, 23.11]);
    expect(line).toMatchObject({ inside: true, distanceM: 0, from: [113.31, 23.11] });
  });
});
