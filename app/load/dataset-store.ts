import { wrap, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import type { Dataset } from '../data/schema.ts';
import { validateDataset } from '../data/validate.ts';

/**
 * Datasets the user loaded, kept in IndexedDB (through `idb`, which turns its requests and
 * transactions into promises) so a reload, or a shared `local:<hash>` link on the same machine,
 * finds them again. Storage is a convenience: private windows, full disks and blocked storage
 * must never stop the app, so every method resolves to a Result and none throws. When storage
 * refuses a dataset, `openLocalStore` keeps it for this session behind the same interface.
 */

export const dbName = 'stancegraph';
export const dbVersion = 1;
export const datasetsStore = 'datasets' as const;
/** Metadata kept apart so listing saved datasets does not deserialise every dataset. */
export const metaStore = 'dataset-meta' as const;

export interface StoredDataset {
  hash: string;
  dataset: Dataset;
  /** ISO timestamp. */
  savedAt: string;
}

export interface StoredDatasetMeta {
  hash: string;
  id: string;
  title: string;
  savedAt: string;
  /** Bytes of the dataset as JSON (UTF-8). */
  size: number;
  /** Counts that tell apart two datasets with one title; absent in records saved before they were kept. */
  actors?: number;
  relations?: number;
}

export type StoreFailureReason = 'unavailable' | 'quota' | 'failed';
export type StoreFailure = { ok: false; reason: StoreFailureReason; message: string };
export type StoreResult<T> = { ok: true; value: T } | StoreFailure;

export interface DatasetStore {
  put(record: StoredDataset): Promise<StoreResult<StoredDatasetMeta>>;
  /** `null` when nothing is stored under that hash. */
  get(hash: string): Promise<StoreResult<StoredDataset | null>>;
  /** Newest first. */
  list(): Promise<StoreResult<StoredDatasetMeta[]>>;
  remove(hash: string): Promise<StoreResult<void>>;
  close(): void;
}

interface Schema extends DBSchema {
  // Stored data may predate this app version or have been edited by hand: read as unknown.
  datasets: { key: string; value: { hash: string; dataset: unknown; savedAt: unknown } };
  'dataset-meta': { key: string; value: unknown };
}
type Db = IDBPDatabase<Schema>;

const quotaNames = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);

function failure(error: unknown, fallback: StoreFailureReason = 'failed'): StoreFailure {
  const e = error !== null && typeof error === 'object' ? (error as { name?: unknown; message?: unknown }) : {};
  const name = typeof e.name === 'string' ? e.name : '';
  const message = typeof e.message === 'string' ? e.message : String(error);
  if (quotaNames.has(name))
    return { ok: false, reason: 'quota', message: `Browser storage is full, so the dataset was not saved (${message || name}).` };
  const prefix = fallback === 'unavailable' ? 'Browser storage is not available' : 'Browser storage failed';
  return { ok: false, reason: fallback, message: `${prefix}${message ? `: ${message}` : '.'}` };
}

/** Some browsers throw a SecurityError merely for touching `indexedDB` when storage is blocked. */
function defaultFactory(): IDBFactory | undefined {
  try {
    return globalThis.indexedDB;
  } catch {
    return undefined;
  }
}

/** `idb`'s openDB always uses the global factory; opening through `wrap` lets tests pass their own. */
function openDb(factory: IDBFactory): Promise<Db> {
  return new Promise<Db>((resolve, reject) => {
    const request = factory.open(dbName, dbVersion); // may throw (SecurityError): rejects
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(datasetsStore)) db.createObjectStore(datasetsStore, { keyPath: 'hash' });
      if (!db.objectStoreNames.contains(metaStore)) db.createObjectStore(metaStore, { keyPath: 'hash' });
    };
    // Another tab holds an older version open; waiting could hang the caller indefinitely.
    let blocked = false;
    request.onblocked = () => {
      blocked = true;
      reject(new Error('another tab is using an older version of the storage'));
    };
    (wrap(request) as Promise<Db>).then(
      (db) => (blocked ? db.close() : resolve(db)), // opened after all, but the caller has moved on
      (error: unknown) => reject(error ?? new Error('the database could not be opened')),
    );
  });
}

const isMeta = (v: unknown): v is StoredDatasetMeta => {
  const m = (v ?? {}) as Record<string, unknown>;
  return ['hash', 'id', 'title', 'savedAt'].every((k) => typeof m[k] === 'string') && typeof m.size === 'number';
};

/** The one newest-first order of saved datasets. */
export const newestFirst = (a: { savedAt: string }, b: { savedAt: string }): number =>
  a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0;

const jsonBytes = (dataset: Dataset) => new TextEncoder().encode(JSON.stringify(dataset)).length;

type WriteTx = IDBPTransaction<Schema, [typeof datasetsStore, typeof metaStore], 'readwrite'>;

/**
 * Runs the requests `work` makes in one transaction and resolves once it has committed (a quota
 * error often surfaces only then). Request promises are settled quietly: the transaction reports.
 */
async function writing(db: Db, work: (tx: WriteTx) => Promise<unknown>[]): Promise<void> {
  const tx = db.transaction([datasetsStore, metaStore], 'readwrite');
  const done = tx.done;
  try {
    for (const request of work(tx)) request.catch(() => undefined);
  } catch (error) {
    done.catch(() => undefined); // the abort below rejects it; the thrown error is the one to report
    try {
      tx.abort();
    } catch {
      // Already finished or aborted.
    }
    throw error;
  }
  await done;
}

export function openStore(factory: IDBFactory | null | undefined = defaultFactory()): DatasetStore {
  // One connection per store, opened on first use, so a page that never loads a file never touches storage.
  let connection: Promise<Db> | null = null;

  const withDb = async <T>(work: (db: Db) => Promise<T>): Promise<StoreResult<T>> => {
    if (!factory) return failure(new Error('this browser offers no IndexedDB'), 'unavailable');
    const opening = (connection ??= openDb(factory).then((db) => {
      // A newer app version in another tab wants to upgrade; stepping aside lets it.
      db.onversionchange = () => {
        db.close();
        connection = null;
      };
      return db;
    }));
    let db: Db;
    try {
      db = await opening;
    } catch (error) {
      connection = null; // try again next time: the user may have freed space or closed a tab
      return failure(error, 'unavailable');
    }
    try {
      return { ok: true, value: await work(db) };
    } catch (error) {
      return failure(error);
    }
  };

  return {
    put: (record) =>
      withDb(async (db) => {
        const meta: StoredDatasetMeta = {
          hash: record.hash,
          id: record.dataset.id,
          title: record.dataset.title,
          savedAt: record.savedAt,
          size: jsonBytes(record.dataset),
          actors: record.dataset.actors.length,
          relations: record.dataset.relations.length,
        };
        await writing(db, (tx) => [
          tx.objectStore(datasetsStore).put({ hash: record.hash, dataset: record.dataset, savedAt: record.savedAt }),
          tx.objectStore(metaStore).put(meta),
        ]);
        return meta;
      }),

    get: async (hash) => {
      const read = await withDb((db) => db.get(datasetsStore, hash));
      if (!read.ok || read.value === undefined) return read.ok ? { ok: true, value: null } : read;
      const checked = validateDataset(read.value.dataset);
      if (!checked.ok || typeof read.value.savedAt !== 'string')
        return { ok: false, reason: 'failed', message: 'The saved copy of this dataset is damaged; load the file again.' };
      return { ok: true, value: { hash, dataset: checked.dataset, savedAt: read.value.savedAt } };
    },

    list: () => withDb(async (db) => (await db.getAll(metaStore)).filter(isMeta).sort(newestFirst)),

    remove: (hash) =>
      withDb((db) =>
        writing(db, (tx) => [tx.objectStore(datasetsStore).delete(hash), tx.objectStore(metaStore).delete(hash)]),
      ),

    close: () => {
      const pending = connection;
      connection = null;
      pending?.then((db) => db.close()).catch(() => undefined);
    },
  };
}

/** A dataset the selector offers; `saved` is false when it lives only in this tab's memory. */
export interface LocalDatasetEntry {
  hash: string;
  title: string;
  savedAt: string;
  saved: boolean;
  actors?: number;
  relations?: number;
}

/** What the app uses: IndexedDB, and this session's memory for what storage refused. */
export interface LocalStore {
  /** Always keeps the dataset for this session; a failure says it could not be kept beyond it. */
  put(record: StoredDataset): Promise<StoreResult<StoredDatasetMeta>>;
  get(hash: string): Promise<StoreResult<StoredDataset | null>>;
  /** Never fails: without storage it lists what this session holds. Newest first. */
  list(): Promise<LocalDatasetEntry[]>;
  remove(hash: string): Promise<StoreResult<void>>;
}

/**
 * The session-only fallback sits behind the same calls as storage, so nothing above it knows
 * whether a dataset was saved except through the warning `put` returns. Only datasets storage
 * refused are held here; everything else is read back from IndexedDB (and cached by TanStack Query).
 */
export function openLocalStore(persistent: DatasetStore = openStore()): LocalStore {
  const sessionOnly = new Map<string, StoredDataset>();
  return {
    put: async (record) => {
      const saved = await persistent.put(record);
      if (saved.ok) sessionOnly.delete(record.hash);
      else sessionOnly.set(record.hash, record);
      return saved;
    },
    get: async (hash) => {
      const held = sessionOnly.get(hash);
      return held ? { ok: true, value: held } : persistent.get(hash);
    },
    list: async () => {
      const stored = await persistent.list();
      const entries: LocalDatasetEntry[] = (stored.ok ? stored.value : []).map((m) => ({
        hash: m.hash,
        title: m.title,
        savedAt: m.savedAt,
        saved: true,
        ...(typeof m.actors === 'number' && typeof m.relations === 'number' ? { actors: m.actors, relations: m.relations } : {}),
      }));
      for (const { hash, dataset, savedAt } of sessionOnly.values())
        if (!entries.some((e) => e.hash === hash)) entries.push({ hash, title: dataset.title, savedAt, saved: false, actors: dataset.actors.length, relations: dataset.relations.length });
      return entries.sort(newestFirst);
    },
    remove: (hash) => {
      sessionOnly.delete(hash);
      return persistent.remove(hash);
    },
  };
}
