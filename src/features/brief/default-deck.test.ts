import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ParkContent } from '../../data/content-schema.ts';
import type { ParksCollection, TransitLinesCollection } from '../../data/geodata.ts';
import type { ParkFigures } from '../../data/park-figures-schema.ts';
import type { PlanPromises } from '../../data/plan-promises-schema.ts';
import { PARK_IDS } from '../../data/vocabulary.ts';
import { formatNumber } from '../../i18n/translate.ts';
import { makeTranslator } from '../../i18n/use-lang.ts';
import { formatDistanceM, formatShare } from '../access/format.ts';
import { parseDeck, slideProblems } from './deck-schema.ts';
import { buildDefaultDeck, type DeckData } from './default-deck.ts';

const read = (path: string) =>
  JSON.parse(readFileSync(new URL(`../../../geodata/${path}`, import.meta.url), 'utf8'));
const data: DeckData = {
  parks: read('parks.geojson') as ParksCollection,
  content: read('content/parks.json') as ParkContent[],
  figures: read('park-figures.json') as ParkFigures,
  promises: read('plan-promises.json') as PlanPromises,
  transitLines: read('transit-lines.geojson') as TransitLinesCollection,
};
const deck = buildDefaultDeck(data);
const en = makeTranslator('en');
const zh = makeTranslator('zh');
const textOf = (id: string, lang: 'zh' | 'en') => {
  const s = deck.slides.find((x) => x.id === id);
  if (!s) throw new Error(`no slide ${id}`);
  return [s.title[lang], ...s.points.map((p) => p[lang])].join('\n');
};

describe('the default deck', () => {
  it('is a valid deck of at least 16 slides, each showable, with a title and 2–5 points', () => {
    expect(parseDeck(JSON.parse(JSON.stringify(deck)))).toEqual({ ok: true, deck });
    expect(deck.slides.length).toBeGreaterThanOrEqual(16);
    for (const slide of deck.slides) {
      expect(slideProblems(slide), slide.id).toEqual([]);
      expect(slide.points.length, slide.id).toBeGreaterThanOrEqual(2);
      expect(slide.points.length, slide.id).toBeLessThanOrEqual(5);
      for (const text of [slide.title, ...slide.points]) {
        expect(text.zh.length).toBeGreaterThan(0);
        expect(text.en.length).toBeGreaterThan(0);
        // Every placeholder of the message templates was filled.
        expect(`${text.zh}${text.en}`).not.toMatch(/\{\w+\}/);
      }
    }
  });

  it('has one slide per park, in plan order, highlighting that park', () => {
    const parkSlides = deck.slides.filter((s) => s.id.startsWith('park-'));
    const order = [...data.parks.features].sort((a, b) => a.properties.planOrder - b.properties.planOrder);
    expect(parkSlides.map((s) => s.parks)).toEqual(order.map((f) => [f.properties.id]));
    expect(new Set(parkSlides.flatMap((s) => s.parks))).toEqual(new Set(PARK_IDS));
  });

  it('states the total stated area as the park list adds it up', () => {
    const total = data.parks.features.reduce((sum, f) => sum + f.properties.statedAreaKm2, 0);
    expect(textOf('overview', 'en')).toContain(`${formatNumber('en', total)} km²`);
    expect(textOf('overview', 'zh')).toContain(`${formatNumber('zh', total)} 平方公里`);
  });

  it("takes every park's figures from park-figures.json, formatted as on the park pages", () => {
    for (const park of data.parks.features.map((f) => f.properties)) {
      const figures = data.figures.parks.find((f) => f.parkId === park.id);
      if (!figures) throw new Error(`no figures for ${park.id}`);
      const text = textOf(`park-${park.id}`, 'en');
      const textZh = textOf(`park-${park.id}`, 'zh');
      expect(text).toContain(`${formatNumber('en', park.statedAreaKm2)} km²`);
      const open = figures.stations.open[0];
      if (open) {
        expect(text).toContain(open.name.en);
        expect(text).toContain(open.inside ? 'inside the park' : formatDistanceM(en, open.distanceM));
        expect(textZh).toContain(open.inside ? '园区内' : formatDistanceM(zh, open.distanceM));
      }
      const planned = figures.stations.planned.find((s) => s.distanceM <= 10_000);
      expect(text).toContain(planned ? planned.name.en : 'none within 10 km');
      const catchment = figures.catchments.find((c) => c.radiusM === 800);
      if (catchment) expect(text).toContain(formatShare(en, catchment.open));
      const airport = figures.hubs.find((h) => h.kind === 'airport');
      if (airport) expect(text).toContain(`airport ${formatDistanceM(en, airport.fromBoundaryKm * 1000)}`);
    }
  });

  it('ranks the access scores of the park pages, highest first', () => {
    const rows = deck.slides
      .filter((s) => s.id.startsWith('access-'))
      .flatMap((s) => s.points.map((p) => p.en));
    const expected = [...data.figures.parks].sort((a, b) => b.access.score - a.access.score);
    expect(rows).toHaveLength(expected.length);
    expected.forEach((f, i) => {
      const park = data.parks.features.find((p) => p.properties.id === f.parkId)?.properties;
      expect(rows[i]).toBe(
        `${i + 1}. ${park?.shortName.en}: ${formatNumber('en', f.access.score, 1)} points`,
      );
    });
  });

  it('names each line still to come with the parks the plan names it for', () => {
    const coming = data.transitLines.features
      .map((f) => f.properties)
      .filter((l) => l.planStatus !== undefined && l.status !== 'open');
    const rows = deck.slides
      .filter((s) => s.id.startsWith('transit-coming-'))
      .flatMap((s) => s.points.map((p) => p.en));
    expect(rows).toHaveLength(coming.length);
    for (const [i, line] of coming.entries()) expect(rows[i]).toContain(line.name.en);
  });
});
