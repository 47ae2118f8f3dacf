/**
 * The default briefing deck, built from the atlas's own data: the same files and functions as the
 * park pages (park-figures.json via park-figures.ts, the plan content, the plan promises, the
 * transit lines) and the same number formatting. No figure is typed into the deck: change the data
 * and the deck follows.
 *
 * Slides: title; the ten parks at a glance; one per park (plan order); the network in service
 * against what the plan named; which park each line still to come serves; the access ranking; and
 * sources and caveats.
 */
import type { ParkContent } from '../../data/content-schema.ts';
import type { ParksCollection, TransitLinesCollection } from '../../data/geodata.ts';
import type { ParkFigureRecord, ParkFigures } from '../../data/park-figures-schema.ts';
import type { PlanPromises } from '../../data/plan-promises-schema.ts';
import { VintageSchema } from '../../data/plan-promises-schema.ts';
import { type ParkId, SIX_IN_ONE_ELEMENTS } from '../../data/vocabulary.ts';
import { ACCESS_SCORE_FORMULA } from '../../domain/access-score.ts';
import { PLANNED_STATION_MAX_DISTANCE_M } from '../../domain/proximity.ts';
import { sortByValue } from '../../domain/ranking.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { fillTemplate, formatNumber, translate } from '../../i18n/translate.ts';
import { makeTranslator } from '../../i18n/use-lang.ts';
import { boundsOf } from '../../map/geometry-helpers.ts';
import type { Lang, LayerGroup } from '../../url/view-state.ts';
import { formatDistanceM, formatShare } from '../access/format.ts';
import { revenueTargetOf } from '../plan/park-targets.ts';
import { DECK_SCHEMA_ID, DECK_VERSION, type Deck, type Slide } from './deck-schema.ts';
import { DECK_TEXT, type DeckTextKey } from './deck-text.ts';

export const DEFAULT_DECK_ID = 'default';

/** Points a caption shows at most (the deck format allows one more; a projector does not). */
const MAX_POINTS = 5;
/** The walking radius the park pages lead with (the access score's catchment input). */
const CATCHMENT_RADIUS_M = 800;
/** Lead industries named on a park's slide; the others are counted. */
const MAX_INDUSTRIES = 4;
/** The transit slides' view: tilted over the parks' centre, close enough to read the lines. */
const TRANSIT_VIEW = { zoom: 9.6, bearing: -12, pitch: 40 } as const;

export interface DeckData {
  parks: ParksCollection;
  content: readonly ParkContent[];
  figures: ParkFigures;
  promises: PlanPromises;
  transitLines: TransitLinesCollection;
}

type Text = { zh: string; en: string };
type Values = Record<string, string | number>;

/** A deck caption template in one language. */
function deckText(lang: Lang, key: DeckTextKey, values?: Values): string {
  const template = DECK_TEXT[lang][key];
  return values ? fillTemplate(template, values) : template;
}

/** A text in both languages from one deck template, its values worked out per language. */
function both(key: DeckTextKey, values?: (lang: Lang) => Values): Text {
  return { zh: deckText('zh', key, values?.('zh')), en: deckText('en', key, values?.('en')) };
}

/** An app UI string in both languages. */
function ui(key: MessageKey): Text {
  return { zh: translate('zh', key), en: translate('en', key) };
}

/** A list joined in the language's way. */
function list(lang: Lang, items: readonly string[]): string {
  return items.join(lang === 'zh' ? '、' : ', ');
}

const km = (lang: Lang, value: number) => formatDistanceM(makeTranslator(lang), value * 1000);
const metres = (lang: Lang, value: number) => formatDistanceM(makeTranslator(lang), value);
const share = (lang: Lang, value: number) => formatShare(makeTranslator(lang), value);

function slide(
  id: string,
  title: Text,
  points: Text[],
  view: { parks: readonly ParkId[]; layers: readonly LayerGroup[]; camera?: Slide['camera'] },
): Slide {
  return {
    id,
    title,
    points: points.slice(0, MAX_POINTS),
    camera: view.camera ?? null,
    layers: [...view.layers],
    parks: [...view.parks],
  };
}

/** The centre of the parks' bounding box (for the tilted transit views), null without parks. */
function parksCentre(parks: ParksCollection): { lng: number; lat: number } | null {
  const bounds = boundsOf(parks);
  if (!bounds) return null;
  const round = (v: number) => Math.round(v * 1e5) / 1e5;
  return { lng: round((bounds[0][0] + bounds[1][0]) / 2), lat: round((bounds[0][1] + bounds[1][1]) / 2) };
}

function parkSlide(
  park: ParksCollection['features'][number]['properties'],
  content: ParkContent | undefined,
  figures: ParkFigureRecord | undefined,
): Slide {
  const points: Text[] = [];
  // Location and how well the outline is known.
  points.push(
    both(park.placement === 'located' ? 'park.located' : 'park.textOnly', (lang) => ({
      district: park.district[lang],
      area: formatNumber(lang, park.statedAreaKm2),
      km: formatNumber(lang, (park.positionUncertaintyM ?? 0) / 1000),
    })),
  );
  if (content) {
    // A projector shows a few lead industries; the rest are counted. The six-in-one elements the
    // plan does not name are listed (fewer words than the ones it does).
    const industries = content.leadIndustries.map((i) => i.name);
    const missing = SIX_IN_ONE_ELEMENTS.filter((e) => !content.sixInOne[e].named);
    points.push(
      both('park.industries', (lang) => ({
        list: list(
          lang,
          industries.slice(0, MAX_INDUSTRIES).map((name) => name[lang]),
        ),
        more:
          industries.length > MAX_INDUSTRIES
            ? deckText(lang, 'park.more', {
                n: formatNumber(lang, industries.length - MAX_INDUSTRIES),
              })
            : '',
        six: deckText(lang, missing.length === 0 ? 'park.sixAll' : 'park.six', {
          n: formatNumber(lang, SIX_IN_ONE_ELEMENTS.length - missing.length),
          total: formatNumber(lang, SIX_IN_ONE_ELEMENTS.length),
          missing: list(
            lang,
            missing.map((e) => translate(lang, `six.${e}`)),
          ),
        }),
      })),
    );
    // The plan's 2020 targets; the park's headline revenue target first.
    const revenue = revenueTargetOf(content);
    const targets2020 = content.goals.targets.filter((t) => t.year === 2020 && !t.scope);
    const targets = [...(revenue ? [revenue] : []), ...targets2020.filter((t) => t !== revenue)].slice(0, 2);
    if (targets.length === 0) points.push(both('park.noTargets'));
    else {
      points.push(
        both('park.targets', (lang) => ({
          list: list(
            lang,
            targets.map(
              (t) =>
                `${t.metric[lang]} ${formatNumber(lang, t.value)}${lang === 'zh' ? '' : ' '}${t.unit[lang]}${
                  t.year ? deckText(lang, 'park.by', { year: t.year }) : ''
                }`,
            ),
          ),
        })),
      );
    }
  }
  if (figures) {
    const open = figures.stations.open[0];
    // The park pages' rule: a station still to come counts only within 10 km of the boundary.
    const planned = figures.stations.planned.find((s) => s.distanceM <= PLANNED_STATION_MAX_DISTANCE_M);
    points.push(
      both('park.stations', (lang) => ({
        open: open
          ? deckText(lang, 'park.station', {
              name: open.name[lang],
              distance: open.inside ? deckText(lang, 'inside') : metres(lang, open.distanceM),
            })
          : deckText(lang, 'none'),
        planned: planned
          ? deckText(lang, 'park.station', {
              name: planned.name[lang],
              distance: planned.inside ? deckText(lang, 'inside') : metres(lang, planned.distanceM),
            })
          : deckText(lang, 'park.noPlanned', {
              km: km(lang, PLANNED_STATION_MAX_DISTANCE_M / 1000),
            }),
      })),
    );
    const catchment = figures.catchments.find((c) => c.radiusM === CATCHMENT_RADIUS_M);
    const airport = figures.hubs.filter((h) => h.kind === 'airport')[0];
    const railHub = figures.hubs.filter((h) => h.kind === 'rail-hub')[0];
    points.push(
      both('park.reach', (lang) => ({
        radius: metres(lang, CATCHMENT_RADIUS_M),
        open: catchment ? share(lang, catchment.open) : '—',
        any: catchment ? share(lang, catchment.any) : '—',
        airport: airport ? km(lang, airport.fromBoundaryKm) : '—',
        hub: railHub ? railHub.name[lang] : '—',
        hubKm: railHub ? km(lang, railHub.fromBoundaryKm) : '—',
      })),
    );
  }
  return slide(
    `park-${park.id}`,
    both('park.title', (lang) => ({
      n: formatNumber(lang, park.planOrder),
      name: park.name[lang],
    })),
    points,
    {
      parks: [park.id],
      layers: ['parks', 'transit-open', 'transit-planned', 'stations', 'hubs', 'catchments'],
    },
  );
}

export function buildDefaultDeck(data: DeckData): Deck {
  const parks = [...data.parks.features.map((f) => f.properties)].sort((a, b) => a.planOrder - b.planOrder);
  const parkIds = parks.map((p) => p.id);
  const shortName = (id: ParkId, lang: Lang) => parks.find((p) => p.id === id)?.shortName[lang] ?? id;
  const totalArea = parks.reduce((sum, p) => sum + p.statedAreaKm2, 0);
  const located = parks.filter((p) => p.placement === 'located');
  const textOnly = parks.filter((p) => p.placement === 'text-only');
  const districts = new Set(parks.map((p) => p.districtCode));
  const bySize = sortByValue(parks, (p) => p.statedAreaKm2, 'desc');
  const largest = bySize[0];
  const smallest = bySize[bySize.length - 1];
  const slides: Slide[] = [];
  const title = ui('app.title');

  slides.push(
    slide(
      'title',
      title,
      [
        ui('app.subtitle'),
        both('title.parks', (lang) => ({
          n: formatNumber(lang, parks.length),
          districts: formatNumber(lang, districts.size),
          area: formatNumber(lang, totalArea),
        })),
        both('title.keys'),
      ],
      { parks: [], layers: ['parks', 'districts'] },
    ),
  );

  slides.push(
    slide(
      'overview',
      both('overview.title', (lang) => ({ n: formatNumber(lang, parks.length) })),
      [
        both('overview.area', (lang) => ({
          area: formatNumber(lang, totalArea),
          n: formatNumber(lang, parks.length),
        })),
        ...(largest && smallest
          ? [
              both('overview.range', (lang) => ({
                large: largest.shortName[lang],
                largeArea: formatNumber(lang, largest.statedAreaKm2),
                small: smallest.shortName[lang],
                smallArea: formatNumber(lang, smallest.statedAreaKm2),
              })),
            ]
          : []),
        both('overview.placement', (lang) => ({
          located: formatNumber(lang, located.length),
          textOnly: formatNumber(lang, textOnly.length),
        })),
        both('overview.districts', (lang) => ({
          list: list(lang, [...new Map(parks.map((p) => [p.districtCode, p.district[lang]])).values()]),
        })),
      ],
      { parks: parkIds, layers: ['parks', 'districts'] },
    ),
  );

  for (const park of parks) {
    const content = data.content.find((c) => c.id === park.id);
    const figures = data.figures.parks.find((f) => f.parkId === park.id);
    slides.push(parkSlide(park, content, figures));
  }

  // The network: what runs today against what the plan named.
  const lines = data.transitLines.features.map((f) => f.properties);
  const rail = lines.filter((l) => l.mode !== 'expressway' && l.mode !== 'road' && l.mode !== 'bridge');
  const railOpen = rail.filter((l) => l.status === 'open');
  const named = lines.filter((l) => l.planStatus !== undefined);
  const namedOpen = named.filter((l) => l.status === 'open');
  const promises = data.promises.promises;
  const promisesOpen = promises.filter((p) => p.statusNow === 'open' || p.statusNow === 'partly-open');
  const promisesUnknown = promises.filter((p) => p.statusNow === 'unknown');
  const centre = parksCentre(data.parks);
  const transitCamera = centre ? { ...centre, ...TRANSIT_VIEW } : null;
  slides.push(
    slide(
      'transit-network',
      both('transit.title'),
      [
        both('transit.open', (lang) => ({ n: formatNumber(lang, railOpen.length) })),
        both('transit.named', (lang) => ({
          n: formatNumber(lang, named.length),
          open: formatNumber(lang, namedOpen.length),
          rest: formatNumber(lang, named.length - namedOpen.length),
        })),
        both('transit.promises', (lang) => ({
          n: formatNumber(lang, promises.length),
          open: formatNumber(lang, promisesOpen.length),
          unknown: formatNumber(lang, promisesUnknown.length),
        })),
      ],
      {
        parks: parkIds,
        layers: ['parks', 'transit-open', 'transit-planned', 'stations'],
        camera: transitCamera,
      },
    ),
  );

  // Each line the plan named that is not running yet, and the park(s) it is to serve.
  const coming = named.filter((l) => l.status !== 'open');
  // Split evenly over as few slides as fit (six lines: three and three, not five and one).
  const perSlide = Math.ceil(coming.length / Math.ceil(coming.length / MAX_POINTS));
  for (let i = 0; i < coming.length; i += perSlide) {
    const chunk = coming.slice(i, i + perSlide);
    const part = i / perSlide + 1;
    const served = [...new Set(chunk.flatMap((l) => l.parkIds))];
    slides.push(
      slide(
        `transit-coming-${part}`,
        both(part === 1 ? 'coming.title' : 'coming.more'),
        chunk.map((l) =>
          both('coming.line', (lang) => ({
            line: l.name[lang],
            // A schematic line's name already says "planned": the status is not said twice.
            status: l.name[lang].includes(translate(lang, `status.${l.status}`))
              ? ''
              : deckText(lang, 'coming.status', {
                  status: translate(lang, `status.${l.status}`),
                }),
            parks: list(
              lang,
              l.parkIds.map((id) => shortName(id, lang)),
            ),
          })),
        ),
        { parks: served, layers: ['parks', 'transit-open', 'transit-planned', 'stations'] },
      ),
    );
  }

  // Access: the park pages' scores, ranked as on the ranking page (highest first).
  const ranked = sortByValue(
    parks.map((p) => ({
      park: p,
      score: data.figures.parks.find((f) => f.parkId === p.id)?.access.score ?? null,
    })),
    (r) => r.score,
    'desc',
  );
  const half = Math.ceil(ranked.length / 2);
  for (const [part, group] of [ranked.slice(0, half), ranked.slice(half)].entries()) {
    if (group.length === 0) continue;
    const first = part * half;
    slides.push(
      slide(
        `access-${part + 1}`,
        both(part === 0 ? 'access.top' : 'access.rest'),
        group.slice(0, MAX_POINTS).map((r, i) =>
          both('access.row', (lang) => ({
            rank: formatNumber(lang, first + i + 1),
            name: r.park.shortName[lang],
            score: r.score === null ? '—' : formatNumber(lang, r.score, 1),
          })),
        ),
        { parks: group.map((r) => r.park.id), layers: ['parks', 'transit-open', 'stations', 'hubs'] },
      ),
    );
  }

  const maxUncertaintyKm = Math.max(0, ...textOnly.map((p) => (p.positionUncertaintyM ?? 0) / 1000));
  slides.push(
    slide(
      'sources',
      both('sources.title'),
      [
        both('sources.outlines', (lang) => ({
          located: formatNumber(lang, located.length),
          textOnly: formatNumber(lang, textOnly.length),
          km: formatNumber(lang, maxUncertaintyKm),
        })),
        both('sources.vintages', (lang) => ({
          list: list(
            lang,
            VintageSchema.options.map((v) => translate(lang, `promises.vintage.${v}`)),
          ),
        })),
        both('sources.distances', (lang) => ({
          version: formatNumber(lang, ACCESS_SCORE_FORMULA.version),
          km: km(lang, PLANNED_STATION_MAX_DISTANCE_M / 1000),
        })),
        both('sources.plan'),
      ],
      { parks: [], layers: ['parks', 'districts'] },
    ),
  );

  return { schema: DECK_SCHEMA_ID, version: DECK_VERSION, id: DEFAULT_DECK_ID, title, slides };
}
