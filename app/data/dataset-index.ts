import type { Actor, Dataset, Relation, Stance, Topic } from './schema.ts';
import { normalizeForSearch } from './search-key.ts';

/** Key of the actor group for actors that belong to no state; ids cannot start with "_". */
export const noStateGroup = '_none';

export interface ActorGroup {
  key: string;
  label: string;
  /** Actors in the group, the state itself first. */
  members: readonly string[];
}

export type EvidenceRef =
  | { kind: 'relation'; id: string; quote: string }
  | { kind: 'stance'; actor: string; topic: string; quote: string };

export interface DatasetIndex {
  dataset: Dataset;
  actorById: ReadonlyMap<string, Actor>;
  relationById: ReadonlyMap<string, Relation>;
  topicById: ReadonlyMap<string, Topic>;
  groups: readonly ActorGroup[];
  groupOf: ReadonlyMap<string, string>;
  relationsByActor: ReadonlyMap<string, readonly Relation[]>;
  stancesByActor: ReadonlyMap<string, readonly Stance[]>;
  childrenOf: ReadonlyMap<string, readonly string[]>;
  /** Which claims cite each paragraph (1-based). */
  evidenceByParagraph: ReadonlyMap<number, readonly EvidenceRef[]>;
  /** Normalised search keys per actor: name, native name, aliases, role. */
  searchKeys: ReadonlyMap<string, readonly { field: SearchField; text: string; key: string }[]>;
  /** Some actor carries a saved position, so the "Saved positions" layout means something. */
  hasSavedPositions: boolean;
}

export type SearchField = 'name' | 'nativeName' | 'alias' | 'role';

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Built once per dataset; every view reads these maps instead of scanning arrays. */
export function buildIndex(dataset: Dataset): DatasetIndex {
  const actorById = new Map(dataset.actors.map((a) => [a.id, a]));
  const relationById = new Map(dataset.relations.map((r) => [r.id, r]));
  const topicById = new Map(dataset.topics.map((t) => [t.id, t]));

  const groupOf = new Map<string, string>();
  const groupMembers = new Map<string, string[]>();
  for (const a of dataset.actors) {
    const key = a.kind === 'state' ? a.id : a.parent !== undefined ? a.parent : noStateGroup;
    groupOf.set(a.id, key);
    const members = groupMembers.get(key) ?? [];
    if (a.kind === 'state') members.unshift(a.id);
    else members.push(a.id);
    groupMembers.set(key, members);
  }
  const groups: ActorGroup[] = [];
  for (const a of dataset.actors)
    if (a.kind === 'state') groups.push({ key: a.id, label: a.name, members: groupMembers.get(a.id) ?? [a.id] });
  const loose = groupMembers.get(noStateGroup);
  if (loose) groups.push({ key: noStateGroup, label: 'Not part of a state', members: loose });

  const relationsByActor = new Map<string, Relation[]>();
  const evidenceByParagraph = new Map<number, EvidenceRef[]>();
  for (const r of dataset.relations) {
    push(relationsByActor, r.source, r);
    push(relationsByActor, r.target, r);
    for (const e of r.evidence) push(evidenceByParagraph, e.paragraph, { kind: 'relation', id: r.id, quote: e.quote });
  }
  const stancesByActor = new Map<string, Stance[]>();
  for (const s of dataset.stances) {
    push(stancesByActor, s.actor, s);
    for (const e of s.evidence)
      push(evidenceByParagraph, e.paragraph, { kind: 'stance', actor: s.actor, topic: s.topic, quote: e.quote });
  }
  const childrenOf = new Map<string, string[]>();
  for (const a of dataset.actors) if (a.parent !== undefined) push(childrenOf, a.parent, a.id);

  const searchKeys = new Map<string, { field: SearchField; text: string; key: string }[]>();
  for (const a of dataset.actors) {
    const keys: { field: SearchField; text: string; key: string }[] = [{ field: 'name', text: a.name, key: normalizeForSearch(a.name) }];
    if (a.nativeName) keys.push({ field: 'nativeName', text: a.nativeName, key: normalizeForSearch(a.nativeName) });
    for (const alias of a.aliases ?? []) keys.push({ field: 'alias', text: alias, key: normalizeForSearch(alias) });
    if (a.role) keys.push({ field: 'role', text: a.role, key: normalizeForSearch(a.role) });
    searchKeys.set(a.id, keys);
  }

  return {
    dataset,
    actorById,
    relationById,
    topicById,
    groups,
    groupOf,
    relationsByActor,
    stancesByActor,
    childrenOf,
    evidenceByParagraph,
    searchKeys,
    hasSavedPositions: dataset.actors.some((a) => a.position !== undefined),
  };
}
