import { readFileSync } from 'node:fs';
import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { catalogQueryOptions, datasetQueryOptions } from '../data/dataset-query.ts';
import { buildIndex } from '../data/dataset-index.ts';
import type { Catalog } from '../data/catalog.ts';
import { validateDataset } from '../data/validate.ts';
import { useNoticeStore } from '../view/notice-store.ts';
import { select, switchDataset } from '../view/view-actions.ts';
import { defaultViewState } from '../view/view-state.ts';
import { getViewState, update, useViewStore } from '../view/view-store.ts';
import { openLocationLink, recheck, startLinkCheck } from './link-check.ts';
import { startHistorySync } from './history-sync.ts';

const publicFile = (file: string) => readFileSync(new URL(`../../public/data/${file}`, import.meta.url), 'utf8');
const catalog = JSON.parse(publicFile('index.json')) as Catalog;
const [gyeongju, lesMis] = catalog.datasets as [Catalog['datasets'][number], Catalog['datasets'][number]];
const index = (file: string) => {
  const result = validateDataset(JSON.parse(publicFile(file)));
  if (!result.ok) throw new Error(`${file} is invalid`);
  return buildIndex(result.dataset);
};

let stop: () => void = () => {};
const open = (search: string, client: QueryClient, from: 'link' | 'history' = 'link') => {
  vi.stubGlobal('window', { location: { search } });
  openLocationLink(from);
  stop();
  stop = startLinkCheck(client);
};
const cachedClient = () => {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  client.setQueryData(catalogQueryOptions().queryKey, catalog);
  client.setQueryData(datasetQueryOptions(gyeongju).queryKey, index(gyeongju.file));
  return client;
};
/** Serves the bundled catalog and datasets the way the page fetches them; `fail` answers 500. */
const serve = (fail: (url: string) => boolean = () => false) =>
  vi.fn((url: string) => {
    const file = url.slice(url.lastIndexOf('/') + 1);
    if (fail(url)) return Promise.resolve(new Response('', { status: 500 }));
    return Promise.resolve(new Response(publicFile(file), { status: 200 }));
  });

beforeEach(() => {
  useViewStore.setState({ state: defaultViewState, change: 'restore', pendingCheck: null });
  useNoticeStore.setState({ linkNotice: null, missingDataset: null });
});
afterEach(() => {
  stop();
  stop = () => {};
  vi.unstubAllGlobals();
});

describe('link check', () => {
  it('applies a link to a dataset already loaded synchronously, naming what it ignored', () => {
    open('?sel=lee-jae-myung&topics=-nope&zzz=1', cachedClient());
    // No await: the first render after opening already sees the checked view.
    expect(useViewStore.getState().pendingCheck).toBeNull();
    expect(getViewState()).toEqual({ ...defaultViewState, selection: { kind: 'actor', id: 'lee-jae-myung' } });
    expect(useNoticeStore.getState().linkNotice).toBe('Ignored from the link: unknown parameter "zzz", unknown topic "nope".');
  });

  it('re-checks a Back or Forward step quietly', () => {
    open('?sel=nobody&view=table', cachedClient(), 'history');
    expect(getViewState()).toEqual({ ...defaultViewState, view: 'table' });
    expect(useNoticeStore.getState().linkNotice).toBeNull();
  });

  it('holds the view until the dataset the link names has loaded, then applies it', async () => {
    vi.stubGlobal('fetch', serve());
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    open('?dataset=les-miserables&sel=valjean&p=999', client);
    expect(useViewStore.getState().pendingCheck).not.toBeNull();
    await vi.waitFor(() => expect(useViewStore.getState().pendingCheck).toBeNull());
    expect(getViewState()).toEqual({ ...defaultViewState, dataset: lesMis.id, selection: { kind: 'actor', id: 'valjean' } });
    expect(useNoticeStore.getState().linkNotice).toBe('Ignored from the link: unknown paragraph "999".');
    expect(client.getQueryData(datasetQueryOptions(lesMis).queryKey)).toBeDefined();
  });

  it('names an unknown dataset and shows the default one', async () => {
    vi.stubGlobal('fetch', serve());
    open('?dataset=atlantis', new QueryClient());
    await vi.waitFor(() => expect(useViewStore.getState().pendingCheck).toBeNull());
    expect(getViewState().dataset).toBeNull();
    expect(useNoticeStore.getState()).toEqual({ linkNotice: 'Ignored from the link: unknown dataset "atlantis".', missingDataset: 'atlantis' });
  });

  it('keeps waiting after a failed load, and a retry applies the link', async () => {
    let down = true;
    vi.stubGlobal('fetch', serve(() => down));
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    open('?sel=lee-jae-myung', client);
    await vi.waitFor(() => expect(client.getQueryState(catalogQueryOptions().queryKey)?.status).toBe('error'));
    expect(useViewStore.getState().pendingCheck).not.toBeNull();
    down = false;
    recheck();
    await vi.waitFor(() => expect(useViewStore.getState().pendingCheck).toBeNull());
    expect(getViewState().selection).toEqual({ kind: 'actor', id: 'lee-jae-myung' });
  });

  it('lets a newer request win over a slower one', async () => {
    vi.stubGlobal('fetch', serve());
    const client = new QueryClient();
    client.setQueryData(catalogQueryOptions().queryKey, catalog);
    client.setQueryData(datasetQueryOptions(gyeongju).queryKey, index(gyeongju.file));
    open('?dataset=les-miserables&sel=valjean', client);
    // Before les-miserables arrives the reader goes back to the default dataset, which is cached.
    open('?sel=lee-jae-myung', client, 'history');
    expect(getViewState().selection).toEqual({ kind: 'actor', id: 'lee-jae-myung' });
    await client.fetchQuery(datasetQueryOptions(lesMis));
    await new Promise((r) => setTimeout(r, 0));
    expect(getViewState()).toEqual({ ...defaultViewState, selection: { kind: 'actor', id: 'lee-jae-myung' } });
  });

  it('checks a dataset switch too: a layout the new dataset cannot draw is dropped', () => {
    const client = cachedClient();
    useViewStore.setState({ state: { ...defaultViewState, dataset: 'les-miserables', layout: 'preset' } });
    stop = startLinkCheck(client);
    update(switchDataset(null));
    expect(useViewStore.getState().pendingCheck).toBeNull();
    expect(index(gyeongju.file).hasSavedPositions).toBe(false);
    expect(getViewState()).toEqual(defaultViewState);
    expect(useNoticeStore.getState().linkNotice).toBe('Ignored from the link: this dataset has no saved positions "preset".');
    // Other actions never ask for a check.
    update(select({ kind: 'actor', id: 'lee-jae-myung' }));
    expect(useViewStore.getState().pendingCheck).toBeNull();
  });

  it('applies a view once the file a link named is loaded here, though the dataset id stays the same', async () => {
    vi.stubGlobal('fetch', serve());
    const client = cachedClient();
    open('?dataset=local:abc123&sel=x', client);
    await vi.waitFor(() => expect(client.getQueryState(['dataset', 'local:abc123'])?.status).toBe('error'));
    expect(useViewStore.getState().pendingCheck).not.toBeNull();
    // What openFiles does after reading the file: cache the index, then show it.
    client.setQueryData(['dataset', 'local:abc123'], index(gyeongju.file));
    update(switchDataset('local:abc123'));
    expect(useViewStore.getState().pendingCheck).toBeNull();
    expect(getViewState()).toEqual({ ...defaultViewState, dataset: 'local:abc123' });
  });

  it('lets a dataset switch reach the address bar as one new entry', () => {
    const entries = ['?sel=lee-jae-myung'];
    const setUrl = (url: string) => (location.search = url.slice(url.indexOf('?') >= 0 ? url.indexOf('?') : url.length));
    const location = { search: entries[0]!, pathname: '/', hash: '', origin: 'http://x' };
    const history = {
      pushState: (_: unknown, __: string, url: string) => entries.push(setUrl(url)),
      replaceState: (_: unknown, __: string, url: string) => (entries[entries.length - 1] = setUrl(url)),
    };
    vi.stubGlobal('window', { location, history, addEventListener: () => {}, removeEventListener: () => {} });
    const client = cachedClient();
    client.setQueryData(datasetQueryOptions(lesMis).queryKey, index(lesMis.file));
    openLocationLink('link');
    const stopSync = startHistorySync();
    stop = startLinkCheck(client);
    expect(getViewState().selection).toEqual({ kind: 'actor', id: 'lee-jae-myung' });
    expect(entries).toEqual(['?sel=lee-jae-myung']); // opening a link writes nothing
    update(switchDataset('les-miserables'));
    expect(useViewStore.getState().pendingCheck).toBeNull();
    expect(entries).toEqual(['?sel=lee-jae-myung', '?dataset=les-miserables']);
    stopSync();
  });
});
