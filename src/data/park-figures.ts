/**
 * Loads geodata/park-figures.json, the park pages' precomputed access figures (one small file,
 * fetched once). As for the other data files, the data check validates it at build time, so the
 * browser only checks its shape.
 */
import parkFiguresUrl from '../../geodata/park-figures.json?url';
import { DataLoadError, fetchJson, memo } from './geodata.ts';
import type { ParkFigureRecord, ParkFigures } from './park-figures-schema.ts';
import type { ParkId } from './schemas.ts';

export function loadParkFigures(): Promise<ParkFigures> {
  return memo('park-figures', async () => {
    const json = (await fetchJson(parkFiguresUrl)) as ParkFigures | null;
    if (!json || !Array.isArray(json.parks))
      throw new DataLoadError('park-figures.json', 'expected { parks: [...] }');
    return json;
  });
}

/** One park's figures, or undefined when the file has none for it. */
export function figuresOf(figures: ParkFigures, id: ParkId): ParkFigureRecord | undefined {
  return figures.parks.find((p) => p.parkId === id);
}
