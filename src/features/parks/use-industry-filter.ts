import { useCallback, useMemo } from 'react';
import { loadParkContent } from '../../data/content.ts';
import type { IndustryTag } from '../../data/content-schema.ts';
import type { ParkId } from '../../data/schemas.ts';
import { useLoaded } from '../../data/use-dataset.ts';
import { useViewState } from '../../url/use-view-state.ts';

export interface IndustryFilter {
  /** Every tag some park has, sorted; empty until the plan content has loaded. */
  tags: IndustryTag[];
  /** The chosen tag, or null for all parks. */
  industry: IndustryTag | null;
  setIndustry: (tag: IndustryTag | null) => void;
  /** Whether a park passes the filter (every park does while nothing is chosen). */
  matches: (id: ParkId) => boolean;
}

/** The lead-industry filter shared by the park list and the map. */
export function useIndustryFilter(): IndustryFilter {
  const { state, update } = useViewState();
  const industry = state.industry;
  const setIndustry = useCallback((tag: IndustryTag | null) => update({ industry: tag }), [update]);
  // The plan's lead industries arrive after the first paint; the filter appears with them.
  const content = useLoaded(loadParkContent);
  const tagsByPark = useMemo(() => {
    const map = new Map<ParkId, Set<IndustryTag>>();
    if (content.status === 'ready') {
      for (const c of content.value) map.set(c.id, new Set(c.leadIndustries.flatMap((i) => i.tags)));
    }
    return map;
  }, [content]);
  const tags = useMemo(
    () =>
      [...new Set([...tagsByPark.values()].flatMap((set) => [...set]))].sort((x, y) => x.localeCompare(y)),
    [tagsByPark],
  );
  const matches = useMemo(
    () => (id: ParkId) => industry === null || (tagsByPark.get(id)?.has(industry) ?? false),
    [industry, tagsByPark],
  );
  return { tags, industry, setIndustry, matches };
}
