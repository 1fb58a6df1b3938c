import type { LocalDatasetEntry, LocalStore, StoreFailure } from './dataset-store.ts';

export type { LocalDatasetEntry };

/**
 * Datasets the user loaded from files, as the rest of the app sees them: named `local:<hash>` in
 * view state and links, kept in IndexedDB when the browser allows and for this session when not.
 */

export const localPrefix = 'local:';
export const localId = (hash: string): string => `${localPrefix}${hash}`;

/** The hash in a `local:<hash>` dataset id; null for catalog ids and for the default dataset. */
export function localHashOf(datasetId: string | null): string | null {
  if (datasetId === null || !datasetId.startsWith(localPrefix)) return null;
  const hash = datasetId.slice(localPrefix.length);
  // The same form the link parser accepts; anything else is not a local dataset id at all.
  return /^[0-9a-fA-F]{1,128}$/.test(hash) ? hash : null;
}

/**
 * One store for the whole app; it opens IndexedDB on first use, so a page that never loads a file
 * never touches storage. Its code (idb and the dataset validator) loads on that first use too,
 * outside the first view's bundle; every call is asynchronous already.
 */
function lazyLocalStore(): LocalStore {
  const opened: Promise<LocalStore>[] = [];
  const store = (): Promise<LocalStore> => {
    if (opened.length === 0) opened.push(import('./dataset-store.ts').then((m) => m.openLocalStore()));
    return opened[0]!;
  };
  return {
    put: async (record) => (await store()).put(record),
    get: async (hash) => (await store()).get(hash),
    list: async () => (await store()).list(),
    remove: async (hash) => (await store()).remove(hash),
  };
}

export const localStore: LocalStore = lazyLocalStore();

/**
 * The list with the shown dataset in it even before the list has been read, so the selector
 * never shows a value it has no option for.
 */
export function withCurrent(
  entries: readonly LocalDatasetEntry[],
  hash: string | null,
  title: string,
  counts?: { actors: number; relations: number },
): LocalDatasetEntry[] {
  if (hash === null || entries.some((e) => e.hash === hash)) return [...entries];
  return [{ hash, title, savedAt: '', saved: false, ...counts }, ...entries];
}

/** Fixed locale so a label reads the same everywhere; `timeZone` pins the day in tests. */
export function formatSavedDate(iso: string, timeZone?: string): string | null {
  const date = new Date(iso);
  if (iso === '' || Number.isNaN(date.getTime())) return null;
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', ...(timeZone ? { timeZone } : {}) });
}

export function localEntryLabel(entry: LocalDatasetEntry, timeZone?: string): string {
  if (!entry.saved) return `${entry.title} (this session only)`;
  const date = formatSavedDate(entry.savedAt, timeZone);
  return date === null ? entry.title : `${entry.title} (saved ${date})`;
}

const failurePhrases: Record<StoreFailure['reason'], string> = {
  quota: 'browser storage is full',
  unavailable: 'browser storage is not available here',
  failed: 'browser storage failed',
};

/** The store's own message names browser internals; the user needs only what happened and what it means. */
export function storageWarning(failure: StoreFailure): string {
  return `This dataset could not be saved on this device (${failurePhrases[failure.reason]}); it will be lost on reload.`;
}
