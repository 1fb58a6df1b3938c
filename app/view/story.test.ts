import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../data/dataset-index.ts';
import type { Dataset } from '../data/schema.ts';
import { formatProblem, validateDataset } from '../data/validate.ts';
import { hasStory, storyEmphasis, storySteps } from './story.ts';
import { closeStory, goToStep, openStory, select, setBuild } from './view-actions.ts';
import { defaultViewState } from './view-state.ts';

function load(file: string): Dataset {
  const raw: unknown = JSON.parse(readFileSync(new URL(`../../public/data/${file}`, import.meta.url), 'utf8'));
  const result = validateDataset(raw);
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.dataset;
}

const gyeongju = load('gyeongju-2025.json');
const lesMis = load('les-miserables.json');

/** Expectations recomputed straight from the file, so a re-coded dataset needs no test edits. */
function citedParagraphs(d: Dataset): Map<number, { relations: Set<string>; actors: Set<string> }> {
  const out = new Map<number, { relations: Set<string>; actors: Set<string> }>();
  const at = (n: number) => {
    let entry = out.get(n);
    if (!entry) out.set(n, (entry = { relations: new Set(), actors: new Set() }));
    return entry;
  };
  for (const r of d.relations)
    for (const e of r.evidence) {
      at(e.paragraph).relations.add(r.id);
      at(e.paragraph).actors.add(r.source).add(r.target);
    }
  for (const s of d.stances) for (const e of s.evidence) at(e.paragraph).actors.add(s.actor);
  return out;
}

describe('automatic story steps', () => {
  const index = buildIndex(gyeongju);
  const steps = storySteps(index);
  const expected = citedParagraphs(gyeongju);

  it('make one step per cited paragraph, in paragraph order', () => {
    expect(steps.map((s) => s.paragraph)).toEqual([...expected.keys()].sort((a, b) => a - b));
    expect(hasStory(steps)).toBe(true);
  });

  it('carry the paragraph text, the relations it supports and the actors those join', () => {
    for (const step of steps) {
      const n = step.paragraph!;
      expect(step.text).toBe(gyeongju.source.paragraphs[n - 1]);
      expect(new Set(step.relationIds)).toEqual(expected.get(n)!.relations);
      expect(new Set(step.actorIds)).toEqual(expected.get(n)!.actors);
      expect(step.relationIds).toHaveLength(new Set(step.relationIds).size);
      for (const e of step.evidence) expect(step.text).toContain(e.quote);
    }
  });

  it('are not offered for a dataset with fewer than two cited paragraphs', () => {
    const lesMisSteps = storySteps(buildIndex(lesMis));
    expect(lesMisSteps.length).toBeLessThan(2);
    expect(hasStory(lesMisSteps)).toBe(false);
    expect(storyEmphasis(lesMisSteps, 1, false)).toBeNull();
  });

  it('skip paragraphs without claims', () => {
    const d: Dataset = { ...gyeongju, source: { ...gyeongju.source, paragraphs: [...gyeongju.source.paragraphs, 'An uncited coda.'] } };
    expect(storySteps(buildIndex(d)).map((s) => s.paragraph)).toEqual(steps.map((s) => s.paragraph));
  });
});

describe('story emphasis', () => {
  const steps = storySteps(buildIndex(gyeongju));

  it('stresses only the current step, or with build every step so far', () => {
    const second = storyEmphasis(steps, 2, false)!;
    expect(second.relationIds).toEqual(new Set(steps[1]!.relationIds));
    expect(second.actorIds).toEqual(new Set(steps[1]!.actorIds));
    const built = storyEmphasis(steps, 3, true)!;
    expect(built.relationIds).toEqual(new Set(steps.slice(0, 3).flatMap((s) => s.relationIds)));
    expect(built.actorIds).toEqual(new Set(steps.slice(0, 3).flatMap((s) => s.actorIds)));
  });

  it('is null when the story is closed or the step does not exist', () => {
    expect(storyEmphasis(steps, null, true)).toBeNull();
    expect(storyEmphasis(steps, 0, false)).toBeNull();
    expect(storyEmphasis(steps, steps.length + 1, false)).toBeNull();
  });
});

describe('authored stories', () => {
  const [first, second] = gyeongju.relations;
  const authored: Dataset = {
    ...gyeongju,
    story: {
      steps: [
        { title: 'Opening', text: 'Two leaders meet.', relations: [first!.id] },
        { title: 'Aside', text: 'One actor alone.', actors: [gyeongju.actors[0]!.id], evidence: first!.evidence },
        { title: 'Both', text: 'Both relations.', relations: [first!.id, second!.id, first!.id] },
      ],
    },
  };

  it('replace the automatic steps, in the order written', () => {
    const result = validateDataset(authored);
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    const steps = storySteps(buildIndex(result.dataset));
    expect(steps.map((s) => s.title)).toEqual(['Opening', 'Aside', 'Both']);
    expect(steps.map((s) => s.paragraph)).toEqual([null, null, null]);
    expect(steps[0]!.actorIds).toEqual([first!.source, first!.target]);
    expect(steps[1]!.relationIds).toEqual([]);
    expect(steps[1]!.actorIds).toEqual([gyeongju.actors[0]!.id]);
    expect(steps[1]!.evidence).toEqual(first!.evidence);
    expect(steps[2]!.relationIds).toEqual([first!.id, second!.id]);
  });

  it('are refused when a step names an unknown actor or relation or misquotes, naming the JSON path', () => {
    const broken = {
      ...authored,
      story: {
        steps: [
          { title: 'Bad', text: 'Bad refs.', actors: ['nobody'], relations: ['no-such-relation'] },
          { title: 'Misquote', text: 'Bad quote.', evidence: [{ paragraph: 1, quote: 'words that are not there' }] },
        ],
      },
    };
    const result = validateDataset(broken);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map(formatProblem)).toEqual([
      'story.steps[0].actors[0]: "nobody" is not an actor id',
      'story.steps[0].relations[0]: "no-such-relation" is not a relation id',
      'story.steps[1].evidence[0].quote: "words that are not there" does not appear in paragraph 1 of the source',
    ]);
  });

  it('are refused when empty or carrying unknown fields', () => {
    for (const story of [{ steps: [] }, { steps: [{ title: 'T', text: 'x', colour: 'red' }] }, { steps: [{ title: '', text: 'x' }] }]) {
      const result = validateDataset({ ...gyeongju, story });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.problems[0]!.path.startsWith('story.steps')).toBe(true);
    }
  });
});

describe('story actions', () => {
  it('open at step 1 on the graph, move between steps, and close back to the tab and selection of before', () => {
    const before = { ...defaultViewState, view: 'table' as const, selection: { kind: 'actor' as const, id: 'x' } };
    const opened = openStory(before);
    expect(opened).toMatchObject({ step: 1, view: 'graph' });
    const third = setBuild(true)(goToStep(3)(select(null)(opened)));
    expect(third).toMatchObject({ step: 3, build: true, selection: null });
    expect(goToStep(3)(third)).toBe(third);
    expect(closeStory({ view: before.view, selection: before.selection })(third)).toEqual(before);
    expect(closeStory()(third)).toEqual({ ...third, step: null, build: false });
  });
});
