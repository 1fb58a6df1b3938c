import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildIndex } from '../data/dataset-index.ts';
import { relationTypes } from '../data/schema.ts';
import { validateDataset } from '../data/validate.ts';
import { defaultViewState, type ViewState } from '../view/view-state.ts';
import { deriveVisible } from '../view/visible.ts';
import { graphShape, withSelection } from './graph-summary.ts';
import type { DatasetIndex } from '../data/dataset-index.ts';
import type { Relation } from '../data/schema.ts';
import type { Visible } from '../view/visible.ts';

const result = validateDataset(JSON.parse(readFileSync(new URL('../../public/data/gyeongju-2025.json', import.meta.url), 'utf8')));
if (!result.ok) throw new Error('bundled dataset is invalid');
const index = buildIndex(result.dataset);
const { dataset } = index;

const summary = (patch: Partial<ViewState>) => {
  const state = { ...defaultViewState, ...patch };
  const visible = deriveVisible(index, state);
  return withSelection(graphShape(index, visible), index, visible, state.selection);
};

describe('the graph\'s text alternative', () => {
  it('counts what is shown, by type, and names the most connected actors', () => {
    const count = (type: string) => dataset.relations.filter((r) => r.type === type).length;
    expect(summary({})).toBe(
      `Graph of ${dataset.actors.length} actors and ${dataset.relations.length} relations: ` +
        `${count('alliance')} alliance, ${count('tension')} tensions, ${count('agreement')} agreements, ${count('dialogue')} dialogues. ` +
        'Most connected: China (10 relations), South Korea (9 relations), Lee Jae Myung (2 relations).',
    );
  });

  it('follows the filters: a hidden type disappears from the sentence and the counts shrink', () => {
    const visible = deriveVisible(index, { ...defaultViewState, hiddenTypes: ['agreement'] });
    const text = summary({ hiddenTypes: ['agreement'] });
    expect(text).toContain(`Graph of ${visible.actorIds.size} actors and ${visible.relations.length} relations: `);
    expect(visible.relations.length).toBe(dataset.relations.length - 5);
    expect(text).not.toContain('agreement');
    expect(text).toContain('Most connected: China (5 relations), South Korea (4 relations), Lee Jae Myung (2 relations).');
  });

  it('says so when nothing matches', () => {
    const allTopics = dataset.topics.map((t) => t.id);
    expect(summary({ hiddenTopics: allTopics })).toBe('Graph, empty: no relations match these filters.');
    // Actors with a stance on a shown topic stay, without relations.
    const withStances = deriveVisible(index, { ...defaultViewState, hiddenTypes: [...relationTypes] }).actorIds.size;
    expect(withStances).toBeGreaterThan(0);
    expect(summary({ hiddenTypes: [...relationTypes] })).toBe(
      `Graph of ${withStances} actors and no relations: no relations match these filters.`,
    );
    expect(summary({ hiddenTypes: [...relationTypes], showUnconnected: true })).toBe(
      `Graph of ${dataset.actors.length} actors and no relations: no relations match these filters.`,
    );
  });

  it('names the selection while it is shown, and only then', () => {
    expect(summary({ selection: { kind: 'actor', id: 'kim-jong-un' } })).toMatch(/ Selected: Kim Jong Un\.$/);
    expect(summary({ selection: { kind: 'stance', actor: 'kim-jong-un', topic: 'nk-talks' } })).toMatch(/ Selected: Kim Jong Un\.$/);
    expect(summary({ selection: { kind: 'relation', id: 'kim-conditions-talks-with-washington' } })).toMatch(
      / Selected: Kim Jong Un to United States\.$/,
    );
    expect(summary({ selection: { kind: 'relation', id: 'south-korea-us-alliance' } })).toMatch(/ Selected: South Korea and United States\.$/);
    expect(summary({ selection: { kind: 'actor', id: 'kim-jong-un' }, hiddenGroups: ['north-korea'] })).not.toContain('Selected');
    expect(summary({ selection: { kind: 'relation', id: 'south-korea-us-alliance' }, hiddenTypes: ['alliance'] })).not.toContain('Selected');
  });

  it('stays one short paragraph however large the graph', () => {
    const text = summary({ showUnconnected: true });
    expect(text.split('. ').length).toBeLessThanOrEqual(3);
    expect(text.length).toBeLessThan(300);
  });

  it('names the most connected as a full ranking would: by relations, then by name', () => {
    // Few actors and names, so degrees and names tie often.
    const names = ['Ann', 'Bo', 'ann', 'Bo', 'Émile', 'Zed'];
    const fakeIndex = { actorById: new Map(names.map((name, i) => [`a${i}`, { id: `a${i}`, name }])) } as unknown as DatasetIndex;
    const nameOf = (id: string) => fakeIndex.actorById.get(id)!.name;
    const ends = fc.integer({ min: 0, max: names.length - 1 }).map((i) => `a${i}`);
    fc.assert(
      fc.property(fc.array(fc.tuple(ends, ends), { minLength: 1, maxLength: 30 }), (pairs) => {
        const relations = pairs.map(([source, target], i) => ({ id: `r${i}`, source, target, type: 'dialogue' }) as unknown as Relation);
        const visible = { actorIds: new Set(pairs.flat()), relations } as unknown as Visible;
        const degree = new Map<string, number>();
        for (const r of relations) {
          degree.set(r.source, (degree.get(r.source) ?? 0) + 1);
          if (r.target !== r.source) degree.set(r.target, (degree.get(r.target) ?? 0) + 1);
        }
        const ranked = [...degree].sort(([a, da], [b, db]) => db - da || nameOf(a).localeCompare(nameOf(b))).slice(0, 3);
        const expected = ranked.map(([id, d]) => `${nameOf(id)} (${d} relation${d === 1 ? '' : 's'})`).join(', ');
        expect(graphShape(fakeIndex, visible)).toContain(`Most connected: ${expected}.`);
      }),
      { numRuns: 500 },
    );
  });
});
