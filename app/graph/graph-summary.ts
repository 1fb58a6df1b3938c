import type { DatasetIndex } from '../data/dataset-index.ts';
import { relationTypes } from '../data/vocabulary.ts';
import type { Selection } from '../view/view-state.ts';
import type { Visible } from '../view/visible.ts';
import { relationStyles } from '../ui/relation-styles.ts';
import { plural } from '../ui/plural.ts';

/** Enough to know the shape of the picture; the table is the full text equivalent. */
const mostConnectedCount = 3;

/**
 * The canvas's text alternative, in two parts so a screen reader hears the picture change with the
 * filters: what the graph shows, from the same derived state as the status line and the table,
 * and (`withSelection`) what is selected. This first part depends on the filters alone, so a
 * selection does not count the graph again: on every change of a 20,000-relation graph, counting
 * by type and ranking every actor by name were milliseconds of the page's own work before
 * Cytoscape drew anything.
 */
export function graphShape(index: DatasetIndex, visible: Visible): string {
  const actors = plural(visible.actorIds.size, 'actor');
  if (visible.relations.length === 0) {
    return visible.actorIds.size === 0
      ? 'Graph, empty: no relations match these filters.'
      : `Graph of ${actors} and no relations: no relations match these filters.`;
  }
  const typeCount = new Map<string, number>();
  const degree = new Map<string, number>();
  for (const r of visible.relations) {
    typeCount.set(r.type, (typeCount.get(r.type) ?? 0) + 1);
    degree.set(r.source, (degree.get(r.source) ?? 0) + 1);
    if (r.target !== r.source) degree.set(r.target, (degree.get(r.target) ?? 0) + 1);
  }
  const byType = relationTypes
    .filter((type) => typeCount.has(type))
    .map((type) => plural(typeCount.get(type)!, relationStyles[type].label.toLowerCase()));
  const nameOf = (id: string) => index.actorById.get(id)?.name ?? id;
  const top = mostConnected(degree, nameOf).map(([id, d]) => `${nameOf(id)} (${plural(d, 'relation')})`);
  return `Graph of ${actors} and ${plural(visible.relations.length, 'relation')}: ${byType.join(', ')}. Most connected: ${top.join(', ')}.`;
}

/** Adds the selected element's name to a shape sentence while it is shown. */
export function withSelection(shape: string, index: DatasetIndex, visible: Visible, selection: Selection | null): string {
  const selected = selectedName(index, visible, selection);
  return selected === null ? shape : `${shape} Selected: ${selected}.`;
}

/**
 * The first `mostConnectedCount` actors by degree, ties by name: kept in a list that short as the
 * degrees go by, so names are compared only where degrees tie near the top, not across a full sort.
 */
function mostConnected(degree: ReadonlyMap<string, number>, nameOf: (id: string) => string): [string, number][] {
  const before = ([a, da]: [string, number], [b, db]: [string, number]) => da > db || (da === db && nameOf(a).localeCompare(nameOf(b)) < 0);
  const top: [string, number][] = [];
  for (const entry of degree) {
    if (top.length === mostConnectedCount && !before(entry, top[top.length - 1]!)) continue;
    let i = top.length;
    while (i > 0 && before(entry, top[i - 1]!)) i--;
    top.splice(i, 0, entry);
    if (top.length > mostConnectedCount) top.pop();
  }
  return top;
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
