import { offThread } from './off-thread.ts';
import { parseDatasetJson, withContentHash, type ParsedJson } from './read-dataset.ts';
import type { ParseService } from './parse-worker.ts';

/** parseDatasetJson (and the hash) in a worker: a 20,000-stance file blocked the page for seconds on the main thread. */
export function parseOffThread(text: string, signal?: AbortSignal): Promise<ParsedJson> {
  return offThread<ParseService, ParsedJson>(
    () => new Worker(new URL('./parse-worker.ts', import.meta.url), { type: 'module', name: 'stancegraph-parse' }),
    (remote) => remote.parse(text),
    () => withContentHash(parseDatasetJson(text)),
    signal,
  );
}
