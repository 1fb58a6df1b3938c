import { describe, expect, it } from 'vitest';
import { formatSavedDate, localEntryLabel, localHashOf, localId, storageWarning, withCurrent } from './local-datasets.ts';


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
