import { describe, expect, it } from 'vitest';
import { maxStances, maxTopics } from '../data/format-limits.ts';
import { capProblems, checkCounts, checkSize, maxFileBytes, maxShownProblems } from './limits.ts';
import { maxActors, maxElements, maxRelations } from '../data/format-limits.ts';

describe('limits', () => {
  it('accepts files up to the limit and names both sizes above it', () => {
    expect(checkSize(0)).toBeNull();
    expect(checkSize(maxFileBytes)).toBeNull();
    expect(checkSize(23.4 * 1024 * 1024)).toBe('This file is 23.4 MB; the limit is 20 MB.');
    expect(checkSize(maxFileBytes + 1)).toMatch(/limit is 20 MB/);
  });

  it('refuses too many actors or relations with the numbers', () => {
    expect(checkCounts(maxActors, maxElements - maxActors)).toBeNull();
    expect(checkCounts(maxElements - maxRelations, maxRelations)).toBeNull();
    expect(checkCounts(maxActors, maxRelations)).toBe('The dataset has 20,000 actors and 20,000 relations, 40,000 together; the limit is 25,000 together.');
    expect(checkCounts(maxActors + 1, 0)).toBe('The dataset has 20,001 actors; the limit is 20,000.');
    expect(checkCounts(0, maxRelations + 1)).toBe('The dataset has 20,001 relations; the limit is 20,000.');
  });

  it('refuses too many topics or stances before any validation', () => {
    expect(checkCounts(10, 10, maxTopics, maxStances)).toBeNull();
    expect(checkCounts(10, 10, 1000, 0)).toBe(`The dataset has 1,000 topics; the limit is ${maxTopics}.`);
    expect(checkCounts(10, 10, 1, 150_000)).toBe('The dataset has 150,000 stances; the limit is 20,000.');
  });

  it('caps problem lines and counts the rest', () => {
    const lines = Array.from({ length: maxShownProblems + 3 }, (_, i) => `p${i}`);
    expect(capProblems(lines)).toEqual({ shown: lines.slice(0, maxShownProblems), more: 3 });
    expect(capProblems(['a'])).toEqual({ shown: ['a'], more: 0 });
  });
});
