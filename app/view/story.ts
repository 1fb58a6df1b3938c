import type { DatasetIndex, EvidenceRef } from '../data/dataset-index.ts';
import type { Evidence } from '../data/schema.ts';

/**
 * One step of "Read the story". Automatic steps are the cited paragraphs of the source; an
 * authored step carries its own title and text. Either way a step names what the graph stresses.
 */
export interface StoryStep {
  /** The source paragraph this step reads (1-based), or null for an authored step. */
  paragraph: number | null;
  /** The authored title; automatic steps are titled by their paragraph. */
  title: string | null;
  /** The paragraph's text, or the authored text. */
  text: string;
  /** Evidence shown with the step: the paragraph's quotes, or the authored step's evidence. */
  evidence: readonly Evidence[];
  /** The claims the step supports, as the Source view lists them (a relation once per quote). */
  refs: readonly EvidenceRef[];
  relationIds: readonly string[];
  /** The actors the step's relations join, its stances' actors and any the author named. */
  actorIds: readonly string[];
}

/** What the graph draws at full strength; everything else fades. */
export interface StoryEmphasis {
  actorIds: ReadonlySet<string>;
  relationIds: ReadonlySet<string>;
}

/** A story needs at least two steps to be worth a stepper. */
export const minStorySteps = 2;

const unique = (ids: Iterable<string>): string[] => [...new Set(ids)];

/**
 * The steps of the dataset's story: the authored ones when it has a `story`, else one per source
 * paragraph that supports at least one claim, in paragraph order. Claims whose id the dataset
 * lacks are skipped, so a step never stresses something the graph does not draw.
 */
export function storySteps(index: DatasetIndex): StoryStep[] {
  const authored = index.dataset.story?.steps;
  if (authored) {
    return authored.map((spec) => {
      const relationIds = unique((spec.relations ?? []).filter((id) => index.relationById.has(id)));
      const ends = relationIds.flatMap((id) => {
        const r = index.relationById.get(id);
        return r ? [r.source, r.target] : [];
      });
      return {
        paragraph: null,
        title: spec.title,
        text: spec.text,
        evidence: spec.evidence ?? [],
        refs: relationIds.map((id) => ({ kind: 'relation' as const, id, quote: '' })),
        relationIds,
        actorIds: unique([...(spec.actors ?? []).filter((id) => index.actorById.has(id)), ...ends]),
      };
    });
  }
  const paragraphs = index.dataset.source.paragraphs;
  const steps: StoryStep[] = [];
  for (let n = 1; n <= paragraphs.length; n++) {
    const refs = (index.evidenceByParagraph.get(n) ?? []).filter((ref) =>
      ref.kind === 'relation'
        ? index.relationById.has(ref.id)
        : (index.stancesByActor.get(ref.actor) ?? []).some((s) => s.topic === ref.topic),
    );
    if (refs.length === 0) continue;
    const relationIds = unique(refs.flatMap((ref) => (ref.kind === 'relation' ? [ref.id] : [])));
    const actorIds = unique(
      refs.flatMap((ref) => {
        if (ref.kind === 'stance') return [ref.actor];
        const r = index.relationById.get(ref.id);
        return r ? [r.source, r.target] : [];
      }),
    );
    steps.push({
      paragraph: n,
      title: null,
      text: paragraphs[n - 1] ?? '',
      evidence: refs.map((ref) => ({ paragraph: n, quote: ref.quote })),
      refs,
      relationIds,
      actorIds,
    });
  }
  return steps;
}

/** Whether the dataset offers "Read the story". */
export const hasStory = (steps: readonly StoryStep[]): boolean => steps.length >= minStorySteps;

/**
 * The elements stressed at step `step` (1-based): that step's, or with `build` every step's up to
 * it. Null when no story is open or the step does not exist.
 */
export function storyEmphasis(steps: readonly StoryStep[], step: number | null, build: boolean): StoryEmphasis | null {
  if (step === null || !hasStory(steps) || step < 1 || step > steps.length) return null;
  const shown = build ? steps.slice(0, step) : [steps[step - 1]!];
  return {
    actorIds: new Set(shown.flatMap((s) => s.actorIds)),
    relationIds: new Set(shown.flatMap((s) => s.relationIds)),
  };
}
