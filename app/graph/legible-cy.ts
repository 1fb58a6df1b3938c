import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';
import { labelGrid, minNamePx, parallelOffsets, rotatedLabelBoxes, sizeFor, textScaleFor, type Box, type LabelCandidate } from './legibility.ts';

// The Cytoscape side of legibility.ts: each function takes the instance and applies one rule, so
// the graph controller can call it wherever its life cycle needs it.

/** Relations drawn with a label on every line at most this many; above it, the hovered or selected actor's. */
export const labelAllLimit = 40;
/** Above this many actors, sizes follow all relations (set once) and the label grid stops running. */
const liveLimit = 1000;
/**
 * Parallel relations fan out as curves far enough apart for their labels: neighbouring midpoints
 * (half the control-point distance) one relation label's height and a bit apart. Set per text scale.
 */
export function applyParallelCurves(cy: Core, textScale = 1) {
  const edges = cy.edges().map((e) => ({ id: e.id(), source: e.source().id(), target: e.target().id() }));
  const offsets = parallelOffsets(edges, parallelStep(textScale));
  cy.batch(() => {
    // Only changed values: Cytoscape restyles (and re-measures) an element on every data write.
    for (const [id, d] of offsets) {
      const edge = cy.getElementById(id);
      if (edge.data('cpd') !== d) edge.data('cpd', d);
    }
  });
}

/** The distance between neighbouring parallel curves at a text scale (see applyParallelCurves). */
export const parallelStep = (textScale: number): number => Math.round(2 * 10 * textScale * 1.35);

/**
 * Actor size follows the relations now shown. Only changed values are written, so a filter
 * change restyles only the actors it affects. On a very large graph it is set once, from all
 * relations, which keeps the work off every filter toggle.
 */
export function applyDegreeSizes(cy: Core, initial = false) {
  const nodes = cy.nodes();
  if (!initial && nodes.length > liveLimit) return;
  const all = initial && nodes.length > liveLimit;
  const degree = new Map<string, number>();
  cy.edges().forEach((e) => {
    if (!all && e.hasClass('hidden')) return;
    const s = e.data('source') as string;
    const t = e.data('target') as string;
    degree.set(s, (degree.get(s) ?? 0) + 1);
    degree.set(t, (degree.get(t) ?? 0) + 1);
  });
  let max = 0;
  for (const d of degree.values()) max = Math.max(max, d);
  cy.batch(() => {
    nodes.forEach((n) => {
      if (n.data('kind') === 'state') return;
      const size = sizeFor(degree.get(n.id()) ?? 0, max);
      if (n.data('size') !== size) n.data('size', size);
    });
  });
}

/** Every visible relation carries its label when few are shown; else only the emphasised ones (see stylesheet). */
export function applyRelationLabels(cy: Core, visibleRelations: number) {
  const all = visibleRelations <= labelAllLimit;
  if (cy.scratch('_labelAll') === all) return;
  cy.scratch('_labelAll', all);
  cy.batch(() => {
    if (all) cy.edges().addClass('labelled');
    else cy.edges().removeClass('labelled');
  });
}

const labelBox = (el: NodeSingular | EdgeSingular): Box =>
  el.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false } as never);
const hasBox = (b: Box) => b.x2 > b.x1 && b.y2 > b.y1;

/**
 * Which names and relation labels are drawn, sigma.js-style: in priority order (selection, search
 * hits, degree; every name before any relation label) a label is drawn only where it covers no
 * drawn label and no actor. Up to `labelAllLimit` actors every name is drawn (the first camera made
 * them readable); above, the rest appear as the camera comes closer. Runs after a change settles,
 * never inside a filter toggle.
 */
export function applyLabelPriority(cy: Core) {
  const nodes = cy.nodes(':visible');
  if (nodes.length > liveLimit) return;
  const everyName = nodes.filter((n) => n.isChildless()).length <= labelAllLimit;
  const candidates: LabelCandidate[] = [];
  nodes.forEach((n) => {
    const b = labelBox(n);
    if (!hasBox(b)) return;
    const chosen = n.hasClass('chosen') ? 3e9 : n.hasClass('match') ? 2e9 : 0;
    // States are context, not the story: their names yield to their members'.
    const priority = everyName || n.isParent() ? 1e9 + n.degree(false) : chosen + 1e6 + n.degree(false);
    candidates.push({ id: n.id(), priority, box: b, always: everyName || n.isParent() });
  });
  const shiftsOf = new Map<string, { x: number; y: number }[]>();
  const edges = cy.edges(':visible').filter((e) => e.hasClass('labelled') || e.hasClass('emphasis'));
  edges.forEach((e) => {
    const b = labelBox(e);
    if (!hasBox(b)) return;
    const from = e.renderedSourceEndpoint();
    const to = e.renderedTargetEndpoint();
    const textHeight = cy.zoom() * parseFloat(String(e.style('font-size'))) * 1.1;
    // The box as it would sit at the midpoint, without the shift a previous pass gave it.
    const z = cy.zoom();
    const mx = ((e.data('lmx') as number | undefined) ?? 0) * z;
    const my = ((e.data('lmy') as number | undefined) ?? 0) * z;
    const base = rotatedLabelBoxes({ x1: b.x1 - mx, y1: b.y1 - my, x2: b.x2 - mx, y2: b.y2 - my }, Math.atan2(to.y - from.y, to.x - from.x), textHeight);
    const length = Math.hypot(to.x - from.x, to.y - from.y);
    const ux = length > 0 ? (to.x - from.x) / length : 0;
    const uy = length > 0 ? (to.y - from.y) / length : 0;
    // Where the middle is taken (by a name, say), slide the label along its line.
    const shifts = [0, -0.14, 0.14, -0.26, 0.26, -0.38, 0.38].map((f) => f * length);
    const at = (s: number) => base.map((q) => ({ x1: q.x1 + ux * s, y1: q.y1 + uy * s, x2: q.x2 + ux * s, y2: q.y2 + uy * s }));
    shiftsOf.set(e.id(), shifts.map((s) => ({ x: (ux * s) / z, y: (uy * s) / z })));
    candidates.push({ id: e.id(), priority: (e.data('width') as number | undefined) ?? 0, box: base, alternatives: shifts.slice(1).map(at), yields: true });
  });
  const placement = new Map<string, number>();
  const kept = labelGrid(candidates, 64, placement);
  cy.batch(() => {
    nodes.forEach((n) => {
      const off = !(everyName || n.isParent() || kept.has(n.id()));
      if (off !== n.hasClass('label-off')) n.toggleClass('label-off', off);
    });
    edges.forEach((e) => {
      const off = !kept.has(e.id()) && !e.hasClass('emphasis');
      if (off !== e.hasClass('label-off')) e.toggleClass('label-off', off);
      const shift = shiftsOf.get(e.id())?.[placement.get(e.id()) ?? 0] ?? { x: 0, y: 0 };
      if (e.data('lmx') !== shift.x || e.data('lmy') !== shift.y) e.data({ lmx: shift.x, lmy: shift.y });
    });
  });
}

/** Runs `applyLabelPriority` once things settle: after a camera move or a change, debounced. */
export function watchLabelPriority(cy: Core): { request: () => void; stop: () => void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const request = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (!cy.destroyed()) applyLabelPriority(cy);
    }, 120);
  };
  cy.on('viewport', request);
  return {
    request,
    stop: () => {
      clearTimeout(timer);
      cy.off('viewport', request);
    },
  };
}

/**
 * One pass of the first camera: frame what is shown, and return the text scale its names need at
 * that zoom, or null when `scale` already serves (a restyle and a refit saved).
 */
export function readableScalePass(cy: Core, padding: number, scale: number): number | null {
  cy.fit(cy.elements(':visible'), padding);
  const next = textScaleFor(cy.zoom(), minNamePx(cy.width()));
  return Math.abs(next - scale) < 0.02 ? null : next;
}

/**
 * The first camera: fit the graph, then enlarge the text until names read at the screen's
 * minimum (12 px, 11 on a phone). Larger text makes state boxes larger, so fit and measure again;
 * if the cap on text size is not enough, zoom in on the centre until it is ("Fit all" shows all).
 * `restyle` applies a text scale. Returns the scale chosen.
 */
export function readableFirstCamera(cy: Core, padding: number, restyle: (textScale: number) => void, drawnScale = 1): number {
  const width = cy.width();
  if (!(width > 0)) return drawnScale;
  // The scale the instance was styled with: a right guess saves a restyle and a fit per pass.
  let scale = drawnScale;
  for (let pass = 0; pass < 3; pass++) {
    const next = readableScalePass(cy, padding, scale);
    if (next === null) break;
    scale = next;
    restyle(scale);
  }
  cy.fit(cy.elements(':visible'), padding);
  const needed = (minNamePx(width) / (12 * scale)) * 1.005;
  if (cy.zoom() < needed) cy.zoom({ level: needed, renderedPosition: { x: width / 2, y: cy.height() / 2 } });
  return scale;
}
