import { describe, expect, it } from 'vitest';
import { validateDataset } from './validate.ts';

/** A small valid dataset with marks; each test changes its own copy. */
function fixture() {
  return {
    schemaVersion: 1,
    id: 'marks',
    title: 'A summit (2025)',
    description: '',
    date: '2025-11-01',
    source: { title: 'Leaders meet', paragraphs: ['Wi Sunglac met Xi.'] },
    topics: [{ id: 'talks', label: 'Talks', description: '' }],
    actors: [
      { id: 'kr', name: 'South Korea', kind: 'state' },
      { id: 'wi', name: 'Wi Sung-lac', nativeName: '위성락', aliases: ['Wi Sunglac'], kind: 'person', parent: 'kr' },
      { id: 'xi', name: 'Xi', kind: 'person' },
    ],
    relations: [
      {
        id: 'met',
        source: 'wi',
        target: 'xi',
        type: 'dialogue',
        directed: false,
        topics: ['talks'],
        summary: 'They met.',
        evidence: [{ paragraph: 1, quote: 'Wi Sunglac met Xi' }],
      },
    ],
    outsideKnowledge: [
      { field: 'date', note: 'The day of the summit as publicly reported.' },
      { field: 'title', note: 'The year.' },
      { actor: 'wi', field: 'name', note: 'Official romanisation.' },
      { actor: 'wi', field: 'nativeName', note: 'In Hangul.' },
      { actor: 'wi', field: 'parent', note: 'The article implies it.' },
    ] as { actor?: string; field: string; note: string }[],
  };
}

const problems = (d: unknown) => {
  const result = validateDataset(d);
  return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
};

describe('outsideKnowledge', () => {
  it('is optional, and marks on the dataset and on present actor fields load as given', () => {
    const d = fixture();
    const result = validateDataset(d);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.dataset.outsideKnowledge).toEqual(d.outsideKnowledge);
    const { outsideKnowledge: _, ...without } = d;
    expect(validateDataset(without).ok).toBe(true);
  });

  it('refuses a mark on an actor that does not exist', () => {
    const d = fixture();
    d.outsideKnowledge[2]!.actor = 'kim';
    expect(problems(d)).toEqual(['outsideKnowledge[2].actor: "kim" is not an actor id']);
  });

  it('refuses a mark on a field the actor does not have', () => {
    const d = fixture();
    d.outsideKnowledge.push({ actor: 'xi', field: 'role', note: 'Public record.' });
    expect(problems(d)).toEqual(['outsideKnowledge[5].field: actors[2] ("xi") has no role to mark']);
  });

  it('refuses an actor field without an actor, and a dataset field with one', () => {
    const d = fixture();
    d.outsideKnowledge.push({ field: 'nativeName', note: 'Whose?' }, { actor: 'wi', field: 'date', note: 'Not his.' });
    expect(problems(d)).toEqual([
      'outsideKnowledge[5]: "nativeName" is a field of an actor: name the actor',
      'outsideKnowledge[6].actor: "date" is a field of the dataset, not of an actor',
    ]);
  });

  it('refuses the same value marked twice', () => {
    const d = fixture();
    d.outsideKnowledge.push({ actor: 'wi', field: 'name', note: 'Again.' });
    expect(problems(d)).toEqual(['outsideKnowledge[5]: actors[1].name is already marked (at outsideKnowledge[2])']);
  });

  it('refuses a field that may not carry outside knowledge, and a mark without a note', () => {
    const d = fixture();
    d.outsideKnowledge.push({ actor: 'wi', field: 'summary', note: 'Summaries say only what the source says.' });
    expect(problems(d).map((p) => p.slice(0, p.indexOf(':')))).toEqual(['outsideKnowledge[5].field']);
    const e = fixture();
    e.outsideKnowledge[0]!.note = '';
    expect(problems(e).map((p) => p.slice(0, p.indexOf(':')))).toEqual(['outsideKnowledge[0].note']);
  });
});
