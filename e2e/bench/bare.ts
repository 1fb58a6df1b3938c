// The baseline for `npm run bench`: plain Cytoscape drawing the same data with the same stylesheet,
// options and patches as the app, and a few plain DOM controls for the timed operations — no
// React, no store, no validation, no catalog. The app's time divided by this page's is what the
// app itself adds. `?style=default` draws with Cytoscape's default styles instead, for scale.
import type { RelationType } from '../../app/data/schema.ts';
import cytoscape, { type Core, type ElementDefinition, type NodeSingular } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { buildStylesheet, drawLevel } from '../../app/graph/stylesheet.ts';
import { applyHighlight, applyVisible } from '../../app/graph/patches.ts';
import { savedPositions } from '../../app/graph/saved-positions.ts';
import { instanceOptions } from '../../app/graph/instance-options.ts';
import { computePositions } from '../../app/graph/layouts.ts';
import { isLargeGraph } from '../../app/view/draw-mode.ts';
import { relationData, relationStrength } from '../../app/graph/elements.ts';
import { applyDegreeSizes, applyParallelCurves } from '../../app/graph/legible-cy.ts';

cytoscape.use(fcose);

interface Dataset {
  topics: { id: string; label: string }[];
  actors: { id: string; name: string; kind: string; parent?: string; position?: { x: number; y: number } }[];
  relations: { id: string; source: string; target: string; type: RelationType; directed: boolean; topics: string[]; weight?: number; label?: string; evidence?: unknown[] }[];
}

const params = new URLSearchParams(location.search);
const markDrawn = (cy: Core) => cy.one('render', () => performance.mark('graph:drawn'));

function elementsOf(data: Dataset): ElementDefinition[] {
  const ids = new Set(data.actors.map((a) => a.id));
  const out: ElementDefinition[] = [];
  for (const a of data.actors) {
    const d: Record<string, unknown> = { id: a.id, label: a.name, kind: a.kind };
    if (a.parent !== undefined && ids.has(a.parent)) d.parent = a.parent;
    if (a.position) Object.assign(d, { savedX: a.position.x, savedY: a.position.y });
    out.push({ group: 'nodes', data: d });
  }
  // The same element data the app's style reads: relation labels and widths (see elements.ts).
  const max = data.relations.reduce((m, r) => Math.max(m, relationStrength(r)), 0);
  for (const r of data.relations) out.push({ group: 'edges', data: relationData(r, max) });
  return out;
}

/** The app's rule in miniature: a relation shows while one of its topics does; an actor while one of its relations does. */
function visibleFor(data: Dataset, hidden: Set<string>, focus: Set<string> | null) {
  const relationIds = new Set<string>();
  const actorIds = new Set<string>();
  const parentOf = new Map(data.actors.map((a) => [a.id, a.parent]));
  for (const r of data.relations) {
    if (!r.topics.some((t) => !hidden.has(t))) continue;
    if (focus && !(focus.has(r.source) && focus.has(r.target))) continue;
    relationIds.add(r.id);
    for (const id of [r.source, r.target]) {
      actorIds.add(id);
      const parent = parentOf.get(id);
      if (parent) actorIds.add(parent);
    }
  }
  return { actorIds, relationIds };
}

async function main() {
  const file = params.get('file') ?? 'gyeongju-2025.json';
  const response = await fetch(`/data/${encodeURIComponent(file)}`);
  if (!response.ok) throw new Error(`GET /data/${file}: ${response.status}`);
  const data = (await response.json()) as Dataset;
  const elements = elementsOf(data);
  const appStyle = params.get('style') !== 'default';
  const fast = appStyle && isLargeGraph(data.actors.length, data.relations.length);
  // The app's default appearance: shapes sized by relations and lines by weight, at the base text size.
  const look = { textScale: 1, encode: true };

  const positions = params.get('layout') === 'preset' ? savedPositions(elements) : computePositions(elements, 'fcose', null, fast);
  const container = document.getElementById('cy');
  if (!container) throw new Error('#cy is missing');
  // The benchmark passes the app's canvas size: drawing cost grows with the pixels drawn.
  const [w, h] = [Number(params.get('w')), Number(params.get('h'))];
  if (w > 0 && h > 0) Object.assign(container.style, { width: `${w}px`, height: `${h}px`, flex: 'none' });
  const cy = cytoscape({
    container,
    elements: elements.map((e) => (e.group === 'nodes' ? { ...e, position: positions.get(e.data.id!) ?? { x: 0, y: 0 } } : e)),
    layout: { name: 'preset', fit: false },
    ...(appStyle
      ? {
          style: buildStylesheet('light', fast, !fast, look),
          ...instanceOptions(fast),
        }
      : {}),
  });
  if (appStyle) {
    // The app's encodings, by the app's own functions: "the same style" includes sizes by
    // relations and parallel relations fanned out, whose cost the app must not hide.
    applyDegreeSizes(cy, true);
    applyParallelCurves(cy);
  }
  cy.fit(cy.elements(), 36);
  if (appStyle) {
    // As in the app: names (in large-graph mode) and line patterns only once zoomed in enough to see them.
    let drawn = drawLevel(fast ? 0 : 1, fast);
    const check = () => {
      const level = drawLevel(cy.zoom(), fast);
      if (level.detail === drawn.detail && level.patterns === drawn.patterns) return;
      drawn = level;
      cy.style(buildStylesheet('light', fast, level.detail, look, level.patterns));
    };
    check();
    cy.on('zoom', check);
  }
  requestAnimationFrame(() => requestAnimationFrame(() => performance.mark('graph:ready')));

  // Topic checkboxes, as in the app's sidebar.
  const hidden = new Set<string>();
  let focus: Set<string> | null = null;
  const repaint = () => {
    markDrawn(cy);
    cy.batch(() => {
      applyVisible(cy, visibleFor(data, hidden, focus));
      applyHighlight(cy, selection(), hovered);
      if (appStyle) applyDegreeSizes(cy);
    });
  };
  const topics = document.getElementById('topics')!;
  for (const t of data.topics) {
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.checked = true;
    box.addEventListener('change', () => {
      if (box.checked) hidden.delete(t.id);
      else hidden.add(t.id);
      repaint();
    });
    label.append(box, ` ${t.label}`);
    topics.append(label);
  }

  // Hover emphasis and tap to select, as in the app (same patch function, same arguments).
  let selected: string | null = null;
  let hovered: string | null = null;
  const selection = () => (selected === null ? null : ({ kind: 'actor', id: selected } as const));
  cy.on('mouseover', 'node', (event) => {
    hovered = (event.target as NodeSingular).id();
    applyHighlight(cy, selection(), hovered);
  });
  cy.on('mouseout', 'node', () => {
    hovered = null;
    applyHighlight(cy, selection(), null);
  });
  cy.on('tap', 'node', (event) => {
    selected = (event.target as NodeSingular).id();
    markDrawn(cy);
    applyHighlight(cy, selection(), hovered);
  });

  // Focus: the selected actor's neighbourhood, two hops deep.
  document.getElementById('focus')!.addEventListener('click', () => {
    if (selected === null) return;
    let ring = cy.getElementById(selected).closedNeighborhood();
    ring = ring.union(ring.nodes().closedNeighborhood());
    focus = new Set(ring.nodes().map((n) => n.id()));
    repaint();
  });
  // The way back between the benchmark's repetitions, as the app's Clear focus and Escape.
  document.getElementById('show-all')!.addEventListener('click', () => {
    focus = null;
    repaint();
  });
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || selected === null) return;
    selected = null;
    markDrawn(cy);
    applyHighlight(cy, selection(), hovered);
  });

  // Search: names containing the typed text, first ten, as a list.
  const names = data.actors.map((a) => ({ id: a.id, name: a.name, key: a.name.toLowerCase() }));
  const input = document.getElementById('search') as HTMLInputElement;
  const results = document.getElementById('results')!;
  input.addEventListener('input', () => {
    const q = input.value.trim().toLowerCase();
    const hits = q === '' ? [] : names.filter((n) => n.key.includes(q)).slice(0, 10);
    results.replaceChildren(
      ...hits.map((h) => {
        const li = document.createElement('li');
        li.setAttribute('role', 'option');
        li.textContent = h.name;
        return li;
      }),
    );
  });

  // Layout: the same seeded fcose as the app, here on the main thread, applied in one step.
  document.getElementById('layout')!.addEventListener('click', () => {
    performance.mark('layout:start');
    const target = computePositions(elements, 'fcose', null, fast);
    performance.mark('layout:end');
    markDrawn(cy);
    cy.nodes()
      .filter((n) => n.isChildless())
      .layout({ name: 'preset', positions: (n: NodeSingular) => target.get(n.id()) ?? n.position(), animate: false, fit: true, padding: 36 } as cytoscape.LayoutOptions)
      .run();
  });

  (window as unknown as { bareCy: Core }).bareCy = cy;
  // The same read-only view of the drawing as the app's probe, for clicking on a node.
  (window as unknown as { bareProbe: () => unknown }).bareProbe = () => ({
    zoom: cy.zoom(),
    pan: cy.pan(),
    nodes: cy.nodes().map((n) => ({ id: n.id(), x: n.position().x, y: n.position().y, visible: n.visible(), parent: n.data('parent') ?? null })),
  });
  document.body.dataset.nodes = String(cy.nodes().length);
  document.body.dataset.edges = String(cy.edges().length);
}

main().catch((error: unknown) => {
  document.body.dataset.error = String(error);
  throw error;
});
