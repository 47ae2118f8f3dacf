/**
 * Briefing extras: the presenter window and the audience window stay in step whichever drives;
 * an edited deck round-trips through export and import; hostile decks are rejected or neutralised
 * with a readable reason and the old deck intact; the handout prints to a PDF whose pages are not
 * blank (rasterised with pdftoppm); a slide saved as PNG is not blank.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DECK_SCHEMA_ID, type Deck } from '../../src/features/brief/deck-schema.ts';
import { type AtlasPage, launch, OUTPUT_DIR, open, type Session, waitForMapReady } from './browser.ts';

const baseUrl = inject('baseUrl');
const TEST_TIMEOUT_MS = 600_000;
let session: Session;

beforeAll(async () => {
  session = await launch();
});
afterAll(async () => {
  await session?.close();
});

/** Fails the test if anything in a hostile deck ran. */
const INJECTION_GUARD = `window.alert = () => { window.__injected = true; };`;

function smallDeck(id: string, patch: (deck: Deck) => void = () => {}): Deck {
  const deck: Deck = {
    schema: DECK_SCHEMA_ID,
    version: 1,
    id,
    title: { zh: '测试讲解稿', en: 'Test deck' },
    slides: [
      {
        id: 'first',
        title: { zh: '第一张', en: 'First slide' },
        points: [{ zh: '要点一', en: 'Point one' }],
        notes: { zh: '备注一', en: 'Notes one' },
        camera: { lng: 113.36, lat: 23.1, zoom: 11, bearing: 0, pitch: 0 },
        layers: ['parks', 'stations'],
        parks: ['pazhou-internet'],
      },
      {
        id: 'second',
        title: { zh: '第二张', en: 'Second slide' },
        points: [],
        notes: { zh: '备注二', en: 'Notes two' },
        camera: null,
        layers: ['parks'],
        parks: ['bio-island'],
      },
      {
        id: 'third',
        title: { zh: '第三张', en: 'Third slide' },
        points: [],
        camera: null,
        layers: ['parks', 'transit-open'],
        parks: [],
      },
    ],
  };
  patch(deck);
  return deck;
}

async function briefingSlide(page: Page): Promise<string | null> {
  return page.getByTestId('briefing').getAttribute('data-slide');
}

async function presenterSlide(page: Page): Promise<string | null> {
  return page.getByTestId('presenter').getAttribute('data-slide');
}

async function importFile(page: Page, name: string, text: string | Buffer) {
  await page.getByTestId('deck-import').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: typeof text === 'string' ? Buffer.from(text) : text,
  });
}

async function openDecks(page: Page) {
  if (!(await page.getByTestId('deck-panel').isVisible())) await page.getByTestId('brief-decks').click();
  await page.getByTestId('deck-panel').waitFor();
}

/** Stores a deck through the import field and returns to the page with it shown. */
async function showDeck(atlas: AtlasPage, deck: Deck) {
  await openDecks(atlas.page);
  await importFile(atlas.page, `${deck.id}.json`, JSON.stringify(deck));
  await expect.poll(() => new URL(atlas.page.url()).searchParams.get('deck')).toBe(deck.id);
}

describe('presenter view', () => {
  it(
    'the presenter window and the audience window stay in step, either one driving',
    async () => {
      const audience = await open(session, baseUrl, '/brief/1');
      const { page, context } = audience;
      await waitForMapReady(page);
      await expect.poll(() => briefingSlide(page)).toBe('1');
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => briefingSlide(page)).toBe('2');

      // P opens the presenter window in the same browser context.
      const [presenter] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('p')]);
      await presenter.getByTestId('presenter').waitFor();
      expect(new URL(presenter.url()).searchParams.get('presenter')).toBe('1');
      await expect.poll(() => presenterSlide(presenter)).toBe('2');
      await expect.poll(() => presenter.getByTestId('presenter-current').isVisible()).toBe(true);
      await expect.poll(() => presenter.getByTestId('presenter-next-slide').isVisible()).toBe(true);
      await expect.poll(() => presenter.getByTestId('presenter-elapsed').textContent()).toBe('0:00');

      // The audience drives.
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => briefingSlide(page)).toBe('3');
      await expect.poll(() => presenterSlide(presenter)).toBe('3');
      // The presenter drives, by button and by key.
      await presenter.getByTestId('presenter-next').click();
      await expect.poll(() => briefingSlide(page)).toBe('4');
      await presenter.keyboard.press('ArrowLeft');
      await expect.poll(() => briefingSlide(page)).toBe('3');
      await expect.poll(() => presenterSlide(presenter)).toBe('3');
      // Blank and language from the presenter reach the audience.
      await presenter.getByTestId('presenter-blank').click();
      await expect.poll(() => page.getByTestId('brief-blank').isVisible()).toBe(true);
      await presenter.getByTestId('presenter-blank').click();
      await expect.poll(() => page.getByTestId('brief-blank').count()).toBe(0);
      await presenter.getByTestId('presenter-lang').click();
      await expect.poll(() => page.getByTestId('briefing').getAttribute('data-lang-mode')).toBe('en');
      // The audience's language change reaches the presenter.
      await page.keyboard.press('l');
      await expect.poll(() => page.getByTestId('briefing').getAttribute('data-lang-mode')).toBe('both');
      await expect.poll(() => presenter.getByTestId('presenter-current-title-en').count()).toBe(1);
      await expect.poll(() => presenter.getByTestId('presenter-current-title-zh').count()).toBe(1);

      // A presenter opened by its URL joins the running briefing where it is.
      const second = await context.newPage();
      await second.goto(`${baseUrl}/brief/1?presenter=1`);
      await expect.poll(() => presenterSlide(second)).toBe('3');
      await second.keyboard.press('End');
      const last = await presenterSlide(second);
      expect(Number(last)).toBeGreaterThan(10);
      await expect.poll(() => briefingSlide(page)).toBe(last);
      await expect.poll(() => presenterSlide(presenter)).toBe(last);
      expect(audience.pageErrors).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT_MS,
  );
});

describe('decks as data', () => {
  it(
    'an edited deck round-trips through export and import',
    async () => {
      const atlas = await open(session, baseUrl, '/brief/1');
      const { page } = atlas;
      await waitForMapReady(page);
      await showDeck(atlas, smallDeck('round-trip'));
      await page.getByTestId('deck-edit').click();
      const slides = page.getByTestId('deck-editor-slide');
      await expect.poll(() => slides.count()).toBe(3);
      // Reorder: the second slide goes first; then edit its English title and notes.
      await slides.nth(1).getByTestId('slide-up').click();
      await expect.poll(() => slides.nth(0).getAttribute('data-slide-id')).toBe('second');
      await slides.nth(0).getByTestId('slide-title-en').fill('Edited <b>title</b>');
      await slides.nth(0).getByTestId('slide-notes-en').fill('Edited notes');
      await slides.nth(0).getByTestId('slide-use-view').click();
      await expect.poll(() => slides.nth(0).getByTestId('slide-camera').textContent()).toMatch(/z\d/);
      await page.getByTestId('deck-title-en').fill('Round trip edited');
      await page.getByTestId('deck-save').click();
      await expect.poll(() => new URL(page.url()).searchParams.get('deck')).toBe('round-trip-2');
      await expect.poll(() => page.getByTestId('brief-title-zh').textContent()).toBe('第二张');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('deck-export').click(),
      ]);
      expect(download.suggestedFilename()).toBe('round-trip-edited.deck.json');
      const file = await download.path();
      const exported = JSON.parse(readFileSync(file, 'utf8')) as Deck;
      expect(exported.id).toBe('round-trip-2');
      expect(exported.slides.map((s) => s.id)).toEqual(['second', 'first', 'third']);
      expect(exported.slides[0]?.title.en).toBe('Edited <b>title</b>');
      expect(exported.slides[0]?.notes?.en).toBe('Edited notes');
      expect(exported.slides[0]?.camera?.zoom).toBeGreaterThanOrEqual(7);

      // Forget it locally, then import the exported file back: the same deck is shown.
      await page.evaluate(() => localStorage.clear());
      await page.goto(`${baseUrl}/brief/1`);
      await waitForMapReady(page);
      await openDecks(page);
      await page.getByTestId('deck-import').setInputFiles(file);
      await expect.poll(() => new URL(page.url()).searchParams.get('deck')).toBe('round-trip-2');
      await page.getByTestId('deck-panel-close').click();
      await page.keyboard.press('l');
      await page.keyboard.press('l');
      await expect.poll(() => page.getByTestId('brief-title-en').textContent()).toBe('Edited <b>title</b>');
      expect(await atlas.injected()).toBe(false);
      await atlas.context.close();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'hostile decks are rejected or neutralised with a reason, and the old deck stays',
    async () => {
      const atlas = await open(session, baseUrl, '/brief/2', { initScripts: [INJECTION_GUARD] });
      const { page } = atlas;
      await waitForMapReady(page);
      await showDeck(atlas, smallDeck('kept'));
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => briefingSlide(page)).toBe('2');
      const kept = async () => {
        expect(new URL(page.url()).searchParams.get('deck')).toBe('kept');
        expect(await briefingSlide(page)).toBe('2');
        expect(await page.getByTestId('brief-title-zh').textContent()).toBe('第二张');
      };

      const big = smallDeck('many');
      const rejected: [string, string, RegExp][] = [
        ['wrong schema', JSON.stringify({ schema: 'slides', version: 9, slides: [] }), /schema|version/],
        ['not JSON', '{"schema": NaN}', /not valid JSON/],
        [
          '10,000 slides',
          // Small slides, so the file stays under the size cap and the slide count is what refuses it.
          JSON.stringify({ ...big, slides: Array.from({ length: 10_000 }, (_, n) => ({ id: `s-${n}` })) }),
          /too many slides/,
        ],
        [
          '5 MB caption',
          JSON.stringify(smallDeck('huge', (d) => (d.slides[0]!.title.en = 'x'.repeat(5_000_000)))),
          /too large/,
        ],
        [
          'NaN camera',
          JSON.stringify(smallDeck('nan'))
            .replace('"lng": 113.36', '"lng": "NaN"')
            .replace('"lng":113.36', '"lng":"NaN"'),
          /camera/,
        ],
      ];
      for (const [what, text, reason] of rejected) {
        await importFile(page, `${what}.json`, text);
        await expect
          .poll(() => page.getByTestId('deck-reasons').textContent(), { message: what })
          .toMatch(reason);
        await kept();
      }

      // Neutralised: well-formed decks whose bad parts show a placeholder on that slide only.
      const hostile = smallDeck('hostile', (d) => {
        d.slides[0]!.title.zh = '<img src=x onerror="alert(1)">标题';
        d.slides[0]!.points = [{ zh: '<script>alert(2)</script>', en: '<svg onload=alert(3)>' }];
        d.slides[0]!.notes = { zh: '<iframe src="javascript:alert(4)">', en: '"><script>alert(5)</script>' };
        d.slides[1]!.parks = ['no-such-park'];
        d.slides[1]!.layers = ['parks', 'no-such-layer'];
        d.slides[2]!.camera = { lng: 113.3, lat: 23.1, zoom: 40, bearing: 0, pitch: 0 };
      });
      await importFile(page, 'hostile.json', JSON.stringify(hostile));
      await expect.poll(() => new URL(page.url()).searchParams.get('deck')).toBe('hostile');
      await page.getByTestId('deck-panel-close').click();
      await expect
        .poll(() => page.getByTestId('brief-title-zh').textContent())
        .toBe('<img src=x onerror="alert(1)">标题');
      expect(await page.getByTestId('brief-problem').count()).toBe(0);
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => page.getByTestId('brief-problem').textContent()).toMatch(/no-such-park/);
      expect(await page.getByTestId('brief-problem').textContent()).toMatch(/no-such-layer/);
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => page.getByTestId('brief-problem').textContent()).toMatch(/zoom/);
      // The presenter window shows the notes as text too.
      const presenter = await atlas.context.newPage();
      await presenter.goto(`${baseUrl}/brief/1?presenter=1&deck=hostile`);
      // It joins the audience on slide 3, then goes back to the first slide (with the notes).
      await expect.poll(() => presenterSlide(presenter)).toBe('3');
      await presenter.keyboard.press('Home');
      await expect.poll(() => presenterSlide(presenter)).toBe('1');
      await expect.poll(() => presenter.getByTestId('presenter-notes').textContent()).toContain('<iframe');
      expect(await atlas.injected()).toBe(false);
      expect(await presenter.evaluate(() => (window as unknown as { __injected: boolean }).__injected)).toBe(
        false,
      );
      expect(atlas.dialogs).toEqual([]);
      // (Closed first: a window opened while a presenter window is open joins its briefing.)
      await presenter.close();

      // A deck id that does not exist: a notice, and the default deck.
      await page.goto(`${baseUrl}/brief/1?deck=no-such-deck`);
      await expect.poll(() => page.getByTestId('brief-missing-deck').textContent()).toMatch(/no-such-deck/);
      await expect.poll(() => page.getByTestId('brief-title-zh').count()).toBe(1);

      // Corrupted storage is ignored with a notice; the good decks are still listed.
      await page.evaluate(() => localStorage.setItem('gz-atlas.deck.broken', '{"schema":'));
      await openDecks(page);
      await expect.poll(() => page.getByTestId('deck-corrupted').textContent()).toMatch(/broken/);
      expect(await page.getByTestId('deck-list').textContent()).toContain('测试讲解稿');
      expect(atlas.pageErrors).toEqual([]);
      await atlas.context.close();
    },
    TEST_TIMEOUT_MS,
  );
});

/** Share of sampled pixels that are not the page's most common colour, from a binary PPM (P6). */
function ppmInk(file: string): number {
  const data = readFileSync(file);
  // Header: "P6\n<w> <h>\n<max>\n" (pdftoppm writes no comments).
  let offset = 0;
  const fields: string[] = [];
  while (fields.length < 4) {
    let token = '';
    while (/\s/.test(String.fromCharCode(data[offset] ?? 32))) offset++;
    while (!/\s/.test(String.fromCharCode(data[offset] ?? 32)))
      token += String.fromCharCode(data[offset++] ?? 32);
    fields.push(token);
  }
  offset++;
  const counts = new Map<number, number>();
  let total = 0;
  for (let i = offset; i + 2 < data.length; i += 3 * 7) {
    const key = ((data[i] ?? 0) << 16) | ((data[i + 1] ?? 0) << 8) | (data[i + 2] ?? 0);
    counts.set(key, (counts.get(key) ?? 0) + 1);
    total++;
  }
  return 1 - Math.max(...counts.values()) / total;
}

describe('handout and PNG', () => {
  it(
    'prints a handout PDF with one non-blank landscape page per slide, and saves a non-blank PNG',
    async () => {
      const atlas = await open(session, baseUrl, '/brief/1');
      const { page } = atlas;
      await waitForMapReady(page);
      await showDeck(atlas, smallDeck('print'));
      await page.getByTestId('deck-panel-close').click();

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('brief-png').click(),
      ]);
      expect(download.suggestedFilename()).toBe('test-deck-1.png');
      const png = readFileSync(await download.path());
      const stats = await page.evaluate(async (base64) => {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(bitmap, 0, 0);
        const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
        const colours = new Set<number>();
        let nonWhite = 0;
        let n = 0;
        for (let i = 0; i < data.length; i += 4 * 13) {
          const r = data[i]!;
          const g = data[i + 1]!;
          const b = data[i + 2]!;
          colours.add((r << 16) | (g << 8) | b);
          if (r + g + b < 740) nonWhite++;
          n++;
        }
        return { width: bitmap.width, height: bitmap.height, colours: colours.size, nonWhite: nonWhite / n };
      }, png.toString('base64'));
      expect(stats.width).toBe(1600);
      expect(stats.colours).toBeGreaterThan(50);
      expect(stats.nonWhite).toBeGreaterThan(0.3);

      await page.getByTestId('brief-handout').click();
      await expect
        .poll(() => page.getByTestId('handout').getAttribute('data-ready'), { timeout: 300_000 })
        .toBe('true');
      expect(await page.getByTestId('handout-page').count()).toBe(3);
      // Every page has its map image and scale bar.
      await expect.poll(() => page.locator('.handout__map[src^="data:image/png"]').count()).toBe(3);
      expect(await page.getByTestId('handout-scale').count()).toBe(3);
      // The briefing went back to its slide.
      await expect.poll(() => briefingSlide(page)).toBe('1');

      mkdirSync(OUTPUT_DIR, { recursive: true });
      const pdfFile = path.join(OUTPUT_DIR, 'briefing-handout.pdf');
      writeFileSync(pdfFile, await page.pdf({ format: 'A4', landscape: true, printBackground: true }));
      const dir = mkdtempSync(path.join(tmpdir(), 'handout-'));
      execFileSync('pdftoppm', ['-r', '40', pdfFile, path.join(dir, 'page')]);
      const pages = readdirSync(dir)
        .filter((f) => f.endsWith('.ppm'))
        .sort();
      expect(pages).toHaveLength(3);
      for (const file of pages) {
        const header = readFileSync(path.join(dir, file)).subarray(0, 20).toString('latin1');
        const [, w = '0', h = '0'] = header.match(/^P6\s+(\d+)\s+(\d+)/) ?? [];
        expect(Number(w)).toBeGreaterThan(Number(h));
        expect(ppmInk(path.join(dir, file)), file).toBeGreaterThan(0.2);
      }
      await atlas.context.close();
    },
    TEST_TIMEOUT_MS,
  );
});
