// idb recognises requests and transactions by the global IDB classes, which Node lacks.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../data/schema.ts';
import { validateDataset } from '../data/validate.ts';
import { datasetsStore, dbVersion, openLocalStore, openStore, type StoredDataset } from './dataset-store.ts';

function story(): Dataset {
  const result = validateDataset(JSON.parse(readFileSync(new URL('../../e2e/fixtures/valid-story.json', import.meta.url), 'utf8')));
  if (!result.ok) throw new Error('fixture is invalid');
  return result.dataset;
}
const record = (hash: string, savedAt: string, title = 'Story'): StoredDataset => ({
  hash,
  dataset: { ...story(), title },
  savedAt,
});

/**
 * Forwards everything to `target` except `overrides`. Methods stay bound to the real object,
 * and handler assignments (onsuccess, oncomplete…) land on it too.
 */
function wrap<T extends object>(target: T, overrides: Record<string, unknown>): T {
  return new Proxy(target, {
    get(t, prop) {
      if (typeof prop === 'string' && prop in overrides) return overrides[prop];
      const value: unknown = Reflect.get(t, prop, t);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(t) : value;
    },
    set(t, prop, value) {
      return Reflect.set(t, prop, value, t);
    },
  });
}

/** A real (fake-indexeddb) factory whose `datasets` store fails `put` the way `failPut` says. */
function failingPutFactory(failPut: (store: IDBObjectStore, tx: IDBTransaction) => unknown): IDBFactory {
  const real = new IDBFactory();
  return wrap(real, {
    open: (name: string, version?: number) => {
      const request = real.open(name, version);
      return wrap(request, {
        get result() {
          const db = request.result;
          return wrap(db, {
            transaction: (stores: string[], mode?: IDBTransactionMode) => {
              const tx = db.transaction(stores, mode);
              let error: DOMException | null = null;
              const wrappedTx: IDBTransaction = wrap(tx, {
                get error() {
                  return error ?? tx.error;
                },
                objectStore: (name: string) => {
                  const store = tx.objectStore(name);
                  if (name !== datasetsStore) return store;
                  return wrap(store, {
                    put: () => {
                      error = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
                      return failPut(store, tx);
                    },
                  });
                },
              });
              return wrappedTx;
            },
          });
        },
      });
    },
  });
}

describe('dataset store', () => {
  it('puts, gets, lists and removes datasets', async () => {
    const store = openStore(new IDBFactory());
    expect(await store.list()).toEqual({ ok: true, value: [] });

    const put = await store.put(record('aaaa', '2025-01-01T10:00:00.000Z', 'Older'));
    expect(put.ok).toBe(true);
    if (put.ok) expect(put.value).toMatchObject({ hash: 'aaaa', id: 'harbourside-tram', title: 'Older' });
    if (put.ok) expect(put.value.size).toBeGreaterThan(1000);
    await store.put(record('bbbb', '2025-02-01T10:00:00.000Z', 'Newer'));

    const got = await store.get('aaaa');
    expect(got).toEqual({ ok: true, value: record('aaaa', '2025-01-01T10:00:00.000Z', 'Older') });
    expect(await store.get('nope')).toEqual({ ok: true, value: null });

    const listed = await store.list();
    expect(listed.ok && listed.value.map((m) => [m.hash, m.title])).toEqual([
      ['bbbb', 'Newer'],
      ['aaaa', 'Older'],
    ]);
    if (listed.ok) expect(Object.keys(listed.value[0] ?? {}).sort()).toEqual(['actors', 'hash', 'id', 'relations', 'savedAt', 'size', 'title']);

    expect(await store.remove('aaaa')).toEqual({ ok: true, value: undefined });
    expect(await store.get('aaaa')).toEqual({ ok: true, value: null });
    const after = await store.list();
    expect(after.ok && after.value.map((m) => m.hash)).toEqual(['bbbb']);
    store.close();
  });

  it('overwrites a record saved again under the same hash', async () => {
    const store = openStore(new IDBFactory());
    await store.put(record('aaaa', '2025-01-01T10:00:00.000Z'));
    await store.put(record('aaaa', '2025-03-01T10:00:00.000Z'));
    const listed = await store.list();
    expect(listed.ok && listed.value.map((m) => m.savedAt)).toEqual(['2025-03-01T10:00:00.000Z']);
  });

  it('keeps datasets across re-opening the database', async () => {
    const idb = new IDBFactory();
    const first = openStore(idb);
    await first.put(record('aaaa', '2025-01-01T10:00:00.000Z'));
    first.close();
    const second = openStore(idb);
    const got = await second.get('aaaa');
    expect(got.ok && got.value?.dataset.id).toBe('harbourside-tram');
  });

  it('is unavailable without IndexedDB', async () => {
    const store = openStore(null);
    for (const result of [await store.list(), await store.get('x'), await store.put(record('x', 'now')), await store.remove('x')])
      expect(result).toMatchObject({ ok: false, reason: 'unavailable' });
  });

  it('is unavailable when opening throws', async () => {
    const throwing = wrap(new IDBFactory(), {
      open: () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
    const result = await openStore(throwing).list();
    expect(result).toMatchObject({ ok: false, reason: 'unavailable' });
    if (!result.ok) expect(result.message).toContain('insecure');
  });

  it('is unavailable when opening fires onerror, and tries again later', async () => {
    let attempts = 0;
    const real = new IDBFactory();
    // A database of a newer version cannot be opened at ours: a real request that fires onerror.
    await new Promise<void>((resolve) => {
      const newer = real.open('newer', dbVersion + 1);
      newer.onsuccess = () => {
        newer.result.close();
        resolve();
      };
    });
    const flaky = wrap(real, {
      open: (name: string, version?: number) => (++attempts > 1 ? real.open(name, version) : real.open('newer', version)),
    });
    const store = openStore(flaky);
    expect(await store.list()).toMatchObject({ ok: false, reason: 'unavailable', message: expect.stringContaining('not available') as string });
    expect(await store.list()).toEqual({ ok: true, value: [] });
    expect(attempts).toBe(2);
  });

  it('reports a full disk as quota when put throws', async () => {
    const store = openStore(
      failingPutFactory(() => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }),
    );
    const result = await store.put(record('aaaa', '2025-01-01T10:00:00.000Z'));
    expect(result).toMatchObject({ ok: false, reason: 'quota' });
    // Nothing half-written: the metadata went in the same, aborted transaction.
    expect(await store.list()).toEqual({ ok: true, value: [] });
  });

  it('reports a full disk as quota when the transaction aborts at commit', async () => {
    const store = openStore(
      failingPutFactory((store, tx) => {
        const request = store.put({ hash: 'aaaa' });
        queueMicrotask(() => tx.abort());
        return request;
      }),
    );
    expect(await store.put(record('aaaa', '2025-01-01T10:00:00.000Z'))).toMatchObject({ ok: false, reason: 'quota' });
  });

  it('refuses a stored copy that no longer validates', async () => {
    const idb = new IDBFactory();
    const store = openStore(idb);
    const broken = record('aaaa', '2025-01-01T10:00:00.000Z');
    broken.dataset = { ...broken.dataset, relations: [{ ...broken.dataset.relations[0]!, target: 'nobody' }] };
    await store.put(broken);
    expect(await store.get('aaaa')).toMatchObject({ ok: false, reason: 'failed' });
  });
});

describe('local store (storage, with this session as the fallback)', () => {
  it('saves through IndexedDB when it can', async () => {
    const idb = new IDBFactory();
    const local = openLocalStore(openStore(idb));
    expect((await local.put(record('aaaa', '2025-01-01T10:00:00.000Z'))).ok).toBe(true);
    // A second store on the same database (a reload) finds it.
    const again = await openLocalStore(openStore(idb)).get('aaaa');
    expect(again.ok && again.value?.dataset.id).toBe('harbourside-tram');
    const counts = { actors: story().actors.length, relations: story().relations.length };
    expect(await local.list()).toEqual([{ hash: 'aaaa', title: 'Story', savedAt: '2025-01-01T10:00:00.000Z', saved: true, ...counts }]);
  });

  it('keeps what storage refused for this session, says so, and lists everything newest first', async () => {
    for (const persistent of [
      openStore(null),
      openStore(
        failingPutFactory(() => {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        }),
      ),
    ]) {
      const local = openLocalStore(persistent);
      const put = await local.put(record('bbbb', '2025-02-01T10:00:00.000Z', 'Only here'));
      expect(put.ok).toBe(false);
      const got = await local.get('bbbb');
      expect(got.ok && got.value?.dataset.title).toBe('Only here');
      await local.put(record('cccc', '2025-03-01T10:00:00.000Z', 'Newest'));
      await local.put(record('aaaa', '2025-01-01T10:00:00.000Z', 'Oldest'));
      expect((await local.list()).map((e) => [e.hash, e.saved])).toEqual([
        ['cccc', false],
        ['bbbb', false],
        ['aaaa', false],
      ]);
      await local.remove('bbbb');
      expect((await local.list()).map((e) => e.hash)).toEqual(['cccc', 'aaaa']);
    }
  });

  it('merges saved and session-only datasets without duplicates', async () => {
    const idb = new IDBFactory();
    const persistent = openStore(idb);
    await persistent.put(record('aaaa', '2025-01-01T10:00:00.000Z', 'Saved'));
    await persistent.put(record('cccc', '2025-03-01T10:00:00.000Z', 'Saved later'));
    const refusing = { ...persistent, put: () => Promise.resolve({ ok: false as const, reason: 'quota' as const, message: 'full' }) };
    const local = openLocalStore(refusing);
    await local.put(record('bbbb', '2025-02-01T10:00:00.000Z', 'Only here'));
    await local.put(record('aaaa', '2025-01-01T10:00:00.000Z', 'Saved'));
    const counts = { actors: story().actors.length, relations: story().relations.length };
    expect(await local.list()).toEqual([
      { hash: 'cccc', title: 'Saved later', savedAt: '2025-03-01T10:00:00.000Z', saved: true, ...counts },
      { hash: 'bbbb', title: 'Only here', savedAt: '2025-02-01T10:00:00.000Z', saved: false, ...counts },
      { hash: 'aaaa', title: 'Saved', savedAt: '2025-01-01T10:00:00.000Z', saved: true, ...counts },
    ]);
  });
});
