import { useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import type { DatasetIndex } from '../data/dataset-index.ts';
import type { Actor } from '../data/schema.ts';
import type { SortColumn, TableSort } from '../view/view-state.ts';
import type { Visible } from '../view/visible.ts';
import { update, useView } from '../view/view-store.ts';
import { select, sortBy } from '../view/view-actions.ts';
import { RelationTypeBadge } from '../ui/relation-type-badge.tsx';
import { sortRelations, topicLabels } from './sort-relations.ts';
import './relations-table.css';

const columns: readonly { key: SortColumn; label: string }[] = [
  { key: 'source', label: 'Source' },
  { key: 'type', label: 'Type' },
  { key: 'target', label: 'Target' },
  { key: 'topics', label: 'Topics' },
  { key: 'summary', label: 'Summary' },
  { key: 'evidence', label: 'Evidence' },
];

/**
 * Rows drawn at a time. 100,000 rows took seconds to draw and again on every filter toggle;
 * more come on request, and sorting or filtering finds the others.
 */
const rowsPerStep = 500;

const dirWord = (dir: TableSort['dir']) => (dir === 'asc' ? 'ascending' : 'descending');

function sortSentence(sort: TableSort | null): string {
  if (!sort) return 'In dataset order.';
  const label = columns.find((c) => c.key === sort.column)?.label ?? sort.column;
  return `Sorted by ${label.toLowerCase()}, ${dirWord(sort.dir)}.`;
}

function ActorCell({ actor, fallback }: { actor: Actor | undefined; fallback: string }) {
  return (
    <>
      <span className="actor-name">{actor?.name ?? fallback}</span>
      {actor?.nativeName && (
        <>
          {' '}
          <small className="native-name">{actor.nativeName}</small>
        </>
      )}
    </>
  );
}

function SortHeader(props: { column: SortColumn; label: string; sort: TableSort | null; onSort: () => void }) {
  const { column, label, sort, onSort } = props;
  const active = sort?.column === column ? sort.dir : null;
  return (
    <th scope="col" className={`col-${column}`} aria-sort={active ? dirWord(active) : undefined}>
      <button
        type="button"
        className="sort-button"
        onClick={() => {
          update(sortBy(column));
          onSort();
        }}
      >
        {label}
        {/* The direction is announced through aria-sort; the arrow is for sighted readers. */}
        <span className={active ? 'sort-arrow' : 'sort-arrow idle'} aria-hidden="true">
          {active === 'asc' ? '↑' : active === 'desc' ? '↓' : '↕'}
        </span>
      </button>
    </th>
  );
}

export function RelationsTable({ index, visible }: { index: DatasetIndex; visible: Visible }) {
  const sort = useView((s) => s.sort);
  const selection = useView((s) => s.selection);
  const selectedId = selection?.kind === 'relation' ? selection.id : null;
  const rows = useMemo(() => sortRelations(index, visible.relations, sort), [index, visible.relations, sort]);
  const selectedRow = useRef<HTMLTableRowElement>(null);
  // Screen readers rarely announce an aria-sort change under the focused button, so say it once
  // the reader has sorted; before that the live region stays empty so mounting is silent.
  const [sortClicked, setSortClicked] = useState(false);
  const [limit, setLimit] = useState(rowsPerStep);
  // A row selected elsewhere (graph, search) must be drawn to be scrolled to.
  const selectedAt = selectedId === null ? -1 : rows.findIndex((r) => r.id === selectedId);
  const shown = Math.max(limit, selectedAt + 1);

  // The selection may come from the graph or the search box; bring its row into sight.
  useEffect(() => {
    if (selectedId !== null) selectedRow.current?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [selectedId]);

  const total = index.dataset.relations.length;
  if (rows.length === 0)
    return (
      <div className="relations-view">
        <p className="table-empty">{total === 0 ? 'This dataset records no relations.' : 'No relations match these filters'}</p>
      </div>
    );

  const onRowClick = (e: MouseEvent<HTMLTableRowElement>, id: string) => {
    // The row's button selects by itself; a drag that selects text to copy should not select the row.
    if (e.target instanceof Element && e.target.closest('button, a')) return;
    const textSelection = window.getSelection();
    if (textSelection && !textSelection.isCollapsed) return;
    update(select({ kind: 'relation', id }));
  };

  return (
    <div className="relations-view">
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Relations table">
        <table className="relations-table">
          <caption>
            Relations shown: {rows.length} of {total}. {sortSentence(sort)} Activate a row to see its evidence.
            {rows.length > shown && ` The first ${shown} rows are listed; sort or filter to find others, or list more below.`}
          </caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <SortHeader key={c.key} column={c.key} label={c.label} sort={sort} onSort={() => setSortClicked(true)} />
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, shown).map((r) => {
              const selected = r.id === selectedId;
              return (
                <tr
                  key={r.id}
                  ref={selected ? selectedRow : undefined}
                  className={selected ? 'is-selected' : undefined}
                  onClick={(e) => onRowClick(e, r.id)}
                >
                  <td className="col-source">
                    <ActorCell actor={index.actorById.get(r.source)} fallback={r.source} />
                  </td>
                  <td className="col-type">
                    <span className="type-cell">
                      <span className="direction">
                        <span aria-hidden="true">{r.directed ? '→' : '↔'}</span>
                        <span className="visually-hidden">{r.directed ? 'directed' : 'mutual'}</span>
                      </span>{' '}
                      <RelationTypeBadge type={r.type} />
                    </span>
                  </td>
                  <td className="col-target">
                    <ActorCell actor={index.actorById.get(r.target)} fallback={r.target} />
                  </td>
                  <td className="col-topics">{topicLabels(index, r).join(', ')}</td>
                  <td className="col-summary">
                    <button
                      type="button"
                      className="row-open"
                      aria-current={selected ? 'true' : undefined}
                      onClick={() => update(select({ kind: 'relation', id: r.id }))}
                    >
                      {r.summary}
                    </button>
                  </td>
                  <td className="col-evidence">{r.evidence.length > 0 ? r.evidence.length : <span className="muted">No evidence given</span>}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {rows.length > shown && (
        <p className="table-more">
          <button type="button" className="button small" onClick={() => setLimit(shown + rowsPerStep)}>
            List {Math.min(rowsPerStep, rows.length - shown)} more relations
          </button>{' '}
          {rows.length - shown} not listed yet
        </p>
      )}
      <p className="visually-hidden" aria-live="polite">
        {sortClicked ? sortSentence(sort) : ''}
      </p>
    </div>
  );
}
