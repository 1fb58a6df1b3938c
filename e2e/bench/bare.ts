// The baseline for `npm run bench`: the least code that draws a dataset with Cytoscape and fcose,
// so the app's time can be read as a ratio against it rather than as an absolute that drifts with
// the machine. Deliberately no React, no schema validation, no catalog look-up.
import cytoscape, { type ElementDefinition, type LayoutOptions } from 'cytoscape';
import fcose from 'cytoscape-fcose';

cytoscape.use(fcose);

interface Dataset {
  actors: { id: string; name: string; kind: string; parent?: string }[];
  relations: { id: string; source: string; target: string }[];
}

// Same generator and seed as app/graph/layouts.ts: fcose's running time depends on where its
// random start puts the nodes, so both pages must start from the same draw to be comparable.
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

async function main() {
  const file = new URLSearchParams(location.search).get('file') ?? 'gyeongju-2025.json';
  const response = await fetch(`/data/${encodeURIComponent(file)}`);
  if (!response.ok) throw new Error(`GET /data/${file}: ${response.status}`);
  const data = (await response.json()) as Dataset;

  const ids = new Set(data.actors.map((a) => a.id));
  const elements: ElementDefinition[] = [];
  for (const a of data.actors)
    elements.push({
      group: 'nodes',
      data: { id: a.id, label: a.name, kind: a.kind, ...(a.parent !== undefined && ids.has(a.parent) ? { parent: a.parent } : {}) },
    });
  for (const r of data.relations) elements.push({ group: 'edges', data: { id: r.id, source: r.source, target: r.target } });

  const container = document.getElementById('cy');
  if (!container) throw new Error('#cy is missing');
  const cy = cytoscape({
    container,
    elements,
    // 'preset' so construction does not run a layout of its own before the measured one.
    layout: { name: 'preset' },
    // Node sizes match the app's layout instance, so fcose solves the same geometry.
    style: [
      { selector: 'node', style: { width: 44, height: 44, label: 'data(label)', 'font-size': 11 } },
      { selector: 'node[kind = "state"]', style: { width: 60, height: 40, padding: '22px' } },
      { selector: 'edge', style: { width: 1.5, 'curve-style': 'bezier' } },
    ],
  });

  const options = {
    name: 'fcose',
    animate: false,
    fit: true,
    padding: 36,
    quality: 'proof',
    randomize: true,
    nodeDimensionsIncludeLabels: false,
    nodeRepulsion: () => 6500,
    idealEdgeLength: () => 95,
    edgeElasticity: () => 0.35,
    nestingFactor: 0.6,
    gravity: 0.3,
    numIter: 2500,
    tile: true,
    packComponents: true,
  } as LayoutOptions;
  const random = Math.random;
  Math.random = seeded(20251101);
  try {
    cy.layout(options).run();
  } finally {
    Math.random = random;
  }

  // Two frames, as in the app: the first lets Cytoscape paint, the second runs after that paint.
  requestAnimationFrame(() => requestAnimationFrame(() => performance.mark('graph:ready')));
  document.body.dataset.nodes = String(cy.nodes().length);
  document.body.dataset.edges = String(cy.edges().length);
}

main().catch((error: unknown) => {
  document.body.dataset.error = String(error);
  throw error;
});
