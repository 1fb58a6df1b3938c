import { queryOptions } from '@tanstack/react-query';
import { DatasetError } from '../data/dataset-query.ts';
import { buildIndex, type DatasetIndex } from '../data/dataset-index.ts';
import { wasUnsavedHere } from './unsaved-note.ts';
import { localId, localStore, mergeLocalEntries, sessionDataset, sessionEntries, type LocalDatasetEntry } from './local-datasets.ts';

/**
 * A `local:<hash>` dataset this browser does not hold: loaded on another device, in another
 * browser profile, or removed since. Not a broken file, so the page offers a way on, not Retry.
 */
export class LocalDatasetMissingError extends DatasetError {
  readonly kind = 'missing';
  readonly hash: string;
  /** Set when storage could not even be read, which also hides datasets saved here earlier. */
  readonly storageNote: string | null;
  /** This tab loaded it but storage refused it, so a reload lost it: not another device at all. */
  readonly unsavedHere: boolean;
  constructor(hash: string, storageNote: string | null = null, unsavedHere = false) {
    super(`No dataset with hash ${hash} is stored in this browser.`);
    this.name = 'LocalDatasetMissingError';
    this.hash = hash;
    this.storageNote = storageNote;
    this.unsavedHere = unsavedHere;
  }
}

/** Dataset query for a file the user loaded: this tab's memory first, then IndexedDB. */
export const localDatasetQueryOptions = (hash: string) =>
  queryOptions({
    queryKey: ['dataset', localId(hash)],
    queryFn: async (): Promise<DatasetIndex> => {
      // Both sources hold validated data: files are checked when read, stored copies by the store.
      let data = sessionDataset(hash)?.dataset;
      if (data === undefined) {
        const stored = await localStore().get(hash);
        if (!stored.ok) {
          if (stored.reason === 'unavailable')
            throw new LocalDatasetMissingError(
              hash,
              'Browser storage is not available here, so datasets saved earlier cannot be read.',
              wasUnsavedHere(hash),
            );
          throw new DatasetError(stored.message);
        }
        if (stored.value === null) throw new LocalDatasetMissingError(hash, null, wasUnsavedHere(hash));
        data = stored.value.dataset;
      }
      return buildIndex(data);
    },
    staleTime: Infinity,
    // Reading local storage again a moment later gives the same answer.
    retry: false,
  });

export const localDatasetsQueryKey = ['local-datasets'] as const;

/**
 * What the dataset selector lists. Never fails: without storage it lists what this tab holds.
 * Invalidate after every put and remove.
 */
export const localDatasetsQueryOptions = () =>
  queryOptions({
    queryKey: localDatasetsQueryKey,
    queryFn: async (): Promise<LocalDatasetEntry[]> => {
      const listed = await localStore().list();
      return mergeLocalEntries(listed.ok ? listed.value : [], sessionEntries());
    },
    staleTime: Infinity,
  });
