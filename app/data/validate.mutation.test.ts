import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDatasetJson } from '../load/read-dataset.ts';
import { mutants, mutationKinds, mutationRuns, within, type Mutant } from '../test-support/dataset-mutations.ts';
import { validateDataset } from './validate.ts';
import type { Dataset } from './schema.ts';

const read = (file: string) => readFileSync(new URL(`../../public/data/${file}`, import.meta.url), 'utf8');

/** Where a problem line from the file loader points: "relations[3].target: …" → "relations[3].target". */
const linePath = (line: string) => line.slice(0, line.indexOf(': '));

/** What is wrong with how the validator treated one mutant, or null. */
function judge(m: Mutant): string | null {
  if (m.text !== undefined) {
    const loaded = parseDatasetJson(m.text);
    if (loaded.ok) return 'a cut file loaded';
    return /truncated/.test(loaded.reason) ? null : `a cut file was refused without saying so: ${loaded.reason}`;
  }
  const result = validateDataset(m.data);
  // The file loader (app/load/read-dataset.ts) must come to the same verdict through the same validator.
  const loaded = parseDatasetJson(JSON.stringify(m.data));
  if (loaded.ok !== m.valid) return `the file loader said ${loaded.ok ? 'valid' : `invalid (${loaded.reason} ${loaded.problems.join(' | ')})`}`;

  if (m.valid) {
    if (!result.ok) return `rejected: ${result.problems.map((p) => `${p.path}: ${p.message}`).join(' | ')}`;
    const input = m.data as Dataset;
    for (const key of ['actors', 'relations', 'topics', 'stances'] as const) {
      const given = (input[key] ?? []).length;
      if (result.dataset[key].length !== given) return `${key}: ${given} given, ${result.dataset[key].length} validated`;
    }
    if (JSON.stringify(loaded.ok && loaded.dataset) !== JSON.stringify(result.dataset)) return 'the file loader read different data';
    return null;
  }

  if (result.ok) return 'accepted';
  const places = [...m.at, ...m.alsoAt];
  const shown = result.problems.map((p) => `${p.path}: ${p.message}`).join(' | ');
  if (!result.problems.some((p) => m.at.some((place) => within(p.path, place)))) return `no problem at ${m.at.join(', ')}: ${shown}`;
  const stray = result.problems.find((p) => !places.some((place) => within(p.path, place)));
  if (stray) return `a problem at an unrelated place: ${stray.path}: ${stray.message}`;
  if (m.mentions !== undefined && !result.problems.some((p) => p.message.includes(m.mentions!)))
    return `no message mentions ${m.mentions}: ${shown}`;
  if (!loaded.ok && !loaded.problems.every((line) => places.some((place) => within(linePath(line), place))))
    return `the file loader's lines point elsewhere: ${loaded.problems.join(' | ')}`;
  return null;
}

for (const run of mutationRuns) {
  describe(`mutations of ${run.file}`, () => {
    const text = read(run.file);
    const parsed = validateDataset(JSON.parse(text));
    if (!parsed.ok) throw new Error(`${run.file} itself is invalid`);
    const all = mutants(parsed.dataset, text, run.count, run.seed);

    it(`makes ${run.count} mutants of both verdicts`, () => {
      expect(all).toHaveLength(run.count);
      expect(all.filter((m) => m.valid).length).toBeGreaterThan(run.count / 10);
      expect(all.filter((m) => !m.valid).length).toBeGreaterThan(run.count / 2);
    });

    for (const kind of mutationKinds) {
      const ofKind = all.filter((m) => m.kind === kind);
      it(`${kind}: every invalid mutant is refused at the changed place, every valid one is kept whole`, () => {
        expect(ofKind.length).toBeGreaterThan(0);
        const failures = ofKind.flatMap((m) => {
          const why = judge(m);
          return why === null ? [] : [`${m.note} → ${why}`];
        });
        expect(failures.slice(0, 5)).toEqual([]);
      });
    }
  });
}

describe('the mutation set', () => {
  const text = read(mutationRuns[0].file);
  const base = JSON.parse(text) as Dataset;
  const all = mutants(base, text, mutationRuns[0].count, mutationRuns[0].seed);

  it('covers at least 1,000 variants over the kinds the issue lists', () => {
    expect(all.length).toBeGreaterThanOrEqual(1000);
    const kinds = new Set(all.map((m) => m.kind));
    for (const kind of [
      'missing-endpoint',
      'duplicate-id',
      'bad-id',
      'parent-cycle',
      'unknown-topic',
      'wrong-type',
      'huge-string',
      'prototype-key',
      'truncation',
      'schema-version',
      'evidence-paragraph',
      'non-array',
    ] as const)
      expect(kinds.has(kind), kind).toBe(true);
    expect(kinds.size).toBeGreaterThanOrEqual(12);
  });

  it('is the same on every run, so a failure can be reproduced', () => {
    const again = mutants(base, text, 50, mutationRuns[0].seed);
    expect(again.map((m) => m.note)).toEqual(all.slice(0, 50).map((m) => m.note));
  });

  it('leaves the base dataset untouched', () => {
    expect(JSON.stringify(base)).toBe(JSON.stringify(JSON.parse(text)));
  });
});
