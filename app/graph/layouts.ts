import cytoscape, { type Core, type EdgeSingular, type ElementDefinition, type LayoutOptions, type NodeCollection, type NodeSingular, type Position } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { LayoutName } from '../view/view-state.ts';
import { savedPositions } from './saved-positions.ts';
import { seededRandom } from '../data/seeded-random.mjs';
import type { LayoutProgress } from './layout-client.ts';
import { clearance, squeezeWide, type SqueezeItem } from './portrait-squeeze.ts';
import { actorRoom, landscapeAspect, layoutScore, maxTextScale, portraitAspect, roomyLimit, sizeFor } from './legibility.ts';



cytoscape.use(fcose);

/** Keyed by actor id in a Map: an id such as "constructor" must never meet Object.prototype. */
export type Positions = Map<string, Position>;

/** fcose draws from Math.random; swap in a seeded generator for the synchronous run only. */
function withSeed<T>(seed: number, run: () => T): T {
  const original = Math.random;
  Math.random = seededRandom(seed);
  try {
    return run();
  } finally {
    Math.random = original;
  }
}

/** More actors without any relation than this are tiled, not laid out by force. */
export const looseTileThreshold = 200;

/** A near-square grid of `loose` under the bounding box of `placed` (or at the origin). */
function tileUnder(placed: NodeCollection, loose: NodeCollection) {
  const box = placed.nonempty() ? placed.boundingBox({}) : null;
  const columns = Math.ceil(Math.sqrt(loose.length));
  const spacing = 90;
  const x0 = box ? box.x1 : 0;
  const y0 = box ? box.y2 + 120 : 0;
  loose.forEach((n, i) => {
    n.position({ x: x0 + (i % columns) * spacing, y: y0 + Math.floor(i / columns) * spacing });
  });
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

/** A small graph is laid out from this many seeds, and the most legible picture kept (see `layoutScore`). */
const roomySeeds = 8;
const seed = 20251101;

/** Graph units of a relation label at text scale `scale` (10-unit text, cut at 130 units by the stylesheet). */
const relationLabelLength = (label: string, scale: number) => Math.min(130 * scale, label.length * 0.58 * 10 * scale);

/**
 * CoSE measures a relation between the borders of its ends' boxes, so its ideal length is the
 * room its label needs there. Between two state boxes (a country's agreements with another) most
 * of the label must fit, else those relations bunch into a knot whose labels are all held back;
 * elsewhere the label may run beside the names, and a quarter keeps the picture compact.
 */
function roomyEdgeLength(e: EdgeSingular): number {
  const label = relationLabelLength(String(e.data('rlabel') ?? ''), maxTextScale);
  return Math.max(50, (e.source().isParent() && e.target().isParent() ? 0.8 : 0.25) * label);
}

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
      const roomy = cy.nodes().filter((x) => x.isChildless()).length <= roomyLimit;
      const iterations = draft ? 300 : n > 2000 ? 600 : n > 400 ? 1000 : 2500;
      return {
        name: 'fcose',
        ...common,
        quality: n > 400 || draft ? 'default' : 'proof',
        randomize: true,
        nodeDimensionsIncludeLabels: false,
        // A small graph's actors are boxes as large as their names (see roomForNames): they need
        // far less push apart than bare shapes to keep clear, and the picture stays compact.
        nodeRepulsion: () => (roomy ? 800 : 6500),
        // Relations sharing their two ends fan out and carry labels: give the pair room for them.
        idealEdgeLength: (e: EdgeSingular) =>
          (roomy ? roomyEdgeLength(e) : 95) + (roomy ? 6 : 22) * Math.min(8, (multiplicity.get(e.id()) ?? 1) - 1),
        edgeElasticity: () => 0.35,
        // Low: a relation into a state box need not be longer than any other.
        nestingFactor: roomy ? 0.1 : 0.6,
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
 * On a small graph, each actor's room is its shape (sized by its relations, as the canvas will
 * draw it) and its name at the largest text scale the first camera may use.
 */
function roomForNames(input: ElementDefinition[]): boolean {
  const nodes = input.filter((e) => e.group === 'nodes');
  const parents = new Set(nodes.map((e) => e.data.parent).filter((p) => p !== undefined));
  const leaves = nodes.filter((e) => !parents.has(e.data.id));
  if (leaves.length > roomyLimit) return false;
  const degree = new Map<string, number>();
  for (const e of input)
    if (e.group === 'edges') for (const end of [e.data.source!, e.data.target!]) degree.set(end, (degree.get(end) ?? 0) + 1);
  const max = Math.max(0, ...degree.values());
  for (const e of leaves) {
    const shape = sizeFor(degree.get(e.data.id!) ?? 0, max);
    const room = actorRoom(String(e.data.label ?? ''), shape, maxTextScale, 8);
    // How far the room reaches above and below the shape's centre (the name hangs below): a phone's picture is narrowed with it.
    e.data = { ...e.data, roomW: room.width, roomH: room.height, roomAbove: shape / 2 + 8, roomBelow: room.height - shape / 2 - 8 };
  }
  return true;
}

/** How much closer a phone's picture draws states and lone actors (outer) and a state's members (inner). */
const portraitNarrowing = [1, 0.8, 0.7, 0.65, 0.6, 0.55, 0.5, 0.45, 0.3].flatMap((outer) => [1, 0.7, 0.4, 0].map((inner) => ({ outer, inner })));

/** A state box's padding and its name above it, as the canvas draws them at the largest text. */
const stateFrame = { padding: 22, header: Math.ceil(13 * maxTextScale + 6) };

/** Clear room, in graph units, that a bundle of parallel relations needs between its two ends for its labels. */
const bundleRoom = 130 * maxTextScale;

/**
 * A force layout comes out about as wide as tall; a phone's canvas is 0.6 times as wide as tall.
 * The picture is narrowed (portrait-squeeze.ts; the narrowing that fits a canvas of shape `aspect`
 * best is kept, a bundle of three or more parallel relations squeezed short of room for its labels
 * counting against it) and, with `apply`, moved there. Returns how well it fits, as `layoutScore` does.
 */
function narrowForPortrait(cy: Core, aspect: number, apply: boolean): number {
  const items: SqueezeItem[] = cy.nodes('[roomW]').map((n) => ({
    id: n.id(),
    group: n.isChild() ? n.parent().first().id() : null,
    x: n.position('x'),
    y: n.position('y'),
    width: n.data('roomW') as number,
    above: n.data('roomAbove') as number,
    below: n.data('roomBelow') as number,
  }));
  const blockOf = (n: NodeSingular) => (n.isChild() ? n.parent().first().id() : n.id());
  const bundles = new Map<string, { a: string; b: string; count: number }>();
  cy.edges().forEach((e) => {
    const [a, b] = [blockOf(e.source()), blockOf(e.target())].sort();
    if (a === b) return;
    const key = `${a}\u0000${b}`;
    const known = bundles.get(key);
    if (known) known.count += 1;
    else bundles.set(key, { a: a!, b: b!, count: 1 });
  });
  let best = { score: -Infinity, positions: new Map<string, Position>() };
  for (const factor of portraitNarrowing) {
    const squeezed = squeezeWide(items, factor, { gap: 10, ...stateFrame });
    let score = Math.min(aspect / squeezed.width, 1 / squeezed.height);
    for (const { a, b, count } of bundles.values())
      if (count >= 3) score *= Math.min(1, Math.max(0.05, clearance(squeezed.blocks.get(a)!, squeezed.blocks.get(b)!) / bundleRoom));
    if (score > best.score) best = { score, positions: squeezed.positions };
  }
  if (apply)
    cy.batch(() => {
      for (const [id, p] of best.positions) cy.getElementById(id).position({ x: round(p.x), y: round(p.y) });
    });
  return best.score;
}

/**
 * Positions are a pure function of (elements, layout, root): they are computed in a headless
 * instance with every element present, whatever the filters, so a link reproduces the picture.
 * `portrait` asks a small graph's picture for a tall canvas (a phone's): each seed's picture is
 * narrowed to the canvas's shape (see narrowForPortrait) and the one that fits best is kept.
 */
export function computePositions(
  elements: ElementDefinition[],
  name: LayoutName,
  root: string | null,
  draft = false,
  progress?: (p: LayoutProgress) => void,
  portrait = false,
): Positions {
  if (name === 'preset') return savedPositions(elements);
  const steps = 3;
  progress?.({ step: 1, steps, label: 'Preparing' });
  // fcose understands compound nodes. The other layouts do not, so they get a flat copy in which
  // each member is tied to its state by an extra edge: members then land beside their state's
  // spot (and a breadth-first tree passes through the state), so the drawn state box stays compact.
  const flat = name !== 'fcose';
  // The layout engines see stand-in ids, never the dataset's: fcose and its helpers keep plain
  // objects keyed by id, where an actor named "constructor" or "toString" finds Object.prototype's
  // member instead of its own entry and the layout crashes. The stand-ins sort like the ids they
  // replace (some layouts break ties by id), so the picture is the same as with the real ids.
  const memberEdge = (id: string) => `~member~${id}`;
  const ids: string[] = [];
  for (const e of elements) {
    ids.push(e.data.id!);
    if (flat && e.group === 'nodes' && e.data.parent) ids.push(memberEdge(e.data.id!));
  }
  ids.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const width = String(ids.length).length;
  const alias = new Map(ids.map((id, i) => [id, `x${String(i).padStart(width, '0')}`]));
  const realIdOf = new Map(ids.map((id) => [alias.get(id)!, id]));
  const input: ElementDefinition[] = [];
  for (const e of elements) {
    if (e.group === 'nodes') {
      const { parent, id, ...data } = e.data as { id: string; parent?: string };
      const own = alias.get(id)!;
      const parentAlias = parent === undefined ? undefined : alias.get(parent);
      input.push({ group: 'nodes', data: { ...data, id: own, ...(!flat && parentAlias ? { parent: parentAlias } : {}) } });
      if (flat && parentAlias) input.push({ group: 'edges', data: { id: alias.get(memberEdge(id))!, source: parentAlias, target: own } });
    } else {
      const source = alias.get(e.data.source!);
      const target = alias.get(e.data.target!);
      if (source !== undefined && target !== undefined)
        input.push({ group: 'edges', data: { ...e.data, id: alias.get(e.data.id!)!, source, target } });
    }
  }
  if (flat) {
    // Order each state next to its members so circle and grid keep them together.
    // Sorted by the real ids, so the order (and the picture) does not depend on the stand-ins.
    const parentOf = new Map<string, string>();
    for (const e of elements) if (e.group === 'nodes' && e.data.parent) parentOf.set(e.data.id!, e.data.parent);
    const real = (n: ElementDefinition) => realIdOf.get(n.data.id!)!;
    const key = (n: ElementDefinition) => `${parentOf.get(real(n)) ?? real(n)}\u0000${real(n)}`;
    const nodes = input.filter((e) => e.group === 'nodes').sort((a, b) => (key(a) < key(b) ? -1 : 1));
    input.splice(0, input.length, ...nodes, ...input.filter((e) => e.group === 'edges'));
  }
  const roomy = name === 'fcose' && roomForNames(input);
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    elements: input,
    style: [
      // Room for the name under each shape, so names do not land on each other.
      { selector: 'node', style: { width: 150, height: 84 } },
      { selector: 'node[roomW]', style: { width: 'data(roomW)', height: 'data(roomH)' } },
      { selector: 'node[kind = "state"]', style: { width: 60, height: 40, padding: roomy ? '20px' : '30px' } },
    ],
  });
  try {
    progress?.({ step: 2, steps, label: 'Placing actors' });
    const rootAlias = root === null ? null : (alias.get(root) ?? null);
    // Force-directed repulsion costs n² per step, and actors with no relation and no state only
    // drift to the rim anyway: past a few hundred, line them up under the graph instead (2,000 of
    // them took 45 s in fcose, 19,999 over three minutes).
    const loose = name === 'fcose' ? cy.nodes().filter((n) => n.degree(false) === 0 && n.isOrphan() && n.isChildless()) : cy.collection();
    const tiled = loose.length > looseTileThreshold;
    const laid = tiled ? cy.elements().difference(loose) : cy.elements();
    const run = (k: number) => withSeed(seed + k, () => laid.layout(options(name, cy, rootAlias, draft)).run());
    if (laid.nonempty() && roomy && !draft) {
      // A force layout's picture depends on its start: try a few, keep the one whose names can be
      // drawn largest without touching (the first run wins ties, so a lucky start is not needed).
      const aspect = portrait ? portraitAspect : landscapeAspect;
      const rooms = () => cy.nodes('[roomW]').map((n) => ({ ...n.position(), width: n.data('roomW') as number, height: n.data('roomH') as number }));
      let best = { score: -Infinity, at: new Map<string, Position>() };
      for (let k = 0; k < roomySeeds; k++) {
        run(k);
        const score = portrait ? narrowForPortrait(cy, aspect, false) : layoutScore(rooms(), aspect);
        if (score > best.score) best = { score, at: new Map(cy.nodes().map((n) => [n.id(), { ...n.position() }])) };
      }
      cy.nodes().forEach((n) => void n.position(best.at.get(n.id())!));
      if (portrait) narrowForPortrait(cy, aspect, true);
    } else if (laid.nonempty()) run(0);
    if (tiled) tileUnder(laid.nodes(), loose);
    progress?.({ step: 3, steps, label: 'Reading positions' });
    const out: Positions = new Map();
    cy.nodes().forEach((n) => {
      const p = n.position();
      out.set(realIdOf.get(n.id())!, { x: round(p.x), y: round(p.y) });
    });
    return out;
  } finally {
    cy.destroy();
  }
}
