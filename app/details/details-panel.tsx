import { memo, useDeferredValue, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Selection } from '../view/view-state.ts';
import type { DatasetIndex } from '../data/dataset-index.ts';
import type { Visible } from '../view/visible.ts';
import { select } from '../view/view-actions.ts';
import { update, useView } from '../view/view-store.ts';
import { formatDate } from './labels.ts';
import { plural } from '../ui/plural.ts';
import './details-panel.css';

type SelectionView = typeof import('./selection-details.tsx').selectionDetails;

/**
 * The details of a selection are most of this panel's code, and the first view shows the
 * overview: they load once the panel is on screen, not with the page.
 */
const loadSelectionDetails = () => import('./selection-details.tsx');

function useSelectionView(): SelectionView | null {
  const [loaded, setLoaded] = useState<{ view: SelectionView } | { error: unknown } | null>(null);
  useEffect(() => {
    let current = true;
    loadSelectionDetails().then(
      (m) => current && setLoaded({ view: m.selectionDetails }),
      (error: unknown) => current && setLoaded({ error }),
    );
    return () => {
      current = false;
    };
  }, []);
  // Thrown here, a failed download reaches the panel's error boundary and its "Reload this panel".
  if (loaded !== null && 'error' in loaded) throw loaded.error;
  return loaded?.view ?? null;
}

/**
 * What the selection says and the quotes that back it; an overview of the dataset otherwise.
 *
 * The selection reaches the panel at deferred priority: a click on the graph draws its emphasis
 * first, and the details, a larger render, follow in the next task rather than holding that frame
 * back. The content is memoised so the urgent render, which still sees the old selection, skips it.
 */
export function DetailsPanel({ index, visible }: { index: DatasetIndex; visible: Visible }) {
  const selection = useDeferredValue(useView((s) => s.selection));
  return <DetailsContent index={index} visible={visible} selection={selection} />;
}

const DetailsContent = memo(function DetailsContent({
  index,
  visible,
  selection,
}: {
  index: DatasetIndex;
  visible: Visible;
  selection: Selection | null;
}) {
  const selectionDetails = useSelectionView();
  const panelRef = useRef<HTMLElement>(null);
  const lastFocused = useRef<Element | null>(null);

  // A button in the panel that changes the selection (a relation's end, a member, "Clear
  // selection") is replaced by the new content, and the browser drops focus to <body>: a keyboard
  // user would start again at the top of the page. Put them on the new heading instead.
  useLayoutEffect(() => {
    const last = lastFocused.current;
    const active = document.activeElement;
    if (last === null || last.isConnected || (active !== null && active !== document.body)) return;
    lastFocused.current = null;
    panelRef.current?.querySelector<HTMLElement>('h2')?.focus();
  }, [selection]);

  return (
    <aside
      ref={panelRef}
      aria-label="Details"
      className="details-panel"
      onFocus={(e) => (lastFocused.current = e.target)}
      onBlur={(e) => {
        // Focus that leaves for elsewhere on the page is the reader's choice, not a lost place.
        if (e.relatedTarget !== null && !e.currentTarget.contains(e.relatedTarget)) lastFocused.current = null;
      }}
    >
      {selection === null ? (
        <Overview index={index} />
      ) : (
        <>
          <div className="details-toolbar">
            <button type="button" className="button small" onClick={() => update(select(null))}>
              <span aria-hidden="true">✕</span> Clear selection
            </button>
          </div>
          {selectionDetails ? (
            selectionDetails(index, visible, selection)
          ) : (
            <p className="muted" role="status">
              Loading the details…
            </p>
          )}
        </>
      )}
    </aside>
  );
});

function Overview({ index }: { index: DatasetIndex }) {
  const d = index.dataset;
  return (
    <>
      <div className="details-card details-head">
        <h2 tabIndex={-1}>Details</h2>
        <p className="muted">
          Select an actor or a relation in the graph, the table or the search to see who stands where, with whom, and why —
          with the quotes that say so.
        </p>
      </div>
      <section className="details-card" aria-label="About this dataset">
        <h3>{d.title}</h3>
        <p className="dataset-date">
          <time dateTime={d.date}>{formatDate(d.date, 'en-GB')}</time>
        </p>
        {d.description && <p>{d.description}</p>}
        <p className="muted">
          {plural(d.actors.length, 'actor', 'actors')} · {plural(d.relations.length, 'relation', 'relations')} ·{' '}
          {plural(d.stances.length, 'stance', 'stances')}
        </p>
        <UnevidencedCount index={index} />
        <p className="dataset-source">
          Source: <cite>{d.source.title}</cite>
          {d.source.publisher && <> ({d.source.publisher})</>}
        </p>
        <p className="dataset-codebook">
          {/* Relative, like the datasets themselves: the app may be served from a sub-path. */}
          <a href="data/CODEBOOK.md">Codebook</a>: how the bundled datasets are coded
        </p>
      </section>
    </>
  );
}

/** Claims that cite no quote, counted so the reader knows how much of the graph rests on the file's word alone. */
function UnevidencedCount({ index }: { index: DatasetIndex }) {
  const d = index.dataset;
  const relations = d.relations.filter((r) => r.evidence.length === 0).length;
  const stances = d.stances.filter((s) => s.evidence.length === 0).length;
  if (relations + stances === 0) return <p className="muted">Every relation and stance cites the source.</p>;
  const parts = [relations > 0 && plural(relations, 'relation', 'relations'), stances > 0 && plural(stances, 'stance', 'stances')].filter(Boolean);
  return (
    <p className="no-evidence-count">
      No evidence given for {parts.join(' and ')}: {relations + stances === 1 ? 'it is' : 'they are'} shown as the dataset states{' '}
      {relations + stances === 1 ? 'it' : 'them'}, without a quote.
    </p>
  );
}
