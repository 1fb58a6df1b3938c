import { useEffect, useMemo, useRef, useState } from 'react';
import cytoscape, { type Collection, type Core, type EventObject } from 'cytoscape';
import type { DatasetIndex } from '../data/dataset-index.ts';
import type { Visible } from '../view/visible.ts';
import type { LayoutName, Selection } from '../view/view-state.ts';
import { getViewState, update, useView } from '../view/view-store.ts';
import { select, setCamera } from '../view/view-actions.ts';
import type { Positions } from './layouts.ts';
import { positionsFor } from './layout-client.ts';
import { toElements } from './elements.ts';
import { buildStylesheet, type Scheme } from './stylesheet.ts';
import { exposeGraphProbe } from './graph-probe.ts';
import { setExportTarget } from './graph-export.ts';
import { graphSummary } from './graph-summary.ts';
import { prefersReducedMotion } from './motion.ts';

interface Props {
  index: DatasetIndex;
  visible: Visible;
}

const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)');
const schemeNow = (): Scheme => (darkQuery().matches ? 'dark' : 'light');

/** Breadth-first grows from the selected actor; a relation grows from its source, a stance from its actor. */
function layoutRoot(layout: LayoutName, selection: Selection | null, index: DatasetIndex): string | null {
  if (layout !== 'breadthfirst' || selection === null) return null;
  if (selection.kind === 'actor') return selection.id;
  if (selection.kind === 'stance') return selection.actor;
  return index.relationById.get(selection.id)?.source ?? null;
}

/** Less margin on a phone, where every pixel of the canvas counts. */
const fitPadding = (container: HTMLElement | null) => ((container?.clientWidth ?? 0) < 500 ? 12 : 36);

/** Paints visibility: only elements whose state changes are touched, all in one batch. */
function applyVisible(cy: Core, visible: Visible) {
  cy.batch(() => {
    cy.nodes().forEach((n) => {
      const hide = !visible.actorIds.has(n.id());
      if (hide !== n.hasClass('hidden')) n.toggleClass('hidden', hide);
    });
    cy.edges().forEach((e) => {
      const hide = !visible.relationIds.has(e.id());
      if (hide !== e.hasClass('hidden')) e.toggleClass('hidden', hide);
    });
  });
}

/** Selection (or hover) emphasises an element and its neighbours and fades the rest. */
function applyHighlight(cy: Core, selection: Selection | null, hover: string | null) {
  cy.batch(() => {
    cy.elements().removeClass('faded emphasis chosen');
    const idOf = (sel: Selection | null) =>
      sel === null ? null : sel.kind === 'stance' ? sel.actor : sel.id;
    const chosenId = idOf(selection);
    const chosen = chosenId === null ? cy.collection() : cy.getElementById(chosenId);
    chosen.addClass('chosen');
    const focusEl = hover !== null ? cy.getElementById(hover) : chosen;
    if (focusEl.empty() || focusEl.hasClass('hidden')) return;
    let keep: Collection;
    if (focusEl.isEdge()) keep = focusEl.union(focusEl.connectedNodes());
    else {
      const node = focusEl as cytoscape.NodeSingular;
      const edges = node.connectedEdges().filter((e) => !e.hasClass('hidden'));
      keep = node.union(edges).union(edges.connectedNodes());
    }
    keep = keep.union(keep.nodes().ancestors());
    keep.edges().addClass('emphasis');
    cy.elements().difference(keep).addClass('faded');
  });
}

/**
 * The only owner of the Cytoscape instance: created once per dataset in a mount effect, held in a
 * ref, patched in place by later effects, destroyed on unmount. Never stored in React or zustand.
 */
export function GraphView({ index, visible }: Props) {
  const containerRef = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const visibleRef = useRef(visible);
  const hoverRef = useRef<string | null>(null);
  const tappedRef = useRef<string | null>(null);
  const positionsRef = useRef(new Map<string, Positions>());
  const appliedLayout = useRef<string>('');
  const layoutRuns = useRef(0);
  const layoutRequest = useRef(0);
  const appliedScheme = useRef<Scheme | null>(null);
  const selection = useView((s) => s.selection);
  const layout = useView((s) => s.layout);
  const [scheme, setScheme] = useState<Scheme>(schemeNow);

  useEffect(() => {
    visibleRef.current = visible;
  }, [visible]);

  useEffect(() => {
    const query = darkQuery();
    const onChange = () => setScheme(schemeNow());
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);

  // Mount: one instance per dataset. Filters and selection are applied before the first frame,
  // so an opened link never flashes the default view.
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const start = getViewState();
    const elements = toElements(index);
    const mountScheme = schemeNow();
    appliedScheme.current = mountScheme;
    const root = layoutRoot(start.layout, start.selection, index);
    const key = `${start.layout}|${root ?? ''}`;
    appliedLayout.current = key;
    let cancelled = false;
    let teardown = () => {};

    const build = (positions: Positions) => {
    if (cancelled) return;
    delete container.dataset.layingOut;
    positionsRef.current = new Map([[key, positions]]);
    const cy = cytoscape({
      container,
      elements: elements.map((e) => (e.group === 'nodes' ? { ...e, position: positions[e.data.id!] ?? { x: 0, y: 0 } } : e)),
      style: buildStylesheet(mountScheme),
      layout: { name: 'preset', fit: false },
      minZoom: 0.05,
      maxZoom: 20,
      autoungrabify: true,
      boxSelectionEnabled: false,
      selectionType: 'single',
      autounselectify: true,
    });
    cyRef.current = cy;
    // Filters and selection may have changed while a worker laid the graph out: use them as they are now.
    const now = getViewState();
    applyVisible(cy, visibleRef.current);
    applyHighlight(cy, now.selection, null);
    // The opened view already frames the selection (or the link's camera): do not re-centre on it.
    tappedRef.current = now.selection === null ? null : now.selection.kind === 'stance' ? now.selection.actor : now.selection.id;
    if (start.camera) cy.viewport({ zoom: start.camera.zoom, pan: { x: start.camera.x, y: start.camera.y } });
    else if (container.clientWidth > 0) cy.fit(cy.elements(':visible'), fitPadding(container));
    // Opened on another tab, the canvas has no size yet: frame the graph when it first gets one.
    let framed = start.camera !== null || container.clientWidth > 0;

    cy.on('tap', 'node, edge', (event: EventObject) => {
      const target = event.target as cytoscape.SingularElementArgument;
      tappedRef.current = target.id();
      update(select(target.isEdge() ? { kind: 'relation', id: target.id() } : { kind: 'actor', id: target.id() }));
    });
    cy.on('tap', (event: EventObject) => {
      if (event.target === cy) update(select(null));
    });
    cy.on('mouseover', 'node', (event: EventObject) => {
      hoverRef.current = (event.target as cytoscape.NodeSingular).id();
      applyHighlight(cy, getViewState().selection, hoverRef.current);
      container.style.cursor = 'pointer';
    });
    cy.on('mouseout', 'node', () => {
      hoverRef.current = null;
      applyHighlight(cy, getViewState().selection, null);
      container.style.cursor = '';
    });
    cy.on('mouseover', 'edge', () => (container.style.cursor = 'pointer'));
    cy.on('mouseout', 'edge', () => (container.style.cursor = ''));
    let cameraTimer: ReturnType<typeof setTimeout> | undefined;
    cy.on('viewport', () => {
      clearTimeout(cameraTimer);
      cameraTimer = setTimeout(() => {
        const pan = cy.pan();
        update(setCamera({ zoom: cy.zoom(), x: pan.x, y: pan.y }), 'silent');
      }, 250);
    });

    const resize = new ResizeObserver(() => {
      cy.resize();
      if (!framed && container.clientWidth > 0) {
        framed = true;
        cy.fit(cy.elements(':visible'), fitPadding(container));
      }
    });
    resize.observe(container);
    layoutRuns.current = 1;
    const unprobe = exposeGraphProbe(cy, () => layoutRuns.current);
    setExportTarget(cy);
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => performance.mark('graph:ready'));
    });
    teardown = () => {
      cancelAnimationFrame(frame);
      clearTimeout(cameraTimer);
      resize.disconnect();
      unprobe();
      setExportTarget(null);
      cy.destroy();
      cyRef.current = null;
    };
    };

    const positions = positionsFor(elements, start.layout, root);
    if (positions instanceof Promise) {
      // The graph module owns this element, so it marks the wait itself; CSS shows a message.
      container.dataset.layingOut = 'true';
      void positions.then(build);
    } else build(positions);
    return () => {
      cancelled = true;
      delete container.dataset.layingOut;
      teardown();
    };
  }, [index]);

  useEffect(() => {
    const cy = cyRef.current;
    // The mount effect styled the instance for the scheme of its day; restyle only on a change.
    if (!cy || appliedScheme.current === scheme) return;
    appliedScheme.current = scheme;
    cy.style(buildStylesheet(scheme));
  }, [scheme]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    // One batch, so a filter toggle costs one style pass.
    cy.batch(() => {
      applyVisible(cy, visible);
      applyHighlight(cy, getViewState().selection, hoverRef.current);
    });
  }, [visible]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    applyHighlight(cy, selection, hoverRef.current);
    // Selections made elsewhere (search, table, details) bring the element into view.
    const id = selection?.kind === 'stance' ? selection.actor : (selection?.id ?? null);
    const tapped = tappedRef.current;
    tappedRef.current = null;
    if (id === null || id === tapped) return;
    const el = cy.getElementById(id);
    if (el.empty() || el.hasClass('hidden')) return;
    if (prefersReducedMotion()) cy.center(el);
    else cy.animate({ center: { eles: el }, duration: 300 });
  }, [selection]);

  // Layout changes move the existing nodes to precomputed positions; never a new instance.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const root = layoutRoot(layout, selection, index);
    const key = `${layout}|${root ?? ''}`;
    if (key === appliedLayout.current) return;
    appliedLayout.current = key;
    const cached = positionsRef.current.get(key);
    // A newer layout choice made while a worker computes this one wins.
    const request = ++layoutRequest.current;
    const move = (target: Positions) => {
      if (request !== layoutRequest.current || cyRef.current !== cy) return;
      positionsRef.current.set(key, target);
      layoutRuns.current += 1;
      cy.nodes()
        .filter((n) => n.isChildless())
        .layout({
          name: 'preset',
          positions: (n: cytoscape.NodeSingular) => target[n.id()] ?? n.position(),
          animate: !prefersReducedMotion(),
          animationDuration: 450,
          fit: true,
          padding: fitPadding(containerRef.current),
        } as cytoscape.LayoutOptions)
        .run();
    };
    const next =
      cached ?? positionsFor(cy.elements().map((e) => ({ group: e.isNode() ? 'nodes' : 'edges', data: { ...e.data() } })), layout, root);
    if (next instanceof Promise) void next.then(move);
    else move(next);
  }, [layout, selection, index]);

  // The canvas is a picture to assistive technology; the table is its full text equivalent.
  const summary = useMemo(() => graphSummary(index, visible, selection), [index, visible, selection]);
  return <div ref={containerRef} className="graph-canvas" data-testid="graph-canvas" role="img" aria-label={summary} />;
}
