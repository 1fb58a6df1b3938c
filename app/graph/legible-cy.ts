import type { BoundingBox12, Collection, Core, EdgeSingular, NodeSingular, Position } from 'cytoscape';
import { closeUpCentre, labelGrid, minNamePx, parallelOffsets, rotatedLabelBoxes, sizeFor, textScaleFor, type Box, type LabelCandidate } from './legibility.ts';

// The Cytoscape side of legibility.ts: each function takes the instance and applies one rule, so
// the graph controller can call it wherever its life cycle needs it.

/** Relations drawn with a label on every line at most this many; above it, the hovered or selected actor's. */
export const labelAllLimit = 40;
/** Above this many actors, sizes follow all relations (set once) and the label grid stops running. */
const liveLimit = 1000;
/**
 * Parallel relations fan out as curves far enough apart for their labels: neighbouring midpoints
 * (half the control-point distance) 1.5 relation-label heights apart. A label turned along its
 * line takes up to √2 of its height across (at 45°, see `rotatedLabelBoxes`), so at 1.35 heights
 * the labels of a bundle touched each other. Set per text scale.
 */
export const parallelStep = (textScale: number) => Math.round(2 * 10 * 1.1 * textScale * 1.5);

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
    // With every name drawn, an actor's shape is an obstacle too: a relation label across it
    // reads as two words with a symbol between them. (Above that, names come and go by priority,
    // and shapes would hold them back.)
    if (everyName && n.isChildless()) {
      const shape = n.renderedBoundingBox({ includeLabels: false, includeOverlays: false } as never);
      // Its middle half: a label may graze the rim (the phone has no room to spare), not cross it.
      const dx = (shape.x2 - shape.x1) / 4;
      const dy = (shape.y2 - shape.y1) / 4;
      if (hasBox(shape)) candidates.push({ id: `${n.id()}\u0000shape`, priority, box: { x1: shape.x1 + dx, y1: shape.y1 + dy, x2: shape.x2 - dx, y2: shape.y2 - dy }, always: true });
    }
  });
  const placesOf = new Map<string, Place[]>();
  const edges = cy.edges(':visible').filter((e) => e.hasClass('labelled') || e.hasClass('emphasis'));
  const z = cy.zoom();
  edges.forEach((e) => {
    const b = labelBox(e);
    if (!hasBox(b)) return;
    const from = e.renderedSourceEndpoint();
    const to = e.renderedTargetEndpoint();
    const textHeight = z * parseFloat(String(e.style('font-size'))) * 1.1;
    // The box as it would sit at the midpoint, without the shift a previous pass gave it.
    const mx = ((e.data('lmx') as number | undefined) ?? 0) * z;
    const my = ((e.data('lmy') as number | undefined) ?? 0) * z;
    const mid = { x1: b.x1 - mx, y1: b.y1 - my, x2: b.x2 - mx, y2: b.y2 - my };
    const angle = Math.atan2(to.y - from.y, to.x - from.x);
    // A label a previous pass set level has a level box: turn it back along the line first.
    const level = e.hasClass('label-level');
    const along0 = level ? levelToAlong(mid, angle, textHeight) : mid;
    const base = rotatedLabelBoxes(along0, angle, textHeight);
    const length = Math.hypot(to.x - from.x, to.y - from.y);
    const ux = length > 0 ? (to.x - from.x) / length : 0;
    const uy = length > 0 ? (to.y - from.y) / length : 0;
    // Where the middle is taken (by a name or another label), slide the label along its line. A
    // relation with no parallel may also sit just beside its line, or level across it (a short
    // relation between two boxes has no room for its words along it); in a bundle, beside its
    // line is on the next one, which would misname it.
    const along = [0, -0.07, 0.07, -0.14, 0.14, -0.2, 0.2, -0.26, 0.26, -0.32, 0.32, -0.38, 0.38, -0.44, 0.44].map((f) => f * length);
    const single = e.data('cpd') === undefined;
    const across = single ? [0, 1.1 * textHeight, -1.1 * textHeight] : [0];
    const places: Place[] = across.flatMap((a) => along.map((s) => ({ x: ux * s - uy * a, y: uy * s + ux * a, level: false })));
    if (single)
      for (const dy of [0, -1.2 * textHeight, 1.2 * textHeight])
        places.push(...[0, -0.26, 0.26, -0.45, 0.45].map((f) => ({ x: ux * f * length, y: uy * f * length + dy, level: true })));
    const flat = alongToLevel(along0, angle, textHeight);
    const at = (p: Place) => (p.level ? [flat] : base).map((q) => ({ x1: q.x1 + p.x, y1: q.y1 + p.y, x2: q.x2 + p.x, y2: q.y2 + p.y }));
    placesOf.set(e.id(), places.map((p) => ({ x: p.x / z, y: p.y / z, level: p.level })));
    // Relation labels are obstacles too: a label drawn over another reads as neither.
    candidates.push({ id: e.id(), priority: (e.data('width') as number | undefined) ?? 0, box: base, alternatives: places.slice(1).map(at) });
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
      const place = placesOf.get(e.id())?.[placement.get(e.id()) ?? 0] ?? { x: 0, y: 0, level: false };
      if (e.data('lmx') !== place.x || e.data('lmy') !== place.y) e.data({ lmx: place.x, lmy: place.y });
      if (place.level !== e.hasClass('label-level')) e.toggleClass('label-level', place.level);
    });
  });
}

interface Place {
  x: number;
  y: number;
  /** Drawn level rather than turned along the line. */
  level: boolean;
}

/** The text's length from the box of its label turned by `angle` (see `rotatedLabelBoxes`). */
const textLength = (aabb: Box, angle: number, height: number) => {
  const c = Math.abs(Math.cos(angle));
  const s = Math.abs(Math.sin(angle));
  const w = aabb.x2 - aabb.x1;
  const h = aabb.y2 - aabb.y1;
  if (h <= height * 1.2) return w;
  return Math.max(height, c >= s ? (w - height * s) / c : (h - height * c) / s);
};

/** The box a label turned along the line would take if drawn level, same centre (a pixel of slack all round). */
function alongToLevel(aabb: Box, angle: number, height: number): Box {
  const half = textLength(aabb, angle, height) / 2 + 1;
  const cx = (aabb.x1 + aabb.x2) / 2;
  const cy = (aabb.y1 + aabb.y2) / 2;
  return { x1: cx - half, y1: cy - height / 2 - 1, x2: cx + half, y2: cy + height / 2 + 1 };
}

/** The box a level label would take turned along the line, same centre. */
function levelToAlong(aabb: Box, angle: number, height: number): Box {
  const length = aabb.x2 - aabb.x1;
  const c = Math.abs(Math.cos(angle));
  const s = Math.abs(Math.sin(angle));
  const w = length * c + height * s;
  const h = length * s + height * c;
  const cx = (aabb.x1 + aabb.x2) / 2;
  const cy = (aabb.y1 + aabb.y2) / 2;
  return { x1: cx - w / 2, y1: cy - h / 2, x2: cx + w / 2, y2: cy + h / 2 };
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
 * if the cap on text size is not enough, zoom in until it is ("Fit all" shows all): on the middle,
 * or where more actors are when its middle is nearly empty (see closeUpCentre).
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
  if (cy.zoom() < needed) closeUp(cy, cy.elements(':visible'), needed, padding);
  return scale;
}

/** Candidates for a close-up's centre are checked against every actor: a sample keeps that quick on a large graph. */
const closeUpSample = 400;

/**
 * At `zoom`, looks at the middle of `eles`, or where more actors are when the middle is nearly
 * empty (see closeUpCentre). `seen` is their bounding box, when the caller has it already.
 */
function closeUp(cy: Core, eles: Collection, zoom: number, padding: number, animate = false, seen: BoundingBox12 = eles.boundingBox({})) {
  const width = cy.width();
  const height = cy.height();
  const nodes = eles.nodes(':childless');
  const step = Math.max(1, Math.ceil(nodes.length / closeUpSample));
  const actors: Position[] = [];
  for (let i = 0; i < nodes.length; i += step) actors.push(nodes[i]!.position());
  const window = { width: Math.max(1, width - 2 * padding) / zoom, height: Math.max(1, height - 2 * padding) / zoom };
  const at = closeUpCentre(actors, { x: (seen.x1 + seen.x2) / 2, y: (seen.y1 + seen.y2) / 2 }, window);
  const pan = { x: width / 2 - at.x * zoom, y: height / 2 - at.y * zoom };
  if (animate) cy.animate({ zoom, pan, duration: 250 });
  else cy.viewport({ zoom, pan });
}

/**
 * Frames `eles`, unless they are too large to fit even at the minimum zoom: then the minimum zoom,
 * looking where the actors are. A fit clamped there looked at the middle, and a 1,500-actor circle
 * (138,000 units across) opened on its empty middle, crossing lines and no actor.
 */
export function fitOrCloseUp(cy: Core, eles: Collection, padding: number, animate = false) {
  const width = cy.width();
  const height = cy.height();
  // One bounding box serves both branches: on 25,000 elements, taking it again (as cy.fit would)
  // walks every element a second time.
  const box = eles.boundingBox({});
  if (!(width > 0 && height > 0 && box.w > 0 && box.h > 0)) return;
  const fits = Math.min((width - 2 * padding) / box.w, (height - 2 * padding) / box.h);
  if (fits < cy.minZoom()) return closeUp(cy, eles, cy.minZoom(), padding, animate, box);
  // As cy.fit: the zoom that fits, within the instance's bounds, centred on the box.
  const zoom = Math.min(cy.maxZoom(), fits);
  const pan = { x: (width - zoom * (box.x1 + box.x2)) / 2, y: (height - zoom * (box.y1 + box.y2)) / 2 };
  if (animate) cy.animate({ zoom, pan, duration: 250 });
  else cy.viewport({ zoom, pan });
}
