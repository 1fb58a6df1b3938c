import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeProblems, parse } from './view-url.ts';

/** Every number the sentence gives, so a test can check that they add up to what was ignored. */
const numbersIn = (text: string) =>
  [...text.matchAll(/\(([\d,]+) times\)|([\d,]+) more parameters|and ([\d,]+) more/g)].map((m) => Number((m[1] ?? m[2] ?? m[3])!.replace(/,/g, '')));

describe('describeProblems counts what was really ignored (issue #17)', () => {
  it('5,000 repeated topics= say 4,999 ignored, not "95 more"', () => {
    const text = describeProblems(parse(`?${Array.from({ length: 5000 }, () => 'topics=-a').join('&')}`).problems);
    expect(text).toBe('Ignored from the link: repeated parameter "topics" (99 times), 4,900 more parameters past the limit of 100.');
    expect(numbersIn(text).reduce((a, b) => a + b, 0)).toBe(4999);
  });

  it('for any number of repeats, the counts add up to the repeats', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3000 }), fc.constantFrom('topics=-a', 'view=table', 'q=x'), (repeats, param) => {
        const text = describeProblems(parse(`?${Array.from({ length: repeats + 1 }, () => param).join('&')}`).problems);
        const numbers = numbersIn(text);
        const total = numbers.length === 0 ? 1 : numbers.reduce((a, b) => a + b, 0);
        expect(total).toBe(repeats);
      }),
      { numRuns: 60 },
    );
  });
});
