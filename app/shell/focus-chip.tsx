import type { DatasetIndex } from '../data/dataset-index.ts';
import { update, useView } from '../view/view-store.ts';
import { clearFocus } from '../view/view-actions.ts';

/** Says what is focused and clears it; focus otherwise hides most of the graph without a trace. */
export function FocusChip({ index }: { index: DatasetIndex }) {
  const focus = useView((s) => s.focus);
  if (!focus) return null;
  const name = index.actorById.get(focus.actor)?.name ?? focus.actor;
  return (
    <div className="focus-chip">
      <span>
        Focused on <strong>{name}</strong>, {focus.depth} {focus.depth === 1 ? 'hop' : 'hops'}
      </span>
      <button type="button" className="chip-clear" aria-label={`Clear focus on ${name}`} onClick={() => update(clearFocus)}>
        ✕
      </button>
    </div>
  );
}
