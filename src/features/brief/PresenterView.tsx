/**
 * The presenter's window (/brief/:slide?presenter=1): the current and the next slide, the speaker
 * notes, the elapsed time and the slide number. It drives the audience window and follows it
 * through the briefing channel (BriefingExtras), so either window can step the briefing.
 * Deck text is rendered as React text only.
 */
// This page's strings load with it (kept out of the first-paint bundle).
import '../../i18n/page-messages.ts';
import { useEffect, useState } from 'react';
import { useLang } from '../../i18n/use-lang.ts';
import { LAYER_GROUPS, type Lang, type LayerGroup } from '../../url/view-state.ts';
import type { BriefLangMode } from './briefing-state.ts';
import type { Deck, Slide } from './deck-schema.ts';
import { useParkNames } from './use-park-names.ts';

export interface PresenterViewProps {
  deck: Deck | null;
  /** 0-based. */
  index: number;
  langMode: BriefLangMode;
  blanked: boolean;
  onGoTo: (index: number) => void;
  onBlank: (blanked: boolean) => void;
  onCycleLang: () => void;
}

const LAYER_SET: ReadonlySet<string> = new Set(LAYER_GROUPS);

/** "4:05", "1:02:03". */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

function SlidePreview({
  slide,
  langs,
  heading,
  testId,
}: {
  slide: Slide;
  langs: readonly Lang[];
  heading: string;
  testId: string;
}) {
  const { t } = useLang();
  const parkName = useParkNames();
  return (
    <section className="presenter__slide" aria-label={heading} data-testid={testId} data-slide-id={slide.id}>
      <h2 className="presenter__label">{heading}</h2>
      <div className="presenter__columns">
        {langs.map((lang) => (
          <div key={lang} lang={lang === 'zh' ? 'zh-CN' : 'en'}>
            <h3 className="presenter__title" data-testid={`${testId}-title-${lang}`}>
              {slide.title[lang]}
            </h3>
            <ul>
              {slide.points.map((point, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: points have no ids; their order is fixed
                <li key={i}>{point[lang]}</li>
              ))}
            </ul>
          </div>
        ))}
      </div>
      <dl className="presenter__facts">
        <dt>{t('brief.presenter.layers')}</dt>
        <dd>
          {slide.layers.map((g) => (LAYER_SET.has(g) ? t(`layer.${g as LayerGroup}`) : g)).join(', ') || '—'}
        </dd>
        <dt>{t('brief.presenter.parks')}</dt>
        <dd>{slide.parks.map(parkName).join(', ') || '—'}</dd>
        <dt>{t('brief.presenter.camera')}</dt>
        <dd>
          {slide.camera
            ? `${slide.camera.lat.toFixed(3)}, ${slide.camera.lng.toFixed(3)} · z${slide.camera.zoom.toFixed(1)}`
            : t('brief.presenter.cameraFit')}
        </dd>
      </dl>
    </section>
  );
}

function Timer() {
  const { t } = useLang();
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const [banked, setBanked] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (startedAt === null) return;
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [startedAt]);
  const elapsed = banked + (startedAt === null ? 0 : Math.max(0, now - startedAt));
  return (
    <section className="presenter__timer" aria-label={t('brief.presenter.elapsed')}>
      <span className="presenter__label">{t('brief.presenter.elapsed')}</span>
      <output className="presenter__clock" data-testid="presenter-elapsed">
        {formatElapsed(elapsed)}
      </output>
      {startedAt === null ? (
        <button
          type="button"
          onClick={() => {
            const at = Date.now();
            setNow(at);
            setStartedAt(at);
          }}
        >
          {t('brief.presenter.start')}
        </button>
      ) : (
        <button
          type="button"
          onClick={() => {
            setBanked(elapsed);
            setStartedAt(null);
          }}
        >
          {t('brief.presenter.pause')}
        </button>
      )}
      <button
        type="button"
        onClick={() => {
          setBanked(0);
          setStartedAt(startedAt === null ? null : Date.now());
          setNow(Date.now());
        }}
      >
        {t('brief.presenter.reset')}
      </button>
    </section>
  );
}

export function PresenterView({
  deck,
  index,
  langMode,
  blanked,
  onGoTo,
  onBlank,
  onCycleLang,
}: PresenterViewProps) {
  const { t } = useLang();
  useEffect(() => {
    const previous = document.title;
    document.title = `${t('brief.presenter.title')} · ${t('app.title')}`;
    return () => {
      document.title = previous;
    };
  }, [t]);
  const langs: Lang[] = langMode === 'both' ? ['zh', 'en'] : [langMode];
  const count = deck?.slides.length ?? 0;
  const current = deck?.slides[index] ?? null;
  const next = deck?.slides[index + 1] ?? null;
  const notes = current?.notes;
  return (
    <main className="presenter" data-testid="presenter" data-slide={index + 1}>
      <header className="presenter__bar">
        <h1>{t('brief.presenter.title')}</h1>
        <p className="presenter__number" data-testid="presenter-number" aria-live="polite">
          {t('brief.presenter.slide', { n: index + 1, total: count })}
        </p>
        <div className="presenter__buttons">
          <button
            type="button"
            onClick={() => onGoTo(index - 1)}
            disabled={index <= 0}
            data-testid="presenter-prev"
          >
            {t('brief.presenter.prev')}
          </button>
          <button
            type="button"
            onClick={() => onGoTo(index + 1)}
            disabled={index >= count - 1}
            data-testid="presenter-next"
          >
            {t('brief.presenter.nextButton')}
          </button>
          <button
            type="button"
            onClick={() => onBlank(!blanked)}
            aria-pressed={blanked}
            data-testid="presenter-blank"
          >
            {blanked ? t('brief.presenter.unblank') : t('brief.presenter.blank')}
          </button>
          <button
            type="button"
            onClick={onCycleLang}
            title={t('brief.presenter.lang')}
            data-testid="presenter-lang"
          >
            {t('brief.presenter.langNow', { mode: t(`brief.langMode.${langMode}`) })}
          </button>
        </div>
      </header>
      {blanked ? (
        <p className="presenter__blanked" role="status">
          {t('brief.presenter.blanked')}
        </p>
      ) : null}
      <div className="presenter__grid">
        {current ? (
          <SlidePreview
            slide={current}
            langs={langs}
            heading={t('brief.presenter.current')}
            testId="presenter-current"
          />
        ) : null}
        {next ? (
          <SlidePreview
            slide={next}
            langs={langs}
            heading={t('brief.presenter.next')}
            testId="presenter-next-slide"
          />
        ) : (
          <section className="presenter__slide presenter__slide--end">
            <h2 className="presenter__label">{t('brief.presenter.next')}</h2>
            <p>{t('brief.presenter.end')}</p>
          </section>
        )}
        <section
          className="presenter__notes"
          aria-label={t('brief.presenter.notes')}
          data-testid="presenter-notes"
        >
          <h2 className="presenter__label">{t('brief.presenter.notes')}</h2>
          {notes && langs.some((lang) => notes[lang] !== '') ? (
            langs.map((lang) => (
              <p key={lang} lang={lang === 'zh' ? 'zh-CN' : 'en'} className="presenter__note-text">
                {notes[lang]}
              </p>
            ))
          ) : (
            <p>{t('brief.presenter.noNotes')}</p>
          )}
        </section>
        <Timer />
      </div>
    </main>
  );
}
