import { Fragment, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { DatasetIndex } from '../data/dataset-index.ts';
import { select, showParagraph } from '../view/view-actions.ts';
import { update, useView } from '../view/view-store.ts';
import { PositionBadge } from '../ui/position-badge.tsx';
import { RelationTypeBadge } from '../ui/relation-type-badge.tsx';
import { belongsToSelection, claimsFor, isSelected, quotesByParagraph, selectionEvidence, selectionLabel, type Claim } from './citations.ts';
import { highlightSegments } from './highlight.ts';
import './source-view.css';
import { plural } from '../ui/plural.ts';
import { safeWebUrl } from '../ui/safe-url.ts';

/**
 * The source text with every claim tied back to the words it quotes: each paragraph lists the
 * claims that cite it, and the current selection's quotes are marked in place.
 */
export function SourceView({ index }: { index: DatasetIndex }) {
  const { source, title: datasetTitle } = index.dataset;
  const paragraph = useView((s) => s.paragraph);
  const selection = useView((s) => s.selection);
  const view = useView((s) => s.view);
  const headingId = useId();
  const listRef = useRef<HTMLOListElement>(null);

  const claimsByParagraph = useMemo(() => {
    const out = new Map<number, Claim[]>();
    for (const [n, refs] of index.evidenceByParagraph) out.set(n, claimsFor(index, refs));
    return out;
  }, [index]);
  const quotes = useMemo(() => quotesByParagraph(selectionEvidence(index, selection)), [index, selection]);
  const cited = useMemo(() => [...quotes.keys()].sort((a, b) => a - b), [quotes]);
  const label = selectionLabel(index, selection);
  // The schema already refuses other schemes; a link is the one place data becomes an action.
  const originalUrl = safeWebUrl(source.url);

  // Also runs when the Source tab becomes the view, in case it was mounted while hidden.
  useEffect(() => {
    if (paragraph === null || view !== 'source') return;
    const item = Number.isInteger(paragraph) ? listRef.current?.children.item(paragraph - 1) : null;
    if (item && typeof item.scrollIntoView === 'function') item.scrollIntoView({ block: 'center' });
  }, [paragraph, view]);

  const outOfRange = paragraph !== null && (paragraph < 1 || paragraph > source.paragraphs.length);

  return (
    <section className="source-view" aria-labelledby={headingId}>
      <header className="source-header">
        <h2 id={headingId}>{source.title}</h2>
        <p className="source-meta muted">
          {source.publisher && <span>{source.publisher}</span>}
          {originalUrl && (
            <a href={originalUrl} target="_blank" rel="noopener noreferrer">
              Read the original<span className="visually-hidden"> (opens in a new tab)</span>
            </a>
          )}
          <span>
            Source of “{datasetTitle}” · {plural(source.paragraphs.length, 'paragraph', 'paragraphs')}
          </span>
        </p>
      </header>

      {selection && <SelectionBar label={label} cited={cited} paragraph={paragraph} />}
      {outOfRange && (
        <p className="notice" role="status">
          Paragraph {paragraph} is not in this source; it has {plural(source.paragraphs.length, 'paragraph', 'paragraphs')}.
        </p>
      )}

      <ol className="source-paragraphs" ref={listRef}>
        {source.paragraphs.map((text, i) => {
          const n = i + 1;
          return (
            <ParagraphItem
              key={n}
              n={n}
              text={text}
              current={n === paragraph}
              quotes={quotes.get(n)}
              claims={claimsByParagraph.get(n) ?? []}
            />
          );
        })}
      </ol>
    </section>
  );
}

function SelectionBar({ label, cited, paragraph }: { label: string | null; cited: readonly number[]; paragraph: number | null }) {
  if (label === null)
    return <p className="source-selection muted">The selected item is not in this dataset, so no words are marked.</p>;
  const previous = paragraph === null ? undefined : cited.filter((n) => n < paragraph).at(-1);
  const next = cited.find((n) => paragraph === null || n > paragraph);
  return (
    <div className="source-selection">
      <p>
        Evidence for <strong>{label}</strong>:{' '}
        {cited.length === 0
          ? 'No evidence given; no paragraph is cited.'
          : `cited in ${cited.length === 1 ? 'paragraph' : 'paragraphs'} ${cited.join(', ')}; the quoted words are marked.`}
      </p>
      {cited.length > 0 && (
        <div className="source-steps">
          <button
            type="button"
            className="button small"
            disabled={previous === undefined}
            onClick={() => previous !== undefined && update(showParagraph(previous))}>
            <span aria-hidden="true">↑</span> Previous cited paragraph
          </button>
          <button
            type="button"
            className="button small"
            disabled={next === undefined}
            onClick={() => next !== undefined && update(showParagraph(next))}>
            <span aria-hidden="true">↓</span> Next cited paragraph
          </button>
        </div>
      )}
    </div>
  );
}

interface ParagraphProps {
  n: number;
  text: string;
  current: boolean;
  /** The selection's quotes from this paragraph, if it cites it. */
  quotes: readonly string[] | undefined;
  claims: readonly Claim[];
}

function ParagraphItem({ n, text, current, quotes, claims }: ParagraphProps) {
  const [open, setOpen] = useState(false);
  const claimsId = useId();
  const segments = useMemo(() => highlightSegments(text, quotes ?? []), [text, quotes]);
  const className = ['source-paragraph', current && 'current', quotes && 'cited'].filter(Boolean).join(' ');

  return (
    <li id={`para-${n}`} className={className} aria-current={current ? 'true' : undefined}>
      <div className="para-head">
        <span className="para-marker">{`¶ ${n}`}</span>
        {quotes && (
          <span className="cited-tag" title="The selection quotes this paragraph">
            cited
          </span>
        )}
      </div>
      <p className="para-text">
        {segments.length === 0 ? (
          <span className="muted">(empty paragraph)</span>
        ) : (
          segments.map((s, i) => (s.marked ? <mark key={i}>{s.text}</mark> : <Fragment key={i}>{s.text}</Fragment>))
        )}
      </p>
      {claims.length === 0 ? (
        <p className="para-claims muted">No claims cite this paragraph.</p>
      ) : (
        <div className="para-claims">
          <button
            type="button"
            className="link-button claims-toggle"
            aria-expanded={open}
            aria-controls={claimsId}
            onClick={() => setOpen((o) => !o)}>
            {`Supports ${plural(claims.length, 'claim', 'claims')}`}
            <span className="chevron" aria-hidden="true" />
          </button>
          <ClaimList id={claimsId} claims={claims} hidden={!open} />
        </div>
      )}
    </li>
  );
}

function ClaimList({ id, claims, hidden }: { id: string; claims: readonly Claim[]; hidden: boolean }) {
  const selection = useView((s) => s.selection);
  return (
    <ul id={id} className="claim-list" hidden={hidden}>
      {claims.map((claim) => {
        const selected = isSelected(claim, selection);
        // Two claims can share a label (three "China → South Korea" tensions); their quotes tell them apart.
        const quotesId = `${id}-${claim.key}`;
        const className = ['claim', belongsToSelection(claim, selection) && 'in-selection'].filter(Boolean).join(' ');
        return (
          <li key={claim.key} className={className}>
            <button
              type="button"
              className="claim-button"
              aria-label={claim.label}
              aria-describedby={quotesId}
              aria-current={selected ? 'true' : undefined}
              onClick={() =>
                update(select(claim.kind === 'relation' ? { kind: 'relation', id: claim.id } : { kind: 'stance', actor: claim.actor, topic: claim.topic }))
              }>
              <span className="claim-title">{claim.title}</span>
              {claim.kind === 'relation' ? <RelationTypeBadge type={claim.type} /> : <PositionBadge position={claim.position} />}
              {selected && <span className="selected-tag">Selected</span>}
            </button>
            <div id={quotesId}>
              {claim.quotes.map((q) => (
                <q key={q} className="claim-quote">
                  {q}
                </q>
              ))}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
