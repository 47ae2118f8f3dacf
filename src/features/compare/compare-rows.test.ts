import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ParkContent } from '../../data/content-schema.ts';
import type { ParksCollection } from '../../data/geodata.ts';
import type { ParkFigures } from '../../data/park-figures-schema.ts';
import type { FacilityProperties, UnplacedFacility } from '../../data/schemas.ts';
import { sortByValue } from '../../domain/ranking.ts';
import { summariseParks } from '../parks/park-summaries.ts';
import { revenueTargetOf } from '../plan/park-targets.ts';
import { buildCompareRows, jobsTargetOf } from './compare-rows.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const read = <T>(file: string) => JSON.parse(readFileSync(path.join(root, file), 'utf8')) as T;
const parks = read<ParksCollection>('geodata/parks.geojson');
const content = read<ParkContent[]>('geodata/content/parks.json');
const figures = read<ParkFigures>('geodata/park-figures.json');
const placed = read<{ features: { properties: FacilityProperties }[] }>('geodata/facilities.geojson');
const unplaced = read<UnplacedFacility[]>('geodata/facilities-unplaced.json');

const ids = ['nansha-ai', 'pazhou-internet', 'bio-island'] as const;
const rows = buildCompareRows([...ids], {
  summaries: summariseParks(parks),
  content,
  figures: figures.parks,
  facilities: [...placed.features.map((f) => f.properties), ...unplaced],
});
const row = (id: string) => {
  const r = rows.find((x) => x.id === id);
  if (!r) throw new Error(`no row ${id}`);
  return r;
};

describe('compare rows', () => {
  it('take every figure from the park pages’ data', () => {
    for (const id of ids) {
      const f = figures.parks.find((p) => p.parkId === id);
      const s = summariseParks(parks).find((p) => p.id === id);
      expect(row('area-stated').cells[id]?.value).toBe(s?.properties.statedAreaKm2);
      expect(row('area-mapped').cells[id]?.value).toBe(s?.measures?.areaKm2);
      expect(row('access-score').cells[id]?.value).toBe(f?.access.score);
      expect(row('station-open').cells[id]?.value).toBe(f?.stations.open[0]?.distanceM);
      expect(row('output-stated').cells[id]?.value ?? null).toBe(f?.output?.byStatedAreaPerKm2 ?? null);
      expect(row('catchment-800-open').cells[id]?.value).toBe(
        f?.catchments.find((c) => c.radiusM === 800)?.open,
      );
    }
    // The output target is the park page's (and the plan page's) headline target.
    const pazhou = content.find((c) => c.id === 'pazhou-internet');
    expect(row('target-revenue').cells['pazhou-internet']?.value).toBe(
      pazhou && revenueTargetOf(pazhou)?.value,
    );
    expect(pazhou && jobsTargetOf(pazhou)?.value).toBe(30000);
    expect(row('target-revenue').cells['nansha-ai']?.value).toBeNull();
  });

  it('count facilities by category and the six-in-one elements', () => {
    const counted = rows.filter((r) => r.group === 'facilities');
    expect(counted.length).toBeGreaterThan(0);
    for (const r of counted) {
      const category = r.id.replace('facilities-', '');
      for (const id of ids) {
        const expected =
          placed.features.filter((f) => f.properties.parkId === id && f.properties.category === category)
            .length + unplaced.filter((f) => f.parkId === id && f.category === category).length;
        expect(r.cells[id]?.value, `${r.id} ${id}`).toBe(expected);
      }
    }
    expect(rows.filter((r) => r.group === 'six')).toHaveLength(7);
  });

  it('sort the park columns by a row, missing figures last', () => {
    const byArea = (dir: 'asc' | 'desc') =>
      sortByValue([...ids], (id) => row('area-mapped').cells[id]?.value ?? null, dir);
    expect(byArea('asc')).toEqual(['bio-island', 'pazhou-internet', 'nansha-ai']);
    expect(byArea('desc')).toEqual(['nansha-ai', 'pazhou-internet', 'bio-island']);
    expect(sortByValue([...ids], (id) => row('target-revenue').cells[id]?.value ?? null, 'desc')).toEqual([
      'pazhou-internet',
      'bio-island',
      'nansha-ai',
    ]);
  });
});
