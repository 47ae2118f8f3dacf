/**
 * The print layout: one sheet of A4 or A3 paper, portrait or landscape, with the title, the map
 * image, a north arrow, the legend, the scale (bar and 1 : n) and the attribution, placed in
 * millimetres where print-geometry.ts says. Shown over the page as a preview; in print, everything
 * else is hidden (export.css) and the sheet's CSS named page sets the paper size. The browser's
 * print dialog opens once the map image has loaded.
 *
 * Every text is a React text node (layer names from imported files included): never parsed as HTML.
 */
import { type CSSProperties, useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import type { LegendEntry, MapShot } from '../../export/map-image.ts';
import { attributionText } from '../../export/map-image.ts';
import {
  type Box,
  type Orientation,
  type Paper,
  paperScale,
  printPage,
} from '../../export/print-geometry.ts';
import { useLang } from '../../i18n/use-lang.ts';
import type { Lang } from '../../url/view-state.ts';

export interface PrintJob {
  shot: MapShot;
  /** Untrusted (typed by the user). */
  title: string;
  lang: Lang;
  legend: readonly LegendEntry[];
  paper: Paper;
  orientation: Orientation;
}

const mm = (v: number) => `${v.toFixed(2)}mm`;
const place = (b: Box): CSSProperties => ({ left: mm(b.x), top: mm(b.y), width: mm(b.w), height: mm(b.h) });

export function PrintLayout({ job, onClose }: { job: PrintJob; onClose: () => void }) {
  const { t, n } = useLang();
  const { shot, legend, lang } = job;
  const page = printPage(job.paper, job.orientation, shot.width, shot.height);
  const scale = paperScale(shot.metresPerImagePixel, shot.width, page.map.w);
  const printed = useRef(false);
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => closeRef.current?.focus(), []);
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [onClose]);

  const printOnce = () => {
    if (printed.current) return;
    printed.current = true;
    // A frame later, so the image is painted into the sheet before the print snapshot.
    requestAnimationFrame(() => window.print());
  };

  const north = 9;
  // On screen the preview shrinks to the window's width (export.css applies it to screens only).
  const fit = Math.min(1, (window.innerWidth - 32) / ((page.width / 25.4) * 96)).toFixed(3);
  return createPortal(
    <div className="print-layout" data-testid="print-layout">
      <div className="print-bar">
        <button
          type="button"
          className="map-tools__button"
          data-testid="print-go"
          onClick={() => window.print()}
        >
          {t('export.print.go')}
        </button>
        <button
          type="button"
          className="map-tools__button"
          ref={closeRef}
          data-testid="print-close"
          onClick={onClose}
        >
          {t('export.print.close')}
        </button>
      </div>
      <div
        className="print-sheet"
        data-testid="print-sheet"
        data-page={page.name}
        lang={lang === 'zh' ? 'zh-CN' : 'en'}
        style={
          { width: mm(page.width), height: mm(page.height), page: page.name, '--fit': fit } as CSSProperties
        }
      >
        <h1 style={place(page.title)} data-testid="print-title">
          {job.title}
        </h1>
        <img
          src={shot.dataUrl}
          alt={job.title}
          style={place(page.map)}
          data-testid="print-map"
          onLoad={printOnce}
        />
        <svg
          className="print-north"
          data-testid="print-north"
          viewBox="-10 -10 20 20"
          role="img"
          aria-label={t('export.north')}
          style={{
            ...place({ x: page.map.x + page.map.w - north - 3, y: page.map.y + 3, w: north, h: north }),
            transform: `rotate(${-shot.bearing}deg)`,
          }}
        >
          <circle r="10" fill="#fff" fillOpacity="0.9" />
          <path d="M0 -8 L3.5 4 L0 2 L-3.5 4 Z" fill="#1f2a33" />
          <text y="9" fontSize="5" textAnchor="middle" fill="#1f2a33">
            N
          </text>
        </svg>
        <div style={place(page.footer)}>
          <ul className="print-legend" aria-label={t('export.legend')} data-testid="print-legend">
            {legend.map((entry, i) => (
              // Two imported layers may share a name: the position tells them apart.
              // biome-ignore lint/suspicious/noArrayIndexKey: rows never move while shown
              <li key={i}>
                <span className="print-sym" data-kind={entry.kind} style={{ background: entry.color }} />
                {entry.label}
              </li>
            ))}
          </ul>
          <p data-testid="print-scale">
            {scale.bar ? (
              <>
                <span className="print-scalebar" style={{ width: mm(scale.bar.widthPx) }} />
                {scale.bar.label} ·{' '}
              </>
            ) : null}
            {t('export.ratio', { n: n(scale.denominator, 0) })}
          </p>
          <p className="print-credit" data-testid="print-attribution">
            {t('attribution.heading')}: {attributionText(lang)}
          </p>
        </div>
      </div>
    </div>,
    document.body,
  );
}
