/**
 * Whether a fragment carries a dataset (`#data=…`), without the decoder: the address code asks
 * this on every write, while the decoder (fflate, the schema) loads only for a link that has data.
 */
export const dataFragmentKey = 'data=';

/** The encoded part of a `#data=` fragment, or null when the fragment carries no data. */
export function dataInFragment(hash: string): string | null {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  return body.startsWith(dataFragmentKey) ? body.slice(dataFragmentKey.length) : null;
}
