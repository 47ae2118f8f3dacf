/**
 * The measure tools' panel: live figures of the sketch on the map, geodesic (src/domain/measure.ts),
 * a clear message instead of a figure for bad input, and finish / remove last point / copy / clear.
 * Finished results (not every pointer move) are announced through a polite live region.
 */
import { useMemo, useState } from 'react';
import { measureArea, measureDistance } from '../../domain/measure.ts';
import type { Translator } from '../../i18n/use-lang.ts';
import { useLang } from '../../i18n/use-lang.ts';
import { type MeasureSketch, useAtlasStore } from '../../state/store.ts';
import { copyText } from './copy-text.ts';
import { areaLines, distanceLines, type FigureLine, lengthText } from './format.ts';

type Tool = 'distance' | 'area';

interface Figures {
  lines: FigureLine[];
  /** For copying and for the live region. */
  summary: string;
  perimeter?: string;
}

function figuresOf(
  tr: Translator,
  tool: Tool,
  sketch: MeasureSketch | null,
): Figures | { refusal: string } | null {
  if (!sketch || sketch.mode !== tool || sketch.vertices.length === 0) return null;
  const vertices = tr.t('measure.vertices', { count: sketch.vertices.length });
  if (tool === 'distance') {
    const m = measureDistance(sketch.vertices);
    if (!m.ok) {
      const key =
        m.code === 'too-few-vertices'
          ? 'measure.refused.too-few-vertices.distance'
          : `measure.refused.${m.code}`;
      return { refusal: tr.t(key as 'measure.refused.invalid-position') };
    }
    const lines = distanceLines(tr, m);
    return {
      lines,
      summary: tr.t('measure.copyText.distance', { value: lines.map((l) => l.text).join(' / '), vertices }),
    };
  }
  const m = measureArea(sketch.vertices);
  if (!m.ok) {
    const key =
      m.code === 'too-few-vertices' ? 'measure.refused.too-few-vertices.area' : `measure.refused.${m.code}`;
    return { refusal: tr.t(key as 'measure.refused.invalid-position', { count: sketch.vertices.length }) };
  }
  const lines = areaLines(tr, m);
  const perimeter = lengthText(tr, m.perimeterM);
  return {
    lines,
    perimeter,
    summary: tr.t('measure.copyText.area', {
      value: lines.map((l) => l.text).join(' / '),
      vertices,
      perimeter,
    }),
  };
}

export function MeasurePanel({ tool }: { tool: Tool }) {
  const tr = useLang();
  const { t } = tr;
  const sketch = useAtlasStore((s) => s.sketch);
  const requestMeasure = useAtlasStore((s) => s.requestMeasure);
  // A status (copied, cleared) belongs to the sketch it was about and goes when the sketch changes.
  const [status, setStatus] = useState<{ text: string; about: MeasureSketch | null } | null>(null);
  const figures = useMemo(() => figuresOf(tr, tool, sketch), [tr, tool, sketch]);
  const drawing = sketch?.drawing ?? false;
  const result = figures && 'lines' in figures ? figures : null;
  const refusal = figures && 'refusal' in figures ? figures.refusal : null;
  // Announce the finished figure (or why there is none); a live figure changes with every move.
  const announcement = sketch && !drawing ? (result?.summary ?? refusal ?? '') : '';

  const copy = async () => {
    if (!result) return;
    const copied = await copyText(result.summary);
    setStatus({
      text: copied ? t('measure.copied', { text: result.summary }) : t('measure.copyFailed'),
      about: sketch,
    });
  };

  return (
    <section
      className="map-tools__panel measure-panel"
      aria-labelledby="measure-heading"
      data-testid="measure-panel"
    >
      <h2 id="measure-heading" className="measure-panel__heading">
        {t(tool === 'distance' ? 'measure.heading.distance' : 'measure.heading.area')}
        {sketch ? (
          <span className="muted" data-testid="measure-state">
            {' '}
            · {t(drawing ? 'measure.drawing' : 'measure.finished')}
          </span>
        ) : null}
      </h2>
      <p className="muted measure-panel__hint">
        {t(tool === 'distance' ? 'measure.hint.distance' : 'measure.hint.area')}
      </p>
      {!figures ? <p className="muted">{t('measure.empty')}</p> : null}
      {refusal ? (
        <p className="measure-panel__refusal" data-testid="measure-refusal">
          {refusal}
        </p>
      ) : null}
      {result ? (
        <dl className="measure-panel__figures">
          <dt>{t(tool === 'distance' ? 'measure.distance' : 'measure.area')}</dt>
          <dd>
            <output data-testid="measure-figure" data-unit={result.lines[0]!.unit}>
              {result.lines[0]!.text}
            </output>
            <ul className="measure-panel__units">
              {result.lines.slice(1).map((line) => (
                <li key={line.unit} data-unit={line.unit}>
                  {line.text}
                </li>
              ))}
            </ul>
          </dd>
          {result.perimeter ? (
            <>
              <dt>{t('measure.perimeter')}</dt>
              <dd>{result.perimeter}</dd>
            </>
          ) : null}
        </dl>
      ) : null}
      <div className="measure-panel__actions">
        {drawing ? (
          <>
            <button type="button" onClick={() => requestMeasure('finish')}>
              {t('measure.finish')}
            </button>
            <button type="button" onClick={() => requestMeasure('undo')}>
              {t('measure.undo')}
            </button>
          </>
        ) : null}
        <button
          type="button"
          onClick={() => void copy()}
          disabled={!result || drawing}
          data-testid="measure-copy"
        >
          {t('measure.copy')}
        </button>
        <button
          type="button"
          onClick={() => {
            requestMeasure('clear');
            setStatus({ text: t('measure.cleared'), about: null });
          }}
          disabled={!sketch}
        >
          {t('measure.clear')}
        </button>
      </div>
      <p className="footnote">{t('measure.method')}</p>
      <p className="visually-hidden" aria-live="polite" data-testid="measure-live">
        {status && status.about === sketch ? status.text : announcement}
      </p>
    </section>
  );
}
