/**
 * A slide's caption (title and 2–5 points) in Chinese, English or both side by side; a slide with
 * problems shows a placeholder that names them instead. Deck text is rendered as React text only.
 */
// This page's strings load with it (kept out of the first-paint bundle).
import '../../i18n/page-messages.ts';
import { translate } from '../../i18n/translate.ts';
import type { Lang } from '../../url/view-state.ts';
import type { BriefLangMode } from './briefing-state.ts';
import type { Slide, SlideProblem } from './deck-schema.ts';

function problemText(lang: Lang, problem: SlideProblem): string {
  switch (problem.kind) {
    case 'unknown-park':
      return translate(lang, 'brief.problem.park', { id: problem.id });
    case 'unknown-layer':
      return translate(lang, 'brief.problem.layer', { id: problem.id });
    case 'camera-out-of-range':
      return translate(lang, 'brief.problem.camera', { field: problem.field, value: String(problem.value) });
  }
}

/** The placeholder shown instead of a slide the atlas cannot show, listing why. */
export function SlideProblemsPlaceholder({
  slide,
  problems,
  lang,
}: {
  slide: Slide;
  problems: readonly SlideProblem[];
  lang: Lang;
}) {
  return (
    <div
      className="brief__problem"
      role="alert"
      data-testid="brief-problem"
      lang={lang === 'zh' ? 'zh-CN' : 'en'}
    >
      <h2>{translate(lang, 'brief.problem.title', { id: slide.id })}</h2>
      <ul>
        {problems.map((p) => (
          <li key={`${p.kind}:${'id' in p ? p.id : p.field}`}>{problemText(lang, p)}</li>
        ))}
      </ul>
      <p>{translate(lang, 'brief.problem.rest')}</p>
    </div>
  );
}

function CaptionColumn({ slide, lang }: { slide: Slide; lang: Lang }) {
  return (
    <div className="brief__column" lang={lang === 'zh' ? 'zh-CN' : 'en'} data-caption-lang={lang}>
      <h2 className="brief__title" data-testid={`brief-title-${lang}`}>
        {slide.title[lang]}
      </h2>
      <ul className="brief__points">
        {slide.points.map((point, i) => (
          // Points have no ids of their own; their order is fixed within a slide.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <li key={i}>{point[lang]}</li>
        ))}
      </ul>
    </div>
  );
}

export function SlideCaption({
  slide,
  problems,
  mode,
}: {
  slide: Slide;
  problems: readonly SlideProblem[];
  mode: BriefLangMode;
}) {
  const langs: Lang[] = mode === 'both' ? ['zh', 'en'] : [mode];
  return (
    <section className="brief__caption" aria-live="polite" data-testid="brief-caption" data-map-inset="left">
      {problems.length > 0
        ? langs.map((lang) => (
            <SlideProblemsPlaceholder key={lang} slide={slide} problems={problems} lang={lang} />
          ))
        : langs.map((lang) => <CaptionColumn key={lang} slide={slide} lang={lang} />)}
    </section>
  );
}
