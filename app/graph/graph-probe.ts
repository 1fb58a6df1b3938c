import type { Core } from 'cytoscape';

export interface DrawnGraph {
  nodes: { id: string; parent: string | null; label: string; x: number; y: number; visible: boolean; classes: string[]; opacity: number }[];
  /** `opacity`: the opacity the edge is drawn with, parents included (story steps and selection fade edges). */
  edges: { id: string; source: string; target: string; visible: boolean; classes: string[]; opacity: number }[];
  zoom: number;
  pan: { x: number; y: number };
  /** Serial number of the Cytoscape instance: a filter change must not create a new one. */
  instance: number;
  /** Layout runs on this instance: filters must not trigger one. */
  layoutRuns: number;
  /** Large-graph mode as drawn: haystack edges and nothing drawn but nodes while panning. */
  largeGraphMode: boolean;
}

declare global {
  interface Window {
    /** Read-only view of what the canvas draws, for automation and end-to-end tests. */
    stancegraphProbe?: () => DrawnGraph;
    /** Cytoscape instances still in memory (after a garbage collection, only the live one). */
    stancegraphLiveInstances?: () => number;
  }
}

let instances = 0;
// Weak, so this registry can tell whether destroyed instances were really released without
// keeping them alive itself.
const created: WeakRef<Core>[] = [];

export function exposeGraphProbe(cy: Core, layoutRuns: () => number): () => void {
  const instance = ++instances;
  created.push(new WeakRef(cy));
  window.stancegraphLiveInstances = () => created.filter((ref) => ref.deref() !== undefined).length;
  const probe = (): DrawnGraph => ({
    nodes: cy.nodes().map((n) => ({
      id: n.id(),
      parent: (n.data('parent') as string | undefined) ?? null,
      label: String(n.data('label') ?? ''),
      x: n.position().x,
      y: n.position().y,
      visible: n.visible(),
      classes: n.classes(),
      opacity: n.effectiveOpacity(),
    })),
    edges: cy.edges().map((e) => ({
      id: e.id(),
      source: e.source().id(),
      target: e.target().id(),
      visible: e.visible(),
      classes: e.classes(),
      opacity: e.effectiveOpacity(),
    })),
    zoom: cy.zoom(),
    pan: { ...cy.pan() },
    instance,
    layoutRuns: layoutRuns(),
    largeGraphMode:
      (cy as unknown as { renderer(): { hideEdgesOnViewport?: boolean } | undefined }).renderer()?.hideEdgesOnViewport === true &&
      cy.edges().every((e) => e.style('curve-style') === 'haystack'),
  });
  window.stancegraphProbe = probe;
  return () => {
    if (window.stancegraphProbe === probe) delete window.stancegraphProbe;
  };
}
