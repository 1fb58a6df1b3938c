import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildIndex, type DatasetIndex } from '../data/dataset-index.ts';
import { relationTypes, type Dataset } from '../data/schema.ts';
import { formatProblem, validateDataset } from '../data/validate.ts';
import { deriveVisible } from '../view/visible.ts';
import type { ViewState } from '../view/view-state.ts';
import { exportFileName, guardFormula, relationsCsv, relationsCsvColumns, visibleSubgraph } from './export-data.ts';

type Filters = Pick<ViewState, 'hiddenTopics' | 'hiddenTypes' | 'hiddenGroups' | 'showUnconnected' | 'focus'>;
const noFilters: Filters = { hiddenTopics: [], hiddenTypes: [], hiddenGroups: [], showUnconnected: false, focus: null };

function load(url: URL): DatasetIndex {
  const result = validateDataset(JSON.parse(readFileSync(url, 'utf8')));
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return buildIndex(result.dataset);
}
const story = load(new URL('../../e2e/fixtures/valid-story.json', import.meta.url));
const gyeongju = load(new URL('../../public/data/gyeongju-2025.json', import.meta.url));

function expectValidSubset(index: DatasetIndex, filters: Filters) {
  const visible = deriveVisible(index, filters);
  const subset = visibleSubgraph(index, visible);
  const result = validateDataset(subset);
  expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
  const again = buildIndex(subset);
  expect(again.actorById.size).toBe(visible.actorIds.size);
  expect(new Set(again.actorById.keys())).toEqual(visible.actorIds);
  expect(new Set(again.relationById.keys())).toEqual(visible.relationIds);
  return { visible, subset };
}

describe('visibleSubgraph', () => {
  it('exports everything visible as a valid dataset titled "(filtered)"', () => {
    const { subset } = expectValidSubset(story, noFilters);
    expect(subset.id).toBe('harbourside-tram');
    expect(subset.title).toBe('Port Ellery approves the Harbourside tram line (filtered)');
    expect(subset.source).toEqual(story.dataset.source);
    expect(subset.relations).toEqual(story.dataset.relations);
    expect(subset.stances).toEqual(story.dataset.stances);
  });

  it('keeps parent states, visible stances and only the topics in use or enabled', () => {
    const { subset } = expectValidSubset(story, { ...noFilters, hiddenTopics: ['tram-route', 'construction-disruption'] });
    expect(subset.relations.map((r) => r.id)).toEqual(['r-calder-council', 'r-riverline-council']);
    // r-riverline-council is also about the hidden tram-route topic, so that topic stays.
    expect(subset.topics.map((t) => t.id)).toEqual(['tram-route', 'funding']);
    expect(subset.actors.map((a) => a.id)).toEqual(['freedonia', 'port-ellery-council', 'ines-calder', 'riverline-transit']);
    expect(subset.stances).toEqual([]);
  });

  it('keeps the outside-knowledge marks of the actors it keeps, and only those', () => {
    const { subset } = expectValidSubset(gyeongju, { ...noFilters, hiddenGroups: ['north-korea'] });
    const kept = new Set(subset.actors.map((a) => a.id));
    expect(kept.has('kim-jong-un')).toBe(false);
    const expected = (gyeongju.dataset.outsideKnowledge ?? []).filter((m) => m.actor === undefined || kept.has(m.actor));
    expect(subset.outsideKnowledge).toEqual(expected);
    expect(subset.outsideKnowledge?.some((m) => m.actor === 'kim-jong-un')).toBe(false);
    expect(subset.outsideKnowledge?.some((m) => m.field === 'date')).toBe(true);
  });

  it('stays valid for any combination of filters and focus', () => {
    const topics = gyeongju.dataset.topics.map((t) => t.id);
    const groups = gyeongju.groups.map((g) => g.key);
    const actors = gyeongju.dataset.actors.map((a) => a.id);
    fc.assert(
      fc.property(
        fc.subarray(topics),
        fc.subarray([...relationTypes]),
        fc.subarray(groups),
        fc.boolean(),
        fc.option(fc.record({ actor: fc.constantFrom(...actors), depth: fc.constantFrom(1 as const, 2 as const, 3 as const) }), {
          nil: null,
        }),
        (hiddenTopics, hiddenTypes, hiddenGroups, showUnconnected, focus) => {
          expectValidSubset(gyeongju, { hiddenTopics, hiddenTypes, hiddenGroups, showUnconnected, focus });
        },
      ),
      { numRuns: 60 },
    );
  });

  it('keeps a topic when nothing else would be left', () => {
    const allHidden = { ...noFilters, hiddenTopics: story.dataset.topics.map((t) => t.id) };
    const { subset } = expectValidSubset(story, allHidden);
    expect(subset.relations).toEqual([]);
    expect(subset.topics.length).toBeGreaterThan(0);
  });

  it('shortens a long title so the suffix still fits', () => {
    const long: Dataset = { ...story.dataset, title: 'x'.repeat(300) };
    const index = buildIndex(long);
    const subset = visibleSubgraph(index, deriveVisible(index, noFilters));
    expect(subset.title).toHaveLength(300);
    expect(subset.title.endsWith('… (filtered)')).toBe(true);
  });
});

describe('relationsCsv', () => {
  it('has a header and one row per visible relation', () => {
    const visible = deriveVisible(story, { ...noFilters, hiddenTypes: ['tension'] });
    const text = relationsCsv(story, visible);
    const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...relationsCsvColumns]);
    expect(parsed.data).toHaveLength(visible.relations.length);
    expect(parsed.data.map((r) => r.id)).toEqual(visible.relations.map((r) => r.id));
    expect(parsed.data[0]).toEqual({
      id: 'r-voss-council',
      source: 'mara-voss',
      source_name: 'Mara Voss',
      type: 'alliance',
      target: 'port-ellery-council',
      target_name: 'Port Ellery City Council',
      directed: 'false',
      topics: 'tram-route',
      summary: 'The mayor and the council majority pushed the tram line through.',
      evidence: '¶1 “who has championed the project since her election”',
    });
    const both = parsed.data.find((r) => r.id === 'r-riverline-council');
    expect(both?.topics).toBe('tram-route;funding');
  });

  it('joins several evidence items and quotes cells with commas, quotes and line breaks', () => {
    const d: Dataset = {
      ...story.dataset,
      relations: [
        {
          ...story.dataset.relations[0]!,
          summary: 'Says "yes", then\nno',
          evidence: [
            { paragraph: 1, quote: 'who has championed the project' },
            { paragraph: 3, quote: 'joint bid' },
          ],
        },
      ],
    };
    const index = buildIndex(d);
    const rows = Papa.parse<string[]>(relationsCsv(index, deriveVisible(index, noFilters))).data;
    expect(rows[1]?.[8]).toBe('Says "yes", then\nno');
    expect(rows[1]?.[9]).toBe('¶1 “who has championed the project” | ¶3 “joint bid”');
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    for (const cell of ['=HYPERLINK("http://evil")', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx']) expect(guardFormula(cell)).toBe(`'${cell}`);
    for (const cell of ['plain', 'a=b', '', '1-2']) expect(guardFormula(cell)).toBe(cell);

    const d: Dataset = {
      ...story.dataset,
      actors: story.dataset.actors.map((a) => (a.id === 'mara-voss' ? { ...a, name: '=cmd|"/c calc"!A1' } : a)),
      relations: [{ ...story.dataset.relations[0]!, summary: '@risk' }],
    };
    const index = buildIndex(d);
    const rows = Papa.parse<string[]>(relationsCsv(index, deriveVisible(index, noFilters))).data;
    expect(rows[1]?.[2]).toBe(`'=cmd|"/c calc"!A1`);
    expect(rows[1]?.[8]).toBe(`'@risk`);
  });
});

describe('exportFileName', () => {
  const day = new Date(2025, 9, 31, 23, 30);
  it('names files after the dataset and the local date', () => {
    expect(exportFileName('gyeongju-2025', 'png', day)).toBe('stancegraph-gyeongju-2025-2025-10-31.png');
    expect(exportFileName('local:3f2a9c0b1d4e5f60', 'json', day)).toBe('stancegraph-local-3f2a9c0b1d4e5f60-2025-10-31.json');
    expect(exportFileName('My Story_v2.1', 'csv', new Date(2024, 0, 5))).toBe('stancegraph-my-story-v2-1-2024-01-05.csv');
    expect(exportFileName('../../etc/passwd', 'svg', day)).toBe('stancegraph-etc-passwd-2025-10-31.svg');
    expect(exportFileName(':::', 'svg', day)).toBe('stancegraph-dataset-2025-10-31.svg');
  });
});
