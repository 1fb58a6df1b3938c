import { describe, expect, it } from 'vitest';
// The benchmark's generator: if it stopped producing valid datasets the benchmark would time an
// error page, so its output is held to the same validator as every other dataset.
import { sizes, synthetic } from '../../e2e/bench/synthetic.mjs';
import { validateDataset } from './validate.ts';

describe('benchmark datasets', () => {
  it.each(['small', 'medium'] as const)('the %s synthetic dataset is valid and has the promised size', (size) => {
    const data = synthetic(sizes[size]);
    const result = validateDataset(JSON.parse(JSON.stringify(data)));
    expect(result.ok ? [] : result.problems.slice(0, 3)).toEqual([]);
    expect(data.actors).toHaveLength(sizes[size].actors);
    expect(data.relations).toHaveLength(sizes[size].relations);
    expect(new Set(data.actors.filter((a) => a.kind === 'state').map((a) => a.id)).size).toBeGreaterThan(1);
    expect(data.topics).toHaveLength(10);
    expect(data.actors.every((a) => a.kind === 'state' || a.position !== undefined)).toBe(true);
  });

  it('is the same dataset on every call', () => {
    expect(synthetic(sizes.small)).toEqual(synthetic(sizes.small));
  });
});
