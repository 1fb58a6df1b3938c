import { describe, expect, it } from 'vitest';
import { directionFrom, formatDate, guessLang, otherEnd } from './labels.ts';

describe('guessLang', () => {
  it('recognises Korean, Chinese and Japanese scripts', () => {
    expect(guessLang('이재명')).toBe('ko');
    expect(guessLang('대한민국 大韓民國')).toBe('ko');
    expect(guessLang('习近平')).toBe('zh');
    expect(guessLang('東京都 とうきょう')).toBe('ja');
  });
  it('gives no language for Latin or other text', () => {
    expect(guessLang('Victor Hugo')).toBeUndefined();
    expect(guessLang('Владимир')).toBeUndefined();
  });
});

describe('directionFrom', () => {
  const r = { source: 'a', target: 'b', directed: true };
  it('reads a directed relation from either end', () => {
    expect(directionFrom(r, 'a')).toBe('out');
    expect(directionFrom(r, 'b')).toBe('in');
    expect(otherEnd(r, 'a')).toBe('b');
    expect(otherEnd(r, 'b')).toBe('a');
  });
  it('treats undirected and self relations as mutual', () => {
    expect(directionFrom({ ...r, directed: false }, 'a')).toBe('mutual');
    expect(directionFrom({ source: 'a', target: 'a', directed: true }, 'a')).toBe('mutual');
  });
});

describe('formatDate', () => {
  it('keeps a calendar day on its day', () => {
    expect(formatDate('2025-11-01', 'en-GB')).toBe('1 November 2025');
    expect(formatDate('1862-01-01', 'en-US')).toBe('January 1, 1862');
  });
  it('falls back to the raw text when it cannot parse', () => {
    expect(formatDate('someday', 'en-GB')).toBe('someday');
  });
});
