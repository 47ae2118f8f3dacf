/**
 * The compare page's rows, built from exactly the data the park pages show: the park outline's
 * measures (park-summaries.ts), the plan content (targets, six-in-one), the precomputed access
 * figures (geodata/park-figures.json) and the facilities files. Nothing is typed by hand here:
 * each cell is a number taken from those, with the text it needs (a station's name, a target's
 * unit and year) next to it.
 */
// This page's strings load with it (kept out of the first-paint bundle).
import '../../i18n/page-messages.ts';
import type { ParkContent, Target } from '../../data/content-schema.ts';
import type { ParkFigureRecord } from '../../data/park-figures-schema.ts';
import type { Bilingual, FacilityCategory, ParkId } from '../../data/schemas.ts';
import { SIX_IN_ONE_ELEMENTS, SUPPORTING_CATEGORIES } from '../../data/vocabulary.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import type { ParkSummary } from '../parks/park-summaries.ts';

/** How a cell's number is written. */
export type CellFormat =
  | 'km2'
  | 'percent'
  | 'target'
  | 'year'
  | 'distanceM'
  | 'share'
  | 'count'
  | 'score'
  | 'perKm2'
  | 'named';

export interface CompareCell {
  value: number | null;
  /** Text shown with the value: a station's name, a target's unit. */
  note?: Bilingual;
  /** A unit that goes after the number (targets: 亿元, 人). */
  unit?: Bilingual;
}

export type RowGroup = 'area' | 'targets' | 'stations' | 'hubs' | 'catchments' | 'facilities' | 'six';
export const ROW_GROUPS: readonly RowGroup[] = [
  'area',
  'targets',
  'stations',
  'hubs',
  'catchments',
  'facilities',
  'six',
];

export interface CompareRow {
  id: string;
  group: RowGroup;
  label: MessageKey;
  labelValues?: Record<string, string | number>;
  format: CellFormat;
  /** Whether the row is a quantity worth a bar chart (not a year, not a yes/no). */
  chartable: boolean;
  cells: Partial<Record<ParkId, CompareCell>>;
}

export interface CompareInputs {
  summaries: readonly ParkSummary[];
  content: readonly ParkContent[];
  figures: readonly ParkFigureRecord[];
  /** Every facility of every park, placed or not yet placed (only parkId and category are read). */
  facilities: readonly { parkId: ParkId; category: FacilityCategory }[];
}

/** The plan's jobs target for the park itself (人/名), earliest year first; null when none. */
export function jobsTargetOf(content: ParkContent): Target | null {
  const jobs = content.goals.targets.filter(
    (t) => /^(人|名)$/.test(t.unit.zh) && !(t.scope && /西区|周边/.test(t.scope.zh)),
  );
  jobs.sort((a, b) => (a.year ?? 9999) - (b.year ?? 9999));
  return jobs[0] ?? null;
}

type Cells = Partial<Record<ParkId, CompareCell>>;

export function buildCompareRows(parkIds: readonly ParkId[], inputs: CompareInputs): CompareRow[] {
  const summary = new Map(inputs.summaries.map((s) => [s.id, s]));
  const content = new Map(inputs.content.map((c) => [c.id, c]));
  const figures = new Map(inputs.figures.map((f) => [f.parkId, f]));
  const cells = (cellOf: (id: ParkId) => CompareCell | null): Cells =>
    Object.fromEntries(parkIds.map((id) => [id, cellOf(id) ?? { value: null }]));
  const rows: CompareRow[] = [];
  const row = (r: Omit<CompareRow, 'cells'>, cellOf: (id: ParkId) => CompareCell | null) =>
    rows.push({ ...r, cells: cells(cellOf) });

  // Area: the plan's figure, the outline's, and how far apart they are.
  row(
    { id: 'area-stated', group: 'area', label: 'compare.row.areaStated', format: 'km2', chartable: true },
    (id) => {
      const s = summary.get(id);
      return s ? { value: s.properties.statedAreaKm2 } : null;
    },
  );
  row(
    { id: 'area-mapped', group: 'area', label: 'compare.row.areaMapped', format: 'km2', chartable: true },
    (id) => {
      const m = summary.get(id)?.measures;
      return m ? { value: m.areaKm2 } : null;
    },
  );
  row(
    { id: 'area-delta', group: 'area', label: 'compare.row.areaDelta', format: 'percent', chartable: false },
    (id) => {
      const a = summary.get(id)?.audit;
      return a ? { value: a.deltaPct } : null;
    },
  );

  // Targets: the headline output target (as on the park page), jobs, and the year of the output target.
  row(
    {
      id: 'target-revenue',
      group: 'targets',
      label: 'compare.row.revenue',
      format: 'target',
      chartable: true,
    },
    (id) => {
      const o = figures.get(id)?.output;
      return o ? { value: o.targetValue, unit: o.unit } : null;
    },
  );
  row(
    {
      id: 'target-year',
      group: 'targets',
      label: 'compare.row.revenueYear',
      format: 'year',
      chartable: false,
    },
    (id) => {
      const o = figures.get(id)?.output;
      return o?.year ? { value: o.year } : null;
    },
  );
  row(
    { id: 'target-jobs', group: 'targets', label: 'compare.row.jobs', format: 'target', chartable: true },
    (id) => {
      const c = content.get(id);
      const jobs = c ? jobsTargetOf(c) : null;
      return jobs
        ? {
            value: jobs.value,
            unit: jobs.unit,
            ...(jobs.year ? { note: { zh: `${jobs.year}年`, en: String(jobs.year) } } : {}),
          }
        : null;
    },
  );
  row(
    {
      id: 'output-stated',
      group: 'targets',
      label: 'compare.row.outputStated',
      format: 'perKm2',
      chartable: true,
    },
    (id) => {
      const o = figures.get(id)?.output;
      return o ? { value: o.byStatedAreaPerKm2, unit: o.unit } : null;
    },
  );
  row(
    {
      id: 'output-mapped',
      group: 'targets',
      label: 'compare.row.outputMapped',
      format: 'perKm2',
      chartable: true,
    },
    (id) => {
      const o = figures.get(id)?.output;
      return o ? { value: o.byComputedAreaPerKm2, unit: o.unit } : null;
    },
  );

  // Nearest stations (from the boundary, 0 inside) and the access score.
  for (const kind of ['open', 'planned'] as const) {
    row(
      {
        id: `station-${kind}`,
        group: 'stations',
        label: `compare.row.station.${kind}`,
        format: 'distanceM',
        chartable: true,
      },
      (id) => {
        const hit = figures.get(id)?.stations[kind][0];
        return hit ? { value: hit.distanceM, note: hit.name } : null;
      },
    );
  }
  row(
    {
      id: 'access-score',
      group: 'stations',
      label: 'compare.row.accessScore',
      format: 'score',
      chartable: true,
    },
    (id) => {
      const f = figures.get(id);
      return f ? { value: f.access.score } : null;
    },
  );

  // Hubs: airport, the nearest rail hub, the city centre (from the boundary).
  for (const kind of ['airport', 'rail-hub', 'city-centre'] as const) {
    row(
      {
        id: `hub-${kind}`,
        group: 'hubs',
        label: `compare.row.hub.${kind}`,
        format: 'distanceM',
        chartable: true,
      },
      (id) => {
        const hubs = (figures.get(id)?.hubs ?? []).filter((h) => h.kind === kind);
        const nearest = hubs.sort((a, b) => a.fromBoundaryKm - b.fromBoundaryKm)[0];
        return nearest ? { value: nearest.fromBoundaryKm * 1000, note: nearest.name } : null;
      },
    );
  }

  // Walking catchments: share of the park within each radius of an open / any station.
  const radii = [...new Set(inputs.figures.flatMap((f) => f.catchments.map((c) => c.radiusM)))].sort(
    (a, b) => a - b,
  );
  for (const radiusM of radii) {
    for (const stations of ['open', 'any'] as const) {
      row(
        {
          id: `catchment-${radiusM}-${stations}`,
          group: 'catchments',
          label: `compare.row.catchment.${stations}`,
          labelValues: { radius: radiusM },
          format: 'share',
          chartable: true,
        },
        (id) => {
          const c = figures.get(id)?.catchments.find((x) => x.radiusM === radiusM);
          return c ? { value: c[stations] } : null;
        },
      );
    }
  }

  // Facilities the plan names for the park, by category (placed on the map or not yet).
  const counts = new Map<string, number>();
  for (const f of inputs.facilities)
    counts.set(`${f.parkId} ${f.category}`, (counts.get(`${f.parkId} ${f.category}`) ?? 0) + 1);
  for (const category of SUPPORTING_CATEGORIES) {
    if (!parkIds.some((id) => counts.has(`${id} ${category}`))) continue;
    row(
      {
        id: `facilities-${category}`,
        group: 'facilities',
        label: `category.${category}`,
        format: 'count',
        chartable: true,
      },
      (id) => ({ value: counts.get(`${id} ${category}`) ?? 0 }),
    );
  }

  // Six-in-one: how many of the six the plan names, then each.
  row(
    { id: 'six-count', group: 'six', label: 'compare.row.sixCount', format: 'count', chartable: true },
    (id) => {
      const c = content.get(id);
      return c ? { value: SIX_IN_ONE_ELEMENTS.filter((e) => c.sixInOne[e].named).length } : null;
    },
  );
  for (const element of SIX_IN_ONE_ELEMENTS) {
    row(
      { id: `six-${element}`, group: 'six', label: `six.${element}`, format: 'named', chartable: false },
      (id) => {
        const c = content.get(id);
        return c ? { value: c.sixInOne[element].named ? 1 : 0 } : null;
      },
    );
  }
  return rows;
}
