import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../data/schema.ts';
import { validateDataset } from '../data/validate.ts';
import {
  dataInFragment,
  decodeDataFragment,
  encodeDataFragment,
  fromBase64Url,
  maxEncodedChars,
  toBase64Url,
} from './data-fragment.ts';

fc.configureGlobal({ seed: 1515 });

function bundled(file: string): Dataset {
  const result = validateDataset(JSON.parse(readFileSync(new URL(`../../public/data/${file}`, import.meta.url), 'utf8')));
  if (!result.ok) throw new Error(`${file} is invalid`);
  return result.dataset;
}
const gyeongju = bundled('gyeongju-2025.json');
const lesMis = bundled('les-miserables.json');

const encode = (dataset: Dataset): string => {
  const result = encodeDataFragment(dataset);
  if (!result.ok) throw new Error(result.reason);
  return dataInFragment(result.fragment)!;
};

describe('base64url', () => {
  it('round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
      }),
    );
  });
  it('refuses characters outside the URL-safe alphabet and impossible lengths', () => {
    expect(fromBase64Url('ab+c')).toBeNull();
    expect(fromBase64Url('ab/c')).toBeNull();
    expect(fromBase64Url('abc=')).toBeNull();
    expect(fromBase64Url('abcde')).toBeNull();
  });
});

describe('data fragment', () => {
  it('round-trips both bundled datasets, and both fit the limit', () => {
    for (const dataset of [gyeongju, lesMis]) {
      const encoded = encodeDataFragment(dataset);
      expect(encoded.ok).toBe(true);
      expect(encoded.chars).toBeLessThanOrEqual(maxEncodedChars);
      const decoded = decodeDataFragment(dataInFragment(encoded.ok ? encoded.fragment : '')!);
      expect(decoded).toEqual({ ok: true, dataset });
    }
  });

  it('round-trips datasets with arbitrary text in their fields', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }).filter((s) => s.trim() !== ''), fc.string({ maxLength: 200 }), (title, description) => {
        const dataset: Dataset = { ...gyeongju, title, description };
        const decoded = decodeDataFragment(encode(dataset));
        expect(decoded.ok && decoded.dataset.title).toBe(title);
        expect(decoded.ok && decoded.dataset.description).toBe(description);
      }),
      { numRuns: 60 },
    );
  });

  const good = encode(gyeongju);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

  it('never throws on random damage, and either refuses it or yields a whole valid dataset', () => {
    const damage = fc.oneof(
      // truncation
      fc.nat({ max: good.length - 1 }).map((n) => good.slice(0, n)),
      // flipped characters
      fc
        .array(fc.tuple(fc.nat({ max: good.length - 1 }), fc.constantFrom(...alphabet)), { minLength: 1, maxLength: 8 })
        .map((edits) => {
          const chars = [...good];
          for (const [at, ch] of edits) chars[at] = ch;
          return chars.join('');
        }),
      // foreign characters, percent-encoding, garbage
      fc.tuple(fc.nat({ max: good.length }), fc.string({ maxLength: 12 })).map(([at, junk]) => good.slice(0, at) + junk + good.slice(at)),
      fc.string({ maxLength: 400 }),
      fc.stringMatching(/^[A-Za-z0-9_-]{0,400}$/),
    );
    fc.assert(
      fc.property(damage, (encoded) => {
        let result: ReturnType<typeof decodeDataFragment> | undefined;
        expect(() => (result = decodeDataFragment(encoded))).not.toThrow();
        if (result!.ok) expect(validateDataset(result!.dataset).ok).toBe(true);
        else expect(result!.reason).toMatch(/^The data in this link could not be read/);
      }),
      { numRuns: 400 },
    );
  });

  it('says why a truncated link is refused, wherever it was cut', () => {
    for (const cut of [0, 1, 2, 3].map((k) => Math.floor(good.length / 8) * 4 + k)) {
      const result = decodeDataFragment(good.slice(0, cut));
      expect(result).toMatchObject({ ok: false, reason: expect.stringContaining('damaged or cut off') });
    }
  });

  it('refuses valid deflate that holds no valid dataset, naming the problem', () => {
    const notDataset = toBase64Url(deflateSync(new TextEncoder().encode(JSON.stringify({ ...gyeongju, actors: 'none' }))));
    const result = decodeDataFragment(notDataset);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.join('\n')).toMatch(/actors/);
  });

  it('stops inflating a small fragment that would unpack past the file limit', () => {
    const bomb = toBase64Url(deflateSync(new Uint8Array(21 * 1024 * 1024).fill(32), { level: 9 }));
    expect(bomb.length).toBeLessThan(maxEncodedChars);
    expect(decodeDataFragment(bomb)).toMatchObject({ ok: false, reason: expect.stringContaining('unpacks to more than 20 MB') });
  });

  it('refuses to make a link over the limit, naming its size and suggesting Export JSON', () => {
    // Incompressible text from a seeded generator, so the encoded size grows with it.
    const state = { x: 15 };
    const next = () => {
      state.x ^= state.x << 13;
      state.x ^= state.x >>> 17;
      state.x ^= state.x << 5;
      return state.x >>> 0;
    };
    const noise = (n: number) => Array.from({ length: n }, () => alphabet[next() % 64]).join('');
    const huge: Dataset = { ...gyeongju, topics: Array.from({ length: 100 }, (_, i) => ({ id: `t${i}`, label: `T${i}`, description: noise(1900) })) };
    const result = encodeDataFragment(huge);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/^This dataset would make a link of \d+ KB; links with data are limited to 100 KB\. Use Export → JSON/);
  });

  it('reads only #data= fragments', () => {
    expect(dataInFragment('#data=abc')).toBe('abc');
    expect(dataInFragment('data=abc')).toBe('abc');
    expect(dataInFragment('#section')).toBeNull();
    expect(dataInFragment('')).toBeNull();
  });

  it('reports the encoded sizes of the bundled datasets', () => {
    const sizes = [gyeongju, lesMis].map((d) => encodeDataFragment(d).chars);
    console.info(`data link sizes (characters after #data=): gyeongju ${sizes[0]}, les-miserables ${sizes[1]}`);
    expect(sizes.every((n) => n > 0)).toBe(true);
  });
});
