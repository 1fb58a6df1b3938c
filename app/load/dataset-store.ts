import type { Dataset } from '../data/schema.ts';
import { validateDataset } from '../data/validate.ts';

/**
 * Datasets the user loaded, kept in IndexedDB so a reload (or a shared `local:<hash>` link on the
 * same machine) finds them again. Storage is a convenience: private windows, full disks and
 * blocked storage must never stop the app, so every method resolves to a Result and none throws.
 */

export const dbName = 'stancegraph';
export const dbVersion = 1;
export const datasetsStore = 'datasets';
/** Metadata kept apart so listing saved datasets does not deserialise every dataset. */
export const metaStore = 'dataset-meta';

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

const quotaNames = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);

function describeError(error: unknown): { name: string; message: string } {
  if (error !== null && typeof error === 'object') {
    const e = error as { name?: unknown; message?: unknown };
    return { name: typeof e.name === 'string' ? e.name : '', message: typeof e.message === 'string' ? e.message : String(error) };
  }
  return { name: '', message: String(error) };
}

function failure(error: unknown, fallback: StoreFailureReason = 'failed'): StoreFailure {
  const { name, message } = describeError(error);
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

function openDb(idb: IDBFactory): Promise<StoreResult<IDBDatabase>> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (result: StoreResult<IDBDatabase>) => {
      if (settled) {
        if (result.ok) result.value.close();
        return;
      }
      settled = true;
      resolve(result);
    };
    let request: IDBOpenDBRequest;
    try {
      request = idb.open(dbName, dbVersion);
    } catch (error) {
      settle(failure(error, 'unavailable'));
      return;
    }
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(datasetsStore)) db.createObjectStore(datasetsStore, { keyPath: 'hash' });
      if (!db.objectStoreNames.contains(metaStore)) db.createObjectStore(metaStore, { keyPath: 'hash' });
    };
    request.onsuccess = () => settle({ ok: true, value: request.result });
    request.onerror = () => settle(failure(request.error ?? 'the database could not be opened', 'unavailable'));
    // Another tab holds an older version open; waiting could hang the caller indefinitely.
    request.onblocked = () => settle(failure('another tab is using an older version of the storage', 'unavailable'));
  });
}

/** Runs `body` in one transaction; its return value is read only once the transaction commits. */
function inTransaction<T>(
  db: IDBDatabase,
  stores: string[],
  mode: IDBTransactionMode,
  body: (tx: IDBTransaction) => () => T,
): Promise<StoreResult<T>> {
  return new Promise((resolve) => {
    let tx: IDBTransaction;
    try {
      tx = db.transaction(stores, mode);
    } catch (error) {
      resolve(failure(error));
      return;
    }
    let read: () => T = () => undefined as T;
    tx.oncomplete = () => {
      try {
        resolve({ ok: true, value: read() });
      } catch (error) {
        resolve(failure(error));
      }
    };
    // Quota errors usually surface here, at commit, rather than on the request.
    tx.onabort = () => resolve(failure(tx.error ?? 'the transaction was aborted'));
    try {
      read = body(tx);
    } catch (error) {
      resolve(failure(error));
      try {
        tx.abort();
      } catch {
        // Already finished or aborted: the failure is resolved above either way.
      }
    }
  });
}

function isMeta(value: unknown): value is StoredDatasetMeta {
  if (value === null || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.hash === 'string' &&
    typeof v.id === 'string' &&
    typeof v.title === 'string' &&
    typeof v.savedAt === 'string' &&
    typeof v.size === 'number'
  );
}

const jsonBytes = (dataset: Dataset) => new TextEncoder().encode(JSON.stringify(dataset)).length;

export function openStore(idb: IDBFactory | null | undefined = defaultFactory()): DatasetStore {
  let connection: Promise<StoreResult<IDBDatabase>> | null = null;

  const connect = (): Promise<StoreResult<IDBDatabase>> => {
    if (!idb) return Promise.resolve(failure('this browser offers no IndexedDB', 'unavailable'));
    connection ??= openDb(idb).then((result) => {
      if (!result.ok) connection = null; // try again next time: the user may have freed space or closed a tab
      else
        result.value.onversionchange = () => {
          // A newer app version in another tab wants to upgrade; stepping aside lets it.
          result.value.close();
          connection = null;
        };
      return result;
    });
    return connection;
  };

  const withDb = async <T>(work: (db: IDBDatabase) => Promise<StoreResult<T>>): Promise<StoreResult<T>> => {
    const db = await connect();
    if (!db.ok) return db;
    try {
      return await work(db.value);
    } catch (error) {
      return failure(error);
    }
  };

  return {
    put: (record) =>
      withDb((db) => {
        const meta: StoredDatasetMeta = {
          hash: record.hash,
          id: record.dataset.id,
          title: record.dataset.title,
          savedAt: record.savedAt,
          size: jsonBytes(record.dataset),
        };
        return inTransaction(db, [datasetsStore, metaStore], 'readwrite', (tx) => {
          tx.objectStore(datasetsStore).put({ hash: record.hash, dataset: record.dataset, savedAt: record.savedAt });
          tx.objectStore(metaStore).put(meta);
          return () => meta;
        });
      }),

    get: (hash) =>
      withDb(async (db) => {
        const result = await inTransaction(db, [datasetsStore], 'readonly', (tx) => {
          const request = tx.objectStore(datasetsStore).get(hash);
          return () => request.result as unknown;
        });
        if (!result.ok) return result;
        if (result.value === undefined) return { ok: true, value: null };
        // Stored data may predate this app version or have been edited by hand: validate again.
        const stored = result.value as Partial<StoredDataset> | null;
        const checked = validateDataset(stored?.dataset);
        if (!checked.ok || typeof stored?.savedAt !== 'string')
          return { ok: false, reason: 'failed', message: 'The saved copy of this dataset is damaged; load the file again.' };
        return { ok: true, value: { hash, dataset: checked.dataset, savedAt: stored.savedAt } };
      }),

    list: () =>
      withDb(async (db) => {
        const result = await inTransaction(db, [metaStore], 'readonly', (tx) => {
          const request = tx.objectStore(metaStore).getAll();
          return () => request.result as unknown[];
        });
        if (!result.ok) return result;
        const metas = result.value.filter(isMeta).sort((a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0));
        return { ok: true, value: metas };
      }),

    remove: (hash) =>
      withDb((db) =>
        inTransaction(db, [datasetsStore, metaStore], 'readwrite', (tx) => {
          tx.objectStore(datasetsStore).delete(hash);
          tx.objectStore(metaStore).delete(hash);
          return () => undefined;
        }),
      ),

    close: () => {
      const pending = connection;
      connection = null;
      void pending?.then((result) => {
        if (result.ok) result.value.close();
      });
    },
  };
}
