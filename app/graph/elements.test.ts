import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canvasLabel, segmentedLabel } from './elements.ts';

const zwsp = '\u200B';
const longestRun = (label: string) => Math.max(...label.split(/[\s\u200B]+/).map((w) => [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(w)].length));

describe('canvasLabel', () => {
  it('leaves ordinary names alone', () => {
    for (const name of ['Lee Jae Myung', 'Wi Sung-lac', '이재명', 'Hanwha Ocean', 'The Seoul demonstrators']) expect(canvasLabel(name)).toBe(name);
  });

  it('gives a long unbroken word a break point every 16 characters', () => {
    const label = canvasLabel('W'.repeat(40));
    expect(label).toBe(`${'W'.repeat(16)}${zwsp}${'W'.repeat(16)}${zwsp}${'W'.repeat(8)}`);
    expect(longestRun(canvasLabel('https://example.org/a/very/long/path/without/any/spaces'))).toBeLessThanOrEqual(16);
  });

  it('cuts a very long name at 80 characters with an ellipsis', () => {
    const label = canvasLabel('word '.repeat(40));
    expect(label).toHaveLength(80);
    expect(label.endsWith('…')).toBe(true);
    expect(label.replaceAll(zwsp, '').length).toBeLessThanOrEqual(80);
  });

  it('never splits a letter from its accents or an emoji sequence', () => {
    const zalgo = `Z${'\u0300\u0301'.repeat(10)}`;
    const family = '\u{1F469}\u200D\u{1F469}\u200D\u{1F467}';
    const label = canvasLabel(`${zalgo.repeat(20)}${family.repeat(20)}`);
    for (const piece of label.split(zwsp)) {
      expect(piece.startsWith('\u0300')).toBe(false);
      expect(piece.startsWith('\u200D')).toBe(false);
    }
    expect(label.split(zwsp).join('')).toBe(`${zalgo.repeat(20)}${family.repeat(20)}`.slice(0, label.split(zwsp).join('').length));
  });

  it('draws plain ASCII exactly as the grapheme-by-grapheme rule does, at every length and run', () => {
    // Pieces that land on both sides of the shortcut: printable ASCII, white space it must not take
    // for a space, an accent and a letter outside ASCII; lengths around the 16 and 80 limits.
    const piece = fc.constantFrom('a', 'W', ' ', '-', '~', 'word ', 'x'.repeat(16), 'y'.repeat(17), '\t', '\n', 'e\u0301', '이');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        expect(canvasLabel(text)).toBe(segmentedLabel(text));
      }),
      { numRuns: 2000 },
    );
  });
});
