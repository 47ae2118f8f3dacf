import { describe, expect, it } from 'vitest';
import { LINE_STATUS_FILTERS } from '../data/vocabulary.ts';
import { countShown, matchesDistrict, matchesFacility, matchesLineStatus } from './explorer-filters.ts';

describe('explorer filters', () => {
  it('shows a line by status, and a schematic one only when schematic drawings are ticked', () => {
    const surveyed = { status: 'open', precision: 'reference' } as const;
    const schematicOpen = { status: 'open', precision: 'schematic' } as const;
    const planned = { status: 'planned', precision: 'schematic' } as const;
    expect(matchesLineStatus(surveyed, LINE_STATUS_FILTERS)).toBe(true);
    expect(matchesLineStatus(surveyed, ['planned'])).toBe(false);
    expect(matchesLineStatus(schematicOpen, ['open'])).toBe(false);
    expect(matchesLineStatus(schematicOpen, ['open', 'schematic'])).toBe(true);
    expect(matchesLineStatus(planned, ['schematic'])).toBe(false);
    expect(matchesLineStatus(planned, [])).toBe(false);
  });

  it('filters parks by district code and facilities by category and park', () => {
    expect(matchesDistrict('440106', null)).toBe(true);
    expect(matchesDistrict('440106', '440106')).toBe(true);
    expect(matchesDistrict('440105', '440106')).toBe(false);
    const f = { category: 'education', parkId: 'bio-island' };
    expect(matchesFacility(f, ['education'], () => true)).toBe(true);
    expect(matchesFacility(f, ['living'], () => true)).toBe(false);
    expect(matchesFacility(f, ['education'], (id) => id !== 'bio-island')).toBe(false);
  });

  it('counts what passes', () => {
    expect(countShown([1, 2, 3, 4], (n) => n % 2 === 0)).toEqual({ shown: 2, total: 4 });
    expect(countShown([], () => true)).toEqual({ shown: 0, total: 0 });
  });
});
