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

/** The build's side of the packing. */
export function packLayout(layout: BundledLayout, elements: readonly ElementDefinition[]): PackedLayout {
  const xy = elements.flatMap((e) => {
    const p = e.group === 'nodes' ? layout.positions.get(e.data.id!) : undefined;
    if (e.group === 'nodes' && !p) throw new Error(`No position for ${String(e.data.id)}`);
    return p ? [p.x, p.y] : [];
  });
  return { dataset: layout.dataset, layout: layout.layout, fingerprint: layout.fingerprint, portrait: layout.portrait, xy };
}

export function unpack(xy: readonly number[], elements: readonly ElementDefinition[]): Positions | null {
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

