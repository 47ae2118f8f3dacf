import { useCallback, useMemo } from 'react';
import { loadParkContent } from '../../data/content.ts';
import type { IndustryTag } from '../../data/content-schema.ts';
import { loadParks } from '../../data/geodata.ts';
import type { ParkId } from '../../data/schemas.ts';
import { useLoaded } from '../../data/use-dataset.ts';
import { DISTRICTS, type DistrictSlug } from '../../data/vocabulary.ts';
import { matchesDistrict } from '../../domain/explorer-filters.ts';
import { useViewState } from '../../url/use-view-state.ts';

export interface ParkFilters {
  /** Every tag some park has, sorted; empty until the plan content has loaded. */
  tags: IndustryTag[];
  /** The chosen tag, or null for all parks. */
  industry: IndustryTag | null;
  setIndustry: (tag: IndustryTag | null) => void;
  /** The chosen district, or null for all. */
  district: DistrictSlug | null;
  setDistrict: (district: DistrictSlug | null) => void;
  /** Whether a park passes both filters (every park does while nothing is chosen). */
  matches: (id: ParkId) => boolean;
}

export function districtCodeOf(slug: DistrictSlug | null): string | null {
  return slug === null ? null : (DISTRICTS.find((d) => d.slug === slug)?.code ?? null);
}

/** The park filters (lead industry, district) shared by the park list, the legend's counts and the map. */
export function useParkFilters(): ParkFilters {
  const { state, update } = useViewState();
  const { industry } = state;
  const { district } = state.filters;
  const setIndustry = useCallback((tag: IndustryTag | null) => update({ industry: tag }), [update]);
  const setDistrict = useCallback(
    (slug: DistrictSlug | null) => update({ filters: { ...state.filters, district: slug } }),
    [update, state.filters],
  );
  // The plan's lead industries arrive after the first paint; the filter appears with them.
  const content = useLoaded(loadParkContent);
  const parks = useLoaded(loadParks);
  const tagsByPark = useMemo(() => {
    const map = new Map<ParkId, Set<IndustryTag>>();
    if (content.status === 'ready') {
      for (const c of content.value) map.set(c.id, new Set(c.leadIndustries.flatMap((i) => i.tags)));
    }
    return map;
  }, [content]);
  const districtByPark = useMemo(
    () =>
      new Map<string, string>(
        parks.status === 'ready'
          ? parks.value.features.map((f) => [f.properties.id, f.properties.districtCode])
          : [],
      ),
    [parks],
  );
  // Code-point order: the tags are ASCII slugs, and localeCompare would start ICU's collator
  // (tens of ms) inside the first render.
  const tags = useMemo(
    () => [...new Set([...tagsByPark.values()].flatMap((set) => [...set]))].sort(),
    [tagsByPark],
  );
  const matches = useMemo(() => {
    const code = districtCodeOf(district);
    return (id: ParkId) =>
      (industry === null || (tagsByPark.get(id)?.has(industry) ?? false)) &&
      matchesDistrict(districtByPark.get(id) ?? '', code);
  }, [industry, district, tagsByPark, districtByPark]);
  return { tags, industry, setIndustry, district, setDistrict, matches };
}
