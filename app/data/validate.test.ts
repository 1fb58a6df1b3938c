import { describe, expect, it } from 'vitest';
import { formatPath, formatProblem, validateDataset, type Problem } from './validate.ts';

/** A small valid dataset; each test mutates its own deep copy. */
function fixture() {
  return {
    schemaVersion: 1,
    id: 'test-summit',
    title: 'A test summit',
    description: 'Two states, three people and an organisation.',
    date: '2025-11-01',
    source: {
      title: 'Leaders meet',
      publisher: 'Test Wire',
      url: 'https://example.org/summit',
      paragraphs: ['Lee met Xi to talk about trade.', 'Wi briefed Lee on security.', 'Xi praised APEC.'],
    },
    topics: [
      { id: 'trade', label: 'Trade', description: 'Tariffs and exports.' },
      { id: 'security', label: 'Security', description: '' },
    ],
    actors: [
      { id: 'kr', name: 'South Korea', nativeName: '대한민국', kind: 'state' },
      { id: 'cn', name: 'China', kind: 'state' },
      { id: 'lee', name: 'Lee Jae-myung', kind: 'person', role: 'President', parent: 'kr' },
      { id: 'wi', name: 'Wi Sung-lac', aliases: ['Wi Sunglac'], kind: 'person', parent: 'kr' },
      { id: 'xi', name: 'Xi Jinping', kind: 'person', parent: 'cn' },
      { id: 'apec', name: 'APEC', kind: 'organisation' },
    ],
    relations: [
      {
        id: 'r-lee-xi',
        source: 'lee',
        target: 'xi',
        type: 'dialogue',
        directed: false,
        topics: ['trade', 'security'],
        summary: 'Lee and Xi talked.',
        evidence: [{ paragraph: 1, quote: 'Lee met Xi' }],
      },
      {
        id: 'r-wi-lee',
        source: 'wi',
        target: 'lee',
        type: 'alliance',
        directed: true,
        topics: ['security'],
        summary: 'Wi briefed Lee.',
        evidence: [{ paragraph: 2, quote: 'Wi briefed Lee' }],
      },
      {
        id: 'r-xi-apec',
        source: 'xi',
        target: 'apec',
        type: 'agreement',
        directed: true,
        topics: ['trade'],
        summary: 'Xi praised APEC.',
        evidence: [{ paragraph: 3, quote: 'Xi praised APEC' }],
      },
    ],
    stances: [
      {
        actor: 'lee',
        topic: 'trade',
        position: 'supports',
        summary: 'Lee wants more trade.',
        evidence: [{ paragraph: 1, quote: 'to talk about trade' }],
      },
      {
        actor: 'xi',
        topic: 'security',
        position: 'ambiguous',
        summary: 'Xi said little.',
        evidence: [{ paragraph: 3, quote: 'Xi praised APEC' }],
      },
    ],
  };
}
type Fixture = ReturnType<typeof fixture>;

/** Loosely typed access for breaking the fixture on purpose. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

function rejected(mutate: (d: Loose) => void): Problem[] {
  const d: Fixture = fixture();
  mutate(d);
  const result = validateDataset(d);
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('expected the dataset to be rejected');
  expect(result.problems.length).toBeGreaterThan(0);
  return result.problems;
}

/** The problem at `path`; fails with the full list when there is none. */
function problemAt(problems: readonly Problem[], path: string): Problem {
  const found = problems.find((p) => p.path === path);
  expect(found, `no problem at ${path} in ${JSON.stringify(problems)}`).toBeDefined();
  return found as Problem;
}

describe('validateDataset accepts', () => {
  it('the valid fixture, and returns it parsed', () => {
    const result = validateDataset(fixture());
    expect(result.ok).toBe(true);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.dataset.actors).toHaveLength(6);
    expect(result.dataset.relations.map((r) => r.id)).toEqual(['r-lee-xi', 'r-wi-lee', 'r-xi-apec']);
    expect(result.dataset.stances).toHaveLength(2);
  });

  it('a dataset without stances (they default to none)', () => {
    const d: Loose = fixture();
    delete d.stances;
    const result = validateDataset(d);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.dataset.stances).toEqual([]);
  });

  it('claims without evidence (imported graphs carry none): absent or empty, read as an empty list', () => {
    const d: Loose = fixture();
    delete d.relations[0].evidence;
    d.stances[0].evidence = [];
    const result = validateDataset(d);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.dataset.relations[0]!.evidence).toEqual([]);
    expect(result.dataset.stances[0]!.evidence).toEqual([]);
  });

  it('evidence citing the last paragraph, and a date-time with offset', () => {
    const d = fixture();
    d.relations[0]!.evidence[0] = { paragraph: 3, quote: 'Xi praised APEC' };
    d.date = '2025-11-01T09:30:00+09:00';
    expect(validateDataset(d).ok).toBe(true);
  });
});

describe('validateDataset rejects', () => {
  it('a quote that is not in the paragraph it cites', () => {
    const problems = rejected((d) => (d.relations[0].evidence[0] = { paragraph: 2, quote: 'Lee met Xi' }));
    expect(problemAt(problems, 'relations[0].evidence[0].quote').message).toBe('"Lee met Xi" does not appear in paragraph 2 of the source');
  });

  it('a blank quote, which would otherwise be found in any paragraph', () => {
    const problems = rejected((d) => (d.stances[0].evidence[0] = { paragraph: 1, quote: ' \n\u00a0' }));
    expect(problemAt(problems, 'stances[0].evidence[0].quote').message).toBe('the quote is blank; it must be words from paragraph 1');
  });
  it('accepts a quote whose line breaks and spacing differ from the paragraph', () => {
    const d = fixture();
    d.relations[0]!.evidence[0] = { paragraph: 1, quote: 'Lee  met\nXi' };
    expect(validateDataset(d).ok).toBe(true);
  });

  it('a missing field', () => {
    const problems = rejected((d) => delete d.actors[1].name);
    expect(problemAt(problems, 'actors[1].name').message).toMatch(/expected string/);
  });

  it('a wrong type', () => {
    const problems = rejected((d) => (d.relations[0].directed = 'yes'));
    expect(problemAt(problems, 'relations[0].directed').message).toMatch(/expected boolean, received string/);
  });

  it('a value outside an enum', () => {
    const problems = rejected((d) => (d.relations[0].type = 'friendship'));
    const { message } = problemAt(problems, 'relations[0].type');
    for (const t of ['alliance', 'tension', 'agreement', 'dialogue']) expect(message).toContain(t);
  });

  it('another schema version', () => {
    const problems = rejected((d) => (d.schemaVersion = 2));
    expect(problemAt(problems, 'schemaVersion').message).toMatch(/expected 1/);
  });

  it('a non-object', () => {
    for (const input of [null, 'dataset', 42, []]) {
      const result = validateDataset(input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.problems[0]!.path).toBe('(root)');
    }
  });

  it('a relation id equal to an actor id', () => {
    const problems = rejected((d) => (d.relations[1].id = 'lee'));
    const { message } = problemAt(problems, 'relations[1].id');
    expect(message).toContain('duplicate id "lee"');
    expect(message).toContain('actors[2].id');
  });

  it('duplicate actor ids', () => {
    const problems = rejected((d) => (d.actors[3].id = 'lee'));
    const { message } = problemAt(problems, 'actors[3].id');
    expect(message).toContain('"lee"');
    expect(message).toContain('actors[2].id');
  });

  it('duplicate relation ids', () => {
    const problems = rejected((d) => (d.relations[2].id = 'r-lee-xi'));
    expect(problemAt(problems, 'relations[2].id').message).toContain('"r-lee-xi"');
  });

  it('duplicate topic ids', () => {
    const problems = rejected((d) => (d.topics[1].id = 'trade'));
    expect(problemAt(problems, 'topics[1].id').message).toContain('"trade"');
  });

  it('a relation naming a missing actor', () => {
    const problems = rejected((d) => (d.relations[2].target = 'nobody'));
    const { message } = problemAt(problems, 'relations[2].target');
    expect(message).toContain('"nobody"');
    expect(message).toContain('not an actor id');
    expect(problems).toHaveLength(1);
  });

  it('a relation from an actor to itself', () => {
    const problems = rejected((d) => (d.relations[0].target = 'lee'));
    expect(problemAt(problems, 'relations[0].target').message).toMatch(/itself/);
  });

  it('a relation naming a missing topic', () => {
    const problems = rejected((d) => (d.relations[0].topics[1] = 'climate'));
    const { message } = problemAt(problems, 'relations[0].topics[1]');
    expect(message).toContain('"climate"');
    expect(message).toContain('not a topic id');
  });

  it('a stance naming a missing topic', () => {
    const problems = rejected((d) => (d.stances[0].topic = 'climate'));
    expect(problemAt(problems, 'stances[0].topic').message).toContain('"climate" is not a topic id');
  });

  it('a stance naming a missing actor', () => {
    const problems = rejected((d) => (d.stances[1].actor = 'ghost'));
    expect(problemAt(problems, 'stances[1].actor').message).toContain('"ghost" is not an actor id');
  });

  it('a second stance of the same actor on the same topic', () => {
    const problems = rejected((d) => d.stances.push({ ...d.stances[0], position: 'opposes' }));
    expect(problemAt(problems, 'stances[2]').message).toContain('stances[0]');
  });

  it('a parent that is not a state', () => {
    const problems = rejected((d) => (d.actors[3].parent = 'lee'));
    const { message } = problemAt(problems, 'actors[3].parent');
    expect(message).toContain('"lee"');
    expect(message).toContain('not a state');
  });

  it('a parent that is not an actor', () => {
    const problems = rejected((d) => (d.actors[3].parent = 'jp'));
    expect(problemAt(problems, 'actors[3].parent').message).toContain('"jp" is not an actor id');
  });

  it('a state that is its own parent', () => {
    const problems = rejected((d) => (d.actors[0].parent = 'kr'));
    expect(problemAt(problems, 'actors[0].parent').message).toMatch(/own parent/);
  });

  it('a parent cycle', () => {
    const problems = rejected((d) => {
      d.actors[0].parent = 'cn';
      d.actors[1].parent = 'kr';
    });
    expect(problemAt(problems, 'actors[0].parent').message).toMatch(/cycle/);
    expect(problemAt(problems, 'actors[1].parent').message).toMatch(/cycle/);
    // Members of the states in the cycle are not themselves part of it.
    expect(problems.map((p) => p.path).sort()).toEqual(['actors[0].parent', 'actors[1].parent']);
  });

  it('a longer parent cycle', () => {
    const problems = rejected((d) => {
      d.actors.push({ id: 'jp', name: 'Japan', kind: 'state', parent: 'kr' });
      d.actors[0].parent = 'cn';
      d.actors[1].parent = 'jp';
    });
    for (const i of [0, 1, 6]) expect(problemAt(problems, `actors[${i}].parent`).message).toMatch(/cycle/);
  });

  it('evidence outside the source', () => {
    const problems = rejected((d) => (d.relations[0].evidence[0].paragraph = 99));
    const { message } = problemAt(problems, 'relations[0].evidence[0].paragraph');
    expect(message).toContain('99');
    expect(message).toContain('3');
  });

  it('stance evidence outside the source', () => {
    const problems = rejected((d) => (d.stances[1].evidence[0].paragraph = 4));
    expect(problemAt(problems, 'stances[1].evidence[0].paragraph').message).toContain('outside the source');
  });

  it('paragraph 0 (paragraphs are 1-based)', () => {
    const problems = rejected((d) => (d.relations[0].evidence[0].paragraph = 0));
    expect(problemAt(problems, 'relations[0].evidence[0].paragraph').message).toMatch(/>=\s*1/);
  });

  it('a fractional paragraph', () => {
    const problems = rejected((d) => (d.relations[0].evidence[0].paragraph = 1.5));
    expect(problemAt(problems, 'relations[0].evidence[0].paragraph').message).toMatch(/int/i);
  });

  it('evidence that is not a list', () => {
    const problems = rejected((d) => ((d.relations[1] as { evidence: unknown }).evidence = 'said so'));
    expect(problemAt(problems, 'relations[1].evidence')).toBeDefined();
  });

  it('an empty topic list on a relation', () => {
    const problems = rejected((d) => (d.relations[0].topics = []));
    expect(problemAt(problems, 'relations[0].topics').message).toMatch(/>=\s*1/);
  });

  it('a relation weight that is not above 0, or a label over 40 characters', () => {
    expect(problemAt(rejected((d) => (d.relations[0].weight = 0)), 'relations[0].weight')).toBeDefined();
    expect(problemAt(rejected((d) => (d.relations[0].label = 'x'.repeat(41))), 'relations[0].label')).toBeDefined();
  });

  it('an unknown extra field', () => {
    const problems = rejected((d) => (d.relations[0].strength = 3));
    expect(problemAt(problems, 'relations[0]').message).toContain('"strength"');
  });

  it('an unknown extra field at the top level', () => {
    const problems = rejected((d) => (d.version = 1));
    expect(problemAt(problems, '(root)').message).toContain('"version"');
  });

  it('an id with characters outside the allowed set', () => {
    const problems = rejected((d) => (d.actors[5].id = 'a pec'));
    expect(problemAt(problems, 'actors[5].id').message).toMatch(/ids use letters/);
  });

  it('a source url that is not http(s)', () => {
    const problems = rejected((d) => (d.source.url = 'javascript:alert(1)'));
    problemAt(problems, 'source.url');
  });
});

describe('formatProblem and formatPath', () => {
  it('formats a problem as "path: message"', () => {
    expect(formatProblem({ path: 'relations[3].target', message: '"kim" is not an actor id' })).toBe(
      'relations[3].target: "kim" is not an actor id',
    );
  });

  it('formats the problems of a rejected dataset', () => {
    const problems = rejected((d) => (d.relations[2].target = 'nobody'));
    expect(problems.map(formatProblem)).toEqual(['relations[2].target: "nobody" is not an actor id']);
  });

  it('formats paths', () => {
    expect(formatPath([])).toBe('(root)');
    expect(formatPath(['actors', 1, 'name'])).toBe('actors[1].name');
    expect(formatPath(['relations', 0, 'evidence', 2, 'paragraph'])).toBe('relations[0].evidence[2].paragraph');
  });
});
