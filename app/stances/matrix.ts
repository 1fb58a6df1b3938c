import type { DatasetIndex } from '../data/dataset-index.ts';
import type { Stance } from '../data/schema.ts';
import type { Visible } from '../view/visible.ts';

export interface StanceMatrixData {
  /** Actor ids, in dataset order. */
  rows: readonly string[];
  /** Topic ids, in dataset order. */
  columns: readonly string[];
  cell: (actor: string, topic: string) => Stance | undefined;
  /** Visible actors with no stance on an enabled topic, so rows + omitted = visible actors. */
  omittedActors: readonly string[];
  /** Enabled topics on which no visible actor takes a stance. */
  omittedTopics: readonly string[];
}

const key = (actor: string, topic: string) => `${actor}\u0000${topic}`;

/**
 * What the stance matrix shows. An actor gets a row only if it holds a stance on a shown topic,
 * which also keeps out the states that are visible merely as containers of their members; a
 * topic gets a column only if a shown actor takes a stance on it. So no row or column is empty.
 */
export function stanceMatrix(index: DatasetIndex, visible: Visible): StanceMatrixData {
  const cells = new Map<string, Stance>();
  for (const s of index.dataset.stances)
    if (visible.actorIds.has(s.actor) && visible.enabledTopics.has(s.topic) && !cells.has(key(s.actor, s.topic)))
      cells.set(key(s.actor, s.topic), s);

  const withStance = new Set<string>();
  const topicsWithStance = new Set<string>();
  for (const s of cells.values()) {
    withStance.add(s.actor);
    topicsWithStance.add(s.topic);
  }

  const rows: string[] = [];
  const omittedActors: string[] = [];
  for (const a of index.dataset.actors)
    if (visible.actorIds.has(a.id)) (withStance.has(a.id) ? rows : omittedActors).push(a.id);

  const columns: string[] = [];
  const omittedTopics: string[] = [];
  for (const t of index.dataset.topics)
    if (visible.enabledTopics.has(t.id)) (topicsWithStance.has(t.id) ? columns : omittedTopics).push(t.id);

  return { rows, columns, cell: (actor, topic) => cells.get(key(actor, topic)), omittedActors, omittedTopics };
}

/**
 * Cells drawn at once. A matrix at the format's limits (200 topics, 20,000 stances) drawn whole
 * took 12 s to open and 2 s per filter toggle; at this size a page draws in a fraction of that.
 */
export const maxCellsShown = 2000;

/** How many actor rows one page of the matrix shows, so a page stays within maxCellsShown cells. */
export function rowsPerPage(columns: number): number {
  return Math.max(10, Math.floor(maxCellsShown / Math.max(1, columns)));
}

/** The first row of the page that holds `row` (or 0), for a page size. */
export function pageStart(row: number, perPage: number): number {
  return row < 0 ? 0 : row - (row % perPage);
}
