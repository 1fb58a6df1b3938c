import { describe, expect, it } from 'vitest';
import { distinctLabels } from './distinct-labels.ts';

const entry = (hash: string, title: string, savedAt: string, saved = true) => ({ hash, title, savedAt, saved });

describe('distinctLabels', () => {
  it('leaves distinct titles alone', () => {
    const labels = distinctLabels([entry('aaaa', 'One', '2026-11-30T10:00:00Z'), entry('bbbb', 'Two', '2026-11-30T10:00:00Z')], 'UTC');
    expect([...labels.values()]).toEqual(['One (saved 30 Nov 2026)', 'Two (saved 30 Nov 2026)']);
  });

  it('tells identical titles apart by their counts of actors and relations first', () => {
    const labels = distinctLabels(
      [
        { ...entry('111111aa', 'Same', '2026-11-30T10:00:00Z'), actors: 12, relations: 30 },
        { ...entry('222222bb', 'Same', '2026-11-30T10:00:00Z'), actors: 1, relations: 0 },
        { ...entry('333333cc', 'Same', '2026-11-30T14:05:00Z'), actors: 12, relations: 30 },
      ],
      'UTC',
    );
    expect(labels.get('111111aa')).toBe('Same (saved 30 Nov 2026) · 12 actors, 30 relations · 10:00');
    expect(labels.get('222222bb')).toBe('Same (saved 30 Nov 2026) · 1 actor, 0 relations');
    expect(labels.get('333333cc')).toBe('Same (saved 30 Nov 2026) · 12 actors, 30 relations · 14:05');
  });

  it('without counts (saved before they were kept), tells identical titles apart by the time of saving, then by the hash', () => {
    const labels = distinctLabels(
      [
        entry('111111aa', 'Same', '2026-11-30T10:00:00Z'),
        entry('222222bb', 'Same', '2026-11-30T14:05:00Z'),
        entry('333333cc', 'Same', '2026-11-30T14:05:00Z'),
        entry('444444dd', 'Same', '', false),
        entry('555555ee', 'Same', '', false),
      ],
      'UTC',
    );
    expect(labels.get('111111aa')).toBe('Same (saved 30 Nov 2026) · 10:00');
    expect(labels.get('222222bb')).toBe('Same (saved 30 Nov 2026) · 14:05 · #222222');
    expect(labels.get('333333cc')).toBe('Same (saved 30 Nov 2026) · 14:05 · #333333');
    expect(labels.get('444444dd')).toBe('Same (this session only) · #444444');
    expect(new Set(labels.values()).size).toBe(5);
  });
});
