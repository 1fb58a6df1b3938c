import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { DatasetIndex } from '../data/dataset-index.ts';
import { searchActors } from '../view/search.ts';
import { update, useView } from '../view/view-store.ts';
import { select, setSearch } from '../view/view-actions.ts';
import './search-box.css';

const fieldLabel = { name: '', nativeName: 'native name', alias: 'also', role: 'role' } as const;

/** A combobox over actor names, native names, aliases and roles; `/` focuses it from anywhere. */
export function SearchBox({ index }: { index: DatasetIndex }) {
  const query = useView((s) => s.search);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();
  const hits = useMemo(() => searchActors(index, query), [index, query]);
  const showList = open && query.trim() !== '';

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
      const t = e.target as HTMLElement | null;
      if (t && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName))) return;
      e.preventDefault();
      inputRef.current?.focus();
      inputRef.current?.select();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const choose = (actorId: string) => {
    update(select({ kind: 'actor', id: actorId }));
    setOpen(false);
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      if (hits.length > 0) setActive((i) => (e.key === 'ArrowDown' ? (i + 1) % hits.length : (i - 1 + hits.length) % hits.length));
    } else if (e.key === 'Enter') {
      const hit = hits[Math.min(active, hits.length - 1)];
      if (hit && showList) {
        e.preventDefault();
        choose(hit.actorId);
      }
    } else if (e.key === 'Escape') {
      // Esc clears; a second Esc (already empty) leaves it to the page, which clears the selection.
      if (query !== '' || open) {
        e.preventDefault();
        e.stopPropagation();
        update(setSearch(''), 'replace');
        setOpen(false);
      }
    }
  };

  const activeHit = showList ? hits[Math.min(active, hits.length - 1)] : undefined;
  return (
    <div className="search-box">
      <label htmlFor={`${listId}-input`} className="search-label">
        Search actors
      </label>
      <div className="search-field">
        <input
          ref={inputRef}
          id={`${listId}-input`}
          type="search"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          placeholder="Name, 한글, alias or role   ( / )"
          aria-expanded={showList}
          aria-controls={`${listId}-list`}
          aria-autocomplete="list"
          aria-activedescendant={activeHit ? `${listId}-${activeHit.actorId}` : undefined}
          value={query}
          onChange={(e) => {
            update(setSearch(e.currentTarget.value), 'replace');
            setActive(0);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
      </div>
      {/* The listbox itself is silent while typing; this says how many matched. */}
      <span role="status" className="visually-hidden">
        {showList ? (hits.length === 0 ? 'No actor matches' : `${hits.length} ${hits.length === 1 ? 'actor matches' : 'actors match'}`) : ''}
      </span>
      <ul id={`${listId}-list`} role="listbox" aria-label="Matching actors" className="search-results" hidden={!showList}>
        {showList && hits.length === 0 && (
          <li className="no-hit" role="presentation">
            No actor matches “{query}”
          </li>
        )}
        {showList &&
          hits.map((hit, i) => {
            const actor = index.actorById.get(hit.actorId);
            if (!actor) return null;
            return (
              <li
                key={hit.actorId}
                id={`${listId}-${hit.actorId}`}
                role="option"
                aria-selected={i === Math.min(active, hits.length - 1)}
                className="search-option"
                // mousedown, not click: the input's blur would close the list first.
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(hit.actorId);
                }}
                onMouseEnter={() => setActive(i)}
              >
                <span className="option-name">{actor.name}</span>
                {actor.nativeName && <span className="option-native">{actor.nativeName}</span>}
                {hit.field !== 'name' && hit.field !== 'nativeName' && (
                  <span className="option-why">
                    {fieldLabel[hit.field]}: {hit.matched}
                  </span>
                )}
              </li>
            );
          })}
      </ul>
    </div>
  );
}
