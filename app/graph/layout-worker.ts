/// <reference lib="webworker" />
import { expose, transfer } from 'comlink';
import type { ElementDefinition } from 'cytoscape';
import type { LayoutName } from '../view/view-state.ts';
import { computePositions } from './layouts.ts';
import { packPositions } from './packed-positions.ts';
import type { CompactGraph, LayoutProgress } from './layout-client.ts';

/** Rebuilds what a layout reads from the compact copy the page sent. */
function elementsOf(graph: CompactGraph): ElementDefinition[] {
  const out: ElementDefinition[] = [];
  graph.ids.forEach((id, i) => {
    const data: Record<string, unknown> = { id, kind: graph.kinds[i] };
    if (graph.parents[i]) data.parent = graph.parents[i];
    out.push({ group: 'nodes', data: data as ElementDefinition['data'] });
  });
  graph.edgeIds.forEach((id, i) => out.push({ group: 'edges', data: { id, source: graph.sources[i]!, target: graph.targets[i]! } }));
  return out;
}

// The worker keeps the last graph it was sent: a later layout of the same graph sends only its
// number. Worker files may keep state; the page keeps its side in layout-client.ts only.
let kept: { graph: number; elements: ElementDefinition[] } | null = null;

/**
 * The layout service behind the RPC (see layout-client.ts). The same pure, seeded computation as
 * in the unit tests; here it cannot freeze the page, whatever the graph's size. The seeded
 * Math.random swap in layouts.ts happens in this worker only.
 */
const service = {
  /**
   * `compact` comes with the first layout of a graph; later layouts of it send only its number.
   * Replies with x and y of each node in the graph's node order (see packPositions).
   */
  layout(
    graph: number,
    compact: CompactGraph | null,
    name: LayoutName,
    root: string | null,
    draft: boolean,
    portrait: boolean,
    progress?: (p: LayoutProgress) => void,
  ): Float64Array {
    if (compact) kept = { graph, elements: elementsOf(compact) };
    if (kept?.graph !== graph) throw new Error('the layout worker lost the graph');
    const xy = packPositions(computePositions(kept.elements, name, root, draft, progress, portrait), kept.elements);
    // Moved, not copied: the page rebuilds the Map from the node order both sides share.
    return transfer(xy, [xy.buffer]);
  },
};

export type LayoutService = typeof service;

expose(service);
