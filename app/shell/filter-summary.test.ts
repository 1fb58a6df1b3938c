import { describe, expect, it } from 'vitest';
import { buildIndex } from '../data/dataset-index.ts';
import type { Dataset } from '../data/schema.ts';
import { defaultViewState } from '../view/view-state.ts';
import { filterSummary } from './filter-summary.ts';

const dataset: Dataset = {
  schemaVersion: 1,
  id: 'd',
  title: 'T',
  description: '',
  date: '2025-01-01',
  source: { title: 'S', paragraphs: ['p'] },
  topics: ['a', 'b', 'c', 'd'].map((id) => ({ id, label: id.toUpperCase(), description: '' })),
  actors: [
    { id: 'x', name: 'Xland', kind: 'state' },
    { id: 'p', name: 'Pat', kind: 'person', parent: 'x' },
    { id: 'q', name: 'Quinn', kind: 'person' },
  ],
  relations: [],
  stances: [],
};
const index = buildIndex(dataset);

describe('filterSummary', () => {
  it('says everything is shown by default', () => {
    expect(filterSummary(index, defaultViewState)).toBe('All topics · all relation types');
  });
  it('names what is hidden, or what remains when most is hidden', () => {
    expect(filterSummary(index, { ...defaultViewState, hiddenTopics: ['b'], hiddenTypes: ['tension'] })).toBe(
      'All topics except B · without tension',
    );
    expect(filterSummary(index, { ...defaultViewState, hiddenTopics: ['a', 'b', 'c'] })).toBe('Only D · all relation types');
    expect(filterSummary(index, { ...defaultViewState, hiddenTopics: ['a', 'b', 'c', 'd'] })).toContain('No topics');
  });
  it('mentions groups, the unconnected toggle and focus', () => {
    const s = filterSummary(index, {
      ...defaultViewState,
      hiddenGroups: ['x'],
      showUnconnected: true,
      focus: { actor: 'q', depth: 2 },
    });
    expect(s).toBe('All topics · all relation types · hiding Xland · showing actors without relations · focused on Quinn (2 hops)');
  });
});
