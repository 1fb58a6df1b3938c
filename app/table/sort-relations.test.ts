import { describe, expect, it } from 'vitest';
import { buildIndex } from '../data/dataset-index.ts';
import type { Dataset, Relation, RelationType } from '../data/schema.ts';
import { sortKey, sortRelations } from './sort-relations.ts';

function rel(id: string, source: string, target: string, type: RelationType, topics: string[], summary: string, quotes = 1): Relation {
  return {
    id,
    source,
    target,
    type,
    directed: false,
    topics,
    summary,
    evidence: Array.from({ length: quotes }, (_, i) => ({ paragraph: 1, quote: `q${i}` })),
  };
}

const dataset: Dataset = {
  schemaVersion: 1,
  id: 'fixture',
  title: 'Fixture',
  description: '',
  date: '2025-01-01',
  source: { title: 'Source', paragraphs: ['p'] },
  topics: [
    { id: 'z-trade', label: 'Trade', description: '' },
    { id: 'a-security', label: 'Security', description: '' },
  ],
  actors: [
    { id: 'a1', name: 'Zhao', kind: 'person' },
    { id: 'a2', name: 'ábel', kind: 'person' },
    { id: 'a3', name: 'Baker', kind: 'person' },
  ],
  // Ids, names and labels deliberately sort differently, so a test can tell which one was used.
  relations: [
    rel('r3', 'a1', 'a2', 'tension', ['z-trade'], 'Gamma', 2),
    rel('r1', 'a2', 'a3', 'alliance', ['a-security'], 'alpha', 10),
    rel('r2', 'a3', 'a1', 'dialogue', ['z-trade', 'a-security'], 'Beta', 9),
    rel('r0', 'a3', 'a2', 'alliance', ['z-trade'], 'beta', 2),
  ],
  stances: [],
};
const index = buildIndex(dataset);
const ids = (rs: readonly Relation[]) => rs.map((r) => r.id);

describe('sortRelations', () => {
  it('keeps dataset order when there is no sort', () => {
    expect(ids(sortRelations(index, dataset.relations, null))).toEqual(['r3', 'r1', 'r2', 'r0']);
  });

  it('sorts by the displayed actor name, not the id, ignoring case and accents', () => {
    expect(ids(sortRelations(index, dataset.relations, { column: 'source', dir: 'asc' }))).toEqual(['r1', 'r0', 'r2', 'r3']);
    expect(ids(sortRelations(index, dataset.relations, { column: 'target', dir: 'asc' }))).toEqual(['r0', 'r3', 'r1', 'r2']);
  });

  it('sorts by type label and topic labels as shown', () => {
    expect(ids(sortRelations(index, dataset.relations, { column: 'type', dir: 'asc' }))).toEqual(['r0', 'r1', 'r2', 'r3']);
    expect(sortKey(index, dataset.relations[2]!, 'topics')).toBe('Trade, Security');
    expect(ids(sortRelations(index, dataset.relations, { column: 'topics', dir: 'asc' }))).toEqual(['r1', 'r0', 'r3', 'r2']);
  });

  it('sorts evidence counts as numbers, not text', () => {
    expect(ids(sortRelations(index, dataset.relations, { column: 'evidence', dir: 'asc' }))).toEqual(['r0', 'r3', 'r2', 'r1']);
    expect(ids(sortRelations(index, dataset.relations, { column: 'evidence', dir: 'desc' }))).toEqual(['r1', 'r2', 'r0', 'r3']);
  });

  it('reverses for descending but breaks ties by ascending id either way', () => {
    const asc = ids(sortRelations(index, dataset.relations, { column: 'type', dir: 'asc' }));
    const desc = ids(sortRelations(index, dataset.relations, { column: 'type', dir: 'desc' }));
    expect(asc.slice(0, 2)).toEqual(['r0', 'r1']);
    expect(desc).toEqual(['r3', 'r2', 'r0', 'r1']);
  });

  it('sorts summaries alphabetically regardless of case', () => {
    const order = ids(sortRelations(index, dataset.relations, { column: 'summary', dir: 'asc' }));
    expect(order[0]).toBe('r1');
    expect(order[3]).toBe('r3');
  });

  it('does not change its input', () => {
    const input = [...dataset.relations];
    sortRelations(index, input, { column: 'summary', dir: 'desc' });
    expect(ids(input)).toEqual(['r3', 'r1', 'r2', 'r0']);
  });
});
