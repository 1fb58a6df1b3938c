import { queryOptions } from '@tanstack/react-query';
import { catalogSchema, type Catalog, type CatalogEntry } from './catalog.ts';
import { buildIndex, type DatasetIndex } from './dataset-index.ts';
import { formatProblem, validateDataset, type Problem } from './validate.ts';
import { localId, localStore, mergeLocalEntries, sessionDataset, sessionEntries, type LocalDatasetEntry } from '../load/local-datasets.ts';

/** A failure the user can read: what went wrong and, for a bad file, where. */
export class DatasetError extends Error {
  readonly problems: readonly Problem[];
  constructor(message: string, problems: readonly Problem[] = []) {
    super(message);
    this.name = 'DatasetError';
    this.problems = problems;
  }
}

/**
 * A `local:<hash>` dataset this browser does not hold: loaded on another device, in another
 * browser profile, or removed since. Not a broken file, so the page offers a way on, not Retry.
 */
export class LocalDatasetMissingError extends DatasetError {
  readonly kind = 'missing';
  readonly hash: string;
  /** Set when storage could not even be read, which also hides datasets saved here earlier. */
  readonly storageNote: string | null;
  constructor(hash: string, storageNote: string | null = null) {
    super(`No dataset with hash ${hash} is stored in this browser.`);
    this.name = 'LocalDatasetMissingError';
    this.hash = hash;
    this.storageNote = storageNote;
  }
}

const dataUrl = (file: string) => `${import.meta.env.BASE_URL}data/${file}`;

async function fetchJson(url: string, what: string): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch {
    throw new DatasetError(`Could not reach the server to load ${what}. Check the connection and retry.`);
  }
  if (!response.ok) throw new DatasetError(`Loading ${what} failed: the server answered ${response.status}.`);
  try {
    return await response.json();
  } catch {
    throw new DatasetError(`${what} is not valid JSON.`);
  }
}

export const catalogQueryOptions = () =>
  queryOptions({
    queryKey: ['catalog'],
    queryFn: async (): Promise<Catalog> => {
      const parsed = catalogSchema.safeParse(await fetchJson(dataUrl('index.json'), 'the dataset catalog'));
      if (!parsed.success) throw new DatasetError('The dataset catalog is malformed.');
      return parsed.data;
    },
    staleTime: Infinity,
  });

export const datasetQueryOptions = (entry: CatalogEntry) =>
  queryOptions({
    queryKey: ['dataset', entry.id],
    queryFn: async (): Promise<DatasetIndex> => {
      const result = validateDataset(await fetchJson(dataUrl(entry.file), `the dataset “${entry.title}”`));
      if (!result.ok) {
        throw new DatasetError(
          `The dataset “${entry.title}” is invalid: ${result.problems.length} problem(s), first ${formatProblem(result.problems[0]!)}`,
          result.problems,
        );
      }
      return buildIndex(result.dataset);
    },
    staleTime: Infinity,
    // A broken file will not fix itself between quick retries; the user has a Retry button.
    retry: (count, error) => !(error instanceof DatasetError) && count < 2,
  });

/** Dataset query for a file the user loaded: this tab's memory first, then IndexedDB. */
export const localDatasetQueryOptions = (hash: string) =>
  queryOptions({
    queryKey: ['dataset', localId(hash)],
    queryFn: async (): Promise<DatasetIndex> => {
      let data: unknown = sessionDataset(hash)?.dataset;
      if (data === undefined) {
        const stored = await localStore().get(hash);
        if (!stored.ok) {
          if (stored.reason === 'unavailable')
            throw new LocalDatasetMissingError(hash, 'Browser storage is not available here, so datasets saved earlier cannot be read.');
          throw new DatasetError(stored.message);
        }
        if (stored.value === null) throw new LocalDatasetMissingError(hash);
        data = stored.value.dataset;
      }
      // Storage outlives app versions and can be edited by hand: trusted no more than a file.
      const result = validateDataset(data);
      if (!result.ok)
        throw new DatasetError(
          `The dataset saved on this device is invalid: ${result.problems.length} problem(s), first ${formatProblem(result.problems[0]!)}`,
          result.problems,
        );
      return buildIndex(result.dataset);
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
