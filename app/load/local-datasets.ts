import type { Dataset } from '../data/schema.ts';
import { openStore, type DatasetStore, type StoredDatasetMeta, type StoreFailure } from './dataset-store.ts';

/**
 * Datasets the user loaded from files, as the rest of the app sees them: named `local:<hash>` in
 * view state and links, held in memory for this session and (when the browser allows) in IndexedDB.
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

export interface SessionDataset {
  dataset: Dataset;
  savedAt: string;
}

/**
 * Every dataset loaded in this tab. It is what keeps a dataset on screen when storage refused it,
 * and it spares a read back from IndexedDB right after a load.
 */
const session = new Map<string, SessionDataset>();

export const sessionDataset = (hash: string): SessionDataset | undefined => session.get(hash);
export const keepForSession = (hash: string, entry: SessionDataset): void => void session.set(hash, entry);
export const forgetForSession = (hash: string): void => void session.delete(hash);
export const sessionEntries = (): [string, SessionDataset][] => [...session.entries()];

let store: DatasetStore | null = null;
/** One connection for the whole app; opened on first use, so a page that never loads a file never touches storage. */
export const localStore = (): DatasetStore => (store ??= openStore());

/** A dataset the selector offers; `saved` is false when it lives only in this tab's memory. */
export interface LocalDatasetEntry {
  hash: string;
  title: string;
  savedAt: string;
  saved: boolean;
}

const newestFirst = (a: LocalDatasetEntry, b: LocalDatasetEntry) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0);

/** Stored datasets plus those only this session holds (storage refused them), newest first. */
export function mergeLocalEntries(
  stored: readonly StoredDatasetMeta[],
  inSession: readonly (readonly [string, SessionDataset])[],
): LocalDatasetEntry[] {
  const entries: LocalDatasetEntry[] = stored.map((m) => ({ hash: m.hash, title: m.title, savedAt: m.savedAt, saved: true }));
  const seen = new Set(entries.map((e) => e.hash));
  for (const [hash, { dataset, savedAt }] of inSession)
    if (!seen.has(hash)) entries.push({ hash, title: dataset.title, savedAt, saved: false });
  return entries.sort(newestFirst);
}

/**
 * The list with the shown dataset in it even before the list has been read, so the selector
 * never shows a value it has no option for.
 */
export function withCurrent(entries: readonly LocalDatasetEntry[], hash: string | null, title: string): LocalDatasetEntry[] {
  if (hash === null || entries.some((e) => e.hash === hash)) return [...entries];
  return [{ hash, title, savedAt: '', saved: false }, ...entries];
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
