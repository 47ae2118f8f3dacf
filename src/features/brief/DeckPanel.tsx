/**
 * Decks as data: export the deck shown, import a deck file, list / show / delete the decks kept in
 * this browser, and edit a copy of the deck shown (order, captions, notes, layers, parks, camera)
 * to save as a new local deck. An import that fails keeps the current deck and lists the reasons.
 * Deck text is only ever React text or form values.
 */
// This page's strings load with it (kept out of the first-paint bundle).
import '../../i18n/page-messages.ts';
import { type ChangeEvent, useCallback, useMemo, useState } from 'react';
import { PARK_IDS } from '../../data/vocabulary.ts';
import { downloadBlob } from '../../export/map-image.ts';
import { useLang } from '../../i18n/use-lang.ts';
import { useViewState } from '../../url/use-view-state.ts';
import { LAYER_GROUPS, type LayerGroup } from '../../url/view-state.ts';
import { clip, moveSlide, pointsFromLines, removeSlide, slideCameraFrom, updateSlide } from './deck-edit.ts';
import type { Deck, Slide } from './deck-schema.ts';
import {
  deckFileName,
  deleteDeck,
  freshDeckId,
  importDeckText,
  listStoredDecks,
  type SaveResult,
  saveDeck,
  serialiseDeck,
  validateDeck,
} from './deck-storage.ts';
import { useParkNames } from './use-park-names.ts';

export interface DeckPanelProps {
  /** The deck shown now (null while the default deck is being built). */
  deck: Deck | null;
  /** The `?deck=` id (null = the built-in deck). */
  deckId: string | null;
  /** Show a deck (null = the built-in one). */
  onShow: (id: string | null) => void;
  onClose: () => void;
}

type Notice = { kind: 'ok' | 'error'; text: string; reasons?: string[] };

export function DeckPanel({ deck, deckId, onShow, onClose }: DeckPanelProps) {
  const { t, b } = useLang();
  const [revision, setRevision] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-read storage when the panel changed it
  const stored = useMemo(() => listStoredDecks(), [revision]);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [draft, setDraft] = useState<Deck | null>(null);

  const saveNotice = useCallback(
    (result: SaveResult): Notice | null =>
      result.ok
        ? null
        : {
            kind: 'error',
            text: t(
              result.reason === 'quota'
                ? 'brief.decks.quota'
                : result.reason === 'reserved-id'
                  ? 'brief.decks.reserved'
                  : 'brief.decks.unavailable',
            ),
          },
    [t],
  );

  const exportDeck = () => {
    if (!deck) return;
    downloadBlob(
      new Blob([serialiseDeck(deck)], { type: 'application/json' }),
      deckFileName(deck.title.en || deck.id),
    );
  };

  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    let text: string;
    try {
      // A file far over the limit is refused before it is read whole.
      text = file.size > 2_000_000 ? 'x'.repeat(2_000_000) : await file.text();
    } catch {
      setNotice({ kind: 'error', text: t('brief.decks.readError') });
      return;
    }
    const taken = new Set(stored.decks.map((d) => d.id));
    const result = importDeckText(text, taken);
    if (!result.ok) {
      setNotice({ kind: 'error', text: t('brief.decks.rejected'), reasons: result.reasons });
      return;
    }
    const failure = saveNotice(saveDeck(result.deck));
    setRevision((r) => r + 1);
    if (failure) {
      setNotice(failure);
      return;
    }
    const imported = t('brief.decks.imported', { title: b(result.deck.title), n: result.deck.slides.length });
    setNotice({
      kind: 'ok',
      text: result.renamed ? `${imported} ${t('brief.decks.renamed', { id: result.deck.id })}` : imported,
    });
    onShow(result.deck.id);
  };

  const remove = (id: string) => {
    deleteDeck(id);
    setRevision((r) => r + 1);
    if (id === deckId) onShow(null);
  };

  const saveDraft = () => {
    if (!draft) return;
    const taken = new Set(stored.decks.map((d) => d.id));
    const candidate = { ...draft, id: freshDeckId(draft.id, taken) };
    const checked = validateDeck(candidate);
    if (!checked.ok) {
      setNotice({ kind: 'error', text: t('brief.edit.invalid', { reasons: checked.reasons.join('; ') }) });
      return;
    }
    const failure = saveNotice(saveDeck(checked.deck));
    setRevision((r) => r + 1);
    if (failure) {
      setNotice(failure);
      return;
    }
    setNotice({ kind: 'ok', text: t('brief.edit.saved', { id: checked.deck.id }) });
    setDraft(null);
    onShow(checked.deck.id);
  };

  return (
    // Keys typed in the panel are the panel's: the briefing's window-level keys must not see them.
    <div
      className="deck-panel"
      role="dialog"
      aria-modal="false"
      aria-labelledby="deck-panel-heading"
      data-testid="deck-panel"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
        e.stopPropagation();
      }}
    >
      <header className="deck-panel__head">
        <h2 id="deck-panel-heading">{t('brief.decks.heading')}</h2>
        <button type="button" onClick={onClose} data-testid="deck-panel-close">
          {t('brief.decks.close')}
        </button>
      </header>
      <div className="deck-panel__actions">
        <button type="button" onClick={exportDeck} disabled={!deck} data-testid="deck-export">
          {t('brief.decks.export')}
        </button>
        <label className="deck-panel__file">
          {t('brief.decks.import')}
          <input
            type="file"
            accept=".json,application/json"
            onChange={importFile}
            data-testid="deck-import"
          />
        </label>
        <button
          type="button"
          onClick={() => setDraft(deck)}
          disabled={!deck || draft !== null}
          data-testid="deck-edit"
        >
          {t('brief.edit.heading')}
        </button>
      </div>
      {notice ? (
        <div
          className={`deck-panel__notice deck-panel__notice--${notice.kind}`}
          role={notice.kind === 'error' ? 'alert' : 'status'}
          data-testid="deck-notice"
        >
          <p>{notice.text}</p>
          {notice.reasons ? (
            <ul data-testid="deck-reasons">
              {notice.reasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {stored.corrupted.length > 0 ? (
        <p
          className="deck-panel__notice deck-panel__notice--error"
          role="status"
          data-testid="deck-corrupted"
        >
          {t('brief.decks.corrupted', { n: stored.corrupted.length, ids: stored.corrupted.join(', ') })}
        </p>
      ) : null}
      <h3>{t('brief.decks.stored')}</h3>
      <ul className="deck-panel__list" data-testid="deck-list">
        <li>
          <button
            type="button"
            onClick={() => onShow(null)}
            aria-current={deckId === null ? 'true' : undefined}
          >
            {t('brief.decks.show')}: {t('brief.decks.default')}
          </button>
        </li>
        {stored.decks.map((d) => (
          <li key={d.id} data-deck-id={d.id}>
            <button
              type="button"
              onClick={() => onShow(d.id)}
              aria-current={deckId === d.id ? 'true' : undefined}
            >
              {t('brief.decks.show')}: {b(d.title)}
            </button>{' '}
            <span className="deck-panel__meta">
              {d.id} · {t('brief.decks.slides', { n: d.slides.length })}
              {deckId === d.id ? ` · ${t('brief.decks.current')}` : ''}
            </span>{' '}
            <button
              type="button"
              onClick={() => remove(d.id)}
              aria-label={t('brief.decks.deleteLabel', { title: b(d.title) })}
            >
              {t('brief.decks.delete')}
            </button>
          </li>
        ))}
        {stored.decks.length === 0 ? <li>{t('brief.decks.none')}</li> : null}
      </ul>
      {draft ? (
        <DeckEditor draft={draft} onChange={setDraft} onSave={saveDraft} onNotice={setNotice} />
      ) : null}
    </div>
  );
}

function DeckEditor({
  draft,
  onChange,
  onSave,
  onNotice,
}: {
  draft: Deck;
  onChange: (deck: Deck) => void;
  onSave: () => void;
  onNotice: (notice: Notice) => void;
}) {
  const { t } = useLang();
  const edit = (index: number, patch: Partial<Slide>) => onChange(updateSlide(draft, index, patch));
  return (
    <section className="deck-editor" aria-labelledby="deck-editor-heading" data-testid="deck-editor">
      <h3 id="deck-editor-heading">{t('brief.edit.heading')}</h3>
      <label>
        {t('brief.edit.deckTitleZh')}
        <input
          value={draft.title.zh}
          onChange={(e) =>
            onChange({ ...draft, title: { ...draft.title, zh: clip(e.target.value, 'title') } })
          }
        />
      </label>
      <label>
        {t('brief.edit.deckTitleEn')}
        <input
          value={draft.title.en}
          data-testid="deck-title-en"
          onChange={(e) =>
            onChange({ ...draft, title: { ...draft.title, en: clip(e.target.value, 'title') } })
          }
        />
      </label>
      <ol className="deck-editor__slides">
        {draft.slides.map((slide, i) => (
          <li key={slide.id} data-testid="deck-editor-slide" data-slide-id={slide.id}>
            <SlideEditor
              slide={slide}
              n={i + 1}
              count={draft.slides.length}
              onEdit={(patch) => edit(i, patch)}
              onMove={(to) => onChange(moveSlide(draft, i, to))}
              onRemove={() => onChange(removeSlide(draft, i))}
              onNotice={onNotice}
            />
          </li>
        ))}
      </ol>
      <button type="button" onClick={onSave} data-testid="deck-save">
        {t('brief.edit.save')}
      </button>
    </section>
  );
}

function SlideEditor({
  slide,
  n,
  count,
  onEdit,
  onMove,
  onRemove,
  onNotice,
}: {
  slide: Slide;
  n: number;
  count: number;
  onEdit: (patch: Partial<Slide>) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
  onNotice: (notice: Notice) => void;
}) {
  const { t } = useLang();
  const parkName = useParkNames();
  const urlCamera = useViewState().state.camera;
  // Points are edited as lines; the text is kept while typing so an empty line is not lost at once.
  const [pointsZh, setPointsZh] = useState(() => slide.points.map((p) => p.zh).join('\n'));
  const [pointsEn, setPointsEn] = useState(() => slide.points.map((p) => p.en).join('\n'));
  const notes = slide.notes ?? { zh: '', en: '' };
  const toggle = <T extends string>(list: readonly string[], value: T, on: boolean) =>
    on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value);
  const takeCurrentView = () => {
    const camera = urlCamera;
    // The live map first: the URL's camera is written only when a move ends.
    const map = window.__atlas?.map;
    if (map) {
      const c = map.getCenter();
      onEdit({
        camera: slideCameraFrom({
          lng: c.lng,
          lat: c.lat,
          zoom: map.getZoom(),
          bearing: map.getBearing(),
          pitch: map.getPitch(),
        }),
      });
    } else if (camera) onEdit({ camera: slideCameraFrom(camera) });
    else onNotice({ kind: 'error', text: t('brief.edit.noMap') });
  };
  const cameraText = slide.camera
    ? `${slide.camera.lat}, ${slide.camera.lng} · z${slide.camera.zoom} · ${slide.camera.bearing}° · ${slide.camera.pitch}°`
    : t('brief.presenter.cameraFit');
  return (
    <fieldset className="deck-editor__slide">
      <legend>
        {t('brief.edit.slide', { n })} · {slide.id}
      </legend>
      <div className="deck-editor__row">
        <button type="button" onClick={() => onMove(n - 2)} disabled={n === 1} data-testid="slide-up">
          {t('brief.edit.up')}
        </button>
        <button type="button" onClick={() => onMove(n)} disabled={n === count} data-testid="slide-down">
          {t('brief.edit.down')}
        </button>
        <button type="button" onClick={onRemove} disabled={count === 1}>
          {t('brief.edit.remove')}
        </button>
      </div>
      <label>
        {t('brief.edit.titleZh')}
        <input
          value={slide.title.zh}
          onChange={(e) => onEdit({ title: { ...slide.title, zh: clip(e.target.value, 'title') } })}
        />
      </label>
      <label>
        {t('brief.edit.titleEn')}
        <input
          value={slide.title.en}
          data-testid="slide-title-en"
          onChange={(e) => onEdit({ title: { ...slide.title, en: clip(e.target.value, 'title') } })}
        />
      </label>
      <label>
        {t('brief.edit.pointsZh')}
        <textarea
          rows={3}
          value={pointsZh}
          onChange={(e) => {
            setPointsZh(e.target.value);
            onEdit({ points: pointsFromLines(e.target.value, pointsEn) });
          }}
        />
      </label>
      <label>
        {t('brief.edit.pointsEn')}
        <textarea
          rows={3}
          value={pointsEn}
          onChange={(e) => {
            setPointsEn(e.target.value);
            onEdit({ points: pointsFromLines(pointsZh, e.target.value) });
          }}
        />
      </label>
      <label>
        {t('brief.edit.notesZh')}
        <textarea
          rows={2}
          value={notes.zh}
          onChange={(e) => onEdit({ notes: { ...notes, zh: clip(e.target.value, 'notes') } })}
        />
      </label>
      <label>
        {t('brief.edit.notesEn')}
        <textarea
          rows={2}
          value={notes.en}
          data-testid="slide-notes-en"
          onChange={(e) => onEdit({ notes: { ...notes, en: clip(e.target.value, 'notes') } })}
        />
      </label>
      <fieldset>
        <legend>{t('brief.edit.layers')}</legend>
        {LAYER_GROUPS.map((group: LayerGroup) => (
          <label key={group} className="deck-editor__check">
            <input
              type="checkbox"
              checked={slide.layers.includes(group)}
              onChange={(e) => onEdit({ layers: toggle(slide.layers, group, e.target.checked) })}
            />
            {t(`layer.${group}`)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('brief.edit.parks')}</legend>
        {PARK_IDS.map((id) => (
          <label key={id} className="deck-editor__check">
            <input
              type="checkbox"
              checked={slide.parks.includes(id)}
              onChange={(e) => onEdit({ parks: toggle(slide.parks, id, e.target.checked) })}
            />
            {parkName(id)}
          </label>
        ))}
      </fieldset>
      <p data-testid="slide-camera">{t('brief.edit.camera', { camera: cameraText })}</p>
      <div className="deck-editor__row">
        <button type="button" onClick={takeCurrentView} data-testid="slide-use-view">
          {t('brief.edit.useView')}
        </button>
        <button type="button" onClick={() => onEdit({ camera: null })} disabled={slide.camera === null}>
          {t('brief.edit.clearCamera')}
        </button>
      </div>
    </fieldset>
  );
}
