import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { QueryClient } from '@tanstack/react-query';
import { beforeEach, describe, expect, it } from 'vitest';
import { DatasetError } from '../data/dataset-query.ts';
import { localDatasetQueryOptions, localDatasetsQueryOptions, LocalDatasetMissingError } from './local-dataset-query.ts';
import { getViewState, useViewStore } from '../view/view-store.ts';
import { defaultViewState } from '../view/view-state.ts';
import type { InputFile } from './read-dataset.ts';
import { localStore } from './local-datasets.ts';
import { openFiles, removeLocalDataset, useLoadState } from './load-state.ts';

const fixture = (name: string): InputFile => {
  const text = readFileSync(new URL(`../../e2e/fixtures/${name}`, import.meta.url), 'utf8');
  return { name, size: new TextEncoder().encode(text).length, text: () => Promise.resolve(text) };
};
const newClient = () => new QueryClient({ defaultOptions: { queries: { retry: false } } });

beforeEach(() => {
  useViewStore.setState({ state: defaultViewState, change: 'restore' });
  useLoadState.setState({ busy: false, failure: null, warning: null });
});

describe('openFiles', () => {
  it('stores a valid file, lists it and switches the view to it', async () => {
    const client = newClient();
    await openFiles([fixture('valid-story.json')], client);
    const id = getViewState().dataset;
    expect(id).toMatch(/^local:[0-9a-f]{16}$/);
    const hash = id!.slice('local:'.length);
    expect(useLoadState.getState()).toMatchObject({ busy: false, failure: null, warning: null });
    const stored = await localStore.get(hash);
    expect(stored.ok && stored.value?.dataset.title).toBe('Port Ellery approves the Harbourside tram line');
    const listed = await client.fetchQuery(localDatasetsQueryOptions());
    expect(listed.map((e) => [e.hash, e.saved])).toContainEqual([hash, true]);

    // The loaded index is in the query cache already: no read back from storage.
    expect(client.getQueryData(localDatasetQueryOptions(hash).queryKey)?.dataset.title).toBe(stored.ok ? stored.value?.dataset.title : '');
    // Read back from storage alone, as after a reload.
    const index = await newClient().fetchQuery(localDatasetQueryOptions(hash));
    expect(index.dataset.actors).toHaveLength(8);
    expect(index.actorById.size).toBe(8);
  });

  it('leaves the view alone and reports a broken file', async () => {
    useViewStore.setState({ state: { ...defaultViewState, dataset: 'gyeongju-2025' } });
    await openFiles([fixture('broken-missing-endpoint.json')], newClient());
    expect(getViewState().dataset).toBe('gyeongju-2025');
    expect(useLoadState.getState().failure).toEqual({
      reason: 'The dataset has 1 problem; nothing was loaded.',
      problems: ['relations[2].target: "kim-ora" is not an actor id'],
    });
  });

  it('reads a CSV pair', async () => {
    await openFiles([fixture('valid-actors.csv'), fixture('valid-relations.csv')], newClient());
    const hash = getViewState().dataset!.slice('local:'.length);
    const stored = await localStore.get(hash);
    expect(stored.ok && stored.value?.dataset.relations).toHaveLength(5);
  });
});

describe('localDatasetQueryOptions', () => {
  it('says "missing" for a hash this browser does not hold', async () => {
    const error = await newClient()
      .fetchQuery(localDatasetQueryOptions('deadbeef'))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LocalDatasetMissingError);
    expect(error).toBeInstanceOf(DatasetError);
    expect((error as LocalDatasetMissingError).kind).toBe('missing');
  });

  it('rejects a stored dataset that no longer validates (an older app version, or edited by hand)', async () => {
    const dataset = JSON.parse(readFileSync(new URL('../../e2e/fixtures/valid-story.json', import.meta.url), 'utf8')) as object;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('stancegraph', 1);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    await new Promise<void>((resolve) => {
      const tx = db.transaction(['datasets'], 'readwrite');
      tx.objectStore('datasets').put({ hash: 'badbad', dataset: { ...dataset, schemaVersion: 2 }, savedAt: 'x' });
      tx.oncomplete = () => resolve();
    });
    db.close();
    const error = await newClient()
      .fetchQuery(localDatasetQueryOptions('badbad'))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatasetError);
    expect(error).not.toBeInstanceOf(LocalDatasetMissingError);
  });
});

describe('removeLocalDataset', () => {
  it('switches to the default, forgets the dataset and drops it from the list', async () => {
    const client = newClient();
    await openFiles([fixture('valid-story.json')], client);
    const hash = getViewState().dataset!.slice('local:'.length);
    await removeLocalDataset(hash, client);
    expect(getViewState().dataset).toBeNull();
    expect(client.getQueryData(localDatasetQueryOptions(hash).queryKey)).toBeUndefined();
    const stored = await localStore.get(hash);
    expect(stored).toEqual({ ok: true, value: null });
    const listed = await client.fetchQuery(localDatasetsQueryOptions());
    expect(listed.some((e) => e.hash === hash)).toBe(false);
  });
});
