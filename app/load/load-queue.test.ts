import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { QueryClient } from '@tanstack/react-query';
import { beforeEach, describe, expect, it } from 'vitest';
import { getViewState, useViewStore } from '../view/view-store.ts';
import { defaultViewState } from '../view/view-state.ts';
import type { InputFile } from './read-dataset.ts';
import { cancelLoad, openFiles, useLoadState } from './load-state.ts';

const story = readFileSync(new URL('../../e2e/fixtures/valid-story.json', import.meta.url), 'utf8');
/** A file whose text arrives only when the test says so, to hold a load in flight. */
function slowFile(name: string, text: string) {
  let release = () => {};
  const ready = new Promise<void>((resolve) => (release = resolve));
  const file: InputFile = { name, size: text.length, text: () => ready.then(() => text) };
  return { file, release };
}
const retitled = (title: string) => JSON.stringify({ ...JSON.parse(story), title });
const client = () => new QueryClient({ defaultOptions: { queries: { retry: false } } });

beforeEach(() => {
  useViewStore.setState({ state: defaultViewState, change: 'restore' });
  useLoadState.setState({ busy: false, loading: null, superseded: null, failure: null, warning: null });
});

describe('a second file during a load', () => {
  it('replaces the first, says so, and the first never shows even if it finishes last', async () => {
    const first = slowFile('first.json', retitled('First'));
    const second = slowFile('second.json', retitled('Second'));
    const a = openFiles([first.file], client());
    expect(useLoadState.getState().loading?.names).toBe('“first.json”');
    const b = openFiles([second.file], client());
    expect(useLoadState.getState().superseded).toBe('“second.json” replaces “first.json”, which was still loading.');
    second.release();
    await b;
    const shown = getViewState().dataset;
    expect(shown).toMatch(/^local:/);
    first.release();
    await a;
    expect(getViewState().dataset).toBe(shown);
    expect(useLoadState.getState()).toMatchObject({ busy: false, loading: null });
  });

  it('can be cancelled, leaving the dataset on screen', async () => {
    useViewStore.setState({ state: { ...defaultViewState, dataset: 'gyeongju-2025' } });
    const slow = slowFile('big.json', retitled('Big'));
    const pending = openFiles([slow.file], client());
    expect(useLoadState.getState().busy).toBe(true);
    cancelLoad();
    expect(useLoadState.getState()).toMatchObject({ busy: false, loading: null, superseded: 'Loading “big.json” was cancelled; the dataset on screen stays.' });
    slow.release();
    await pending;
    expect(getViewState().dataset).toBe('gyeongju-2025');
    expect(useLoadState.getState().busy).toBe(false);
  });
});
