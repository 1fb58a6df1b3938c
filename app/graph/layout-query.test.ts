import type { ElementDefinition } from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { graphKey, layoutQueryOptions } from './layout-query.ts';

const node = (id: string, parent?: string): ElementDefinition => ({ group: 'nodes', data: { id, kind: 'person', ...(parent ? { parent } : {}) } });
const edge = (id: string, source: string, target: string): ElementDefinition => ({ group: 'edges', data: { id, source, target } });
const base = [node('a'), node('b'), node('c'), edge('r1', 'a', 'b')];

describe('graphKey', () => {
  it('is the same for the same structure, whatever the labels', () => {
    const relabelled = base.map((e) => ({ ...e, data: { ...e.data, label: 'other' } }));
    expect(graphKey(relabelled)).toBe(graphKey(base));
  });

  it('differs when anything a layout reads differs', () => {
    const variants = [
      [node('a'), node('b'), node('d'), edge('r1', 'a', 'b')],
      [node('a'), node('b'), node('c'), edge('r1', 'a', 'c')],
      [node('a'), node('b'), node('c'), edge('r1', 'b', 'a')],
      [node('a'), node('b', 'a'), node('c'), edge('r1', 'a', 'b')],
      [node('a'), node('b'), node('c')],
      [node('ab'), node('c'), node('d'), edge('r1', 'ab', 'c')],
      // Relation ids decide the order the layout engine sees, so they are part of the key too.
      [node('a'), node('b'), node('c'), edge('r0', 'a', 'b')],
    ];
    const keys = new Set([graphKey(base), ...variants.map(graphKey)]);
    expect(keys.size).toBe(variants.length + 1);
  });
});

describe('layoutQueryOptions', () => {
  it('keys positions by graph, layout, root, mode and canvas shape', () => {
    const key = (over: object) => layoutQueryOptions({ dataset: 'g', layout: 'fcose', root: null, draft: false, ...over }, base).queryKey;
    expect(key({})).toEqual(['layout', 'g', 'fcose', null, 'full', 'landscape']);
    expect(new Set([key({}), key({ dataset: 'h' }), key({ layout: 'grid' }), key({ root: 'a' }), key({ draft: true }), key({ portrait: true })].map((k) => JSON.stringify(k))).size).toBe(6);
  });

  it('gives saved positions without the worker', async () => {
    const saved = [{ group: 'nodes', data: { id: 'a', savedX: 5, savedY: 7 } }] as ElementDefinition[];
    const options = layoutQueryOptions({ dataset: 'g', layout: 'preset', root: null, draft: false }, saved);
    const call = options.queryFn as unknown as (context: { signal: AbortSignal }) => Promise<Map<string, { x: number; y: number }>>;
    const positions = await call({ signal: new AbortController().signal });
    expect(positions).toEqual(new Map([['a', { x: 5, y: 7 }]]));
  });
});
