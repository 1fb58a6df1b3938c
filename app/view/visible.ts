import type { DatasetIndex } from '../data/dataset-index.ts';
import { relationTypes } from '../data/vocabulary.ts';
import type { Relation, RelationType } from '../data/schema.ts';
import type { ViewState } from './view-state.ts';
import { neighbourhood } from './focus.ts';

export interface Visible {
  actorIds: ReadonlySet<string>;
  relationIds: ReadonlySet<string>;
  /** Visible relations in dataset order. */
  relations: readonly Relation[];
  enabledTopics: ReadonlySet<string>;
  /**
   * For each filter choice: how many relations it keeps (when on) or would add (when off), with the
   * other filters as they are; under focus, within the focused neighbourhood.
   */
  counts: {
    topics: ReadonlyMap<string, number>;
    types: ReadonlyMap<RelationType, number>;
    groups: ReadonlyMap<string, number>;
  };
  /** Actors in the focused neighbourhood, or null when nothing is focused. */
  focusIds: ReadonlySet<string> | null;
}

type Filters = Pick<ViewState, 'hiddenTopics' | 'hiddenTypes' | 'hiddenGroups' | 'showUnconnected' | 'focus'> & Partial<Pick<ViewState, 'evidenceOnly'>>;

/**
 * The one place that decides what is shown. The graph, the table, the stance matrix, the
 * status line and the filter counts all read its result.
 *
 * A relation is visible when its type is on, it has an enabled topic, both ends are visible and,
 * under `evidenceOnly`, it cites at least one quote.
 * An actor is visible when its group is on and it has such a relation or a stance on an enabled
 * topic (or `showUnconnected` is set). A state is visible when a member is, or it is itself.
 * Focus keeps only the k-hop neighbourhood of the focused actor within those filters.
 */
export function deriveVisible(index: DatasetIndex, state: Filters): Visible {
  const { dataset } = index;
  const hiddenTopics = new Set(state.hiddenTopics);
  const hiddenTypes = new Set<string>(state.hiddenTypes);
  const hiddenGroups = new Set(state.hiddenGroups);
  const enabledTopics = new Set(dataset.topics.map((t) => t.id).filter((t) => !hiddenTopics.has(t)));

  // With no group hidden (the usual case) no relation end needs its group looked up.
  const groupOn = hiddenGroups.size === 0 ? () => true : (actorId: string) => !hiddenGroups.has(index.groupOf.get(actorId) ?? '');
  const typeOn = (r: Relation) => !hiddenTypes.has(r.type);
  const topicOn = (r: Relation) => r.topics.some((t) => enabledTopics.has(t));
  const evidenceOn = (r: Relation) => !state.evidenceOnly || r.evidence.length > 0;
  const endsOn = (r: Relation) => groupOn(r.source) && groupOn(r.target);

  let candidates = dataset.relations.filter((r) => evidenceOn(r) && typeOn(r) && topicOn(r) && endsOn(r));

  const actorIds = new Set<string>();
  let focusIds: Set<string> | null = null;
  if (state.focus && index.actorById.has(state.focus.actor)) {
    focusIds = neighbourhood(state.focus.actor, candidates, state.focus.depth);
    const inFocus = focusIds;
    candidates = candidates.filter((r) => inFocus.has(r.source) && inFocus.has(r.target));
  }
  for (const r of candidates) {
    actorIds.add(r.source);
    actorIds.add(r.target);
  }
  const inScope = (id: string) => groupOn(id) && (focusIds === null || focusIds.has(id));
  for (const s of dataset.stances) if (enabledTopics.has(s.topic) && inScope(s.actor)) actorIds.add(s.actor);
  if (state.showUnconnected) for (const a of dataset.actors) if (inScope(a.id)) actorIds.add(a.id);
  if (focusIds) for (const id of focusIds) if (groupOn(id)) actorIds.add(id);

  // Compound nodes: a drawn member needs its state (and that state's own state) drawn around it.
  for (const id of [...actorIds]) {
    let parent = index.actorById.get(id)?.parent;
    if (parent === undefined) continue;
    const seen = new Set<string>();
    while (parent !== undefined && !seen.has(parent)) {
      seen.add(parent);
      actorIds.add(parent);
      parent = index.actorById.get(parent)?.parent;
    }
  }

  return {
    actorIds,
    relationIds: new Set(candidates.map((r) => r.id)),
    relations: candidates,
    enabledTopics,
    counts: countChoices(index, { enabledTopics, typeOn, topicOn, endsOn, groupOn, evidenceOn, focusIds }),
    focusIds,
  };
}

function countChoices(
  index: DatasetIndex,
  f: {
    enabledTopics: ReadonlySet<string>;
    typeOn: (r: Relation) => boolean;
    topicOn: (r: Relation) => boolean;
    endsOn: (r: Relation) => boolean;
    groupOn: (id: string) => boolean;
    evidenceOn: (r: Relation) => boolean;
    focusIds: ReadonlySet<string> | null;
  },
): Visible['counts'] {
  const topics = new Map<string, number>(index.dataset.topics.map((t) => [t.id, 0]));
  const types = new Map<RelationType, number>(relationTypes.map((t) => [t, 0]));
  const groups = new Map<string, number>(index.groups.map((g) => [g.key, 0]));
  const bump = <K>(m: Map<K, number>, k: K) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const r of index.dataset.relations) {
    // A relation the evidence filter hides cannot be kept or added by any other choice.
    if (!f.evidenceOn(r)) continue;
    // Under focus, only relations inside the focused neighbourhood can be kept or added.
    if (f.focusIds && !(f.focusIds.has(r.source) && f.focusIds.has(r.target))) continue;
    const typeOk = f.typeOn(r);
    const ends = f.endsOn(r);
    // A topic keeps/adds the relation whatever the other topics say.
    if (typeOk && ends) for (const t of r.topics) bump(topics, t);
    if (f.topicOn(r) && ends) bump(types, r.type);
    if (typeOk && f.topicOn(r)) {
      const gs = index.groupOf.get(r.source) ?? '';
      const gt = index.groupOf.get(r.target) ?? '';
      // Switching group g on/off matters for this relation if the other end is on (or in g too).
      if (gs === gt) bump(groups, gs);
      else {
        if (f.groupOn(r.target)) bump(groups, gs);
        if (f.groupOn(r.source)) bump(groups, gt);
      }
    }
  }
  return { topics, types, groups };
}
