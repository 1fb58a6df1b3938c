import type { DatasetIndex } from '../data/dataset-index.ts';
import type { Relation } from '../data/schema.ts';
import type { SortColumn, TableSort } from '../view/view-state.ts';
import { relationStyles } from '../ui/relation-styles.ts';

export const actorName = (index: DatasetIndex, id: string): string => index.actorById.get(id)?.name ?? id;

export const topicLabels = (index: DatasetIndex, r: Relation): string[] => r.topics.map((t) => index.topicById.get(t)?.label ?? t);

/** The value a column shows, so the order matches what the reader sees rather than hidden ids. */
export function sortKey(index: DatasetIndex, r: Relation, column: SortColumn): string | number {
  switch (column) {
    case 'source':
      return actorName(index, r.source);
    case 'target':
      return actorName(index, r.target);
    case 'type':
      return relationStyles[r.type].label;
    case 'topics':
      return topicLabels(index, r).join(', ');
    case 'summary':
      return r.summary;
    case 'evidence':
      return r.evidence.length;
  }
}

const collator = new Intl.Collator(undefined, { numeric: true });

// Code-point order for the tie-break: ids are ASCII and the result must not vary by locale.
const byId = (a: Relation, b: Relation) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The table's row order. No sort keeps dataset order. Ties fall back to ascending id in both
 * directions, so equal rows never swap places when the direction flips.
 */
export function sortRelations(index: DatasetIndex, relations: readonly Relation[], sort: TableSort | null): readonly Relation[] {
  if (!sort) return relations;
  const sign = sort.dir === 'asc' ? 1 : -1;
  const keyed = relations.map((r) => ({ r, key: sortKey(index, r, sort.column) }));
  keyed.sort((a, b) => {
    const primary =
      typeof a.key === 'number' && typeof b.key === 'number' ? a.key - b.key : collator.compare(String(a.key), String(b.key));
    return primary !== 0 ? sign * primary : byId(a.r, b.r);
  });
  return keyed.map((k) => k.r);
}
