import { describe, expect, it } from 'vitest';
import type { Dataset } from '../data/schema.ts';
import type { StoredDatasetMeta } from './dataset-store.ts';
import { formatSavedDate, localEntryLabel, localHashOf, localId, mergeLocalEntries, storageWarning, withCurrent } from './local-datasets.ts';

const meta = (hash: string, savedAt: string, title = `Story ${hash}`): StoredDatasetMeta => ({ hash, id: 'x', title, savedAt, size: 10 });
const held = (title: string, savedAt: string) => ({ dataset: { title } as Dataset, savedAt });

describe('local dataset ids', () => {
  it('round-trips a hash through its id', () => {
    expect(localId('ab12')).toBe('local:ab12');
    expect(localHashOf(localId('ab12'))).toBe('ab12');
  });
  it('is null for the default, catalog ids and an empty hash', () => {
    expect(localHashOf(null)).toBeNull();
    expect(localHashOf('gyeongju-2025')).toBeNull();
    expect(localHashOf('local:')).toBeNull();
    expect(localHashOf('locals:ab')).toBeNull();
  });
});

describe('mergeLocalEntries', () => {
  it('lists stored datasets and session-only ones, newest first, without duplicates', () => {
    const merged = mergeLocalEntries(
      [meta('aa', '2025-01-01T10:00:00.000Z'), meta('cc', '2025-03-01T10:00:00.000Z')],
      [
        ['aa', held('Story aa', '2025-01-01T10:00:00.000Z')],
        ['bb', held('Only here', '2025-02-01T10:00:00.000Z')],
      ],
    );
    expect(merged).toEqual([
      { hash: 'cc', title: 'Story cc', savedAt: '2025-03-01T10:00:00.000Z', saved: true },
      { hash: 'bb', title: 'Only here', savedAt: '2025-02-01T10:00:00.000Z', saved: false },
      { hash: 'aa', title: 'Story aa', savedAt: '2025-01-01T10:00:00.000Z', saved: true },
    ]);
  });
  it('is empty when nothing was loaded', () => {
    expect(mergeLocalEntries([], [])).toEqual([]);
  });
});

describe('withCurrent', () => {
  const list = [{ hash: 'aa', title: 'A', savedAt: '2025-01-01', saved: true }];
  it('adds the shown dataset when the list lacks it', () => {
    expect(withCurrent(list, 'bb', 'B')).toEqual([{ hash: 'bb', title: 'B', savedAt: '', saved: false }, ...list]);
  });
  it('leaves the list alone when it has it, or when a catalog dataset is shown', () => {
    expect(withCurrent(list, 'aa', 'other')).toEqual(list);
    expect(withCurrent(list, null, 'other')).toEqual(list);
  });
});

describe('labels', () => {
  it('formats the saved date in a fixed locale', () => {
    expect(formatSavedDate('2025-11-01T12:00:00.000Z', 'UTC')).toBe('1 Nov 2025');
    expect(formatSavedDate('not a date')).toBeNull();
    expect(formatSavedDate('')).toBeNull();
  });
  it('names the title with its date, or says the dataset is kept for this session only', () => {
    expect(localEntryLabel({ hash: 'a', title: 'Tram', savedAt: '2025-11-01T12:00:00.000Z', saved: true }, 'UTC')).toBe('Tram (saved 1 Nov 2025)');
    expect(localEntryLabel({ hash: 'a', title: 'Tram', savedAt: '', saved: true })).toBe('Tram');
    expect(localEntryLabel({ hash: 'a', title: 'Tram', savedAt: '2025-11-01T12:00:00.000Z', saved: false })).toBe('Tram (this session only)');
  });
  it('explains a storage failure in one sentence per kind', () => {
    expect(storageWarning({ ok: false, reason: 'quota', message: 'x' })).toBe(
      'This dataset could not be saved on this device (browser storage is full); it will be lost on reload.',
    );
    expect(storageWarning({ ok: false, reason: 'unavailable', message: 'x' })).toMatch(/not available here\); it will be lost on reload\.$/);
    expect(storageWarning({ ok: false, reason: 'failed', message: 'x' })).toMatch(/\(browser storage failed\)/);
  });
});
