import { create } from 'zustand';
import { dataInFragment } from './fragment-data-key.ts';
import type { DecodeResult } from './data-fragment.ts';
import { offThread } from '../load/off-thread.ts';
import type { LinkService } from './link-worker.ts';
import type { Dataset } from '../data/schema.ts';
import { useViewStore } from '../view/view-store.ts';
import { defaultViewState } from '../view/view-state.ts';
import type { QueryClient } from '@tanstack/react-query';
import { localId, localStore } from '../load/local-datasets.ts';
import { localDatasetQueryOptions } from '../load/local-dataset-query.ts';
import { buildIndex } from '../data/dataset-index.ts';

/**
 * A dataset that arrived in the link's fragment. It is held for this tab only until the reader
 * chooses to keep it; a fragment that cannot be read leaves the bundled story and a notice.
 */
interface LinkDataState {
  /** True from reading a `#data=` fragment until its dataset is ready or refused. */
  pending: boolean;
  /** The dataset the fragment carried, once it has been read and validated. */
  hash: string | null;
  /** Saved on this device (now or before). */
  kept: boolean;
  failure: { reason: string; problems: readonly string[] } | null;
}

export const useLinkData = create<LinkDataState>(() => ({ pending: false, hash: null, kept: false, failure: null }));

export const dismissLinkDataFailure = () => useLinkData.setState({ failure: null });

type Decoded = Exclude<DecodeResult, { ok: true }> | { ok: true; dataset: Dataset; hash: string };

/** decodeDataFragment and the content hash in a worker: a large dataset in a link blocked the page for seconds. */
function decodeOffThread(encoded: string): Promise<Decoded> {
  return offThread<LinkService, Decoded>(
    () => new Worker(new URL('./link-worker.ts', import.meta.url), { type: 'module', name: 'stancegraph-link' }),
    (remote) => remote.decode(encoded),
    async () => {
      // Where workers are unavailable: the decoder (fflate and the schema) loads only now.
      const [{ decodeDataFragment }, { withContentHash }] = await Promise.all([import('./data-fragment.ts'), import('../load/read-dataset.ts')]);
      return withContentHash(decodeDataFragment(encoded));
    },
  );
}

/**
 * Reads `#data=` from the opened link, marked pending before the first render so the page shows
 * its skeleton meanwhile. Unpacking, validation and the content hash run in a worker, so the
 * decoder (fflate and the schema) never loads with the page.
 */
export function openLinkData(queryClient: QueryClient, fragment: string = window.location.hash): Promise<void> {
  const encoded = dataInFragment(fragment);
  if (encoded === null) return Promise.resolve();
  useLinkData.setState({ pending: true });
  return decodeOffThread(encoded)
    .then(async (decoded) => {
      if (!decoded.ok) {
        // The view in the query was meant for the data that could not be read: none of it applies.
        // Checked as a switch, not as the link: the link's query names the dataset that could not be read.
        useViewStore.setState({ state: { ...defaultViewState, embed: useViewStore.getState().state.embed }, change: 'restore', pendingCheck: { from: 'switch' } });
        useLinkData.setState({ failure: { reason: decoded.reason, problems: decoded.problems } });
        return;
      }
      const { dataset, hash } = decoded;
      // The query cache is the one copy in memory, as for a loaded file; storage only if the reader keeps it.
      queryClient.setQueryData(localDatasetQueryOptions(hash).queryKey, buildIndex(dataset));
      const stored = await localStore.get(hash);
      // The query names the dataset too, but the data decides which one is shown.
      const state = useViewStore.getState().state;
      useViewStore.setState({ state: { ...state, dataset: localId(hash) }, change: 'restore' });
      useLinkData.setState({ hash, kept: stored.ok && stored.value !== null });
    })
    .catch((error: unknown) => {
      useViewStore.setState({ state: defaultViewState, change: 'restore', pendingCheck: { from: 'switch' } });
      const why = error instanceof Error ? error.message : String(error);
      useLinkData.setState({ failure: { reason: `The data in this link could not be read (${why}), so the bundled dataset is shown.`, problems: [] } });
    })
    .finally(() => useLinkData.setState({ pending: false }));
}

/** Saves the link's dataset like a loaded file; the result says what to tell the reader. */
export async function keepLinkDataset(queryClient: QueryClient): Promise<{ ok: true } | { ok: false; message: string }> {
  const { hash } = useLinkData.getState();
  if (hash === null) return { ok: false, message: 'There is no dataset from a link to keep.' };
  const index = queryClient.getQueryData(localDatasetQueryOptions(hash).queryKey);
  if (!index) return { ok: false, message: 'The dataset from the link is no longer open.' };
  const saved = await localStore.put({ hash, dataset: index.dataset, savedAt: new Date().toISOString() });
  if (!saved.ok) return { ok: false, message: `It could not be saved: ${saved.message}` };
  useLinkData.setState({ kept: true });
  return { ok: true };
}

/**
 * The fragment a URL write should carry: a data fragment only while its dataset is the one
 * shown, so switching datasets never leaves stale data riding in the address.
 */
export function fragmentFor(dataset: string | null, fragment: string): string {
  if (dataInFragment(fragment) === null) return fragment;
  const { hash } = useLinkData.getState();
  return hash !== null && dataset === localId(hash) ? fragment : '';
}
