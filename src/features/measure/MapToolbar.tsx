/**
 * The map toolbar: measure distance, measure area, and the "what is near here" radius query. The
 * open tool lives in the URL (`?tool=`); the measure panel (and terra-draw, via the map adapter)
 * load only once a measure tool opens. Keyboard: Enter finishes and Backspace removes the last
 * vertex while drawing; Esc cancels the drawing, then clears the result, then closes the tool.
 */
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { ErrorBoundary } from '../../app/ErrorBoundary.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { useLang } from '../../i18n/use-lang.ts';
import { useAtlasStore } from '../../state/store.ts';
import { useViewState } from '../../url/use-view-state.ts';
import { MAP_TOOLS, type MapTool } from '../../url/view-state.ts';

const MeasurePanel = lazy(() => import('./MeasurePanel.tsx').then((m) => ({ default: m.MeasurePanel })));
// "Your data" (import, imported layers, exports): its own chunk, loaded with the toolbar, which
// appears once the map is ready (AtlasPage): fetched earlier, it competed with the MapLibre chunk.
const DataButton = lazy(() => import('../import/DataTools.tsx').then((m) => ({ default: m.DataButton })));
const DataPanelSlot = lazy(() =>
  import('../import/DataTools.tsx').then((m) => ({ default: m.DataPanelSlot })),
);
// "Export map" (PNG and print layout): its own chunk, loaded with the dialog's first opening.
const ExportMapDialog = lazy(() =>
  import('../export/ExportMapDialog.tsx').then((m) => ({ default: m.ExportMapDialog })),
);

const TOOL_LABEL: Record<MapTool, MessageKey> = {
  distance: 'tools.distance',
  area: 'tools.area',
  radius: 'tools.radius',
};
const TOOL_ICON: Record<MapTool, string> = { distance: '📏', area: '⬠', radius: '◎' };

/** Keys typed into a field belong to it. */
function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

function useToolKeyboard(tool: MapTool | null, close: () => void) {
  useEffect(() => {
    if (!tool) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || isEditable(e.target)) return;
      const { sketch, requestMeasure, probe, setProbe } = useAtlasStore.getState();
      const drawing = sketch?.drawing ?? false;
      if (e.key === 'Escape') {
        e.preventDefault();
        if (drawing) requestMeasure('cancel');
        else if (sketch) requestMeasure('clear');
        else if (tool === 'radius' && probe) setProbe(null);
        else close();
      } else if (drawing && e.key === 'Enter') {
        // Also keeps Enter on a focused toolbar button from toggling the tool mid-drawing.
        e.preventDefault();
        requestMeasure('finish');
      } else if (drawing && e.key === 'Backspace') {
        e.preventDefault();
        requestMeasure('undo');
      }
    };
    // Capture: the map canvas's own handlers must not see a key the tool has used.
    document.addEventListener('keydown', onKeyDown, true);
    return () => document.removeEventListener('keydown', onKeyDown, true);
  }, [tool, close]);
}

export function MapToolbar() {
  const { t } = useLang();
  const { state, update } = useViewState();
  const tool = state.tool;
  const close = () => update({ tool: null }, { replace: true });
  useToolKeyboard(tool, close);
  const [exporting, setExporting] = useState(false);
  const exportButton = useRef<HTMLButtonElement>(null);
  const closeExport = () => {
    setExporting(false);
    exportButton.current?.focus();
  };
  return (
    <div className="map-tools" data-testid="map-tools">
      <div className="map-tools__bar" role="toolbar" aria-label={t('tools.label')}>
        {MAP_TOOLS.map((id) => (
          <button
            key={id}
            type="button"
            className="map-tools__button"
            aria-pressed={tool === id}
            data-tool={id}
            title={t(TOOL_LABEL[id])}
            onClick={() => update({ tool: tool === id ? null : id }, { replace: true })}
          >
            <span aria-hidden="true">{TOOL_ICON[id]}</span> {t(TOOL_LABEL[id])}
          </button>
        ))}
        <Suspense fallback={null}>
          <DataButton />
        </Suspense>
        <button
          type="button"
          className="map-tools__button"
          ref={exportButton}
          aria-pressed={exporting}
          data-testid="export-map-button"
          onClick={() => setExporting(!exporting)}
        >
          <span aria-hidden="true">⎙</span> {t('export.open')}
        </button>
      </div>
      {exporting ? (
        <ErrorBoundary fallback={(message) => <p role="alert">{message}</p>}>
          <Suspense fallback={null}>
            <ExportMapDialog onClose={closeExport} />
          </Suspense>
        </ErrorBoundary>
      ) : null}
      <Suspense fallback={null}>
        <DataPanelSlot />
      </Suspense>
      {tool === 'radius' ? (
        <p className="map-tools__panel muted" data-testid="radius-hint">
          {t('tools.radius.hint')}
        </p>
      ) : null}
      {tool === 'distance' || tool === 'area' ? (
        <ErrorBoundary fallback={(message) => <p role="alert">{message}</p>}>
          <Suspense fallback={null}>
            <MeasurePanel tool={tool} />
          </Suspense>
        </ErrorBoundary>
      ) : null}
    </div>
  );
}
