import type { DatasetIndex } from '../data/dataset-index.ts';
import { relationTypes } from '../data/vocabulary.ts';
import type { Selection } from '../view/view-state.ts';
import type { Visible } from '../view/visible.ts';
import { relationStyles } from '../ui/relation-styles.ts';
import { plural } from '../ui/plural.ts';

/** Enough to know the shape of the picture; the table is the full text equivalent. */
const mostConnectedCount = 3;

/**
 * The canvas's text alternative: what the graph shows, from the same derived state as the
 * status line and the table, so a screen reader hears the picture change with the filters.
 */
export function graphSummary(index: DatasetIndex, visible: Visible, selection: Selection | null): string {
  const actors = plural(visible.actorIds.size, 'actor');
  if (visible.relations.length === 0) {
    return visible.actorIds.size === 0
      ? 'Graph, empty: no relations match these filters.'
      : `Graph of ${actors} and no relations: no relations match these filters.`;
  }
  const sentences = [`Graph of ${actors} and ${plural(visible.relations.length, 'relation')}`];

  const byType = relationTypes
    .map((type) => ({ type, n: visible.relations.filter((r) => r.type === type).length }))
    .filter(({ n }) => n > 0)
    .map(({ type, n }) => plural(n, relationStyles[type].label.toLowerCase()));
  sentences[0] += `: ${byType.join(', ')}.`;

  const degree = new Map<string, number>();
  for (const r of visible.relations) {
    degree.set(r.source, (degree.get(r.source) ?? 0) + 1);
    if (r.target !== r.source) degree.set(r.target, (degree.get(r.target) ?? 0) + 1);
  }
  const nameOf = (id: string) => index.actorById.get(id)?.name ?? id;
  const top = [...degree]
    .sort(([a, da], [b, db]) => db - da || nameOf(a).localeCompare(nameOf(b)))
    .slice(0, mostConnectedCount)
    .map(([id, d]) => `${nameOf(id)} (${plural(d, 'relation')})`);
  sentences.push(`Most connected: ${top.join(', ')}.`);

  const selected = selectedName(index, visible, selection);
  if (selected !== null) sentences.push(`Selected: ${selected}.`);
  return sentences.join(' ');
}

function selectedName(index: DatasetIndex, visible: Visible, selection: Selection | null): string | null {
  if (selection === null) return null;
  if (selection.kind === 'relation') {
    const r = index.relationById.get(selection.id);
    if (!r || !visible.relationIds.has(r.id)) return null;
    return `${index.actorById.get(r.source)?.name ?? r.source} ${r.directed ? 'to' : 'and'} ${index.actorById.get(r.target)?.name ?? r.target}`;
  }
  const id = selection.kind === 'actor' ? selection.id : selection.actor;
  return visible.actorIds.has(id) ? (index.actorById.get(id)?.name ?? null) : null;
}
