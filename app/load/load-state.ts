import type { QueryClient } from '@tanstack/react-query';
import { create } from 'zustand';
import { localDatasetQueryOptions, localDatasetsQueryKey } from './local-dataset-query.ts';
import { update } from '../view/view-store.ts';
import { switchDataset } from '../view/view-actions.ts';
import { loadFiles, type InputFile } from './read-dataset.ts';
import { forgetForSession, keepForSession, localId, localStore, storageWarning } from './local-datasets.ts';

/**
 * Outcome of the last load, kept outside the components: a successful load swaps the whole
 * explorer for a skeleton and back, and the storage warning must survive that.
 */
interface LoadState {
  busy: boolean;
  failure: { reason: string; problems: readonly string[] } | null;
  /** Shown while the dataset it is about is on screen. */
  warning: { hash: string; message: string } | null;
}

export const useLoadState = create<LoadState>(() => ({ busy: false, failure: null, warning: null }));

export const dismissFailure = () => useLoadState.setState({ failure: null });
export const dismissWarning = () => useLoadState.setState({ warning: null });

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Reads, validates, stores and shows what the user picked or dropped. A bad file changes nothing
 * but the failure panel; the file's content never leaves the browser.
 */
export async function openFiles(files: readonly InputFile[], queryClient: QueryClient): Promise<void> {
  if (files.length === 0 || useLoadState.getState().busy) return;
  useLoadState.setState({ busy: true, failure: null });
  try {
    const result = await loadFiles(files);
    if (!result.ok) {
      useLoadState.setState({ failure: { reason: result.reason, problems: result.problems } });
      return;
    }
    const { dataset, hash } = result;
    const savedAt = new Date().toISOString();
    keepForSession(hash, { dataset, savedAt });
    const saved = await localStore().put({ hash, dataset, savedAt });
    const messages = [...(result.notices ?? []), ...(saved.ok ? [] : [storageWarning(saved)])];
    useLoadState.setState({ warning: messages.length > 0 ? { hash, message: messages.join(' ') } : null });
    void queryClient.invalidateQueries({ queryKey: localDatasetsQueryKey });
    // Drops whatever an earlier attempt cached under this id, such as "not on this device".
    void queryClient.resetQueries({ queryKey: localDatasetQueryOptions(hash).queryKey, exact: true });
    update(switchDataset(localId(hash)));
  } catch (error) {
    useLoadState.setState({ failure: { reason: `The file could not be loaded: ${describe(error)}`, problems: [] } });
  } finally {
    useLoadState.setState({ busy: false });
  }
}

/** Shows the default dataset first, so the removed one is never on screen without its data. */
export async function removeLocalDataset(hash: string, queryClient: QueryClient): Promise<void> {
  update(switchDataset(null));
  forgetForSession(hash);
  const { warning } = useLoadState.getState();
  if (warning?.hash === hash) dismissWarning();
  const removed = await localStore().remove(hash);
  if (!removed.ok)
    useLoadState.setState({ failure: { reason: `The dataset could not be removed from this device. ${removed.message}`, problems: [] } });
  queryClient.removeQueries({ queryKey: localDatasetQueryOptions(hash).queryKey, exact: true });
  await queryClient.invalidateQueries({ queryKey: localDatasetsQueryKey });
}
