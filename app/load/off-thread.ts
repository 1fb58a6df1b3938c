import type { Remote } from 'comlink';

/**
 * Runs one call in a fresh worker and ends the worker after it: parsing and validating a large
 * dataset blocks for seconds, and a worker cannot. A new worker per call keeps no state on the
 * page, and cancelling is ending it. Where there are no workers (unit tests in Node) the same
 * pure function runs here.
 */
export async function offThread<S, T>(
  start: () => Worker,
  call: (remote: Remote<S>) => Promise<T>,
  here: () => T | Promise<T>,
  signal?: AbortSignal,
): Promise<T> {
  if (typeof Worker === 'undefined') return here();
  signal?.throwIfAborted();
  const worker = start();
  try {
    // Comlink leaves a call to a dead worker waiting forever: an error or an abort ends the wait.
    const stopped = new Promise<never>((_, reject) => {
      worker.addEventListener('error', (event) => reject(new Error(event.message || 'the worker failed to start')));
      signal?.addEventListener('abort', () => reject(signal.reason instanceof Error ? signal.reason : new Error('cancelled')), { once: true });
    });
    // Comlink comes with the first such call: the page's first view never needs it.
    const remote = import('comlink').then(({ wrap }) => wrap<S>(worker));
    return await Promise.race([remote.then(call), stopped]);
  } finally {
    worker.terminate();
  }
}
