import { describe, expect, it } from 'vitest';
import { nestedStates, parallelRelations, prototypeIds, stanceMatrix } from '../../e2e/stress/generators.mjs';
import { synthetic } from '../../e2e/bench/synthetic.mjs';
import { maxElements, maxNestingDepth, maxRelationsPerPair, maxStances, maxTopics } from './format-limits.ts';
import { validateDataset } from './validate.ts';
import { buildIndex } from './dataset-index.ts';
import { deriveVisible } from '../view/visible.ts';
import { defaultViewState } from '../view/view-state.ts';

const problemsOf = (input: unknown) => {
  const result = validateDataset(input);
  return result.ok ? [] : result.problems;
};

describe('format limits (issue #17)', () => {
  it('accepts states nested to the limit and refuses one more, naming the deepest actor', () => {
    expect(problemsOf(nestedStates(maxNestingDepth))).toEqual([]);
    const problems = problemsOf(nestedStates(maxNestingDepth + 1));
    expect(problems).toEqual([
      {
        path: `actors[${maxNestingDepth + 1}].parent`,
        message: `"bottom" is nested ${maxNestingDepth + 1} states deep; states can be nested at most ${maxNestingDepth} deep`,
      },
    ]);
  });

  it('checks a 19,000-deep chain in linear time (one walk, not one per actor)', () => {
    const started = performance.now();
    const problems = problemsOf(nestedStates(19_000));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/nested 19,?000 states deep/);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('accepts as many actors and relations together as the limit and refuses one more, at the relations', () => {
    const half = maxElements / 5;
    expect(problemsOf(synthetic({ actors: half, relations: 4 * half }))).toEqual([]);
    expect(problemsOf(synthetic({ actors: half + 1, relations: 4 * half }))).toEqual([
      { path: 'relations', message: `${half + 1} actors and ${4 * half} relations are ${maxElements + 1} together; the limit is ${maxElements} together` },
    ]);
  });

  it('accepts the most relations one pair may have and refuses one more, at the first extra', () => {
    expect(problemsOf(parallelRelations(maxRelationsPerPair))).toEqual([]);
    const problems = problemsOf(parallelRelations(maxRelationsPerPair + 5));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.path).toBe(`relations[${maxRelationsPerPair}]`);
    expect(problems[0]!.message).toContain(`more than ${maxRelationsPerPair} relations between "left" and "right"`);
  });

  it('refuses more topics or stances than the limit, at the array', () => {
    expect(problemsOf(stanceMatrix(2, maxTopics))).toEqual([]);
    expect(problemsOf(stanceMatrix(2, maxTopics + 1)).map((p) => p.path)).toEqual(['topics']);
    expect(problemsOf(stanceMatrix(Math.ceil((maxStances + 1) / 100), 100)).map((p) => p.path)).toEqual(['stances']);
  });

  it('treats ids named like Object.prototype members as plain data', () => {
    const d = prototypeIds();
    const result = validateDataset(d);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const index = buildIndex(result.dataset);
    expect(index.actorById.get('constructor')?.name).toBe('Actor constructor');
    const visible = deriveVisible(index, { ...defaultViewState, showUnconnected: true });
    expect(visible.actorIds.size).toBe(d.actors.length);
    expect(visible.relations).toHaveLength(d.relations.length);
    for (const [topic, n] of visible.counts.topics) expect(Number.isInteger(n), topic).toBe(true);
  });
});
