import { useEffect, useMemo, useRef, useState } from 'react';
import type { DatasetIndex } from '../data/dataset-index.ts';
import type { Visible } from '../view/visible.ts';
import { update, useView } from '../view/view-store.ts';
import { select } from '../view/view-actions.ts';
import { PositionBadge, positionInfo } from '../ui/position-badge.tsx';
import { pageStart, rowsPerPage, stanceMatrix } from './matrix.ts';
import './stance-matrix.css';

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function captionText(rows: number, columns: number, omittedActors: number, omittedTopics: number): string {
  const left = [omittedActors > 0 ? count(omittedActors, 'actor') : '', omittedTopics > 0 ? count(omittedTopics, 'topic') : '']
    .filter(Boolean)
    .join(' and ');
  return [
    `Stances of ${count(rows, 'visible actor')} on ${count(columns, 'enabled topic')}.`,
    left ? `${left} without any stance ${omittedActors + omittedTopics === 1 ? 'is' : 'are'} left out.` : '',
    'Activate a cell to see its evidence.',
  ]
    .filter(Boolean)
    .join(' ');
}

export function StanceMatrix({ index, visible }: { index: DatasetIndex; visible: Visible }) {
  const selection = useView((s) => s.selection);
  const matrix = useMemo(() => stanceMatrix(index, visible), [index, visible]);
  const selectedCell = useRef<HTMLTableCellElement>(null);
  const selected = selection?.kind === 'stance' ? selection : null;
  const selectedKey = selected ? `${selected.actor} ${selected.topic}` : null;
  const perPage = rowsPerPage(matrix.columns.length);
  const [pageChoice, setPage] = useState(0);
  // A selection made elsewhere opens the page that holds its row; otherwise the reader's page,
  // pulled back in range when a filter shortens the list.
  const selectedRow = selected ? matrix.rows.indexOf(selected.actor) : -1;
  const [followed, setFollowed] = useState<string | null>(null);
  if (selectedKey !== followed) {
    setFollowed(selectedKey);
    if (selectedRow >= 0) setPage(pageStart(selectedRow, perPage));
  }
  const first = Math.min(pageChoice, pageStart(matrix.rows.length - 1, perPage));
  const shownRows = matrix.rows.slice(first, first + perPage);
  const paged = matrix.rows.length > perPage;

  // The selection may come from the details panel or the source view; bring its cell into sight.
  useEffect(() => {
    if (selectedKey !== null) selectedCell.current?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [selectedKey]);

  if (matrix.rows.length === 0)
    return (
      <div className="stance-view">
        <p className="matrix-empty">
          {index.dataset.stances.length === 0 ? 'This dataset records no stances.' : 'No stances match these filters.'}
        </p>
      </div>
    );

  const topicLabel = (id: string) => index.topicById.get(id)?.label ?? id;

  return (
    <div className="stance-view">
      <div className="matrix-scroll" tabIndex={0} role="region" aria-label="Stance matrix">
        <table className="stance-matrix">
          <caption>
            {captionText(matrix.rows.length, matrix.columns.length, matrix.omittedActors.length, matrix.omittedTopics.length)}
            {paged && ` Showing actors ${first + 1}–${first + shownRows.length} of ${matrix.rows.length}, ${perPage} at a time so the page stays responsive.`}
          </caption>
          <thead>
            <tr>
              <th scope="col" className="corner">
                Actor
              </th>
              {matrix.columns.map((t) => (
                <th key={t} scope="col">
                  {topicLabel(t)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shownRows.map((a) => {
              const actor = index.actorById.get(a);
              const name = actor?.name ?? a;
              return (
                <tr key={a}>
                  <th scope="row">
                    <span className="actor-name">{name}</span>
                    {actor?.nativeName && (
                      <>
                        {' '}
                        <small className="native-name">{actor.nativeName}</small>
                      </>
                    )}
                  </th>
                  {matrix.columns.map((t) => {
                    const stance = matrix.cell(a, t);
                    if (!stance)
                      return (
                        <td key={t} className="no-stance">
                          <span aria-hidden="true">—</span>
                          <span className="visually-hidden">no stance</span>
                        </td>
                      );
                    const isSelected = selected?.actor === a && selected.topic === t;
                    return (
                      <td key={t} ref={isSelected ? selectedCell : undefined} className={isSelected ? 'is-selected' : undefined}>
                        <button
                          type="button"
                          className="stance-cell"
                          aria-label={`${name} on ${topicLabel(t)}: ${positionInfo[stance.position].label}`}
                          aria-current={isSelected ? 'true' : undefined}
                          onClick={() => update(select({ kind: 'stance', actor: a, topic: t }))}
                        >
                          <PositionBadge position={stance.position} />
                        </button>
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {paged && (
        <nav className="matrix-pages" aria-label="Stance matrix pages">
          <button type="button" className="button small" disabled={first === 0} onClick={() => setPage(Math.max(0, first - perPage))}>
            Previous actors
          </button>
          <span>
            Actors {first + 1}–{first + shownRows.length} of {matrix.rows.length}
          </span>
          <button
            type="button"
            className="button small"
            disabled={first + perPage >= matrix.rows.length}
            onClick={() => setPage(first + perPage)}
          >
            Next actors
          </button>
        </nav>
      )}
    </div>
  );
}
