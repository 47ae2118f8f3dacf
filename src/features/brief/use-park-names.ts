import { useMemo } from 'react';
import { loadParks } from '../../data/geodata.ts';
import { useLoaded } from '../../data/use-dataset.ts';
import { useLang } from '../../i18n/use-lang.ts';

/** A park's short name in the UI language (its id until the parks are loaded, or if unknown). */
export function useParkNames(): (id: string) => string {
  const parks = useLoaded(loadParks);
  const { b } = useLang();
  return useMemo(() => {
    if (parks.status !== 'ready') return (id: string) => id;
    const byId = new Map(
      parks.value.features.map((f) => [f.properties.id as string, b(f.properties.shortName)]),
    );
    return (id: string) => byId.get(id) ?? id;
  }, [parks, b]);
}
