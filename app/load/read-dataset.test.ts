import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../data/schema.ts';
import { validateDataset } from '../data/validate.ts';
import { maxFileBytes } from './limits.ts';
import { canonicalJson, contentHash, loadFiles, looksTruncated, unsupportedFilesReason, type InputFile, type LoadResult } from './read-dataset.ts';

const fixtureUrl = (name: string) => new URL(`../../e2e/fixtures/${name}`, import.meta.url);
const fixture = (name: string): InputFile => ({
  name,
  size: statSync(fixtureUrl(name)).size,
  text: () => Promise.resolve(readFileSync(fixtureUrl(name), 'utf8')),
});
const memory = (name: string, text: string): InputFile => ({
  name,
  size: new TextEncoder().encode(text).length,
  text: () => Promise.resolve(text),
});
const validStory = (): Dataset => JSON.parse(readFileSync(fixtureUrl('valid-story.json'), 'utf8')) as Dataset;

function failed(r: LoadResult): { reason: string; problems: string[] } {
  if (r.ok) throw new Error('expected the load to fail');
  expect(r.reason).not.toContain('\n');
  return r;
}

describe('loadFiles on the fixtures', () => {
  it('loads the valid JSON story with a 16-hex content hash', async () => {
    const r = await loadFiles([fixture('valid-story.json')]);
    if (!r.ok) throw new Error(`${r.reason}\n${r.problems.join('\n')}`);
    expect(r.dataset.id).toBe('harbourside-tram');
    expect(r.hash).toMatch(/^[0-9a-f]{16}$/);
    expect(r.hash).toBe(await contentHash(r.dataset));
  });

  it('loads the valid CSV pair, whatever the order', async () => {
    const a = await loadFiles([fixture('valid-actors.csv'), fixture('valid-relations.csv')], { today: '2025-01-02' });
    const b = await loadFiles([fixture('valid-relations.csv'), fixture('valid-actors.csv')], { today: '2025-01-02' });
    if (!a.ok || !b.ok) throw new Error('CSV pair did not load');
    expect(a.dataset.date).toBe('2025-01-02');
    expect(a.hash).toBe(b.hash);
  });

  it('gives each broken file its one reason', async () => {
    const cases: [string, RegExp | string, string[]][] = [
      ['broken-schema-version.json', /format version this app does not read/, ['schemaVersion: this app reads version 1; the file says 2']],
      ['broken-missing-endpoint.json', 'The dataset has 1 problem; nothing was loaded.', ['relations[2].target: "kim-ora" is not an actor id']],
      [
        'broken-duplicate-id.json',
        'The dataset has 1 problem; nothing was loaded.',
        ['relations[7].id: duplicate id "r-voss-council" (first used at relations[0].id)'],
      ],
      [
        'broken-parent-cycle.json',
        'The dataset has 2 problems; nothing was loaded.',
        ['actors[0].parent: parent chain forms a cycle through "freedonia"', 'actors[8].parent: parent chain forms a cycle through "ruritania"'],
      ],
      ['broken-unknown-topic.json', 'The dataset has 1 problem; nothing was loaded.', ['relations[3].topics[1]: "tram-fares" is not a topic id']],
      ['broken-not-json.json', /^This file is not JSON: .+/, []],
      ['broken-truncated.json', /truncated/, []],
      ['broken-empty.json', 'The file is empty.', []],
      ['broken-too-many-actors.json', 'The dataset has 20,001 actors; the limit is 20,000.', []],
    ];
    for (const [file, reason, problems] of cases) {
      const r = failed(await loadFiles([fixture(file)]));
      if (typeof reason === 'string') expect(r.reason, file).toBe(reason);
      else expect(r.reason, file).toMatch(reason);
      expect(r.problems, file).toEqual(problems);
    }
  });

  it('reports the missing CSV column with its file and line', async () => {
    const r = failed(await loadFiles([fixture('valid-actors.csv'), fixture('broken-missing-column-relations.csv')]));
    expect(r.problems).toEqual(['broken-missing-column-relations.csv line 1: missing column "target"']);
  });
});

describe('loadFiles refusals', () => {
  it('accepts only one .json file or two .csv files', async () => {
    const json = memory('a.json', '{}');
    const csv = memory('a.csv', 'id,name,kind\n');
    for (const files of [[], [csv], [csv, csv, csv], [memory('photo.png', 'PNG')], [json, json], [json, csv], [memory('data.txt', '{}')]]) {
      const r = failed(await loadFiles(files));
      expect(r.reason).toBe(unsupportedFilesReason);
    }
  });

  it('checks the size before reading any text', async () => {
    let read = false;
    const huge: InputFile = {
      name: 'huge.json',
      size: 23.4 * 1024 * 1024,
      text: () => {
        read = true;
        return Promise.resolve('{}');
      },
    };
    expect(failed(await loadFiles([huge])).reason).toBe('This file is 23.4 MB; the limit is 20 MB.');
    const csv = memory('actors.csv', 'id,name,kind\n');
    const hugeCsv = { ...huge, name: 'relations.csv', size: maxFileBytes + 1 };
    expect(failed(await loadFiles([csv, hugeCsv])).reason).toMatch(/^relations\.csv: This file is 20\.0 MB; the limit is 20 MB\.$/);
    expect(read).toBe(false);
  });

  it('explains JSON that is not a dataset object', async () => {
    expect(failed(await loadFiles([memory('a.json', '[1, 2]')])).reason).toBe(
      'This JSON file is not a dataset: its top level is an array, not an object.',
    );
    expect(failed(await loadFiles([memory('a.json', '"text"')])).reason).toMatch(/top level is a string/);
    expect(failed(await loadFiles([memory('a.json', '   \n')])).reason).toBe('The file is empty.');
  });

  it('keeps the parser message to one printable line, even for binary files', async () => {
    for (const text of ['\n\nnot json\nat all', '\u0089PNG\r\n\u001a\n\u0000\u0000', `x${'y'.repeat(500)}`]) {
      const r = failed(await loadFiles([memory('a.json', text)]));
      expect(r.reason).toMatch(/^This file is not JSON: /);
      expect([...r.reason].every((ch) => ch.charCodeAt(0) >= 32)).toBe(true);
      expect(r.reason.length).toBeLessThan(200);
    }
  });

  it('names a missing or wrong schemaVersion', async () => {
    const { schemaVersion: _drop, ...rest } = validStory();
    expect(failed(await loadFiles([memory('a.json', JSON.stringify(rest))])).problems).toEqual([
      'schemaVersion: this app reads version 1; the file has none',
    ]);
    expect(failed(await loadFiles([memory('a.json', JSON.stringify({ ...rest, schemaVersion: '1' }))])).problems).toEqual([
      'schemaVersion: this app reads version 1; the file says "1"',
    ]);
  });

  it('refuses too many relations before running the schema', async () => {
    const d = { ...validStory(), relations: new Array(20_001).fill(0) };
    expect(failed(await loadFiles([memory('a.json', JSON.stringify(d))])).reason).toBe(
      'The dataset has 20,001 relations; the limit is 20,000.',
    );
  });

  it('turns a failing read into a reason', async () => {
    const broken: InputFile = { name: 'a.json', size: 10, text: () => Promise.reject(new Error('NotReadableError: gone')) };
    expect(failed(await loadFiles([broken])).reason).toBe('a.json could not be read: NotReadableError: gone');
  });

  it('tells truncated JSON from text that is not JSON', () => {
    const text = JSON.stringify(validStory());
    for (const cut of [1, 10, text.length / 3, text.length / 2, text.length - 1]) expect(looksTruncated(text.slice(0, cut))).toBe(true);
    expect(looksTruncated(text)).toBe(false);
    expect(looksTruncated('He said "hello')).toBe(false);
    expect(looksTruncated('{"a": "quote \\" [ inside"')).toBe(true);
  });
});

describe('contentHash', () => {
  const reorder = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(reorder);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reorder(v)]),
    );
  };

  it('ignores key order but not content', async () => {
    const d = validStory();
    const shuffled = reorder(d) as Dataset;
    expect(JSON.stringify(shuffled)).not.toBe(JSON.stringify(d));
    expect(canonicalJson(shuffled)).toBe(canonicalJson(d));
    expect(await contentHash(shuffled)).toBe(await contentHash(d));

    const changed = validStory();
    changed.actors[0]!.name = 'Freedonia!';
    expect(await contentHash(changed)).not.toBe(await contentHash(d));
  });

  it('gives the same hash to a file whatever its key order or formatting', async () => {
    const a = await loadFiles([memory('a.json', JSON.stringify(validStory(), null, 2))]);
    const b = await loadFiles([memory('b.json', JSON.stringify(reorder(validStory())))]);
    expect(a.ok && b.ok && a.hash === b.hash).toBe(true);
  });

  it('hashes the validated dataset, so an omitted default equals the explicit one', async () => {
    const { stances: _s, ...noStances } = { ...validStory(), stances: [] };
    const parsed = validateDataset(noStances);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(await contentHash(parsed.dataset)).toBe(await contentHash({ ...parsed.dataset, stances: [] }));
  });

  it('sorts keys in the canonical string', () => {
    expect(canonicalJson({ b: 1, a: [{ d: null, c: 'x' }], e: undefined })).toBe('{"a":[{"c":"x","d":null}],"b":1}');
  });
});
