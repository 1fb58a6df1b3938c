import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Dataset, Evidence } from './schema.ts';
import { formatProblem, validateDataset } from './validate.ts';

const dataUrl = (file: string) => new URL(`../../public/data/${file}`, import.meta.url);
const readJson = (url: URL): unknown => JSON.parse(readFileSync(url, 'utf8'));

function load(file: string): Dataset {
  const result = validateDataset(readJson(dataUrl(file)));
  if (!result.ok) throw new Error(`${file} is invalid:\n${result.problems.map(formatProblem).join('\n')}`);
  return result.dataset;
}

interface CatalogEntry {
  id: string;
  title: string;
  file: string;
}

const articleUrl = new URL('../../../shared/source/gyeongju-summit-article.txt', import.meta.url);
const committedArticleUrl = new URL('../test-support/fixtures/gyeongju-summit-article.txt', import.meta.url);

/** Every evidence item of a dataset with its JSON path. */
function allEvidence(d: Dataset): { path: string; evidence: Evidence }[] {
  const out: { path: string; evidence: Evidence }[] = [];
  d.relations.forEach((r, i) =>
    r.evidence.forEach((e, j) => out.push({ path: `relations[${i}] (${r.id}).evidence[${j}]`, evidence: e })),
  );
  d.stances.forEach((s, i) =>
    s.evidence.forEach((e, j) => out.push({ path: `stances[${i}] (${s.actor}/${s.topic}).evidence[${j}]`, evidence: e })),
  );
  return out;
}

describe('bundled datasets', () => {
  it('validates the Gyeongju dataset and the Les Misérables file', () => {
    for (const file of ['gyeongju-2025.json', 'les-miserables.json']) {
      const result = validateDataset(readJson(dataUrl(file)));
      const problems = result.ok ? [] : result.problems.map(formatProblem);
      expect(problems, file).toEqual([]);
      expect(result.ok, file).toBe(true);
    }
  });

  it('lists only files that exist, each with the matching dataset id', () => {
    const catalog = readJson(dataUrl('index.json')) as { datasets: CatalogEntry[] };
    expect(Object.keys(catalog)).toEqual(['datasets']);
    expect(catalog.datasets.map((e) => e.id)).toEqual(['gyeongju-2025', 'les-miserables']);
    for (const entry of catalog.datasets) {
      expect(Object.keys(entry).sort(), entry.id).toEqual(['file', 'id', 'title']);
      expect(existsSync(dataUrl(entry.file)), `${entry.file} exists`).toBe(true);
      const dataset = load(entry.file);
      expect(dataset.id, entry.file).toBe(entry.id);
      expect(dataset.title, entry.file).toBe(entry.title);
    }
  });
});

describe('Gyeongju 2025 dataset', () => {
  const d = load('gyeongju-2025.json');

  it('quotes every piece of evidence verbatim from its cited paragraph', () => {
    for (const { path, evidence } of allEvidence(d)) {
      const paragraph = d.source.paragraphs[evidence.paragraph - 1];
      expect(paragraph, `${path}: paragraph ${evidence.paragraph} exists`).toBeDefined();
      expect(paragraph?.includes(evidence.quote), `${path}: ${JSON.stringify(evidence.quote)} is not in paragraph ${evidence.paragraph}`).toBe(true);
    }
  });

  it('keeps each quote short', () => {
    for (const { path, evidence } of allEvidence(d)) {
      const words = evidence.quote.trim().split(/\s+/).length;
      expect(words, `${path} has ${words} words`).toBeLessThanOrEqual(30);
    }
  });

  // The article ships with the project in shared/ beside the checkout (as in CI); a copy is kept
  // in app/test-support/fixtures so the check also runs in a clone without it, and the two must agree.
  it('carries the article body paragraphs exactly', () => {
    const text = readFileSync(committedArticleUrl, 'utf8');
    if (existsSync(articleUrl)) expect(text, 'the fixture copy of the article is current').toBe(readFileSync(articleUrl, 'utf8'));
    const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
    expect(d.source.title).toBe(lines[0]);
    expect(d.source.paragraphs).toEqual(lines.slice(1));
  });

  it('has the core people with native names and state parents', () => {
    const byId = new Map(d.actors.map((a) => [a.id, a]));
    const expected = [
      { id: 'lee-jae-myung', nativeName: '이재명', parent: 'south-korea' },
      { id: 'xi-jinping', nativeName: '习近平', parent: 'china' },
      { id: 'kim-jong-un', nativeName: '김정은', parent: 'north-korea' },
      { id: 'donald-trump', nativeName: undefined, parent: 'united-states' },
      { id: 'wi-sung-lac', nativeName: '위성락', parent: 'south-korea' },
    ];
    for (const { id, nativeName, parent } of expected) {
      const actor = byId.get(id);
      expect(actor, id).toBeDefined();
      expect(actor?.kind, id).toBe('person');
      if (nativeName !== undefined) expect(actor?.nativeName, id).toBe(nativeName);
      expect(actor?.parent, id).toBe(parent);
      expect(byId.get(parent)?.kind, parent).toBe('state');
    }
    expect(byId.get('wi-sung-lac')?.aliases).toContain('Wi Sunglac');
  });

  it('uses every topic and involves every actor', () => {
    const usedTopics = new Set([...d.relations.flatMap((r) => r.topics), ...d.stances.map((s) => s.topic)]);
    for (const t of d.topics) expect(usedTopics.has(t.id), `topic ${t.id} is used`).toBe(true);

    const involved = new Set([...d.relations.flatMap((r) => [r.source, r.target]), ...d.stances.map((s) => s.actor)]);
    for (const a of d.actors) expect(involved.has(a.id), `actor ${a.id} has a relation or stance`).toBe(true);
  });
});

describe('the Gyeongju dataset is journalism', () => {
  it('keeps evidence on every relation and every stance', () => {
    const d = load('gyeongju-2025.json');
    expect(d.relations.filter((r) => r.evidence.length === 0).map((r) => r.id)).toEqual([]);
    expect(d.stances.filter((s) => s.evidence.length === 0).map((s) => `${s.actor}~${s.topic}`)).toEqual([]);
    expect(d.relations.length).toBeGreaterThan(0);
  });
});
