import type { QueryClient } from '@tanstack/react-query';
import { catalogQueryOptions } from '../data/dataset-query.ts';
import type { Catalog } from '../data/catalog.ts';
import type { DatasetIndex } from '../data/dataset-index.ts';
import { datasetQueryFor } from '../load/local-dataset-query.ts';
import { showLinkNotice } from '../view/notice-store.ts';
import { useViewStore, type PendingCheck } from '../view/view-store.ts';
import type { ViewState } from '../view/view-state.ts';
import { applyLink, describeProblems, parse, sanitize, type UrlProblem } from './view-url.ts';

/**
 * Checks the view against the dataset it names, where that dataset resolves: a link (or a Back /
 * Forward step) is parsed and sanitized in one pure step (`applyLink`), a dataset switch is
 * sanitized. Until then `pendingCheck` keeps the page on its skeleton, so the first frame already
 * shows the checked view and nothing the dataset lacks. A dataset already in the query cache is
 * checked synchronously, inside the store update that asked for it, so Back and Forward never
 * flash the skeleton. Loading errors are left to the page, which shows them and offers Retry.
 */

/** What a pending check resolves to, as data; `null` when the dataset is not ready yet. */
export function checkedView(
  pending: PendingCheck,
  search: string,
  current: ViewState,
  index: DatasetIndex,
  catalog: Catalog,
): { state: ViewState; problems: UrlProblem[]; report: boolean } {
  const ids = catalog.datasets.map((e) => e.id);
  if (pending.from === 'switch') return { ...sanitize(current, index, ids), report: true };
  // A history entry we wrote is clean; the first one is the link as opened, whose notice was shown then.
  return { ...applyLink(search, index, ids), report: pending.from === 'link' };
}

function commit(pending: PendingCheck, index: DatasetIndex, catalog: Catalog): void {
  const store = useViewStore.getState();
  if (store.pendingCheck !== pending) return; // a newer link, step or switch took over
  const { state, problems, report } = checkedView(pending, pending.from === 'switch' ? '' : window.location.search, store.state, index, catalog);
  if (report && problems.length > 0) {
    const missing = problems.find((p) => p.param === 'dataset');
    showLinkNotice(describeProblems(problems), missing ? missing.value : null);
  }
  // Nothing to drop: only the wait ends, so the change that asked for the check (a dataset switch
  // the history sync is about to push) stays what it was. Otherwise the checked view replaces the
  // state without touching the address, which is rewritten only when the reader acts.
  if (state === store.state) useViewStore.setState({ pendingCheck: null });
  else useViewStore.setState({ state, change: 'restore', pendingCheck: null });
}

async function check(queryClient: QueryClient, pending: PendingCheck): Promise<void> {
  const cachedCatalog = queryClient.getQueryData(catalogQueryOptions().queryKey);
  const dataset = useViewStore.getState().state.dataset;
  const cachedIndex = cachedCatalog && queryClient.getQueryData<DatasetIndex>(datasetQueryFor(dataset, cachedCatalog).queryKey);
  if (cachedCatalog && cachedIndex) return commit(pending, cachedIndex, cachedCatalog);
  try {
    const catalog = await queryClient.ensureQueryData(catalogQueryOptions());
    const index = await queryClient.ensureQueryData(datasetQueryFor(dataset, catalog));
    commit(pending, index, catalog);
  } catch {
    // The page shows the same query's error; its Retry asks for the check again (`recheck`).
  }
}

/** Checks every pending view from now on, starting with the one already waiting (the opened link). */
export function startLinkCheck(queryClient: QueryClient): () => void {
  const initial = useViewStore.getState().pendingCheck;
  if (initial) void check(queryClient, initial);
  return useViewStore.subscribe((store, previous) => {
    if (store.pendingCheck !== null && store.pendingCheck !== previous.pendingCheck) void check(queryClient, store.pendingCheck);
  });
}

/** After a failed load: the same check once more (the query refetches what failed). */
export const recheck = (): void =>
  useViewStore.setState((store) => (store.pendingCheck ? { pendingCheck: { from: store.pendingCheck.from } } : store));

/**
 * Reads the address into the store (for the page opened, or a Back / Forward step). The parsed
 * state only names the dataset to load; the check replaces it before anything shows it.
 */
export function openLocationLink(from: 'link' | 'history'): void {
  useViewStore.setState({ state: parse(window.location.search).state, change: 'restore', pendingCheck: { from } });
}
