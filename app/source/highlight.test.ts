import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { highlightSegments } from './highlight.ts';

const marked = (text: string, quotes: string[]) =>
  highlightSegments(text, quotes)
    .filter((s) => s.marked)
    .map((s) => s.text);

describe('highlightSegments', () => {
  it('returns the whole text unmarked when nothing matches', () => {
    expect(highlightSegments('The summit ended.', ['pipe dream'])).toEqual([{ text: 'The summit ended.', marked: false }]);
    expect(highlightSegments('The summit ended.', [])).toEqual([{ text: 'The summit ended.', marked: false }]);
  });

  it('returns nothing for empty text', () => {
    expect(highlightSegments('', ['a'])).toEqual([]);
  });

  it('marks one match', () => {
    expect(highlightSegments('calling it a “pipe dream.” Then', ['“pipe dream.”'])).toEqual([
      { text: 'calling it a ', marked: false },
      { text: '“pipe dream.”', marked: true },
      { text: ' Then', marked: false },
    ]);
  });

  it('marks a match at the very start and end', () => {
    expect(highlightSegments('abc', ['abc'])).toEqual([{ text: 'abc', marked: true }]);
    expect(highlightSegments('abc', ['a', 'c'])).toEqual([
      { text: 'a', marked: true },
      { text: 'b', marked: false },
      { text: 'c', marked: true },
    ]);
  });

  it('marks several separate quotes in text order, whatever the quote order', () => {
    expect(marked('one two three four', ['four', 'two'])).toEqual(['two', 'four']);
  });

  it('merges overlapping quotes into one mark', () => {
    expect(highlightSegments('alpha beta gamma', ['alpha beta', 'beta gamma'])).toEqual([{ text: 'alpha beta gamma', marked: true }]);
    expect(marked('xx alpha beta gamma yy', ['beta', 'alpha beta gamma'])).toEqual(['alpha beta gamma']);
  });

  it('merges adjacent quotes into one mark', () => {
    expect(highlightSegments('abcdef', ['abc', 'def'])).toEqual([{ text: 'abcdef', marked: true }]);
  });

  it('marks every occurrence of a quote', () => {
    expect(highlightSegments('Seoul and Seoul', ['Seoul'])).toEqual([
      { text: 'Seoul', marked: true },
      { text: ' and ', marked: false },
      { text: 'Seoul', marked: true },
    ]);
  });

  it('finds self-overlapping occurrences', () => {
    expect(highlightSegments('aaab', ['aa'])).toEqual([
      { text: 'aaa', marked: true },
      { text: 'b', marked: false },
    ]);
  });

  it('ignores empty quotes and duplicates', () => {
    expect(highlightSegments('abc', [''])).toEqual([{ text: 'abc', marked: false }]);
    expect(highlightSegments('abc', ['', 'b', 'b'])).toEqual([
      { text: 'a', marked: false },
      { text: 'b', marked: true },
      { text: 'c', marked: false },
    ]);
  });

  it('treats regular-expression metacharacters literally', () => {
    const text = 'Costs (est.) rose 3.5% [sic] — a+b? ^$ | \\d* {2}.';
    expect(marked(text, ['(est.)', '3.5%', '[sic]', 'a+b?', '^$', '|', '\\d*', '{2}.'])).toEqual([
      '(est.)',
      '3.5%',
      '[sic]',
      'a+b?',
      '^$',
      '|',
      '\\d*',
      '{2}.',
    ]);
    expect(marked('abc', ['.*', 'a|b'])).toEqual([]);
  });

  it('is case-sensitive, as quotes are verbatim', () => {
    expect(marked('Seoul seoul', ['seoul'])).toEqual(['seoul']);
  });

  it('always reassembles the original text, with marks that are quotes or unions of them', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.array(fc.string({ maxLength: 6 }), { maxLength: 5 }), (text, quotes) => {
        const segs = highlightSegments(text, quotes);
        expect(segs.map((s) => s.text).join('')).toBe(text);
        for (const s of segs) expect(s.text.length).toBeGreaterThan(0);
        for (let i = 1; i < segs.length; i++) expect(segs[i]?.marked).not.toBe(segs[i - 1]?.marked);
        const anyMatch = quotes.some((q) => q.length > 0 && text.includes(q));
        expect(segs.some((s) => s.marked)).toBe(anyMatch);
      }),
    );
  });
});
