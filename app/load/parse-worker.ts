/// <reference lib="webworker" />
import { expose } from 'comlink';
import { contentHash, parseDatasetJson } from './read-dataset.ts';

/**
 * JSON.parse, the schema and the content hash, away from the page (see off-thread.ts): the hash
 * serialises the whole dataset once more, which is as slow as the parse on a large one.
 */
const service = {
  async parse(text: string) {
    const parsed = parseDatasetJson(text);
    return parsed.ok ? { ...parsed, hash: await contentHash(parsed.dataset) } : parsed;
  },
};

export type ParseService = typeof service;

expose(service);
