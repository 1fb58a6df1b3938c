import { describe, expect, it } from 'vitest';
import type { Relation } from '../data/schema.ts';
import { neighbourhood } from './focus.ts';

const edge = (source: string, target: string, directed = true): Relation => ({
  id: `${source}-${target}`,
  source,
  target,
  type: 'dialogue',
  directed,
  topics: ['t'],
  summary: `${source} and ${target}`,
  evidence: [{ paragraph: 1, quote: 'q' }],
});

const sorted = (s: ReadonlySet<string>) => [...s].sort();

// a – b – c – d – e, with arrows pointing both ways along the path.
const path = [edge('a', 'b'), edge('c', 'b'), edge('c', 'd'), edge('e', 'd', false)];
// hub h with spokes to l1..l4, all pointing in; l4 also has a leaf of its own.
const star = [edge('l1', 'h'), edge('l2', 'h'), edge('l3', 'h'), edge('l4', 'h'), edge('x', 'l4')];

describe('neighbourhood', () => {
  it('walks a path hop by hop from one end', () => {
    expect(sorted(neighbourhood('a', path, 1))).toEqual(['a', 'b']);
    expect(sorted(neighbourhood('a', path, 2))).toEqual(['a', 'b', 'c']);
    expect(sorted(neighbourhood('a', path, 3))).toEqual(['a', 'b', 'c', 'd']);
    expect(sorted(neighbourhood('a', path, 4))).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('walks a path both ways from the middle', () => {
    expect(sorted(neighbourhood('c', path, 1))).toEqual(['b', 'c', 'd']);
    expect(sorted(neighbourhood('c', path, 2))).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(sorted(neighbourhood('c', path, 3))).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('ignores direction', () => {
    // b is only ever a target, yet reaches both sides.
    expect(sorted(neighbourhood('b', path, 1))).toEqual(['a', 'b', 'c']);
    const reversed = path.map((r) => edge(r.target, r.source));
    for (const depth of [1, 2, 3]) expect(neighbourhood('b', reversed, depth)).toEqual(neighbourhood('b', path, depth));
  });

  it('reaches every spoke of a star through the hub', () => {
    expect(sorted(neighbourhood('h', star, 1))).toEqual(['h', 'l1', 'l2', 'l3', 'l4']);
    expect(sorted(neighbourhood('h', star, 2))).toEqual(['h', 'l1', 'l2', 'l3', 'l4', 'x']);
    expect(sorted(neighbourhood('l1', star, 1))).toEqual(['h', 'l1']);
    expect(sorted(neighbourhood('l1', star, 2))).toEqual(['h', 'l1', 'l2', 'l3', 'l4']);
    expect(sorted(neighbourhood('l1', star, 3))).toEqual(['h', 'l1', 'l2', 'l3', 'l4', 'x']);
  });

  it('always includes the start', () => {
    expect(sorted(neighbourhood('a', path, 0))).toEqual(['a']);
    expect(sorted(neighbourhood('a', [], 3))).toEqual(['a']);
    for (const depth of [1, 2, 3]) expect(neighbourhood('h', star, depth).has('h')).toBe(true);
  });

  it('returns only the start for an unknown actor', () => {
    expect(sorted(neighbourhood('nobody', path, 1))).toEqual(['nobody']);
    expect(sorted(neighbourhood('nobody', star, 3))).toEqual(['nobody']);
  });

  it('handles cycles and parallel relations', () => {
    const triangle = [edge('p', 'q'), edge('q', 'r'), edge('r', 'p'), edge('p', 'q', false)];
    expect(sorted(neighbourhood('p', triangle, 1))).toEqual(['p', 'q', 'r']);
    expect(sorted(neighbourhood('p', triangle, 3))).toEqual(['p', 'q', 'r']);
  });
});
