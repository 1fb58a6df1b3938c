import type { ElementDefinition } from 'cytoscape';
import type { LayoutName } from '../view/view-state.ts';
import type { BundledLayout } from './bundled-positions.ts';
import type { Positions } from './layouts.ts';

/** As shipped: x and y of each node in element order, which the fingerprint fixes (half the bytes of an id-keyed object). */
export interface PackedLayout {
  dataset: string;
  layout: LayoutName;
  fingerprint: string;
  portrait: boolean;
  xy: number[];
}

/**
 * x and y of each node in element order. The layout worker replies with this: handing over one
 * buffer costs the page nothing, where copying a Map of 5,000 entries into it took the page one
 * task of about 50 ms at the end of a large layout.
 */
export function packPositions(positions: Positions, elements: readonly ElementDefinition[]): Float64Array {
  const nodes = elements.filter((e) => e.group === 'nodes');
  const xy = new Float64Array(nodes.length * 2);
  nodes.forEach((e, i) => {
    const p = positions.get(e.data.id!);
    if (!p) throw new Error(`No position for ${String(e.data.id)}`);
    xy[2 * i] = p.x;
    xy[2 * i + 1] = p.y;
  });
  return xy;
}

/** The build's side of the packing: plain numbers, for JSON. */
export function packLayout(layout: BundledLayout, elements: readonly ElementDefinition[]): PackedLayout {
  const xy = Array.from(packPositions(layout.positions, elements));
  return { dataset: layout.dataset, layout: layout.layout, fingerprint: layout.fingerprint, portrait: layout.portrait, xy };
}

/** Positions from x and y in element order; null if their count is not the graph's. */
export function unpack(xy: ArrayLike<number>, elements: readonly ElementDefinition[]): Positions | null {
  const out: Positions = new Map();
  let i = 0;
  for (const e of elements) {
    if (e.group !== 'nodes') continue;
    if (i + 1 >= xy.length) return null;
    out.set(e.data.id!, { x: xy[i]!, y: xy[i + 1]! });
    i += 2;
  }
  return i === xy.length ? out : null;
}

