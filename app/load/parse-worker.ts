/// <reference lib="webworker" />
import { expose } from 'comlink';
import { parseDatasetJson, withContentHash } from './read-dataset.ts';

/**
 * JSON.parse, the schema and the content hash, away from the page (see off-thread.ts): the hash
 * serialises the whole dataset once more, which is as slow as the parse on a large one.
 */
const service = {
  parse(text: string) {
    return withContentHash(parseDatasetJson(text));
  },
};

export type ParseService = typeof service;

expose(service);
