import type { Collection, CollectionArgument, Core, ElementDefinition, NodeSingular, Position, SingularElementArgument } from 'cytoscape';
import type { Visible } from '../view/visible.ts';
import { parallelOffsets, sizeFor } from './legibility.ts';
import { labelAllLimit, parallelStep } from './legible-cy.ts';
import { applyVisible } from './patches.ts';

// Drawing a large graph a slice at a time (issue #17). Cytoscape styles an element lazily, the
// first time anything reads its style, and bounds it the first time anything measures it: for a
// graph of 20,000 actors the first fit and the first frame did both for every element in one task
// (1.8 s at load, 1.2 s when "Show actors without visible relations" un-hid them all). Here each
// slice is added (or un-hidden) in its own batch and styled at once; then the state boxes are
// sized and every changed element measured, again in slices, so the first fit and frame find
// style and bounds cached; between slices the page yields, so input and the page's indicators keep moving (the canvas keeps
// its last frame until the change is whole: see heldInSlices).

/** Below this many elements (or changed elements) everything happens in one task, as before. */
export const chunkAbove = 2000;
/** Each task stops taking slices once it has worked this long. */
const taskBudgetMs = 40;
/** Elements per batch: small enough that one slice never overruns the budget by much. */
const sliceSize = 250;
/** applyDegreeSizes' rule (legible-cy.ts): above this many nodes sizes follow every relation. */
const allRelationsAbove = 1000;

/** How much one task takes: items per slice, and slices until this many milliseconds have passed. */
export interface SliceSize {
  slice: number;
  budgetMs: number;
}

/** Lets the browser run input, rendering and other tasks; unlike setTimeout, never clamped to 4 ms. */
export function yieldToBrowser(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Runs `work` over `items` a slice at a time, yielding between tasks. Resolves true when done,
 * false as soon as `cancelled` says so (checked after every yield: nothing is applied after it).
 */
export async function inSlices<T>(
  items: readonly T[],
  work: (slice: T[]) => void,
  cancelled: () => boolean,
  progress?: (done: number) => void,
  size: SliceSize = { slice: sliceSize, budgetMs: taskBudgetMs },
): Promise<boolean> {
  let i = 0;
  while (i < items.length) {
    const started = performance.now();
    do {
      const slice = items.slice(i, i + size.slice);
      i += slice.length;
      work(slice);
    } while (i < items.length && performance.now() - started < size.budgetMs);
    if (i < items.length) {
      progress?.(i);
      await yieldToBrowser();
      if (cancelled()) return false;
    }
  }
  return true;
}

/** A method of Cytoscape's elements, as its prototype holds it. */
type ElementMethod = (this: Collection, ...args: unknown[]) => unknown;

/**
 * Runs `work` with methods of Cytoscape's shared element prototype replaced (each replacement is
 * made from the original) and puts the originals back however `work` ends: nothing else runs
 * meanwhile. Not public API, so a method the prototype lacks is left alone. Returns the originals.
 */
function withElementMethods(sample: SingularElementArgument, replace: Record<string, (original: ElementMethod) => ElementMethod>, work: () => void) {
  const proto = Object.getPrototypeOf(sample) as Record<string, unknown>;
  const originals = new Map<string, ElementMethod>();
  for (const [name, make] of Object.entries(replace)) {
    const original = proto[name];
    if (typeof original !== 'function') continue;
    originals.set(name, original as ElementMethod);
    proto[name] = make(original as ElementMethod);
  }
  try {
    work();
  } finally {
    for (const [name, original] of originals) proto[name] = original;
  }
  return originals;
}

/** What a style application throws away as stale: derived style, bounds, state box sizes. */
const staleMarks = ['dirtyStyleCache', 'dirtyBoundingBoxCache', 'dirtyCompoundBoundsCache'] as const;

/**
 * Styles the elements now, so no later fit or frame has to (a cached read is cheap; an element
 * whose style is not stale costs nothing here).
 *
 * For every property a style application changes, Cytoscape throws away the element's derived
 * caches (visible, takes up space...) with those of its state boxes, their members and all their
 * relations, building five collections to find them when the graph has state boxes, and
 * announces new bounds for it and its boxes: 300 of the 400 ms it took to style 1,000 elements
 * went there. Nothing reads any of it while elements are styled, so here the elements are only
 * noted, and each is marked stale once at the end: the same marks and announcements, once per
 * element instead of once per property.
 */
export function styleNow(eles: readonly SingularElementArgument[]) {
  const first = eles[0];
  if (!first) return;
  const noted = new Map<string, Set<SingularElementArgument>>(staleMarks.map((name) => [name, new Set()]));
  const noting = Object.fromEntries(
    [...noted].map(([name, stale]) => [
      name,
      () =>
        function (this: Collection) {
          this.forEach((el) => {
            stale.add(el);
          });
          return this;
        },
    ]),
  );
  const originals = withElementMethods(first, noting, () => {
    for (const el of eles) el.numericStyle('width');
  });
  for (const [name, original] of originals) {
    const stale = noted.get(name)!;
    if (stale.size > 0) original.call(first.cy().collection([...stale] as unknown as CollectionArgument));
  }
}

/**
 * Measures the elements: bounds, and whether drawn. Measuring an element the first time also
 * announces that its bounds changed, and the renderer then marks where its line and label go as
 * stale, though it has just worked them out from the same state: every relation was worked out
 * twice, the second time in the flush after its own measurement (16,000 times for 8,000
 * relations). Measuring changes nothing, so that announcement is dropped, for the element being
 * measured only.
 */
export function measure(eles: readonly SingularElementArgument[]) {
  const first = eles[0];
  if (!first) return;
  let measuring: SingularElementArgument | null = null;
  withElementMethods(
    first,
    {
      emitAndNotify: (original) =>
        function (this: Collection, event: unknown, ...rest: unknown[]) {
          if (event === 'bounds' && this.length === 1 && this[0] === measuring) return this;
          return original.call(this, event, ...rest);
        },
    },
    () => {
      for (const el of eles) {
        measuring = el;
        el.boundingBox();
        el.visible();
      }
    },
  );
}

/** State boxes, innermost first: a box is sized around members already sized. */
function statesInnermostFirst(cy: Core): NodeSingular[] {
  const depth = (n: NodeSingular) => n.parents().length;
  return (cy.nodes(':parent').toArray() as NodeSingular[]).sort((a, b) => depth(b) - depth(a));
}

/**
 * Sizes state boxes around their members. Cytoscape leaves them unsized while batching unless
 * forced, and an actor or relation measured beside an unsized state box is remembered as not
 * drawn (its cached visibility outlives the batch).
 */
function sizeStates(states: readonly NodeSingular[]) {
  for (const state of states) (state as unknown as { updateCompoundBounds(force: boolean): void }).updateCompoundBounds(true);
}

/**
 * Cytoscape's renderer, not public API (hence every call optional: without it the first frame
 * does the work, as before). Two of its caches matter here. Every element an event touched waits
 * in a queue that the next frame re-measures, with every relation of a queued actor — and
 * measuring an element is such an event, so warmed bounds alone left 25,000 elements queued for
 * the first frame of 5,000 actors. And the drawing order is sorted on the first frame.
 */
function rendererOf(cy: Core) {
  return (cy as unknown as { renderer(): Renderer | null | undefined }).renderer();
}

interface Renderer {
  flushRenderedStyleQueue?: () => void;
  getCachedZSortedEles?: () => unknown;
  getPixelRatio?: () => number;
  data?: { eleTxrCache?: ImageCache; lblTxrCache?: ImageCache; lyrTxrCache?: LayerCache };
}

/** Cytoscape's images of whole layers of the graph, one set per zoom level (see layersInSlices). */
interface LayerCache {
  firstGet?: boolean;
  skipping?: boolean;
  getLayers?: (eles: unknown, pixelRatio: number) => unknown;
  dequeue?: (pixelRatio: number) => unknown[];
  layersQueue?: { size(): number };
}

/**
 * Cytoscape keeps, beside one image per element, images of whole layers of the graph. Every frame
 * after the first builds them a little at a time in frames that have time to spare, and draws the
 * elements themselves until they are complete; the first frame that draws builds them all at once,
 * in its own task. For 12,500 actors and 12,500 relations that frame was the load's longest task,
 * 853-862 ms, most of it in the layers; with them left for later, 523-545 ms. Marked done on the
 * empty instance, before anything is drawn. Not public API: a renderer without the flag is left as it is.
 */
export function layersLater(cy: Core) {
  const layers = rendererOf(cy)?.data?.lyrTxrCache;
  if (layers && typeof layers.firstGet === 'boolean') layers.firstGet = false;
}

/**
 * Draws the layer images for the camera's zoom level a few elements per task, drawing held by the
 * caller, so the next frame copies them instead of drawing every element. Left to Cytoscape, they
 * are built a little in each idle frame once a large graph is drawn; but each time frames paused
 * for 50 ms (a click, a collection) it drew a frame meanwhile, every element one by one since the
 * layers were not whole: 450-700 ms a frame at 5,000 actors, for seconds after the graph appeared
 * or moved. Resolves false if cancelled. Not public API: without it the renderer builds them as before.
 */
export async function layersInSlices(cy: Core, cancelled: () => boolean, size: SliceSize = { slice: 500, budgetMs: taskBudgetMs }): Promise<boolean> {
  const renderer = rendererOf(cy);
  const layers = renderer?.data?.lyrTxrCache;
  const pixelRatio = renderer?.getPixelRatio?.();
  const queue = layers?.layersQueue;
  if (!renderer?.flushRenderedStyleQueue || !layers?.getLayers || !layers.dequeue || !queue || pixelRatio === undefined) return true;
  // Whatever changed since the last measuring marks its layers stale now, not in the frame after.
  renderer.flushRenderedStyleQueue();
  const drawn = (renderer.getCachedZSortedEles?.() as { nondrag?: unknown } | undefined)?.nondrag;
  if (!drawn) return true;
  // Cytoscape skips building layers while elements keep changing; here they have stopped.
  layers.skipping = false;
  layers.getLayers(drawn, pixelRatio);
  while (queue.size() > 0) {
    const started = performance.now();
    do {
      for (let i = 0; i < size.slice && queue.size() > 0; i++) layers.dequeue(pixelRatio);
    } while (queue.size() > 0 && performance.now() - started < size.budgetMs);
    if (queue.size() === 0) break;
    await yieldToBrowser();
    if (cancelled() || cy.destroyed()) return false;
  }
  return true;
}

/** One of the renderer's caches of element images, one image per element and zoom level. */
interface ImageCache {
  getElement?: (ele: SingularElementArgument, box: unknown, pixelRatio: number, level: undefined, reason: unknown) => unknown;
  getBoundingBox?: (ele: SingularElementArgument) => unknown;
  reasons?: { highQuality?: unknown };
}

/**
 * Draws the actors' images (shape, then name) at the camera's zoom level into the renderer's caches,
 * so the frame only copies them onto the canvas. A frame that had to draw each image first, then
 * copy it, took 2.8 s at 5,000 actors against 0.6-0.9 s with them drawn here beforehand.
 */
function drawImages(cy: Core, actors: readonly NodeSingular[]) {
  const renderer = rendererOf(cy);
  const pixelRatio = renderer?.getPixelRatio?.();
  if (!renderer?.data || pixelRatio === undefined) return;
  for (const cache of [renderer.data.eleTxrCache, renderer.data.lblTxrCache]) {
    if (!cache?.getElement || !cache.getBoundingBox) continue;
    for (const actor of actors) if (actor.visible()) cache.getElement(actor, cache.getBoundingBox(actor), pixelRatio, undefined, cache.reasons?.highQuality);
  }
}

/**
 * Measures the elements (bounds, labels, whether drawn) and empties the renderer's queue after
 * each slice, so it never holds more than one slice; state boxes must be sized first (see
 * sizeStates). For a first drawing (`sort`), then sorts the drawing order in a task of its own, so
 * the first frame only draws; a filter change is followed by emphasis and sizes, which sort again.
 */
async function measureInSlices(
  cy: Core,
  eles: readonly SingularElementArgument[],
  cancelled: () => boolean,
  sort: boolean,
  size?: SliceSize,
) {
  const measured = await inSlices(
    // A hidden element is neither measured nor drawn (a focus hides thousands at once).
    eles.filter((el) => !(el.isNode() && el.isParent()) && !el.hasClass('hidden')),
    (slice) => {
      measure(slice);
      rendererOf(cy)?.flushRenderedStyleQueue?.();
    },
    cancelled,
    undefined,
    size,
  );
  if (!measured || !sort) return measured;
  await yieldToBrowser();
  if (cancelled()) return false;
  rendererOf(cy)?.getCachedZSortedEles?.();
  await yieldToBrowser();
  return !cancelled();
}

/** warmInSlices inside a batch that holds drawing; the batch ends with it unless cancelled. */
export async function warmHeld(cy: Core, cancelled: () => boolean, size?: SliceSize): Promise<boolean> {
  cy.startBatch();
  if (!(await warmInSlices(cy, cancelled, size))) return false;
  cy.endBatch();
  return true;
}

/** Every visible actor's image drawn into the renderer's caches (drawImages), a slice per task. */
export function imagesInSlices(cy: Core, cancelled: () => boolean, size?: SliceSize): Promise<boolean> {
  const actors = cy.nodes().filter((n) => n.isChildless()).toArray() as NodeSingular[];
  return inSlices(actors, (slice) => drawImages(cy, slice), () => cancelled() || cy.destroyed(), undefined, size);
}

/**
 * A graph's first frame in slices: every element styled, every state box sized, every element
 * measured, with drawing held (a batch) by the caller throughout. By default the slices are short
 * enough for a slow phone (a long task is 50 ms, and Lighthouse counts four times what it sees);
 * the controller gives graphs of over 400 elements longer ones. Resolves false if cancelled.
 */
export async function warmInSlices(cy: Core, cancelled: () => boolean, short = { slice: 4, budgetMs: 10 }): Promise<boolean> {
  const all = cy.elements().toArray();
  if (!(await inSlices(all, styleNow, cancelled, undefined, short))) return false;
  await yieldToBrowser();
  if (cancelled()) return false;
  sizeStates(statesInnermostFirst(cy));
  return measureInSlices(cy, all, cancelled, true, short);
}

/**
 * The element definitions as the first drawing will leave them, in an order Cytoscape accepts one
 * slice at a time (a parent before its members, every node before any relation): positions, the
 * `hidden` and `labelled` classes, actor sizes and parallel curves — the state the controller's
 * first batch (applyVisible, applyDegreeSizes, applyRelationLabels, applyParallelCurves) would
 * otherwise change after the fact, which made every element's cached style and bounds stale again
 * (the first frame of 5,000 actors re-measured them all, in one task).
 */
export function prepareElements(
  elements: readonly ElementDefinition[],
  positions: ReadonlyMap<string, Position>,
  visible: Pick<Visible, 'actorIds' | 'relationIds'>,
  textScale = 1,
): ElementDefinition[] {
  const nodes = elements.filter((e) => e.group === 'nodes');
  const edges = elements.filter((e) => e.group !== 'nodes');
  const parentOf = new Map<string, string>();
  for (const n of nodes) if (n.data.parent) parentOf.set(n.data.id!, n.data.parent);
  const depthOf = (id: string) => {
    let depth = 0;
    // Bounded by the number of nodes, so a malformed cycle cannot loop forever.
    for (let at = parentOf.get(id); at !== undefined && depth <= nodes.length; at = parentOf.get(at)) depth += 1;
    return depth;
  };
  const depth = new Map(nodes.map((n) => [n.data.id!, depthOf(n.data.id!)]));
  const ordered = [...nodes].sort((a, b) => depth.get(a.data.id!)! - depth.get(b.data.id!)!);

  const everyRelation = nodes.length > allRelationsAbove;
  const degree = new Map<string, number>();
  for (const e of edges) {
    if (!everyRelation && !visible.relationIds.has(e.data.id!)) continue;
    for (const end of [e.data.source!, e.data.target!]) degree.set(end, (degree.get(end) ?? 0) + 1);
  }
  let max = 0;
  for (const d of degree.values()) max = Math.max(max, d);
  const labelled = visible.relationIds.size <= labelAllLimit;
  const curves = parallelOffsets(
    edges.map((e) => ({ id: e.data.id!, source: e.data.source!, target: e.data.target! })),
    parallelStep(textScale),
  );

  const out: ElementDefinition[] = [];
  for (const n of ordered) {
    const id = n.data.id!;
    const data = n.data.kind === 'state' ? n.data : { ...n.data, size: sizeFor(degree.get(id) ?? 0, max) };
    // A copy: Cytoscape keeps the object it is given and moves it with the actor, and these
    // positions are also a layout's cached result, which must still say where that layout puts it.
    out.push({ ...n, data, position: { ...(positions.get(id) ?? { x: 0, y: 0 }) }, classes: visible.actorIds.has(id) ? [] : ['hidden'] });
  }
  for (const e of edges) {
    const classes = visible.relationIds.has(e.data.id!) ? [] : ['hidden'];
    if (labelled) classes.push('labelled');
    const cpd = curves.get(e.data.id!);
    out.push({ ...e, data: cpd === undefined ? e.data : { ...e.data, cpd }, classes });
  }
  return out;
}

/**
 * Changes the instance a slice at a time, holding it in a batch between slices. Cytoscape draws
 * no frame while batching, and a frame of a half-done graph costs as much as a whole one (every
 * element z-sorted and drawn): frames between slices made a 5,000-actor load take 75 s instead of
 * 7. Each slice leaves the hold for its change, so the change applies (marks styles stale) to that
 * slice alone, and is styled back in the hold, where Cytoscape also skips re-fitting every state
 * box around its members. Then the boxes are sized, one per step, and every changed element
 * measured (measureInSlices): the first frame draws the finished graph and does nothing else.
 */
async function heldInSlices<T>(
  cy: Core,
  items: readonly T[],
  change: (slice: T[]) => Collection,
  cancelled: () => boolean,
  progress: ((done: number) => void) | undefined,
  sort: boolean,
): Promise<boolean> {
  const stop = () => cancelled() || cy.destroyed();
  const changed: SingularElementArgument[] = [];
  cy.startBatch();
  try {
    const done = await inSlices(
      items,
      (slice) => {
        cy.endBatch();
        let eles: Collection;
        try {
          eles = change(slice);
        } finally {
          cy.startBatch();
        }
        const list = eles.toArray();
        styleNow(list);
        changed.push(...list);
      },
      stop,
      progress,
    );
    // One box per step: a box's size is computed from all its members, unlike anything cached.
    if (!done || !(await inSlices(statesInnermostFirst(cy), sizeStates, stop, undefined, { slice: 1, budgetMs: taskBudgetMs }))) return false;
    return await measureInSlices(cy, changed, stop, sort);
  } finally {
    if (!cy.destroyed()) cy.endBatch();
  }
}

/** Adds the definitions (in prepareElements' order) to `cy` a slice at a time (see heldInSlices). */
export function addInSlices(
  cy: Core,
  definitions: readonly ElementDefinition[],
  cancelled: () => boolean,
  progress?: (done: number) => void,
): Promise<boolean> {
  return heldInSlices(
    cy,
    definitions,
    (slice) => {
      let added: Collection = cy.collection();
      cy.batch(() => {
        added = cy.add(slice);
      });
      return added;
    },
    cancelled,
    progress,
    true,
  );
}

/**
 * Shows and hides the changed elements a slice at a time (see visibilityChanges), each slice
 * styled and bounded in its own task. The caller then applies the rest of a filter patch.
 */
export function patchVisibleInSlices(
  cy: Core,
  changed: readonly SingularElementArgument[],
  visible: Pick<Visible, 'actorIds' | 'relationIds'>,
  cancelled: () => boolean,
  progress?: (done: number) => void,
): Promise<boolean> {
  return heldInSlices(
    cy,
    changed,
    (slice) => {
      // An array of elements is a valid collection at run time; the typings only know definitions.
      const eles = cy.collection(slice as unknown as CollectionArgument);
      applyVisible(cy, visible, slice);
      return eles;
    },
    cancelled,
    progress,
    false,
  );
}

/**
 * Moves a large graph's actors to a layout's positions a slice at a time, drawing held, so that
 * the frame after it only draws. At once, the move was one task (0.4 s at 5,000 actors) and the
 * next frame another (3.5-3.9 s): it re-measured every moved element, and the fit after a force
 * layout took the camera to another zoom level of Cytoscape's image caches, so the frame drew every
 * actor's image anew. Here the actors move, the state boxes are sized, `frame` sets the camera
 * (before measuring: a camera that brings names into view restyles), every element is measured and
 * every actor's image drawn, each in slices. Resolves false if cancelled (the hold ends either way).
 */
export async function moveInSlices(
  cy: Core,
  positionOf: (actor: NodeSingular) => Position,
  frame: () => void,
  cancelled: () => boolean,
): Promise<boolean> {
  const stop = () => cancelled() || cy.destroyed();
  const actors = cy.nodes().filter((n) => n.isChildless()).toArray() as NodeSingular[];
  cy.startBatch();
  try {
    const moved = await inSlices(
      actors,
      (slice) => {
        for (const actor of slice) actor.position(positionOf(actor));
      },
      stop,
    );
    if (!moved || stop() || !(await inSlices(statesInnermostFirst(cy), sizeStates, stop, undefined, { slice: 1, budgetMs: taskBudgetMs }))) return false;
    // A newer move sets its own camera; this one's would be a jump for nothing.
    if (stop()) return false;
    frame();
    if (!(await measureInSlices(cy, cy.elements().toArray(), stop, false))) return false;
    return await imagesInSlices(cy, stop);
  } finally {
    if (!cy.destroyed()) cy.endBatch();
  }
}
