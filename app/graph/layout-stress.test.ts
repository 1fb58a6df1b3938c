import { describe, expect, it } from 'vitest';
import { prototypeIds, prototypeNames, unconnected } from '../../e2e/stress/generators.mjs';
import { buildIndex } from '../data/dataset-index.ts';
import { validateDataset } from '../data/validate.ts';
import { layoutNames } from '../view/view-state.ts';
import { toElements } from './elements.ts';
import { computePositions, looseTileThreshold } from './layouts.ts';
import { savedPositions } from './saved-positions.ts';

function elementsOf(input: unknown) {
  const result = validateDataset(input);
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return { elements: toElements(buildIndex(result.dataset)), dataset: result.dataset };
}

describe('layouts with hostile shapes (issue #17)', () => {
  const { elements, dataset } = elementsOf(prototypeIds());

  it.each(layoutNames.filter((l) => l !== 'preset'))('%s places actors named like Object.prototype members', (name) => {
    const positions = computePositions(elements, name, name === 'breadthfirst' ? 'toString' : null);
    expect([...positions.keys()].sort()).toEqual(dataset.actors.map((a) => a.id).sort());
    for (const id of prototypeNames) {
      const p = positions.get(id)!;
      expect(Number.isFinite(p.x) && Number.isFinite(p.y), id).toBe(true);
    }
  });

  it('saved positions never read a built-in for an actor named like one', () => {
    const positions = savedPositions(elements);
    // States with members are drawn around them, so they have no entry of their own.
    expect(positions.get('constructor')).toBeUndefined();
    expect(positions.get('toString')).toEqual(expect.objectContaining({ x: expect.any(Number), y: expect.any(Number) }));
  });

  it('tiles many actors without relations instead of pushing them apart by force', () => {
    const n = looseTileThreshold * 5;
    const { elements: loose } = elementsOf(unconnected(n));
    const started = performance.now();
    const positions = computePositions(loose, 'fcose', null);
    expect(performance.now() - started).toBeLessThan(10_000);
    const spots = new Set([...positions.values()].map((p) => `${p.x},${p.y}`));
    expect(spots.size).toBe(n);
  });
});
