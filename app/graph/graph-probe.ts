import type cytoscape from 'cytoscape';
import type { Core } from 'cytoscape';
import type { GraphController } from './controller.ts';
import { rotatedLabelBoxes } from './legibility.ts';

/** A box in screen pixels (relative to the canvas). */
export interface ScreenBox {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface DrawnGraph {
  nodes: {
    id: string;
    parent: string | null;
    label: string;
    x: number;
    y: number;
    visible: boolean;
    classes: string[];
    /** Zoom × font size: how tall the name is drawn on screen, in CSS pixels. */
    renderedFontSize: number;
    /** Whether the name is drawn now (the label grid may hold it back until the camera comes closer). */
    labelShown: boolean;
    labelBox: ScreenBox | null;
    /** The shape's width on screen, without its label. */
    renderedWidth: number;
    /** Relations drawn to or from this actor. */
    visibleDegree: number;
    opacity: number;
  }[];
  edges: {
    id: string;
    source: string;
    target: string;
    visible: boolean;
    classes: string[];
    /** The curve's midpoint on screen. */
    midpoint: { x: number; y: number };
    /** The text drawn along the relation, or null when none is drawn. */
    label: string | null;
    labelBox: ScreenBox | null;
    /** The label's text turned along the line, as a chain of squares (its axis-aligned box is far larger). */
    labelBoxes: ScreenBox[];
    renderedWidth: number;
    opacity: number;
  }[];
  zoom: number;
  pan: { x: number; y: number };
  /** Serial number of the Cytoscape instance: a filter change must not create a new one. */
  instance: number;
  /** Layout runs on this instance: filters must not trigger one. */
  layoutRuns: number;
  /** Large-graph mode as drawn: straight haystack edges, no arrowheads. */
  largeGraphMode: boolean;
  /**
   * Whether the next frame copies Cytoscape's layer images for this zoom level, all of them
   * complete, rather than drawing element by element (null: this renderer has no such cache).
   */
  layersWhole: boolean | null;
}

declare global {
  interface Window {
    /** Read-only view of what the canvas draws, for automation and end-to-end tests. */
    stancegraphProbe?: () => DrawnGraph;
    /** Cytoscape instances still in memory (after a garbage collection, only the live one). */
    stancegraphLiveInstances?: () => number;
    /**
     * Elements on the canvas, hidden or not: what a wait for "drawn" polls. The full probe reads
     * every element's style and boxes, 0.4 s at 20,000 actors, a long task of the test's own.
     */
    stancegraphCounts?: () => { nodes: number; edges: number };
    /** For the benchmark only: turns Cytoscape's viewport shortcuts on or off, to compare frame rates. */
    stancegraphViewportShortcuts?: (on: boolean) => void;
  }
}

// Weak, so this registry can tell whether destroyed instances were really released without
// keeping them alive itself. Its length numbers the instances.
const created: WeakRef<Core>[] = [];

const labelOnly = { includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false } as never;
const box = (el: cytoscape.SingularElementArgument): ScreenBox | null => {
  const b = el.renderedBoundingBox(labelOnly);
  return b.w > 0 && b.h > 0 ? { x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 } : null;
};
const turned = (cy: Core, e: cytoscape.EdgeSingular): ScreenBox[] => {
  const b = box(e);
  if (b === null || !e.visible()) return [];
  // A label the label grid set level (legible-cy.ts) is its own box.
  if (String(e.style('text-rotation')) !== 'autorotate') return [b];
  const from = e.renderedSourceEndpoint();
  const to = e.renderedTargetEndpoint();
  return rotatedLabelBoxes(b, Math.atan2(to.y - from.y, to.x - from.x), cy.zoom() * parseFloat(String(e.style('font-size'))) * 1.1);
};
const shows = (el: cytoscape.SingularElementArgument) =>
  el.visible() && String(el.style('label') ?? '') !== '' && Number(el.style('text-opacity')) > 0 && el.effectiveOpacity() > 0;

/** Asks Cytoscape's layer cache, not public API, at the level its next frame would use. */
function layersWhole(cy: Core): boolean | null {
  const renderer = (cy as unknown as { renderer(): LayerRenderer | null }).renderer();
  const cache = renderer?.data?.lyrTxrCache;
  const drawn = renderer?.getCachedZSortedEles?.().nondrag;
  if (!cache?.levelIsComplete || !drawn || !renderer?.getPixelRatio) return null;
  // The level Cytoscape picks: the power of two nearest above the zoom times the pixel ratio, from 1/16 up.
  const level = Math.max(-4, Math.ceil(Math.log2(cy.zoom() * renderer.getPixelRatio())));
  return cache.levelIsComplete(level, drawn);
}

interface LayerRenderer {
  getPixelRatio?: () => number;
  getCachedZSortedEles?: () => { nondrag: unknown[] };
  data?: { lyrTxrCache?: { levelIsComplete?: (level: number, eles: unknown[]) => boolean } };
}

function read(controller: GraphController, cy: Core): DrawnGraph {
  return {
    nodes: cy.nodes().map((n) => ({
      id: n.id(),
      parent: (n.data('parent') as string | undefined) ?? null,
      label: String(n.data('label') ?? ''),
      x: n.position().x,
      y: n.position().y,
      visible: n.visible(),
      classes: n.classes(),
      renderedFontSize: cy.zoom() * parseFloat(String(n.style('font-size'))),
      labelShown: shows(n),
      labelBox: box(n),
      renderedWidth: n.renderedOuterWidth(),
      visibleDegree: n.connectedEdges(':visible').length,
      opacity: n.effectiveOpacity(),
    })),
    edges: cy.edges().map((e) => ({
      id: e.id(),
      source: e.source().id(),
      target: e.target().id(),
      visible: e.visible(),
      classes: e.classes(),
      midpoint: e.visible() ? { ...e.renderedMidpoint() } : { x: NaN, y: NaN },
      label: shows(e) ? String(e.style('label')) : null,
      labelBox: box(e),
      labelBoxes: turned(cy, e),
      renderedWidth: cy.zoom() * parseFloat(String(e.style('width'))),
      opacity: e.effectiveOpacity(),
    })),
    zoom: cy.zoom(),
    pan: { ...cy.pan() },
    instance: created.findIndex((ref) => ref.deref() === cy) + 1,
    layoutRuns: controller.layoutRuns,
    largeGraphMode: controller.drawMode.fast && cy.edges().every((e) => e.style('curve-style') === 'haystack'),
    layersWhole: layersWhole(cy),
  };
}

/**
 * Puts a read-only view of the controller's drawing on `window`, for the end-to-end tests and the
 * benchmark. It exists only in builds made with `--mode e2e`: in a production build this is the
 * constant `null`, so the bundler drops the code and both window names, which
 * e2e/production-bundle.spec.ts checks.
 */
function expose(controller: GraphController): () => void {
  let probe: (() => DrawnGraph) | undefined;
  let counts: (() => { nodes: number; edges: number }) | undefined;
  let shortcuts: ((on: boolean) => void) | undefined;
  let gone = false;
  window.stancegraphLiveInstances = () => created.filter((ref) => ref.deref() !== undefined).length;
  // Exposed once there is a drawing, as before the controller existed: "probe present" means "drawn".
  // The closures read the controller's instance at call time, so none of them keeps a destroyed one alive.
  void controller.built.then(() => {
    const built = controller.instance;
    if (built) created.push(new WeakRef(built));
    if (gone) return;
    probe = () => {
      const cy = controller.instance;
      if (!cy) throw new Error('graph probe: the graph was destroyed');
      return read(controller, cy);
    };
    counts = () => {
      const cy = controller.instance;
      return cy ? { nodes: cy.nodes().length, edges: cy.edges().length } : { nodes: 0, edges: 0 };
    };
    shortcuts = (on) => {
      const cy = controller.instance;
      if (!cy) return;
      const renderer = (cy as unknown as { renderer(): { hideEdgesOnViewport: boolean; hideLabelsOnViewport: boolean } }).renderer();
      renderer.hideEdgesOnViewport = on;
      renderer.hideLabelsOnViewport = on;
    };
    window.stancegraphProbe = probe;
    window.stancegraphCounts = counts;
    window.stancegraphViewportShortcuts = shortcuts;
  });
  return () => {
    gone = true;
    if (probe && window.stancegraphProbe === probe) delete window.stancegraphProbe;
    if (counts && window.stancegraphCounts === counts) delete window.stancegraphCounts;
    if (shortcuts && window.stancegraphViewportShortcuts === shortcuts) delete window.stancegraphViewportShortcuts;
  };
}

export const exposeGraphProbe: ((controller: GraphController) => () => void) | null = import.meta.env.MODE === 'e2e' ? expose : null;
