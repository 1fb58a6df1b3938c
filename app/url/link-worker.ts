/// <reference lib="webworker" />
import { expose } from 'comlink';
import { decodeDataFragment } from './data-fragment.ts';
import { contentHash } from '../load/read-dataset.ts';

/** Unpacking, parsing, checking and hashing a link's dataset, away from the page (see load/off-thread.ts). */
const service = {
  async decode(encoded: string) {
    const decoded = decodeDataFragment(encoded);
    return decoded.ok ? { ...decoded, hash: await contentHash(decoded.dataset) } : decoded;
  },
};

export type LinkService = typeof service;

expose(service);
