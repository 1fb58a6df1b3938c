import { deflateSync, Inflate } from 'fflate';
import type { Dataset } from '../data/schema.ts';
import { parseDatasetJson } from '../load/read-dataset.ts';
import { maxFileBytes } from '../load/limits.ts';

/**
 * The dataset carried in a link's fragment (`#data=…`): compact JSON, raw deflate, base64url.
 * The fragment is never sent to a server, so the data stays between the people who share the link.
 * Pure: no window, no storage; the decoder never throws and never returns part of a dataset.
 */

import { dataFragmentKey } from './fragment-data-key.ts';

export { dataFragmentKey, dataInFragment } from './fragment-data-key.ts';
/** Links much longer than this break in mail clients and chat apps; a file is the better carrier. */
export const maxEncodedChars = 100 * 1024;

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const alphabetIndex = new Map([...alphabet].map((ch, i) => [ch, i]));

export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += alphabet[(n >> 18) & 63]! + alphabet[(n >> 12) & 63]!;
    if (b !== undefined) out += alphabet[(n >> 6) & 63]!;
    if (c !== undefined) out += alphabet[n & 63]!;
  }
  return out;
}

/** Null for any character outside the alphabet or an impossible length: no lenient guessing. */
export function fromBase64Url(text: string): Uint8Array | null {
  if (text.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    let n = 0;
    const chunk = Math.min(4, text.length - i);
    for (let j = 0; j < 4; j++) {
      const v = j < chunk ? alphabetIndex.get(text[i + j]!) : 0;
      if (v === undefined) return null;
      n = (n << 6) | v;
    }
    out[o++] = (n >> 16) & 255;
    if (chunk > 2) out[o++] = (n >> 8) & 255;
    if (chunk > 3) out[o++] = n & 255;
  }
  return out.subarray(0, o);
}

export type EncodeResult = { ok: true; fragment: string; chars: number } | { ok: false; reason: string; chars: number };

const kilobytes = (chars: number) => `${Math.ceil(chars / 1024)} KB`;

/** `#data=…` for the dataset, or a reason naming the size when the link would be too long. */
export function encodeDataFragment(dataset: Dataset): EncodeResult {
  const bytes = new TextEncoder().encode(JSON.stringify(dataset));
  const encoded = toBase64Url(deflateSync(bytes, { level: 9 }));
  const chars = encoded.length;
  if (chars > maxEncodedChars)
    return {
      ok: false,
      chars,
      reason:
        `This dataset would make a link of ${kilobytes(chars)}; links with data are limited to ${kilobytes(maxEncodedChars)}. ` +
        'Use Export → JSON and send the file instead.',
    };
  return { ok: true, fragment: `#${dataFragmentKey}${encoded}`, chars };
}

export type DecodeResult = { ok: true; dataset: Dataset } | { ok: false; reason: string; problems: string[] };

const unreadable = (why: string, problems: string[] = []): DecodeResult => ({
  ok: false,
  reason: `The data in this link could not be read (${why}), so the bundled dataset is shown.`,
  problems,
});

/** Inflates at most `limit` bytes: a small hostile fragment cannot expand into gigabytes. */
function inflateCapped(bytes: Uint8Array, limit: number): Uint8Array | 'too-big' | null {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let over = false;
  let done = false;
  const inflater = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total > limit) over = true;
    else chunks.push(chunk);
    if (final) done = true;
  });
  try {
    // Fed in slices so the size check runs before the whole output exists.
    for (let i = 0; i < bytes.length && !over; i += 4096) inflater.push(bytes.subarray(i, i + 4096), i + 4096 >= bytes.length);
  } catch {
    return null;
  }
  if (over) return 'too-big';
  if (!done) return null;
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

/**
 * The dataset in an encoded fragment, validated exactly like a loaded file. Never throws: any
 * damage (bad characters, cut-off data, not JSON, not a valid dataset) is a reason to show.
 */
export function decodeDataFragment(encoded: string): DecodeResult {
  try {
    if (encoded.length === 0) return unreadable('it is empty');
    if (encoded.length > maxEncodedChars) return unreadable(`it is longer than ${kilobytes(maxEncodedChars)}`);
    const bytes = fromBase64Url(encoded);
    // No base64 text is one character past a group of four: such a link was cut off.
    if (bytes === null) return unreadable(encoded.length % 4 === 1 ? 'it is damaged or cut off' : 'it holds characters a data link never has');
    const inflated = inflateCapped(bytes, maxFileBytes);
    if (inflated === 'too-big') return unreadable(`it unpacks to more than ${maxFileBytes / (1024 * 1024)} MB`);
    if (inflated === null) return unreadable('it is damaged or cut off');
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(inflated);
    } catch {
      return unreadable('it is damaged');
    }
    const parsed = parseDatasetJson(text);
    if (!parsed.ok) return unreadable('it does not hold a valid dataset', parsed.problems.length > 0 ? parsed.problems : [parsed.reason]);
    return parsed;
  } catch (error) {
    // parseDatasetJson and the inflater are not expected to throw; a link must never break the page.
    return unreadable(error instanceof Error ? error.message : 'unknown error');
  }
}
