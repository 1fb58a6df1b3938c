import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';
import type { GraphSnapshot, LegendItem, SnapshotEdge, SnapshotNode } from './svg-writer.ts';

/**
 * What Cytoscape has drawn, as plain data for the SVG writer: positions, sizes and computed styles
 * of the visible elements. `natives` gives native names as text (the canvas draws them as images).
 */
export function readSnapshot(
  cy: Core,
  options: {
    scope: 'full' | 'visible';
    natives: ReadonlyMap<string, string>;
    legend: { title: string; date: string; items: readonly LegendItem[] };
    background: string;
    ink: string;
  },
): GraphSnapshot {
  const num = (v: unknown, fallback = 0) => {
    const n = typeof v === 'number' ? v : parseFloat(String(v));
    return Number.isFinite(n) ? n : fallback;
  };
  const drawn = cy.elements(':visible');
  const extent = cy.extent();
  const bb = drawn.boundingBox({});
  const box = options.scope === 'full' ? { x1: bb.x1, y1: bb.y1, x2: bb.x2, y2: bb.y2 } : { x1: extent.x1, y1: extent.y1, x2: extent.x2, y2: extent.y2 };
  const inBox = (b: { x1: number; y1: number; x2: number; y2: number }) => b.x2 >= box.x1 && b.x1 <= box.x2 && b.y2 >= box.y1 && b.y1 <= box.y2;

  const nodes: SnapshotNode[] = drawn
    .nodes()
    .filter((n: NodeSingular) => options.scope === 'full' || inBox(n.boundingBox({})))
    .map((n: NodeSingular) => {
      const pos = n.position();
      const compound = n.isParent();
      const b = n.boundingBox({ includeLabels: false, includeOverlays: false });
      return {
        id: n.id(),
        x: compound ? (b.x1 + b.x2) / 2 : pos.x,
        y: compound ? (b.y1 + b.y2) / 2 : pos.y,
        width: compound ? b.w : n.width(),
        height: compound ? b.h : n.height(),
        shape: String(n.style('shape')),
        fill: String(n.style('background-color')),
        stroke: String(n.style('border-color')),
        strokeWidth: num(n.style('border-width')),
        opacity: num(n.style('opacity'), 1) * num(n.style('background-opacity'), 1),
        compound,
        label: String(n.style('label') ?? '').replace(/[\u200b\n]+/g, ' ').trim(),
        nativeName: options.natives.get(n.id()) ?? null,
        labelColour: String(n.style('color')),
        fontSize: num(n.style('font-size'), compound ? 13 : 12),
      };
    });
  const dashOf = (e: EdgeSingular): number[] => {
    const style = String(e.style('line-style'));
    if (style === 'solid') return [];
    const pattern = e.style('line-dash-pattern') as unknown;
    if (Array.isArray(pattern)) return pattern.map((v) => num(v));
    const w = num(e.style('width'), 1);
    return style === 'dotted' ? [w, w * 1.5] : [w * 4, w * 3];
  };
  // A relation's label as the canvas draws it: at the midpoint (or where legibility slid it), turned along the line.
  const edgeLabel = (e: EdgeSingular): SnapshotEdge['label'] => {
    const text = String(e.style('label') ?? '').trim();
    if (text === '' || num(e.style('text-opacity'), 1) === 0) return null;
    const mid = e.midpoint();
    const from = e.sourceEndpoint();
    const to = e.targetEndpoint();
    let angle = (Math.atan2(to.y - from.y, to.x - from.x) * 180) / Math.PI;
    // Text reads left to right, as Cytoscape's autorotate keeps it.
    if (angle > 90) angle -= 180;
    else if (angle < -90) angle += 180;
    if (String(e.style('text-rotation')) === 'none') angle = 0;
    return { text, x: mid.x + num(e.style('text-margin-x'), 0), y: mid.y + num(e.style('text-margin-y'), 0), angle, fontSize: num(e.style('font-size'), 10), colour: String(e.style('color')) };
  };
  const edges: SnapshotEdge[] = drawn
    .edges()
    .filter((e: EdgeSingular) => options.scope === 'full' || inBox(e.boundingBox({})))
    .map((e: EdgeSingular) => {
      const control = e.controlPoints?.() ?? [];
      return {
        id: e.id(),
        points: [e.sourceEndpoint(), ...(control.length > 0 ? [control[0]!] : []), e.targetEndpoint()],
        colour: String(e.style('line-color')),
        width: num(e.style('width'), 1),
        dash: dashOf(e),
        sourceMarker: String(e.style('source-arrow-shape')),
        targetMarker: String(e.style('target-arrow-shape')),
        opacity: num(e.style('opacity'), 1) * num(e.style('line-opacity'), 1),
        label: edgeLabel(e),
      };
    });
  return { nodes, edges, box, legend: options.legend, background: options.background, ink: options.ink };
}
