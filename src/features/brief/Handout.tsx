/**
 * The printable handout: one slide per landscape A4 page (named page `handout` in the print CSS)
 * with the map image, caption, key, scale bar and attribution. The map images are taken by stepping
 * the live briefing through every slide (the map flies there, settles, and its canvas is read);
 * the briefing returns to its slide afterwards. Rendered over the briefing in a portal; printing
 * shows the handout alone.
 */
// This page's strings load with it (kept out of the first-paint bundle).
import '../../i18n/page-messages.ts';
import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { attributionText, captureSettledMap, KEY_COLOURS, type MapShot } from '../../export/map-image.ts';
import { scaleBar } from '../../export/scale-bar.ts';
import { translate } from '../../i18n/translate.ts';
import { useLang } from '../../i18n/use-lang.ts';
import type { Lang, LayerGroup } from '../../url/view-state.ts';
import { useBriefingStore } from './briefing-state.ts';
import type { Deck, Slide } from './deck-schema.ts';

/** Resolves once the briefing shows slide `index` (0-based), or after `timeoutMs`. */
function shown(index: number, timeoutMs = 15_000): Promise<void> {
  return new Promise((resolve) => {
    const deadline = performance.now() + timeoutMs;
    const check = () => {
      if (useBriefingStore.getState().index === index || performance.now() > deadline) resolve();
      else requestAnimationFrame(check);
    };
    check();
  });
}

/** Image width on the page in CSS pixels (A4 landscape less margins ≈ 1040 px at 96 dpi). */
const PAGE_IMAGE_WIDTH_PX = 1000;

export interface HandoutProps {
  deck: Deck;
  langs: readonly Lang[];
  /** The groups a slide shows on the map (the briefing's own rule: a broken slide shows the parks). */
  layersOf: (slide: Slide) => LayerGroup[];
  onClose: () => void;
}

export function Handout({ deck, langs, layersOf, onClose }: HandoutProps) {
  const { t } = useLang();
  const [shots, setShots] = useState<(MapShot | null)[]>([]);
  const [done, setDone] = useState(false);
  const closeRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    document.body.classList.add('handout-open');
    return () => document.body.classList.remove('handout-open');
  }, []);

  useEffect(() => {
    let live = true;
    let finished = false;
    const start = useBriefingStore.getState().index;
    void (async () => {
      const taken: (MapShot | null)[] = [];
      for (let i = 0; i < deck.slides.length && live; i++) {
        useBriefingStore.getState().goTo(i);
        await shown(i);
        if (!live) return;
        taken.push(await captureSettledMap());
        setShots([...taken]);
      }
      if (!live) return;
      finished = true;
      setDone(true);
      useBriefingStore.getState().goTo(start);
      closeRef.current?.focus();
    })();
    return () => {
      live = false;
      // Closed half-way: go back to the slide the presenter was on.
      if (!finished) useBriefingStore.getState().goTo(start);
    };
  }, [deck]);

  const total = deck.slides.length;
  return createPortal(
    // Keys pressed in the handout are the handout's: the briefing must not step under it.
    <div
      className="handout"
      role="dialog"
      aria-labelledby="handout-heading"
      data-testid="handout"
      data-ready={done}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
        e.stopPropagation();
      }}
    >
      <div className="handout__toolbar">
        <h2 id="handout-heading">{t('brief.handout.heading')}</h2>
        <p role="status" data-testid="handout-status">
          {done
            ? t('brief.handout.ready', { total })
            : t('brief.handout.preparing', { n: Math.min(total, shots.length + 1), total })}
        </p>
        <button type="button" onClick={() => window.print()} disabled={!done} data-testid="handout-print">
          {t('brief.handout.print')}
        </button>
        <button type="button" ref={closeRef} onClick={onClose} data-testid="handout-close">
          {t('brief.handout.close')}
        </button>
      </div>
      {deck.slides.map((slide, i) => (
        <HandoutPage
          key={slide.id}
          slide={slide}
          shot={shots[i]}
          n={i + 1}
          total={total}
          langs={langs}
          layers={layersOf(slide)}
        />
      ))}
    </div>,
    document.body,
  );
}

function HandoutPage({
  slide,
  shot,
  n,
  total,
  langs,
  layers,
}: {
  slide: Slide;
  shot: MapShot | null | undefined;
  n: number;
  total: number;
  langs: readonly Lang[];
  layers: readonly LayerGroup[];
}) {
  const { t, lang } = useLang();
  const bar = shot ? scaleBar(shot.metresPerImagePixel * (shot.width / PAGE_IMAGE_WIDTH_PX), 160) : null;
  return (
    <section className="handout__page" data-testid="handout-page" data-slide-id={slide.id}>
      <header className="handout__caption">
        {langs.map((l) => (
          <div key={l} lang={l === 'zh' ? 'zh-CN' : 'en'} className="handout__column">
            <h3>{slide.title[l]}</h3>
            <ul>
              {slide.points.map((point, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: points have no ids; their order is fixed
                <li key={i}>{point[l]}</li>
              ))}
            </ul>
          </div>
        ))}
      </header>
      <figure className="handout__figure">
        {shot ? (
          <img
            className="handout__map"
            src={shot.dataUrl}
            alt={slide.title[lang]}
            width={PAGE_IMAGE_WIDTH_PX}
            height={Math.round((shot.height / shot.width) * PAGE_IMAGE_WIDTH_PX)}
          />
        ) : (
          <div className="handout__map handout__map--missing">
            {shot === null ? t('brief.handout.noImage') : '…'}
          </div>
        )}
        <figcaption className="handout__furniture">
          {layers.length > 0 ? (
            <ul className="handout__key" aria-label={t('brief.handout.key')}>
              {layers.map((group) => (
                <li key={group}>
                  <span className="handout__swatch" style={{ background: KEY_COLOURS[group] }} />
                  {langs.map((l) => translate(l, `layer.${group}`)).join(' · ')}
                </li>
              ))}
            </ul>
          ) : null}
          {bar ? (
            <span className="handout__scale" data-testid="handout-scale">
              <span className="handout__scale-bar" style={{ width: `${bar.widthPx}px` }} />
              {bar.label}
            </span>
          ) : null}
        </figcaption>
      </figure>
      <footer className="handout__footer">
        <span>
          {t('attribution.heading')}: {attributionText(lang)}
        </span>
        <span>{t('brief.handout.page', { n, total })}</span>
      </footer>
    </section>
  );
}
