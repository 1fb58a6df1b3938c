/// <reference lib="webworker" />
import { expose } from 'comlink';
import { decodeDataFragment } from './data-fragment.ts';
import { withContentHash } from '../load/read-dataset.ts';

/** Unpacking, parsing, checking and hashing a link's dataset, away from the page (see load/off-thread.ts). */
const service = {
  decode(encoded: string) {
    return withContentHash(decodeDataFragment(encoded));
  },
};

export type LinkService = typeof service;

expose(service);
