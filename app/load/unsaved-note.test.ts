import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import { noteUnsaved, wasUnsavedHere } from './unsaved-note.ts';
import { localDatasetQueryOptions, LocalDatasetMissingError } from './local-dataset-query.ts';

/** Session storage as the browser has it: strings by key, surviving a reload of the tab. */
function fakeSessionStorage() {
  const data = new Map<string, string>();
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
}

describe('a dataset this tab could not keep', () => {
  beforeEach(() => vi.stubGlobal('sessionStorage', fakeSessionStorage()));
  afterEach(() => vi.unstubAllGlobals());

  it('is remembered for the tab, and only that one', () => {
    expect(wasUnsavedHere('abcd')).toBe(false);
    noteUnsaved('abcd');
    expect(wasUnsavedHere('abcd')).toBe(true);
    expect(wasUnsavedHere('ef01')).toBe(false);
  });

  it('is reported as lost on this device after a reload, not as loaded on another one', async () => {
    noteUnsaved('00000000deadbeef');
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const error = await client.fetchQuery(localDatasetQueryOptions('00000000deadbeef')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LocalDatasetMissingError);
    expect((error as LocalDatasetMissingError).unsavedHere).toBe(true);
    const other = await client.fetchQuery(localDatasetQueryOptions('11111111deadbeef')).catch((e: unknown) => e);
    expect((other as LocalDatasetMissingError).unsavedHere).toBe(false);
  });

  it('costs only the better message when session storage throws', () => {
    vi.stubGlobal('sessionStorage', {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    });
    expect(() => noteUnsaved('abcd')).not.toThrow();
    expect(wasUnsavedHere('abcd')).toBe(false);
  });
});
