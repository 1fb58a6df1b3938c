import { queryOptions, skipToken, type UseQueryOptions } from '@tanstack/react-query';
import { datasetQueryOptions, DatasetError } from '../data/dataset-query.ts';
import { pickEntry, type Catalog } from '../data/catalog.ts';
import { buildIndex, type DatasetIndex } from '../data/dataset-index.ts';
import { localHashOf, localId, localStore, type LocalDatasetEntry } from './local-datasets.ts';
import { wasUnsavedHere } from './unsaved-note.ts';

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

/** Dataset query for a file the user loaded, read from the local store (IndexedDB, or this session's memory). */
export const localDatasetQueryOptions = (hash: string) =>
  queryOptions({
    queryKey: ['dataset', localId(hash)],
    queryFn: async (): Promise<DatasetIndex> => {
      // Stored copies are validated again by the store; files were validated when read.
      const stored = await localStore.get(hash);
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
      return buildIndex(stored.value.dataset);
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
    queryFn: (): Promise<LocalDatasetEntry[]> => localStore.list(),
    staleTime: Infinity,
  });

/**
 * The dataset query a view names: a file loaded on this device (`local:<hash>`) or a catalog
 * entry (an unknown id falls back to the catalog's first; the link check reports it). Until the
 * catalog is known there is nothing to fetch, which `skipToken` says without a placeholder entry.
 */
export function datasetQueryFor(datasetId: string | null, catalog: Catalog | undefined): UseQueryOptions<DatasetIndex, Error, DatasetIndex, string[]> {
  const hash = localHashOf(datasetId);
  if (hash !== null) return localDatasetQueryOptions(hash);
  const entry = catalog ? pickEntry(catalog, datasetId) : undefined;
  if (entry) return datasetQueryOptions(entry);
  return { queryKey: ['dataset', datasetId ?? ''], queryFn: skipToken };
}
