import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { positions, relationTypes, type Dataset } from './schema.ts';
import { formatProblem, validateDataset } from './validate.ts';

// The rules of public/data/CODEBOOK.md that a machine can hold, over every bundled dataset.

const dataUrl = (file: string) => new URL(`../../public/data/${file}`, import.meta.url);

function load(file: string): Dataset {
  const result = validateDataset(JSON.parse(readFileSync(dataUrl(file), 'utf8')));
  if (!result.ok) throw new Error(`${file} is invalid:\n${result.problems.map(formatProblem).join('\n')}`);
  return result.dataset;
}

const bundled = ['gyeongju-2025.json', 'les-miserables.json'] as const;

/** The codebook's agreement verbs: an agreement's evidence must say what was agreed or signed. */
const agreementWords = new Set(['sign', 'signs', 'signed', 'agree', 'agrees', 'agreed', 'agreement', 'agreements']);
const words = (text: string) => text.toLowerCase().split(/[^\p{L}]+/u);

describe.each(bundled)('codebook rules for %s', (file) => {
  const d = load(file);

  it('gives every relation a label of at most 40 characters', () => {
    for (const r of d.relations) {
      expect(r.label?.trim(), `${r.id} has a label`).toBeTruthy();
      expect(r.label!.length, `${r.id}: ${r.label}`).toBeLessThanOrEqual(40);
    }
  });

  it("backs every agreement with evidence that says what was agreed or signed", () => {
    for (const r of d.relations.filter((x) => x.type === 'agreement')) {
      expect(r.evidence.length, `${r.id} cites evidence`).toBeGreaterThan(0);
      const says = r.evidence.some((e) => words(e.quote).some((w) => agreementWords.has(w)));
      expect(says, `${r.id}: no quote says "signed" or "agreed": ${r.evidence.map((e) => e.quote).join(' | ')}`).toBe(true);
    }
  });

  it('involves every actor in a relation or a stance', () => {
    const involved = new Set([...d.relations.flatMap((r) => [r.source, r.target]), ...d.stances.map((s) => s.actor)]);
    expect(d.actors.filter((a) => !involved.has(a.id)).map((a) => a.id)).toEqual([]);
  });

  it('uses every topic', () => {
    const used = new Set([...d.relations.flatMap((r) => r.topics), ...d.stances.map((s) => s.topic)]);
    expect(d.topics.filter((t) => !used.has(t.id)).map((t) => t.id)).toEqual([]);
  });

  it('never codes two relations with the same ends, type and topic', () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const r of d.relations) {
      // Ends in either order: an undirected relation and its mirror are the same pair.
      const ends = [r.source, r.target].sort().join('\u0000');
      for (const topic of r.topics) {
        const key = `${ends}\u0000${r.type}\u0000${topic}`;
        const first = seen.get(key);
        if (first !== undefined) clashes.push(`${first} and ${r.id} (${r.type} on ${topic})`);
        else seen.set(key, r.id);
      }
    }
    expect(clashes).toEqual([]);
  });
});

describe('outside knowledge in the Gyeongju dataset', () => {
  const d = load('gyeongju-2025.json');
  const article = d.source.paragraphs.join('\n');
  const marks = d.outsideKnowledge ?? [];
  const isMarked = (actor: string | undefined, field: string) => marks.some((m) => m.actor === actor && m.field === field);
  // A descriptive name in the article's own words ("South Korean defence officials") is not outside
  // knowledge; one that uses a word the article never does ("Sung-lac", "DPRK") is.
  const articleWords = new Set(words(article));
  const fromArticle = (name: string) => words(name).every((w) => w === '' || articleWords.has(w));

  it('marks the date, which the article does not give', () => {
    expect(article).not.toContain(d.date);
    expect(isMarked(undefined, 'date')).toBe(true);
  });

  it('marks every native name, every name with a word the article does not use, and every alias list with such a name', () => {
    const unmarked: string[] = [];
    for (const a of d.actors) {
      if (a.nativeName !== undefined && !isMarked(a.id, 'nativeName')) unmarked.push(`${a.id}.nativeName`);
      if (!fromArticle(a.name) && !isMarked(a.id, 'name')) unmarked.push(`${a.id}.name`);
      if ((a.aliases ?? []).some((alias) => !fromArticle(alias)) && !isMarked(a.id, 'aliases')) unmarked.push(`${a.id}.aliases`);
    }
    expect(unmarked).toEqual([]);
  });

  it('keeps marked names out of every summary and label, where only the article may speak', () => {
    const outside = new Set<string>();
    for (const a of d.actors) {
      if (a.nativeName !== undefined) outside.add(a.nativeName);
      if (!fromArticle(a.name)) outside.add(a.name);
      for (const alias of a.aliases ?? []) if (!fromArticle(alias)) outside.add(alias);
    }
    expect(outside.size).toBeGreaterThan(0);
    const texts = [
      ...d.relations.flatMap((r) => [`${r.id}: ${r.summary}`, `${r.id}: ${r.label ?? ''}`]),
      ...d.stances.map((s) => `${s.actor}/${s.topic}: ${s.summary}`),
    ];
    const leaks = texts.filter((t) => [...outside].some((value) => t.includes(value)));
    expect(leaks).toEqual([]);
  });

  it('gives every mark a note', () => {
    for (const m of marks) expect(m.note.trim().length, `${m.actor ?? '(dataset)'}.${m.field}`).toBeGreaterThan(10);
  });
});

describe('Gyeongju claims', () => {
  const d = load('gyeongju-2025.json');

  it('keeps evidence on every relation and every stance', () => {
    const bare = [...d.relations.filter((r) => r.evidence.length === 0).map((r) => r.id), ...d.stances.filter((s) => s.evidence.length === 0).map((s) => `${s.actor}/${s.topic}`)];
    expect(bare).toEqual([]);
  });
});

describe('Les Misérables', () => {
  const d = load('les-miserables.json');

  it('weighs each relation by the chapters its summary counts, and cites no evidence', () => {
    for (const r of d.relations) {
      const count = /^Appear together in (\d+) chapters?\.$/.exec(r.summary);
      expect(count, r.id).not.toBeNull();
      expect(r.weight, r.id).toBe(Number(count![1]));
      expect(r.label, r.id).toBe(`together in ${count![1]} chapter${count![1] === '1' ? '' : 's'}`);
      expect(r.evidence, r.id).toEqual([]);
    }
  });

  it('keeps the source paragraph that says how links were made', () => {
    expect(d.source.paragraphs).toHaveLength(1);
    expect(d.source.paragraphs[0]).toContain('linked when they appear in the same chapter');
  });
});

describe('the codebook file', () => {
  const codebook = readFileSync(dataUrl('CODEBOOK.md'), 'utf8');

  it('defines every relation type and every stance position', () => {
    for (const type of relationTypes) expect(codebook, type).toContain(`### ${type}`);
    for (const position of positions) expect(codebook, position).toContain(`| \`${position}\` |`);
  });

  it('is linked from the README', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readme.includes('(public/data/CODEBOOK.md)'), 'README links public/data/CODEBOOK.md').toBe(true);
  });
});
