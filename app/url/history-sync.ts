import { parse, sanitize, serialize, describeProblems, type UrlProblem } from './view-url.ts';
import type { DatasetIndex } from '../data/dataset-index.ts';
import { useViewStore } from '../view/view-store.ts';
import { showLinkNotice } from '../view/notice-store.ts';
import type { ViewState } from '../view/view-state.ts';
import { create } from 'zustand';

/**
 * The one module that reads and writes the URL. The store stays pure; this subscribes to it.
 * A burst of changes, each within `coalesceMs` of the previous one, becomes one history entry.
 */
const coalesceMs = 500;

let pendingProblems: UrlProblem[] = [];

/** Reads the opened link into the store before anything renders. */
export function restoreFromLocation(): void {
  const { state, problems } = parse(window.location.search);
  pendingProblems = problems;
  useViewStore.setState({ state, change: 'restore' });
}

/**
 * Drops what the dataset lacks, once the dataset is known, and reports everything ignored since the
 * link was read. Returns the state to show; the URL itself is left as it was until the user acts.
 */
export function applyLinkToDataset(index: DatasetIndex, catalogIds: readonly string[]): void {
  const result = sanitize(useViewStore.getState().state, index, catalogIds);
  const problems = [...pendingProblems, ...result.problems];
  pendingProblems = [];
  const missing = problems.find((p) => p.param === 'dataset');
  if (problems.length > 0) showLinkNotice(describeProblems(problems), missing ? missing.value : null);
  useViewStore.setState({ state: result.state, change: 'restore' });
  useLinkApplied.setState({ index });
  lastApplied = { index, catalogIds };
}

let lastApplied: { index: DatasetIndex; catalogIds: readonly string[] } | null = null;

/** Which dataset the current view state has been checked against. */
export const useLinkApplied = create<{ index: DatasetIndex | null }>(() => ({ index: null }));

export const currentUrl = (state: ViewState, camera: boolean): string =>
  `${window.location.origin}${window.location.pathname}${serialize(state, { camera })}${window.location.hash}`;

export function startHistorySync(): () => void {
  // A burst is a chain of pushing changes each less than coalesceMs after the one before, so a
  // quick series of toggles stays one entry however long the series runs.
  let lastPushingChange = Number.NEGATIVE_INFINITY;
  const unsubscribe = useViewStore.subscribe((store, previous) => {
    if (store.state === previous.state) return;
    if (store.change === 'restore' || store.change === 'silent') return;
    const search = serialize(store.state);
    if (search === window.location.search) return;
    const url = `${window.location.pathname}${search}${window.location.hash}`;
    const now = Date.now();
    if (store.change === 'replace') {
      window.history.replaceState(null, '', url);
      return;
    }
    if (store.change !== 'entry' && now - lastPushingChange < coalesceMs) window.history.replaceState(null, '', url);
    else window.history.pushState(null, '', url);
    lastPushingChange = now;
  });
  // Entries we wrote are clean, but the first entry is the link as it was opened: check it again,
  // quietly (its notice was shown when it was opened). A different dataset is checked by the App
  // when that dataset has loaded.
  const onPop = () => {
    let { state } = parse(window.location.search);
    if (lastApplied && state.dataset === useViewStore.getState().state.dataset)
      state = sanitize(state, lastApplied.index, lastApplied.catalogIds).state;
    useViewStore.setState({ state, change: 'restore' });
  };
  window.addEventListener('popstate', onPop);
  return () => {
    unsubscribe();
    window.removeEventListener('popstate', onPop);
  };
}
