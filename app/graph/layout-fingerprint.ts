import type { ElementDefinition } from 'cytoscape';

/**
 * What a layout reads of a graph — each node's id, state and kind and each relation's ends, in
 * order — folded into a short key. Positions computed for one graph are only ever reused for a
 * graph with the same key, so an edited copy of a bundled dataset is laid out afresh.
 */
export function layoutFingerprint(elements: readonly ElementDefinition[]): string {
  // cyrb53: two independent 32-bit lanes, 53 bits in all; not cryptographic, and need not be —
  // the input is our own build's dataset, never an adversary's choice of collision.
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  const feed = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
  };
  for (const e of elements) {
    const d = e.data as Record<string, unknown>;
    const parts =
      e.group === 'nodes'
        ? ['n', d.id, d.parent ?? '', d.kind ?? '', d.savedX ?? '', d.savedY ?? '']
        : ['e', d.id, d.source, d.target];
    feed(`${parts.join('\u0001')}\u0002`);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
