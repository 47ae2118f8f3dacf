/**
 * The map toolbar's "Your data" button and panel, and the page-wide ways in: dropping files anywhere
 * on the page, and pasting files or GeoJSON/CSV text (Ctrl+V outside a text field). Loaded right
 * after the toolbar paints; the panel and the import service load when first used.
 */
import '../../i18n/data-messages.ts';
import './import.css';
import { lazy, Suspense, useEffect, useState } from 'react';
import { ErrorBoundary } from '../../app/ErrorBoundary.tsx';
import { useLang } from '../../i18n/use-lang.ts';
import { DATA_PANEL_ID, useImports } from './imports-store.ts';

const DataPanel = lazy(() => import('./DataPanel.tsx').then((m) => ({ default: m.DataPanel })));

const service = () => import('./import-service.ts');

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;

/** Text worth trying as data: JSON, KML, or more than one line with a separator. */
function looksLikeData(text: string): boolean {
  const start = text.trimStart()[0];
  return start === '{' || start === '[' || start === '<' || (/[,\t;]/.test(text) && /\n/.test(text.trim()));
}

function useDropAndPaste(pastedName: string) {
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    let depth = 0;
    const onEnter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth += 1;
      setDragging(true);
    };
    const onLeave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onOver = (e: DragEvent) => {
      if (hasFiles(e)) e.preventDefault(); // allows the drop
    };
    const onDrop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault(); // the browser would open the file instead
      depth = 0;
      setDragging(false);
      const files = [...(e.dataTransfer?.files ?? [])];
      if (files.length === 0) return;
      useImports.setState({ panelOpen: true });
      void service().then((m) =>
        m.importFiles(files.map((f) => ({ name: f.name, bytes: () => f.arrayBuffer() }))),
      );
    };
    const onPaste = (e: ClipboardEvent) => {
      if (isEditable(e.target) || !e.clipboardData) return;
      const files = [...e.clipboardData.files];
      const text = files.length === 0 ? e.clipboardData.getData('text/plain') : '';
      if (files.length === 0 && !looksLikeData(text)) return;
      e.preventDefault();
      useImports.setState({ panelOpen: true });
      const incoming =
        files.length > 0
          ? files.map((f) => ({ name: f.name, bytes: () => f.arrayBuffer() }))
          : [{ name: pastedName, bytes: async () => new TextEncoder().encode(text).buffer }];
      void service().then((m) => m.importFiles(incoming));
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('dragover', onOver);
    window.addEventListener('drop', onDrop);
    document.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('drop', onDrop);
      document.removeEventListener('paste', onPaste);
    };
  }, [pastedName]);
  return dragging;
}

/** The toolbar button (rendered inside the toolbar's button row). */
export function DataButton() {
  const { t } = useLang();
  const open = useImports((s) => s.panelOpen);
  const count = useImports((s) => s.layers.length);
  const dragging = useDropAndPaste(t('import.paste.name'));
  return (
    <>
      <button
        type="button"
        className="map-tools__button"
        aria-pressed={open}
        aria-controls={open ? DATA_PANEL_ID : undefined}
        data-testid="data-button"
        onClick={() => useImports.setState({ panelOpen: !open })}
      >
        <span aria-hidden="true">⇪</span> {t('import.open')}
        {count > 0 ? ` (${count})` : ''}
      </button>
      {dragging ? <div className="drop-overlay">{t('import.drop')}</div> : null}
    </>
  );
}

/** The data panel, when open (rendered under the toolbar). */
export function DataPanelSlot() {
  const open = useImports((s) => s.panelOpen);
  if (!open) return null;
  return (
    <ErrorBoundary fallback={(message) => <p role="alert">{message}</p>}>
      <Suspense fallback={null}>
        <DataPanel />
      </Suspense>
    </ErrorBoundary>
  );
}
