import { useEffect, useMemo, useRef, useState } from 'react';
import cytoscape, { type Core, type ElementDefinition, type EventObject } from 'cytoscape';
import type { DatasetIndex } from '../data/dataset-index.ts';
import type { Visible } from '../view/visible.ts';
import type { LayoutName, Selection } from '../view/view-state.ts';
import { getViewState, update, useView } from '../view/view-store.ts';
import { select, setCamera } from '../view/view-actions.ts';
import type { Positions } from './layouts.ts';
import { positionsFor, workerThreshold } from './layout-client.ts';
import { toElements } from './elements.ts';
import { buildStylesheet, labelZoom, type Look, type Scheme } from './stylesheet.ts';
import { exposeGraphProbe } from './graph-probe.ts';
import { fastDrawing, useDrawChoice } from '../view/draw-mode.ts';
import { LayoutIndicator, type LayoutWait } from './layout-indicator.tsx';
import { setExportTarget } from './export-target.ts';
import { applyHighlight, applyVisible } from './patches.ts';
import { graphSummary } from './graph-summary.ts';
import { prefersReducedMotion } from './motion.ts';
import { orientToCanvas } from './legibility.ts';
import { applyDegreeSizes, applyParallelCurves, applyRelationLabels, readableFirstCamera, watchLabelPriority } from './legible-cy.ts';

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

/**
 * Marks the first frame Cytoscape draws after a change, so the benchmark (and anyone profiling)
 * can time "input to pixels" the same way for the app and for a bare Cytoscape page.
 */
function markNextDraw(cy: Core) {
  cy.one('render', () => performance.mark('graph:drawn'));
}

/** Renderer switches that Cytoscape reads on every frame; not part of its typed API. */
function setViewportShortcuts(cy: Core, fast: boolean) {
  const renderer = (cy as unknown as { renderer(): { hideEdgesOnViewport: boolean; hideLabelsOnViewport: boolean } | undefined }).renderer();
  if (!renderer) return;
  renderer.hideEdgesOnViewport = fast;
  renderer.hideLabelsOnViewport = fast;
}

/** Less margin on a phone, where every pixel of the canvas counts. */
const fitPadding = (container: HTMLElement | null) => ((container?.clientWidth ?? 0) < 500 ? 12 : 36);

const layoutKey = (layout: LayoutName, root: string | null, draft: boolean) => `${layout}|${root ?? ''}|${draft ? 'draft' : ''}`;

const countNodes = (elements: readonly { group?: string }[]) => elements.reduce((n, e) => (e.group === 'nodes' ? n + 1 : n), 0);

/** Above this many nodes a layout switch jumps instead of animating. */
const largeAnimationLimit = 400;

/** A small graph's wait is brief; its indicator only appears if it is not (see LayoutIndicator). */
const waitFor = (actors: number, worker: boolean): LayoutWait => ({ actors, started: performance.now(), delay: worker ? 0 : 300, progress: null });

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
  // The dataset's elements as built at mount: every later layout of this dataset starts from them.
  const elementsRef = useRef<ElementDefinition[]>([]);
  const appliedLayout = useRef<string>('');
  const layoutRuns = useRef(0);
  const layoutRequest = useRef(0);
  const appliedScheme = useRef<Scheme | null>(null);
  const selection = useView((s) => s.selection);
  const layout = useView((s) => s.layout);
  const [scheme, setScheme] = useState<Scheme>(schemeNow);
  const [wait, setWait] = useState<LayoutWait | null>(null);
  const drawChoice = useDrawChoice((s) => s.choice);
  const fast = fastDrawing(drawChoice, index.dataset.actors.length, index.dataset.relations.length);
  const fastRef = useRef(fast);
  const appliedFast = useRef(fast);
  const detailShown = useRef(true);
  const plain = useView((s) => s.plain);
  const look = useRef<Look>({ textScale: 1, encode: !getViewState().plain });
  const labels = useRef<{ request: () => void } | null>(null);

  useEffect(() => {
    visibleRef.current = visible;
  }, [visible]);

  /** The stylesheet for the scheme, the mode and (in large-graph mode) how close the camera is. */
  const restyle = (cy: Core) => {
    detailShown.current = !appliedFast.current || cy.zoom() >= labelZoom;
    cy.style(buildStylesheet(appliedScheme.current ?? schemeNow(), appliedFast.current, detailShown.current, look.current));
  };

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
    elementsRef.current = elements;
    const mountScheme = schemeNow();
    appliedScheme.current = mountScheme;
    const mountFast = fastRef.current;
    appliedFast.current = mountFast;
    const root = layoutRoot(start.layout, start.selection, index);
    const draft = mountFast && start.layout === 'fcose';
    const key = layoutKey(start.layout, root, draft);
    appliedLayout.current = key;
    let cancelled = false;
    let teardown = () => {};

    const build = (laid: Positions) => {
    if (cancelled) return;
    const positions = orientToCanvas(laid, container.clientWidth, container.clientHeight);
    setWait(null);
    performance.mark('layout:end');
    positionsRef.current = new Map([[key, positions]]);
    const cy = cytoscape({
      container,
      elements: elements.map((e) => (e.group === 'nodes' ? { ...e, position: positions[e.data.id!] ?? { x: 0, y: 0 } } : e)),
      // Large-graph mode starts without names and line patterns; they come once the camera is close enough (below).
      style: buildStylesheet(mountScheme, mountFast, !mountFast, look.current),
      layout: { name: 'preset', fit: false },
      minZoom: 0.05,
      maxZoom: 20,
      autoungrabify: true,
      boxSelectionEnabled: false,
      selectionType: 'single',
      autounselectify: true,
      hideEdgesOnViewport: mountFast,
      hideLabelsOnViewport: mountFast,
    });
    cyRef.current = cy;
    detailShown.current = !mountFast;
    // Filters and selection may have changed while a worker laid the graph out: use them as they are now.
    const now = getViewState();
    applyVisible(cy, visibleRef.current);
    applyHighlight(cy, now.selection, null);
    applyParallelCurves(cy);
    applyDegreeSizes(cy, true);
    applyRelationLabels(cy, visibleRef.current.relationIds.size);
    const restyleText = (textScale: number) => {
      look.current = { ...look.current, textScale };
      applyParallelCurves(cy, textScale);
      restyle(cy);
    };
    // The opened view already frames the selection (or the link's camera): do not re-centre on it.
    tappedRef.current = now.selection === null ? null : now.selection.kind === 'stance' ? now.selection.actor : now.selection.id;
    if (start.camera) cy.viewport({ zoom: start.camera.zoom, pan: { x: start.camera.x, y: start.camera.y } });
    else if (container.clientWidth > 0) readableFirstCamera(cy, fitPadding(container), restyleText);
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
    cy.on('zoom', () => {
      if (appliedFast.current && cy.zoom() >= labelZoom !== detailShown.current) restyle(cy);
    });
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
        readableFirstCamera(cy, fitPadding(container), restyleText);
      }
    });
    resize.observe(container);
    layoutRuns.current = 1;
    const unprobe = exposeGraphProbe(cy, () => layoutRuns.current);
    const labelWatch = watchLabelPriority(cy);
    labels.current = labelWatch;
    labelWatch.request();
    setExportTarget({ cy, stylesheet: (s) => buildStylesheet(s, appliedFast.current, detailShown.current, look.current) });
    if (mountFast && cy.zoom() >= labelZoom) restyle(cy);
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => performance.mark('graph:ready'));
    });
    teardown = () => {
      cancelAnimationFrame(frame);
      clearTimeout(cameraTimer);
      resize.disconnect();
      unprobe();
      labelWatch.stop();
      labels.current = null;
      setExportTarget(null);
      cy.destroy();
      cyRef.current = null;
    };
    };

    performance.mark('layout:start');
    const positions = positionsFor({ elements, name: start.layout, root, draft }, (progress) => {
      if (!cancelled) setWait((w) => (w ? { ...w, progress } : w));
    });
    if (positions instanceof Promise) {
      setWait(waitFor(countNodes(elements), countNodes(elements) > workerThreshold));
      void positions.then(build);
    } else build(positions);
    return () => {
      cancelled = true;
      setWait(null);
      teardown();
    };
  }, [index]);

  useEffect(() => {
    fastRef.current = fast;
    const cy = cyRef.current;
    // The mount effect styled the instance for the scheme and mode of its day; restyle only on a change.
    if (!cy || (appliedScheme.current === scheme && appliedFast.current === fast)) return;
    appliedScheme.current = scheme;
    appliedFast.current = fast;
    setViewportShortcuts(cy, fast);
    markNextDraw(cy);
    restyle(cy);
  }, [scheme, fast]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || look.current.encode === !plain) return;
    look.current = { ...look.current, encode: !plain };
    restyle(cy);
    labels.current?.request();
  }, [plain]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    markNextDraw(cy);
    // One batch, so a filter toggle costs one style pass.
    cy.batch(() => {
      applyVisible(cy, visible);
      applyHighlight(cy, getViewState().selection, hoverRef.current);
      applyDegreeSizes(cy);
      applyRelationLabels(cy, visible.relationIds.size);
    });
    labels.current?.request();
  }, [visible]);

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    markNextDraw(cy);
    applyHighlight(cy, selection, hoverRef.current);
    labels.current?.request();
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
    const draft = fast && layout === 'fcose';
    const key = layoutKey(layout, root, draft);
    if (key === appliedLayout.current) return;
    appliedLayout.current = key;
    const cached = positionsRef.current.get(key);
    // A newer layout choice made while a worker computes this one wins.
    const request = ++layoutRequest.current;
    const move = (target: Positions) => {
      if (request !== layoutRequest.current || cyRef.current !== cy) return;
      setWait(null);
      performance.mark('layout:end');
      positionsRef.current.set(key, target);
      layoutRuns.current += 1;
      markNextDraw(cy);
      const oriented = orientToCanvas(target, cy.width(), cy.height());
      cy.nodes()
        .filter((n) => n.isChildless())
        .layout({
          name: 'preset',
          positions: (n: cytoscape.NodeSingular) => oriented[n.id()] ?? n.position(),
          // Animating thousands of nodes costs more frames than it explains.
          animate: !prefersReducedMotion() && cy.nodes().length <= largeAnimationLimit,
          animationDuration: 450,
          fit: true,
          padding: fitPadding(containerRef.current),
        } as cytoscape.LayoutOptions)
        .run();
    };
    performance.mark('layout:start');
    const elements = elementsRef.current;
    const next =
      cached ??
      positionsFor({ elements, name: layout, root, draft }, (progress) => {
        if (request === layoutRequest.current) setWait((w) => (w ? { ...w, progress } : w));
      });
    if (next instanceof Promise) {
      setWait(waitFor(cy.nodes().length, cy.nodes().length > workerThreshold));
      void next.then(move);
    } else move(next);
  }, [layout, selection, index, fast]);

  // The canvas is a picture to assistive technology; the table is its full text equivalent.
  const summary = useMemo(() => graphSummary(index, visible, selection), [index, visible, selection]);
  return (
    <>
      <div ref={containerRef} className="graph-canvas" data-testid="graph-canvas" role="img" aria-label={summary} />
      {/* The first camera may sit closer than the whole graph so names can be read; this shows it all. */}
      <button type="button" className="button small graph-fit" onClick={() => cyRef.current?.animate({ fit: { eles: cyRef.current.elements(':visible'), padding: fitPadding(containerRef.current) }, duration: prefersReducedMotion() ? 0 : 250 })}>
        Fit all
      </button>
      {wait && <LayoutIndicator wait={wait} />}
    </>
  );
}
