/**
 * One search box for parks, stations, lines, facilities and districts: an editable combobox with
 * list autocomplete and automatic selection (WAI-ARIA 1.2 combobox pattern). Focus stays in the
 * input; the active option is named by aria-activedescendant. ↓/↑ move (and open), Home/End jump to
 * the first/last option while the list is open, Enter goes to the active option, Escape closes the
 * list and then clears the text.
 *
 * The index (geodata/search-index.json, pinyin computed at build time) is fetched the first time
 * the box is focused or hovered, not at first paint; matching is plain string comparison.
 */
import { type KeyboardEvent, useCallback, useEffect, useId, useMemo, useState } from 'react';
import type { ParkId } from '../../data/schemas.ts';
import { loadSearchIndex } from '../../data/search-index.ts';
import {
  districtName,
  type SearchEntry,
  type SearchHit,
  type SearchIndex,
  type SearchKind,
  search,
} from '../../domain/search.ts';
import { useLang } from '../../i18n/use-lang.ts';
import { useAtlasStore } from '../../state/store.ts';
import { useViewState } from '../../url/use-view-state.ts';
import { cameraForEntry } from './camera.ts';

/** The map's size, for fitting a line or a district (the whole window when there is no map). */
function mapSize(): { width: number; height: number } {
  const rect = document.querySelector('[data-testid="map"]')?.getBoundingClientRect();
  return rect && rect.width > 0 && rect.height > 0
    ? { width: rect.width, height: rect.height }
    : { width: window.innerWidth, height: window.innerHeight };
}

/** Consecutive hits of one kind (search() returns them grouped), with their option index. */
function groupsOf(
  hits: readonly SearchHit[],
): { kind: SearchKind; items: { hit: SearchHit; i: number }[] }[] {
  const groups: { kind: SearchKind; items: { hit: SearchHit; i: number }[] }[] = [];
  hits.forEach((hit, i) => {
    const last = groups[groups.length - 1];
    if (last && last.kind === hit.entry.kind) last.items.push({ hit, i });
    else groups.push({ kind: hit.entry.kind, items: [{ hit, i }] });
  });
  return groups;
}

export function SearchBox() {
  const { t, lang } = useLang();
  const { update } = useViewState();
  const setSearchFocus = useAtlasStore((s) => s.setSearchFocus);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [index, setIndex] = useState<SearchIndex | null>(null);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const inputId = `${id}-input`;
  const listId = `${id}-list`;
  const optionId = (i: number) => `${id}-option-${i}`;

  const loadIndex = useCallback(() => {
    if (index || error) return;
    loadSearchIndex().then(setIndex, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [index, error]);

  const hits = useMemo(() => (index ? search(index, query) : []), [index, query]);
  const typed = query.trim() !== '';
  const expanded = open && typed && hits.length > 0;
  const activeIndex = Math.min(active, hits.length - 1);

  useEffect(() => {
    if (expanded && activeIndex >= 0)
      document.getElementById(optionId(activeIndex))?.scrollIntoView({ block: 'nearest' });
  });

  const choose = (entry: SearchEntry) => {
    setQuery(entry.name[lang]);
    setOpen(false);
    if (entry.kind === 'park') {
      update({ page: { kind: 'atlas', parkId: entry.id as ParkId }, camera: null });
      return;
    }
    update({ camera: cameraForEntry(entry, mapSize()) });
    if (entry.kind !== 'district')
      setSearchFocus({ kind: entry.kind, id: entry.id, lng: entry.point[0], lat: entry.point[1] });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const n = hits.length;
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!expanded) {
          setOpen(true);
          setActive(0);
        } else setActive((activeIndex + 1) % n);
        return;
      case 'ArrowUp':
        e.preventDefault();
        if (!expanded) {
          setOpen(true);
          setActive(Math.max(0, n - 1));
        } else setActive(activeIndex <= 0 ? n - 1 : activeIndex - 1);
        return;
      case 'Home':
      case 'End':
        if (!expanded) return; // the caret moves in the text as usual
        e.preventDefault();
        setActive(e.key === 'Home' ? 0 : n - 1);
        return;
      case 'Enter': {
        const hit = expanded ? hits[Math.max(0, activeIndex)] : undefined;
        if (!hit) return;
        e.preventDefault();
        choose(hit.entry);
        return;
      }
      case 'Escape':
        if (expanded) {
          e.preventDefault();
          setOpen(false);
        } else if (query) {
          e.preventDefault();
          setQuery('');
        }
        return;
    }
  };

  const other = lang === 'zh' ? 'en' : 'zh';
  const status = !typed
    ? ''
    : error
      ? t('search.error', { message: error })
      : !index
        ? t('search.loading')
        : hits.length === 0
          ? t('search.none')
          : t('search.count', { count: hits.length });

  return (
    <search className="search" data-testid="search">
      <label htmlFor={inputId} className="visually-hidden">
        {t('search.label')}
      </label>
      <input
        id={inputId}
        className="search__input"
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && activeIndex >= 0 ? optionId(activeIndex) : undefined}
        autoComplete="off"
        spellCheck={false}
        enterKeyHint="search"
        placeholder={t('search.placeholder')}
        value={query}
        maxLength={10_000}
        onFocus={loadIndex}
        onPointerEnter={loadIndex}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
          setActive(0);
          loadIndex();
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
        data-testid="search-input"
      />
      <div
        className="search__list"
        role="listbox"
        id={listId}
        aria-label={t('search.listLabel')}
        hidden={!expanded}
        data-testid="search-list"
      >
        {expanded
          ? groupsOf(hits).map((group) => (
              // biome-ignore lint/a11y/useSemanticElements: a listbox's groups are role=group (a fieldset is not allowed in a listbox)
              <div
                key={group.kind}
                role="group"
                aria-labelledby={`${id}-group-${group.kind}`}
                className="search__group"
              >
                <div id={`${id}-group-${group.kind}`} className="search__group-label">
                  {t(`search.group.${group.kind}`)}
                </div>
                {group.items.map(({ hit, i }) => {
                  const e = hit.entry;
                  const district = districtName(index!, e.district);
                  const meta = [
                    t(`search.kind.${e.kind}`),
                    district ? district[lang] : null,
                    e.status && e.status !== 'open' ? t(`status.${e.status}` as 'status.planned') : null,
                  ].filter(Boolean);
                  return (
                    // biome-ignore lint/a11y/useKeyWithClickEvents: keyboard use is on the combobox input (aria-activedescendant)
                    <div
                      key={`${e.kind}:${e.id}`}
                      id={optionId(i)}
                      role="option"
                      tabIndex={-1}
                      aria-selected={i === activeIndex}
                      className={`search__option${i === activeIndex ? ' search__option--active' : ''}`}
                      data-kind={e.kind}
                      data-id={e.id}
                      // Keep the focus in the input: the click chooses, the input stays the combobox.
                      onMouseDown={(event) => event.preventDefault()}
                      onClick={() => choose(e)}
                    >
                      <span className="search__name">{e.name[lang]}</span>
                      {e.name[other] !== e.name[lang] ? (
                        <span className="search__other" lang={other === 'zh' ? 'zh-CN' : 'en'}>
                          {e.name[other]}
                        </span>
                      ) : null}
                      <span className="search__meta">{meta.join(' · ')}</span>
                    </div>
                  );
                })}
              </div>
            ))
          : null}
      </div>
      <div className="visually-hidden" role="status" aria-live="polite" data-testid="search-status">
        {status}
      </div>
      {typed && open && index && hits.length === 0 ? (
        <p className="search__none" aria-hidden="true">
          {t('search.none')}
        </p>
      ) : null}
    </search>
  );
}
