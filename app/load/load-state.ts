import type { QueryClient } from '@tanstack/react-query';
import { create } from 'zustand';
import { localDatasetQueryOptions, localDatasetsQueryKey } from './local-dataset-query.ts';
import { update } from '../view/view-store.ts';
import { switchDataset } from '../view/view-actions.ts';
import type { InputFile } from './read-dataset.ts';
import { localId, localStore, storageWarning } from './local-datasets.ts';
import { buildIndex } from '../data/dataset-index.ts';
import { noteUnsaved } from './unsaved-note.ts';

/**
 * Outcome of the last load, kept outside the components: a successful load swaps the whole
 * explorer for a skeleton and back, and the storage warning must survive that.
 */
export interface LoadingFiles {
  /** File names as the user will recognise them, e.g. "a.csv and b.csv". */
  names: string;
  bytes: number;
  /** performance.now() when the load began. */
  started: number;
  step: string;
  /** Ends the worker that parses and checks the file when the load is cancelled or replaced. */
  abort?: AbortController;
}

interface LoadState {
  busy: boolean;
  /** The load under way, shown with its size, time so far and a Cancel button. */
  loading: LoadingFiles | null;
  /** Counts loads: a load whose number is no longer current was replaced or cancelled, and is dropped. */
  generation: number;
  /** What became of an earlier load: replaced by a later file, or cancelled. */
  superseded: string | null;
  failure: { reason: string; problems: readonly string[] } | null;
  /** Shown while the dataset it is about is on screen. */
  warning: { hash: string; message: string } | null;
}

export const useLoadState = create<LoadState>(() => ({
  busy: false,
  loading: null,
  generation: 0,
  superseded: null,
  failure: null,
  warning: null,
}));

export const dismissFailure = () => useLoadState.setState({ failure: null });
export const dismissWarning = () => useLoadState.setState({ warning: null });
export const dismissSuperseded = () => useLoadState.setState({ superseded: null });

const namesOf = (files: readonly InputFile[]) => files.map((f) => `“${f.name}”`).join(' and ');

/** Stops waiting for the load under way: its result, when it comes, is dropped. */
export function cancelLoad() {
  const { loading, generation } = useLoadState.getState();
  if (!loading) return;
  loading.abort?.abort();
  useLoadState.setState({
    busy: false,
    loading: null,
    generation: generation + 1,
    superseded: `Loading ${loading.names} was cancelled; the dataset on screen stays.`,
  });
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Reads, validates, stores and shows what the user picked or dropped. A bad file changes nothing
 * but the failure panel; the file's content never leaves the browser.
 */
export async function openFiles(files: readonly InputFile[], queryClient: QueryClient): Promise<void> {
  if (files.length === 0) return;
  const before = useLoadState.getState();
  // A file picked or dropped while another loads replaces it, and says so: the later choice is
  // the one the user means, and a silent "ignored" looked like the app had lost it.
  const generation = before.generation + 1;
  const names = namesOf(files);
  const abort = new AbortController();
  const loading: LoadingFiles = { names, bytes: files.reduce((n, f) => n + f.size, 0), started: performance.now(), step: 'Reading and checking', abort };
  before.loading?.abort?.abort();
  useLoadState.setState({
    busy: true,
    loading,
    generation,
    failure: null,
    superseded: before.loading ? `${names} replaces ${before.loading.names}, which was still loading.` : null,
  });
  const current = () => useLoadState.getState().generation === generation;
  try {
    // One frame, so the message about this load is on screen before the (synchronous) checks run.
    await new Promise((resolve) => setTimeout(resolve, 0));
    // The readers (the schema, CSV and graph parsers) load with the first file, not with the page.
    const [{ loadFiles }, { parseOffThread }] = await Promise.all([import('./read-dataset.ts'), import('./parse-client.ts')]);
    const result = await loadFiles(files, { parse: (text) => parseOffThread(text, abort.signal) });
    if (!current()) return;
    if (!result.ok) {
      useLoadState.setState({ failure: { reason: result.reason, problems: result.problems } });
      return;
    }
    const { dataset, hash } = result;
    const savedAt = new Date().toISOString();
    useLoadState.setState({ loading: { ...loading, step: 'Keeping it on this device' } });
    const saved = await localStore.put({ hash, dataset, savedAt });
    if (!saved.ok) noteUnsaved(hash);
    if (!current()) return;
    const messages = [...(result.notices ?? []), ...(saved.ok ? [] : [storageWarning(saved)])];
    useLoadState.setState({ warning: messages.length > 0 ? { hash, message: messages.join(' ') } : null });
    void queryClient.invalidateQueries({ queryKey: localDatasetsQueryKey });
    // The query cache is the one copy in memory: no read back from storage right after a load,
    // and whatever an earlier attempt cached under this id ("not on this device") is replaced.
    queryClient.setQueryData(localDatasetQueryOptions(hash).queryKey, buildIndex(dataset));
    update(switchDataset(localId(hash)));
  } catch (error) {
    if (current()) useLoadState.setState({ failure: { reason: `The file could not be loaded: ${describe(error)}`, problems: [] } });
  } finally {
    if (current()) useLoadState.setState({ busy: false, loading: null });
  }
}

/** Shows the default dataset first, so the removed one is never on screen without its data. */
export async function removeLocalDataset(hash: string, queryClient: QueryClient): Promise<void> {
  update(switchDataset(null));
  const { warning } = useLoadState.getState();
  if (warning?.hash === hash) dismissWarning();
  const removed = await localStore.remove(hash);
  if (!removed.ok)
    useLoadState.setState({ failure: { reason: `The dataset could not be removed from this device. ${removed.message}`, problems: [] } });
  queryClient.removeQueries({ queryKey: localDatasetQueryOptions(hash).queryKey, exact: true });
  await queryClient.invalidateQueries({ queryKey: localDatasetsQueryKey });
}
