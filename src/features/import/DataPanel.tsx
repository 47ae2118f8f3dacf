/**
 * "Your data": import files (picker, drop, paste), the column-mapping step for tables, a report for
 * every file, the datum guard's offer, and the imported layers (style, rename, show/hide, zoom,
 * table, export, remove). Loaded on demand with its strings and the import service.
 *
 * Every string that came from a file is rendered as React text: names, keys, values, file names.
 */
import '../../i18n/data-messages.ts';
import { lazy, Suspense, useId, useState } from 'react';
import { ErrorBoundary } from '../../app/ErrorBoundary.tsx';
import { useLang } from '../../i18n/use-lang.ts';
import type { Datum, ImportedLayerMeta, ReportNote, TableColumns } from '../../import/types.ts';
import { useParkNames } from '../brief/use-park-names.ts';
import {
  convertLayerDatum,
  exportLayers,
  importFiles,
  removeLayer,
  resolvePending,
  updateLayer,
} from './import-service.ts';
import { DATA_PANEL_ID, type ImportsState, type PendingTable, useImports } from './imports-store.ts';

const ACCEPT = '.geojson,.json,.csv,.tsv,.txt,.kml,.kmz,.zip,.xlsx';
const DATUMS: Datum[] = ['wgs84', 'gcj02', 'bd09'];

function noteText(lang: 'zh' | 'en', note: ReportNote): string {
  return lang === 'zh' ? note.zh : note.en;
}

function ImportForm() {
  const { t } = useLang();
  const datum = useImports((s) => s.datum);
  const [text, setText] = useState('');
  const datumId = useId();
  const pasteId = useId();
  return (
    <div className="data-panel__import">
      <label className="data-panel__file">
        <span>{t('import.choose')}</span>
        <input
          type="file"
          multiple
          accept={ACCEPT}
          data-testid="import-file"
          onChange={(e) => {
            const files = [...(e.currentTarget.files ?? [])];
            e.currentTarget.value = '';
            void importFiles(files.map((f) => ({ name: f.name, bytes: () => f.arrayBuffer() })));
          }}
        />
      </label>
      <p className="muted data-panel__hint">{t('import.formats')}</p>
      <label htmlFor={datumId}>{t('import.datum')}</label>
      <select
        id={datumId}
        data-testid="import-datum"
        value={datum}
        onChange={(e) => useImports.setState({ datum: e.currentTarget.value as Datum })}
      >
        {DATUMS.map((d) => (
          <option key={d} value={d}>
            {t(`import.datum.${d}`)}
          </option>
        ))}
      </select>
      <label htmlFor={pasteId}>{t('import.paste')}</label>
      <textarea
        id={pasteId}
        rows={3}
        data-testid="import-paste"
        value={text}
        spellCheck={false}
        onChange={(e) => setText(e.currentTarget.value)}
        placeholder={t('import.paste.placeholder')}
      />
      <button
        type="button"
        disabled={text.trim() === ''}
        onClick={() => {
          const bytes = new TextEncoder().encode(text).buffer;
          setText('');
          void importFiles([{ name: t('import.paste.name'), bytes: async () => bytes }]);
        }}
      >
        {t('import.paste.import')}
      </button>
    </div>
  );
}

function ColumnMapping({ pending }: { pending: PendingTable }) {
  const { t } = useLang();
  const { table } = pending;
  const [columns, setColumns] = useState<{ lng: string; lat: string; name: string }>({
    lng: table.detected.lng ?? '',
    lat: table.detected.lat ?? '',
    name: table.detected.name ?? '',
  });
  const ready = columns.lng !== '' && columns.lat !== '' && columns.lng !== columns.lat;
  const pick = (key: keyof typeof columns, optional: boolean) => (
    <label className="data-panel__column">
      <span>{t(`import.columns.${key}`)}</span>
      <select
        data-testid={`import-column-${key}`}
        value={columns[key]}
        onChange={(e) => {
          const value = e.currentTarget.value;
          setColumns((c) => ({ ...c, [key]: value }));
        }}
      >
        <option value="">{optional ? t('import.columns.none') : t('import.columns.choose')}</option>
        {table.headers.map((h, i) => (
          // Headers may repeat: the index keeps the keys unique.
          // biome-ignore lint/suspicious/noArrayIndexKey: headers are untrusted and may repeat
          <option key={`${i}:${h}`} value={h}>
            {h}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <section
      className="data-panel__mapping"
      data-testid="import-mapping"
      aria-label={t('import.columns.title')}
    >
      <h3>{t('import.columns.title')}</h3>
      <p className="data-panel__file-name">{pending.fileName}</p>
      <p className="muted">
        {t('import.columns.rows', { count: table.rowCount })}
        {table.encoding ? ` · ${table.encoding.toUpperCase()}` : ''}
      </p>
      <div className="data-panel__columns">
        {pick('lng', false)}
        {pick('lat', false)}
        {pick('name', true)}
      </div>
      {table.sample.length > 0 ? (
        <div className="data-panel__sample">
          <table>
            <thead>
              <tr>
                {table.headers.map((h, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: headers are untrusted and may repeat
                  <th key={i} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.sample.map((row, r) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: sample rows have no identity
                <tr key={r}>
                  {row.map((cell, c) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: cells have no identity
                    <td key={c}>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {!ready ? <p className="muted">{t('import.columns.needed')}</p> : null}
      <div className="data-panel__actions">
        <button
          type="button"
          data-testid="import-mapping-confirm"
          disabled={!ready}
          onClick={() => {
            const chosen: TableColumns = {
              lng: columns.lng,
              lat: columns.lat,
              ...(columns.name ? { name: columns.name } : {}),
            };
            void resolvePending(pending.id, chosen);
          }}
        >
          {t('import.columns.import')}
        </button>
        <button type="button" onClick={() => void resolvePending(pending.id, null)}>
          {t('import.cancel')}
        </button>
      </div>
    </section>
  );
}

function Report({ report }: { report: ImportsState['reports'][number] }) {
  const { t, lang, n } = useLang();
  const layerExists = useImports((s) => s.layers.some((l) => l.id === report.layerId));
  const [dismissedOffer, setDismissedOffer] = useState(false);
  const suspicion = report.suspicion;
  return (
    <li
      className={`data-report data-report--${report.outcome}`}
      data-testid="import-report"
      data-outcome={report.outcome}
    >
      <div className="data-report__head">
        <span className="data-report__file">{report.fileName}</span>
        <span className={`data-report__badge data-report__badge--${report.outcome}`}>
          {t(`import.outcome.${report.outcome}`)}
        </span>
      </div>
      <p className="muted">
        {t('import.report.counts', {
          format: t(`import.format.${report.format}`),
          features: n(report.featureCount, 0),
          dropped: n(report.droppedCount, 0),
        })}
      </p>
      {report.reasons.length > 0 ? (
        <ul className="data-report__reasons">
          {report.reasons.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a code may repeat
            <li key={i} data-code={r.code}>
              {noteText(lang, r)}
            </li>
          ))}
        </ul>
      ) : null}
      {report.notes.length > 0 ? (
        <ul className="data-report__notes">
          {report.notes.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a code may repeat
            <li key={i} data-code={r.code}>
              {noteText(lang, r)}
            </li>
          ))}
        </ul>
      ) : null}
      {suspicion && report.layerId && layerExists && !dismissedOffer ? (
        <div className="data-report__datum" role="alert" data-testid="datum-warning">
          <p>
            {t('import.datum.suspect', {
              datum: t(`import.datum.${suspicion.suspected}`),
              matched: suspicion.matched,
              offset: n(suspicion.medianOffsetM, 0),
              after: n(suspicion.medianAfterM, 0),
            })}
          </p>
          <div className="data-panel__actions">
            <button
              type="button"
              data-testid="datum-convert"
              onClick={() => {
                if (report.layerId) void convertLayerDatum(report.layerId, suspicion.suspected);
              }}
            >
              {t('import.datum.convert', { datum: t(`import.datum.${suspicion.suspected}`) })}
            </button>
            <button type="button" onClick={() => setDismissedOffer(true)}>
              {t('import.datum.keep')}
            </button>
          </div>
        </div>
      ) : null}
    </li>
  );
}

function LayerAnalysisSummary({ layerId }: { layerId: string }) {
  const { t, n } = useLang();
  const analysis = useImports((s) => s.analyses[layerId]);
  const parkName = useParkNames();
  if (!analysis) return <p className="muted">{t('layers.analysing')}</p>;
  const inside = Object.entries(analysis.insideByPark).filter(([, c]) => c > 0);
  return (
    <div className="data-layer__analysis" data-testid="layer-analysis">
      <p>
        {t('layers.analysis', {
          points: n(analysis.analysedPoints, 0),
          inside: n(
            inside.reduce((sum, [, c]) => sum + c, 0),
            0,
          ),
          catchment: n(analysis.inCatchment, 0),
        })}
      </p>
      {inside.length > 0 ? (
        <ul className="data-layer__parks">
          {inside.map(([id, count]) => (
            <li key={id}>
              {parkName(id)}: {n(count, 0)}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function LayerItem({ layer }: { layer: ImportedLayerMeta }) {
  const { t, n } = useLang();
  const [name, setName] = useState(layer.name);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const commitName = () => {
    const next = name.trim().slice(0, 200);
    if (next && next !== layer.name) void updateLayer(layer.id, { name: next });
    else setName(layer.name);
  };
  const exportAs = async (format: 'geojson' | 'csv') => {
    setBusy(t('layers.exporting'));
    try {
      const file = await exportLayers([layer.id], format);
      setBusy(t('layers.exported', { file }));
    } catch (error) {
      setBusy(t('layers.exportFailed', { message: error instanceof Error ? error.message : String(error) }));
    }
  };
  const kinds = [
    layer.kinds.points ? t('layers.kind.points', { count: n(layer.kinds.points, 0) }) : null,
    layer.kinds.lines ? t('layers.kind.lines', { count: n(layer.kinds.lines, 0) }) : null,
    layer.kinds.polygons ? t('layers.kind.polygons', { count: n(layer.kinds.polygons, 0) }) : null,
  ].filter(Boolean);
  return (
    <li className="data-layer" data-testid="imported-layer" data-layer-id={layer.id}>
      <div className="data-layer__head">
        <input
          type="checkbox"
          checked={layer.visible}
          aria-label={t('layers.visible', { name: layer.name })}
          onChange={(e) => void updateLayer(layer.id, { visible: e.currentTarget.checked })}
        />
        <input
          type="color"
          value={layer.style.color}
          aria-label={t('layers.color', { name: layer.name })}
          onChange={(e) => void updateLayer(layer.id, { style: { color: e.currentTarget.value } })}
        />
        <input
          className="data-layer__name"
          value={name}
          maxLength={200}
          aria-label={t('layers.rename')}
          data-testid="layer-name"
          onChange={(e) => setName(e.currentTarget.value)}
          onBlur={commitName}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commitName();
            if (e.key === 'Escape') setName(layer.name);
          }}
        />
      </div>
      <p className="muted">
        {kinds.join(' · ')} · {t(`import.datum.${layer.datum}`)}
      </p>
      <label className="data-layer__slider">
        <span>{t('layers.opacity')}</span>
        <input
          type="range"
          min={10}
          max={100}
          step={10}
          value={Math.round(layer.style.opacity * 100)}
          onChange={(e) =>
            void updateLayer(layer.id, { style: { opacity: Number(e.currentTarget.value) / 100 } })
          }
        />
      </label>
      {layer.kinds.points > 0 ? (
        <label className="data-layer__slider">
          <span>{t('layers.radius')}</span>
          <input
            type="range"
            min={2}
            max={12}
            step={1}
            value={layer.style.radius}
            onChange={(e) => void updateLayer(layer.id, { style: { radius: Number(e.currentTarget.value) } })}
          />
        </label>
      ) : null}
      <LayerAnalysisSummary layerId={layer.id} />
      <div className="data-panel__actions">
        <button
          type="button"
          disabled={!layer.bbox}
          onClick={() => {
            if (layer.bbox)
              useImports.setState((s) => ({
                fit: { bbox: layer.bbox!, revision: (s.fit?.revision ?? 0) + 1 },
              }));
          }}
        >
          {t('layers.zoom')}
        </button>
        <button
          type="button"
          data-testid="layer-table"
          onClick={() => useImports.setState({ tableLayerId: layer.id })}
        >
          {t('layers.table')}
        </button>
        <button type="button" data-testid="layer-export-geojson" onClick={() => void exportAs('geojson')}>
          {t('layers.export.geojson')}
        </button>
        <button type="button" data-testid="layer-export-csv" onClick={() => void exportAs('csv')}>
          {t('layers.export.csv')}
        </button>
        {confirmRemove ? (
          <>
            <button
              type="button"
              data-testid="layer-remove-confirm"
              onClick={() => void removeLayer(layer.id)}
            >
              {t('layers.remove.confirm')}
            </button>
            <button type="button" onClick={() => setConfirmRemove(false)}>
              {t('import.cancel')}
            </button>
          </>
        ) : (
          <button type="button" data-testid="layer-remove" onClick={() => setConfirmRemove(true)}>
            {t('layers.remove')}
          </button>
        )}
      </div>
      <p className="muted" role="status" aria-live="polite">
        {busy}
      </p>
    </li>
  );
}

const FeatureTable = lazy(() => import('./FeatureTable.tsx').then((m) => ({ default: m.FeatureTable })));
// The PMTiles section (and the pmtiles reader behind it) loads with the panel, not at first paint.
const ArchivePanel = lazy(() => import('../pmtiles/ArchivePanel.tsx'));

/** The data panel (the map toolbar's "Your data"). */
export function DataPanel() {
  const { t } = useLang();
  const layers = useImports((s) => s.layers);
  const reports = useImports((s) => s.reports);
  const pending = useImports((s) => s.pending);
  const busy = useImports((s) => s.busy);
  const problems = useImports((s) => s.storageProblems);
  const headingId = useId();
  return (
    <section
      id={DATA_PANEL_ID}
      className="map-tools__panel data-panel"
      aria-labelledby={headingId}
      data-testid="data-panel"
    >
      <div className="data-panel__title">
        <h2 id={headingId}>{t('import.title')}</h2>
        <button
          type="button"
          aria-label={t('import.close')}
          onClick={() => useImports.setState({ panelOpen: false })}
        >
          ×
        </button>
      </div>
      <ImportForm />
      {pending.map((p) => (
        <ColumnMapping key={p.id} pending={p} />
      ))}
      <p className="muted" role="status" aria-live="polite" data-testid="import-busy">
        {busy.length > 0 ? t('import.busy', { files: busy.join(', ') }) : ''}
      </p>
      {problems.length > 0 ? (
        <ul className="data-panel__problems" role="alert">
          {problems.map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: messages may repeat
            <li key={i}>{t('import.storageProblem', { message: p })}</li>
          ))}
        </ul>
      ) : null}
      {reports.length > 0 ? (
        <>
          <h3>{t('import.reports')}</h3>
          <ul className="data-panel__reports" data-testid="import-reports">
            {reports.map((r) => (
              <Report key={r.id} report={r} />
            ))}
          </ul>
        </>
      ) : null}
      <h3>{t('layers.title')}</h3>
      {layers.length === 0 ? <p className="muted">{t('layers.none')}</p> : null}
      <ul className="data-panel__layers" data-testid="imported-layers">
        {[...layers].reverse().map((l) => (
          <LayerItem key={l.id} layer={l} />
        ))}
      </ul>
      <section data-testid="archive-panel" aria-labelledby={`${headingId}-pmtiles`}>
        <h3 id={`${headingId}-pmtiles`}>{t('pmtiles.title')}</h3>
        <ErrorBoundary fallback={(message) => <p role="alert">{message}</p>}>
          <Suspense fallback={null}>
            <ArchivePanel />
          </Suspense>
        </ErrorBoundary>
      </section>
    </section>
  );
}

/** The feature table of the chosen layer (a drawer over the map's bottom). */
export function FeatureTableDrawer() {
  const layerId = useImports((s) => s.tableLayerId);
  if (!layerId) return null;
  return (
    <ErrorBoundary fallback={(message) => <p role="alert">{message}</p>}>
      <Suspense fallback={null}>
        <FeatureTable layerId={layerId} />
      </Suspense>
    </ErrorBoundary>
  );
}
