import { describe, expect, it } from 'vitest';
import { compareRuns, comparisonReport } from './compare.mjs';

/** A run's skeleton: only what the comparison reads. */
const run = (sizes) => ({
  sizes: sizes.map(({ nodes, ratios, layout }) => ({
    nodes,
    edges: nodes * 4,
    metrics: Object.fromEntries(Object.entries(ratios).map(([k, v]) => [k, { pairedRatio: v }])),
    layout: { pairedRatio: layout },
  })),
});

const ratios = (load, toggle, select, focus, search) => ({ load, toggle, select, focus, search });

describe('compareRuns', () => {
  it('gives each measure of each shared size its change, and flags only those beyond the tolerance', () => {
    const before = run([{ nodes: 200, ratios: ratios(1.0, 1.0, 1.0, 1.2, 2.0), layout: 1.3 }]);
    const after = run([{ nodes: 200, ratios: ratios(1.05, 1.11, 0.85, 1.2, 2.3), layout: 1.3 }]);
    const rows = compareRuns(before, after);
    expect(rows.map((r) => r.measure)).toEqual(['Load to `graph:ready`', 'Topic toggle to drawn', 'Select node to drawn', 'Focus (depth 2) to drawn', 'Keystroke to results', 'fcose layout']);
    expect(rows.map((r) => Math.round(r.change * 100))).toEqual([5, 11, -15, 0, 15, 0]);
    expect(rows.filter((r) => r.worse).map((r) => r.measure)).toEqual(['Topic toggle to drawn', 'Keystroke to results']);
    expect(rows.filter((r) => r.better).map((r) => r.measure)).toEqual(['Select node to drawn']);
  });

  it('honours another tolerance, and treats a change of exactly the tolerance as within it', () => {
    const before = run([{ nodes: 200, ratios: ratios(1, 1, 1, 1, 1), layout: 1 }]);
    const after = run([{ nodes: 200, ratios: ratios(1.25, 1.5, 1, 1, 1), layout: 1 }]);
    expect(compareRuns(before, after, 0.25).filter((r) => r.worse).map((r) => r.measure)).toEqual(['Topic toggle to drawn']);
  });

  it('skips a size only one run has, and leaves a ratio missing on one side unjudged', () => {
    const before = run([{ nodes: 200, ratios: ratios(1, 1, 1, 1, 1), layout: 1 }]);
    const after = run([
      { nodes: 200, ratios: { ...ratios(1, 1, 1, 1, 1), focus: undefined }, layout: Number.NaN },
      { nodes: 2000, ratios: ratios(9, 9, 9, 9, 9), layout: 9 },
    ]);
    const rows = compareRuns(before, after);
    expect(rows).toHaveLength(6);
    expect(rows.every((r) => r.size === '200 / 800')).toBe(true);
    const unjudged = rows.filter((r) => Number.isNaN(r.change));
    expect(unjudged.map((r) => r.measure)).toEqual(['Focus (depth 2) to drawn', 'fcose layout']);
    expect(unjudged.some((r) => r.worse || r.better)).toBe(false);
  });
});

describe('comparisonReport', () => {
  it('marks the rows beyond the tolerance and counts them', () => {
    const before = run([{ nodes: 200, ratios: ratios(1, 1, 1, 1, 1), layout: 1 }]);
    const after = run([{ nodes: 200, ratios: ratios(1.2, 1, 0.8, 1, 1), layout: Number.NaN }]);
    const text = comparisonReport(compareRuns(before, after), 0.1, { before: 'A', after: 'B' });
    expect(text).toContain('| Size | Paired ratio | A | B | Change |');
    expect(text).toContain('| 200 / 800 | Load to `graph:ready` | 1.000 | 1.200 | **+20 %** |');
    expect(text).toContain('| 200 / 800 | Select node to drawn | 1.000 | 0.800 | −20 % |');
    expect(text).toContain('| 200 / 800 | fcose layout | — | — | — |');
    expect(text).toContain('1 of 6 ratios more than 10 % worse, 1 more than 10 % better, 1 not measured in both runs.');
  });
});
