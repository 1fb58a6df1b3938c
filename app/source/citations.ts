import type { DatasetIndex, EvidenceRef } from '../data/dataset-index.ts';
import type { Evidence, Position, RelationType } from '../data/schema.ts';
import type { Selection } from '../view/view-state.ts';
import { positionInfo } from '../ui/position-badge.tsx';
import { relationStyles } from '../ui/relation-styles.ts';

/** The evidence behind a selection; an actor stands behind all of its relations and stances. */
export function selectionEvidence(index: DatasetIndex, selection: Selection | null): Evidence[] {
  if (!selection) return [];
  switch (selection.kind) {
    case 'relation':
      return [...(index.relationById.get(selection.id)?.evidence ?? [])];
    case 'stance':
      return [...(findStance(index, selection.actor, selection.topic)?.evidence ?? [])];
    case 'actor':
      return [
        ...(index.relationsByActor.get(selection.id) ?? []).flatMap((r) => r.evidence),
        ...(index.stancesByActor.get(selection.id) ?? []).flatMap((s) => s.evidence),
      ];
  }
}

/** Quotes per paragraph, for marking the words in the text. */
export function quotesByParagraph(evidence: readonly Evidence[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const e of evidence) {
    const list = out.get(e.paragraph);
    if (list) list.push(e.quote);
    else out.set(e.paragraph, [e.quote]);
  }
  return out;
}

export const findStance = (index: DatasetIndex, actor: string, topic: string) =>
  index.stancesByActor.get(actor)?.find((s) => s.topic === topic);

const actorName = (index: DatasetIndex, id: string) => index.actorById.get(id)?.name ?? id;

interface ClaimBase {
  key: string;
  /** Who and what, e.g. "Lee Jae Myung ↔ Xi Jinping". */
  title: string;
  /** The title with the type or position, e.g. "Lee Jae Myung ↔ Xi Jinping — Dialogue". */
  label: string;
  /** The words this claim quotes from the paragraph. */
  quotes: string[];
}
export type Claim =
  | (ClaimBase & { kind: 'relation'; id: string; source: string; target: string; type: RelationType })
  | (ClaimBase & { kind: 'stance'; actor: string; topic: string; position: Position });

/**
 * The distinct claims citing one paragraph, in dataset order. A claim that quotes the
 * paragraph twice is one claim with two quotes, so "Supports 3 claims" counts claims, not quotes.
 */
export function claimsFor(index: DatasetIndex, refs: readonly EvidenceRef[]): Claim[] {
  const byKey = new Map<string, Claim>();
  for (const ref of refs) {
    const key = ref.kind === 'relation' ? `relation:${ref.id}` : `stance:${ref.actor}/${ref.topic}`;
    const known = byKey.get(key);
    if (known) {
      if (!known.quotes.includes(ref.quote)) known.quotes.push(ref.quote);
      continue;
    }
    if (ref.kind === 'relation') {
      const r = index.relationById.get(ref.id);
      if (!r) continue;
      const title = relationTitle(index, r);
      byKey.set(key, {
        kind: 'relation',
        key,
        id: r.id,
        source: r.source,
        target: r.target,
        type: r.type,
        title,
        label: `${title} — ${relationStyles[r.type].label}`,
        quotes: [ref.quote],
      });
    } else {
      const s = findStance(index, ref.actor, ref.topic);
      if (!s) continue;
      const title = stanceTitle(index, s.actor, s.topic);
      byKey.set(key, {
        kind: 'stance',
        key,
        actor: s.actor,
        topic: s.topic,
        position: s.position,
        title,
        label: `${title} — ${positionInfo[s.position].label}`,
        quotes: [ref.quote],
      });
    }
  }
  return [...byKey.values()];
}

export function isSelected(claim: Claim, selection: Selection | null): boolean {
  if (!selection) return false;
  if (claim.kind === 'relation') return selection.kind === 'relation' && selection.id === claim.id;
  return selection.kind === 'stance' && selection.actor === claim.actor && selection.topic === claim.topic;
}

/** Whether the claim is part of what is selected: itself, or one of the selected actor's claims. */
export function belongsToSelection(claim: Claim, selection: Selection | null): boolean {
  if (selection?.kind !== 'actor') return isSelected(claim, selection);
  return claim.kind === 'relation' ? claim.source === selection.id || claim.target === selection.id : claim.actor === selection.id;
}

const relationTitle = (index: DatasetIndex, r: { source: string; target: string; directed: boolean }) =>
  `${actorName(index, r.source)} ${r.directed ? '→' : '↔'} ${actorName(index, r.target)}`;

const stanceTitle = (index: DatasetIndex, actor: string, topic: string) =>
  `${actorName(index, actor)} on ${index.topicById.get(topic)?.label ?? topic}`;

/** A selection that names something the dataset lacks (an old link, say) cites nothing. */
export function selectionLabel(index: DatasetIndex, selection: Selection | null): string | null {
  if (!selection) return null;
  switch (selection.kind) {
    case 'actor':
      return index.actorById.get(selection.id)?.name ?? null;
    case 'relation': {
      const r = index.relationById.get(selection.id);
      return r ? relationTitle(index, r) : null;
    }
    case 'stance':
      return findStance(index, selection.actor, selection.topic) ? stanceTitle(index, selection.actor, selection.topic) : null;
  }
}
