import cytoscape, { type EdgeSingular, type Core, type ElementDefinition, type LayoutOptions, type NodeSingular, type Position } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { LayoutName } from '../view/view-state.ts';
import { savedPositions } from './saved-positions.ts';
import type { LayoutProgress } from './layout-client.ts';

cytoscape.use(fcose);

export type Positions = Record<string, Position>;

/** mulberry32: a tiny seeded generator, so "random" layouts repeat exactly. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** fcose draws from Math.random; swap in a seeded generator for the synchronous run only. */
function withSeed<T>(seed: number, run: () => T): T {
  const original = Math.random;
  Math.random = seeded(seed);
  try {
    return run();
  } finally {
    Math.random = original;
  }
}

/** For each edge, how many edges join the same two nodes (either way). */
function parallelCounts(cy: Core): Map<string, number> {
  const byPair = new Map<string, string[]>();
  cy.edges().forEach((e) => {
    const [a, b] = [e.source().id(), e.target().id()].sort();
    const key = `${a}\u0000${b}`;
    const list = byPair.get(key);
    if (list) list.push(e.id());
    else byPair.set(key, [e.id()]);
  });
  const out = new Map<string, number>();
  for (const ids of byPair.values()) for (const id of ids) out.set(id, ids.length);
  return out;
}

const round = (v: number) => Math.round(v * 100) / 100;

function options(name: LayoutName, cy: Core, root: string | null, draft: boolean): LayoutOptions {
  const common = { animate: false, fit: false, padding: 30 } as const;
  switch (name) {
    case 'fcose': {
      const multiplicity = parallelCounts(cy);
      // The layout must not keep a large file waiting: polish costs iterations, so it is traded
      // for time as graphs grow, and further in large-graph mode (positions stay seeded either
      // way). fcose's own 'draft' quality, spectral placement alone, piles the members of each
      // state on top of each other, so even the roughest setting keeps the force-directed pass.
      const n = cy.nodes().length;
      const iterations = draft ? 300 : n > 2000 ? 600 : n > 400 ? 1000 : 2500;
      return {
        name: 'fcose',
        ...common,
        quality: n > 400 || draft ? 'default' : 'proof',
        randomize: true,
        nodeDimensionsIncludeLabels: false,
        nodeRepulsion: () => 6500,
        // Relations sharing their two ends fan out and carry labels: give the pair room for them.
        idealEdgeLength: (e: EdgeSingular) => 95 + 22 * Math.min(8, (multiplicity.get(e.id()) ?? 1) - 1),
        edgeElasticity: () => 0.35,
        nestingFactor: 0.6,
        gravity: 0.3,
        numIter: iterations,
        tile: true,
        packComponents: !draft && n <= 2000,
      } as LayoutOptions;
    }
    case 'concentric':
      return {
        name: 'concentric',
        ...common,
        concentric: (n: NodeSingular) => n.degree(false),
        levelWidth: () => 2,
        minNodeSpacing: 40,
      } as LayoutOptions;
    case 'circle':
      return { name: 'circle', ...common, spacingFactor: 1.1 } as LayoutOptions;
    case 'grid':
      return { name: 'grid', ...common, avoidOverlapPadding: 40, condense: true } as LayoutOptions;
    case 'preset':
      return { name: 'preset', ...common } as LayoutOptions;
    case 'breadthfirst': {
      const degreeFirst = cy
        .nodes()
        .filter((n: NodeSingular) => n.isChildless())
        .sort((a: NodeSingular, b: NodeSingular) => b.degree(false) - a.degree(false) || (a.id() < b.id() ? -1 : 1));
      const start = root !== null && cy.getElementById(root).nonempty() ? root : degreeFirst[0]?.id();
      return {
        name: 'breadthfirst',
        ...common,
        directed: false,
        spacingFactor: 1.1,
        ...(start ? { roots: [start] } : {}),
      } as LayoutOptions;
    }
  }
}

/**
 * Positions are a pure function of (elements, layout, root): they are computed in a headless
 * instance with every element present, whatever the filters, so a link reproduces the picture.
 */
export function computePositions(
  elements: ElementDefinition[],
  name: LayoutName,
  root: string | null,
  draft = false,
  progress?: (p: LayoutProgress) => void,
): Positions {
  if (name === 'preset') return savedPositions(elements);
  const steps = 3;
  progress?.({ step: 1, steps, label: 'Preparing' });
  // fcose understands compound nodes. The other layouts do not, so they get a flat copy in which
  // each member is tied to its state by an extra edge: members then land beside their state's
  // spot (and a breadth-first tree passes through the state), so the drawn state box stays compact.
  const flat = name !== 'fcose';
  const input: ElementDefinition[] = [];
  for (const e of elements) {
    if (e.group === 'nodes') {
      const { parent, ...data } = e.data as { id: string; parent?: string };
      input.push({ group: 'nodes', data: flat ? data : { ...data, ...(parent ? { parent } : {}) } });
      // "~" cannot appear in dataset ids, so these ids never collide with a relation's.
      if (flat && parent) input.push({ group: 'edges', data: { id: `~member~${data.id}`, source: parent, target: data.id } });
    } else input.push({ group: 'edges', data: { ...e.data } });
  }
  if (flat) {
    // Order each state next to its members so circle and grid keep them together.
    const parentOf = new Map<string, string>();
    for (const e of elements) if (e.group === 'nodes' && e.data.parent) parentOf.set(e.data.id!, e.data.parent);
    const key = (n: ElementDefinition) => `${parentOf.get(n.data.id!) ?? n.data.id!}\u0000${n.data.id!}`;
    const nodes = input.filter((e) => e.group === 'nodes').sort((a, b) => (key(a) < key(b) ? -1 : 1));
    input.splice(0, input.length, ...nodes, ...input.filter((e) => e.group === 'edges'));
  }
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    elements: input,
    style: [
      // Room for the name under each shape, so names do not land on each other.
      { selector: 'node', style: { width: 96, height: 64 } },
      { selector: 'node[kind = "state"]', style: { width: 60, height: 40, padding: '22px' } },
    ],
  });
  try {
    progress?.({ step: 2, steps, label: 'Placing actors' });
    withSeed(20251101, () => cy.elements().layout(options(name, cy, root, draft)).run());
    progress?.({ step: 3, steps, label: 'Reading positions' });
    const out: Positions = {};
    cy.nodes().forEach((n) => {
      const p = n.position();
      out[n.id()] = { x: round(p.x), y: round(p.y) };
    });
    return out;
  } finally {
    cy.destroy();
  }
}
