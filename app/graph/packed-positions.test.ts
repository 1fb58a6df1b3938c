import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ElementDefinition } from 'cytoscape';
import { packPositions, unpack } from './packed-positions.ts';
import type { Positions } from './layouts.ts';

const graphOf = (ids: string[]): ElementDefinition[] => [
  ...ids.map((id): ElementDefinition => ({ group: 'nodes', data: { id } })),
  // Edges between nodes: they take no slot, wherever they sit in the list.
  ...ids.slice(1).map((id, i): ElementDefinition => ({ group: 'edges', data: { id: `e${i}`, source: ids[i]!, target: id } })),
];

describe('packed positions (the layout worker reply, and the build table)', () => {
  it('round-trip through one buffer in node order, whatever the ids and coordinates', () => {
    const coordinate = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 });
    fc.assert(
      fc.property(fc.uniqueArray(fc.string(), { maxLength: 40 }), fc.array(fc.tuple(coordinate, coordinate), { minLength: 40, maxLength: 40 }), (ids, coords) => {
        const elements = graphOf(ids);
        const positions: Positions = new Map(ids.map((id, i) => [id, { x: coords[i]![0], y: coords[i]![1] }]));
        const xy = packPositions(positions, elements);
        expect(xy).toBeInstanceOf(Float64Array);
        expect(xy.length).toBe(2 * ids.length);
        expect(unpack(xy, elements)).toEqual(positions);
      }),
    );
  });

  it('refuse a node without a position, naming it, and a reply of the wrong length', () => {
    const elements = graphOf(['a', 'b', 'c']);
    expect(() => packPositions(new Map([['a', { x: 0, y: 0 }], ['c', { x: 1, y: 1 }]]), elements)).toThrow('No position for b');
    expect(unpack(new Float64Array(4), elements)).toBeNull();
    expect(unpack(new Float64Array(8), elements)).toBeNull();
  });
});
