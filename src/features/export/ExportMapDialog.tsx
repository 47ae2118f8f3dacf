/**
 * "Export map": the current view as a PNG at 1×, 2× or 3× the map's size on screen, or as a
 * print layout on A4/A3 paper, portrait or landscape — both with a title (prefilled from the view),
 * legend (visible layer groups and visible imported layers), scale bar, north arrow and attribution,
 * in the UI language. Loaded with its first opening (MapToolbar), strings included.
 */
import '../../i18n/data-messages.ts';
import './export.css';
import { useEffect, useRef, useState } from 'react';
import { exportLegend, importedLegend } from '../../export/legend.ts';
import { captureSettledMap, composeMapPng, downloadBlob, type LegendEntry } from '../../export/map-image.ts';
import { ORIENTATIONS, type Orientation, PAPERS, type Paper } from '../../export/print-geometry.ts';
import { useLang } from '../../i18n/use-lang.ts';
import { useViewPart } from '../../url/use-view-state.ts';
import type { LayerGroup } from '../../url/view-state.ts';
import { useParkNames } from '../brief/use-park-names.ts';
import { useImports } from '../import/imports-store.ts';
import { type PrintJob, PrintLayout } from './PrintLayout.tsx';

const SCALES = [1, 2, 3] as const;
type Scale = (typeof SCALES)[number];
/** Pixels per CSS pixel of the map image in a print layout: ~150–250 dpi on A4/A3. */
const PRINT_PIXEL_RATIO = 2;

function useDefaultTitle(): string {
  const { t } = useLang();
  const page = useViewPart((view) => view.page);
  const parkName = useParkNames();
  const parkId = page.kind === 'atlas' || page.kind === 'access' ? page.parkId : null;
  return parkId ? `${t('app.title')} · ${parkName(parkId)}` : t('app.title');
}

/** The visible layer groups, and the visible imported layers as extra legend rows. */
function useLegend(): { layers: readonly LayerGroup[]; extraLegend: LegendEntry[] } {
  const layers = useViewPart((view) => view.layers);
  const imported = useImports((s) => s.layers);
  return { layers, extraLegend: importedLegend(imported) };
}

export function ExportMapDialog({ onClose }: { onClose: () => void }) {
  const { t, lang } = useLang();
  const defaultTitle = useDefaultTitle();
  const { layers, extraLegend } = useLegend();
  // null: follow the view (park names arrive after the dialog opens).
  const [typedTitle, setTypedTitle] = useState<string | null>(null);
  const title = typedTitle ?? defaultTitle;
  const [scale, setScale] = useState<Scale>(2);
  const [paper, setPaper] = useState<Paper>('A4');
  const [orientation, setOrientation] = useState<Orientation>('landscape');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');
  const [job, setJob] = useState<PrintJob | null>(null);
  const titleRef = useRef<HTMLInputElement>(null);
  useEffect(() => titleRef.current?.focus(), []);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setNotice(t('export.busy'));
    try {
      await work();
    } catch (error) {
      setNotice(t('export.failed', { message: error instanceof Error ? error.message : String(error) }));
    } finally {
      setBusy(false);
    }
  };

  const downloadPng = () =>
    run(async () => {
      const shot = await captureSettledMap(30_000, scale);
      if (!shot) throw new Error(t('export.noMap'));
      const blob = await composeMapPng(shot, { title, lang, layers, extraLegend });
      const file = `guangzhou-atlas-map-${scale}x.png`;
      downloadBlob(blob, file);
      setNotice(t('export.saved', { file }));
    });

  const openPrintLayout = () =>
    run(async () => {
      const shot = await captureSettledMap(30_000, PRINT_PIXEL_RATIO);
      if (!shot) throw new Error(t('export.noMap'));
      setJob({ shot, title, lang, legend: exportLegend(layers, lang, extraLegend), paper, orientation });
      setNotice('');
    });

  const radio = <T extends string | number>(
    name: string,
    values: readonly T[],
    current: T,
    set: (v: T) => void,
    label: (v: T) => string,
  ) =>
    values.map((v) => (
      <label key={v}>
        <input
          type="radio"
          name={name}
          value={v}
          checked={v === current}
          data-testid={`export-${name}-${v}`}
          onChange={() => set(v)}
        />{' '}
        {label(v)}
      </label>
    ));

  return (
    <>
      <div
        className="map-tools__panel export-dialog"
        role="dialog"
        aria-labelledby="export-map-heading"
        data-testid="export-map-dialog"
        onKeyDown={(e) => {
          if (e.key === 'Escape' && !job) {
            e.stopPropagation();
            onClose();
          }
        }}
      >
        <div className="export-dialog__head">
          <h2 id="export-map-heading" className="measure-panel__heading">
            {t('export.title')}
          </h2>
          <button type="button" className="map-tools__button" data-testid="export-close" onClick={onClose}>
            {t('export.close')}
          </button>
        </div>
        <label>
          {t('export.mapTitle')}
          <br />
          <input
            ref={titleRef}
            type="text"
            value={title}
            maxLength={120}
            data-testid="export-title"
            onChange={(e) => setTypedTitle(e.target.value)}
          />
        </label>
        <fieldset>
          <legend>{t('export.scale')}</legend>
          {radio('scale', SCALES, scale, setScale, (v) => `${v}×`)}
        </fieldset>
        <button
          type="button"
          className="map-tools__button"
          disabled={busy}
          data-testid="export-png"
          onClick={downloadPng}
        >
          {t('export.png')}
        </button>
        <fieldset>
          <legend>{t('export.paper')}</legend>
          {radio('paper', PAPERS, paper, setPaper, (v) => v)}
        </fieldset>
        <fieldset>
          <legend>{t('export.orientation')}</legend>
          {radio('orientation', ORIENTATIONS, orientation, setOrientation, (v) => t(`export.${v}`))}
        </fieldset>
        <button
          type="button"
          className="map-tools__button"
          disabled={busy}
          data-testid="export-print"
          onClick={openPrintLayout}
        >
          {t('export.print')}
        </button>
        <p role="status" className="muted" data-testid="export-status">
          {notice}
        </p>
      </div>
      {job ? <PrintLayout job={job} onClose={() => setJob(null)} /> : null}
    </>
  );
}
