import type { DatasetIndex } from '../data/dataset-index.ts';
import type { Evidence } from '../data/schema.ts';
import { select, showParagraph } from '../view/view-actions.ts';
import { update } from '../view/view-store.ts';

/**
 * Each quote with a "¶ N" button that opens the Source view at that paragraph. The selection
 * is left alone so the Source view can mark the quoted words.
 */
export function EvidenceList({ evidence }: { evidence: readonly Evidence[] }) {
  // Imported graphs carry no quotes: say so rather than leave a gap a reader could misread.
  if (evidence.length === 0) return <p className="no-evidence muted">No evidence given</p>;
  return (
    <ul className="evidence-list">
      {evidence.map((e, i) => (
        <li key={`${e.paragraph}:${i}`} className="evidence">
          <blockquote>
            <q>{e.quote}</q>
          </blockquote>
          <button
            type="button"
            className="button small evidence-ref"
            title={`Show paragraph ${e.paragraph} in the source`}
            onClick={() => update(showParagraph(e.paragraph))}>
            {`¶ ${e.paragraph}`}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** A button that selects an actor; an id missing from the dataset is shown as plain text. */
export function ActorButton({ index, id }: { index: DatasetIndex; id: string }) {
  const actor = index.actorById.get(id);
  if (!actor) return <span className="muted">{id} (not in the dataset)</span>;
  return (
    <button type="button" className="link-button" onClick={() => update(select({ kind: 'actor', id }))}>
      {actor.name}
    </button>
  );
}

export function NotInDataset() {
  return <p className="details-missing">This item is not in the dataset.</p>;
}
