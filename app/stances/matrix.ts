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
