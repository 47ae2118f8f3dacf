import { describe, expect, it } from 'vitest';
import type { Collection } from '../../data/geodata.ts';
import type { FacilityProperties, StationProperties, TransitLineProperties } from '../../data/schemas.ts';
import { createAnalysis } from './analysis.ts';

const empty = <P>(): Collection<P> => ({ type: 'FeatureCollection', features: [] });

describe('createAnalysis', () => {
  it('reuses the indexes for the same loaded data sets, whatever object wraps them (a remount)', () => {
    const stations = empty<StationProperties>();
    const facilities = empty<FacilityProperties>();
    const lines = empty<TransitLineProperties>();
    const first = createAnalysis({ stations, facilities, lines });
    expect(createAnalysis({ stations, facilities, lines })).toBe(first);
    expect(createAnalysis({ stations: empty(), facilities, lines })).not.toBe(first);
  });
});
