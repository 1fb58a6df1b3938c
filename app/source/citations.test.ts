import { describe, expect, it } from 'vitest';
import { buildIndex } from '../data/dataset-index.ts';
import type { Dataset } from '../data/schema.ts';
import { belongsToSelection, claimsFor, quotesByParagraph, selectionEvidence, selectionLabel } from './citations.ts';

const dataset: Dataset = {
  schemaVersion: 1,
  id: 'fixture',
  title: 'Fixture',
  description: '',
  date: '2025-01-01',
  source: { title: 'Source', paragraphs: ['A met B.', 'A likes tea. B too.'] },
  topics: [{ id: 't', label: 'Tea', description: '' }],
  actors: [
    { id: 'a', name: 'Ann', kind: 'person' },
    { id: 'b', name: 'Bo', kind: 'person' },
  ],
  relations: [
    {
      id: 'r',
      source: 'a',
      target: 'b',
      type: 'dialogue',
      directed: true,
      topics: ['t'],
      summary: 'met',
      evidence: [
        { paragraph: 1, quote: 'A met B' },
        { paragraph: 2, quote: 'A likes' },
        { paragraph: 2, quote: 'B too' },
      ],
    },
  ],
  stances: [{ actor: 'a', topic: 't', position: 'supports', summary: 'likes tea', evidence: [{ paragraph: 2, quote: 'likes tea' }] }],
};
const index = buildIndex(dataset);

describe('citations', () => {
  it('collects the evidence of a relation, a stance or all of an actor’s claims', () => {
    expect(selectionEvidence(index, { kind: 'relation', id: 'r' })).toHaveLength(3);
    expect(selectionEvidence(index, { kind: 'stance', actor: 'a', topic: 't' })).toEqual([{ paragraph: 2, quote: 'likes tea' }]);
    expect(selectionEvidence(index, { kind: 'actor', id: 'a' })).toHaveLength(4);
    expect(selectionEvidence(index, { kind: 'actor', id: 'b' })).toHaveLength(3);
    expect(selectionEvidence(index, { kind: 'relation', id: 'missing' })).toEqual([]);
    expect(selectionEvidence(index, null)).toEqual([]);
  });

  it('groups quotes by paragraph', () => {
    const quotes = quotesByParagraph(selectionEvidence(index, { kind: 'actor', id: 'a' }));
    expect(quotes.get(1)).toEqual(['A met B']);
    expect(quotes.get(2)).toEqual(['A likes', 'B too', 'likes tea']);
  });

  it('counts a claim quoting a paragraph twice once', () => {
    const claims = claimsFor(index, index.evidenceByParagraph.get(2) ?? []);
    expect(claims.map((c) => c.label)).toEqual(['Ann → Bo — Dialogue', 'Ann on Tea — Supports']);
    expect(claims[0]?.quotes).toEqual(['A likes', 'B too']);
  });

  it('knows which claims belong to the selection', () => {
    const [relation, stance] = claimsFor(index, index.evidenceByParagraph.get(2) ?? []);
    if (!relation || !stance) throw new Error('expected two claims');
    expect(belongsToSelection(relation, { kind: 'actor', id: 'b' })).toBe(true);
    expect(belongsToSelection(stance, { kind: 'actor', id: 'b' })).toBe(false);
    expect(belongsToSelection(stance, { kind: 'stance', actor: 'a', topic: 't' })).toBe(true);
    expect(belongsToSelection(relation, null)).toBe(false);
  });

  it('labels the selection, or gives null when it is not in the dataset', () => {
    expect(selectionLabel(index, { kind: 'relation', id: 'r' })).toBe('Ann → Bo');
    expect(selectionLabel(index, { kind: 'stance', actor: 'a', topic: 't' })).toBe('Ann on Tea');
    expect(selectionLabel(index, { kind: 'actor', id: 'zed' })).toBeNull();
  });
});
