import { useEffect, useMemo, useRef, useState } from 'react';
import type { DatasetIndex } from '../data/dataset-index.ts';
import type { Visible } from '../view/visible.ts';
import { getViewState, update, useView } from '../view/view-store.ts';
import { select, setCamera, setLayout } from '../view/view-actions.ts';
import { fastDrawing, useDrawChoice } from '../view/draw-mode.ts';
import { toElements } from './elements.ts';
import type { Scheme } from './stylesheet.ts';
import { GraphController, type DrawingProgress } from './controller.ts';
import { graphKey, layoutRoot, useLayoutPositions } from './layout-query.ts';
import { LayoutIndicator } from './layout-indicator.tsx';
import { DrawingIndicator } from './drawing-indicator.tsx';
import { exposeGraphProbe } from './graph-probe.ts';
import { graphShape, withSelection } from './graph-summary.ts';
import { storyEmphasis, storySteps } from '../view/story.ts';
import { roomyGraph } from './legibility.ts';
import { usePortraitCanvas } from './use-portrait.ts';

interface Props {
  index: DatasetIndex;
  visible: Visible;
  /** Receives the controller while the graph is mounted (and null after), e.g. for PNG export. */
  onController?: (controller: GraphController | null) => void;
}

const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)');
const schemeNow = (): Scheme => (darkQuery().matches ? 'dark' : 'light');

/**
 * A thin binding of the graph controller (controller.ts) to React: the controller is created once
 * per dataset, and each input reaches it through its own effect. Nothing else touches Cytoscape.
 */
export function GraphView({ index, visible, onController }: Props) {
  const containerRef = useRef<HTMLDivElement>(null);
  const frameRef = useRef<HTMLDivElement>(null);
  const [controller, setController] = useState<GraphController | null>(null);
  const [drawing, setDrawing] = useState<DrawingProgress | null>(null);
  const selection = useView((s) => s.selection);
  const layout = useView((s) => s.layout);
  const [scheme, setScheme] = useState<Scheme>(schemeNow);
  const drawChoice = useDrawChoice((s) => s.choice);
  const fast = fastDrawing(drawChoice, index.dataset.actors.length, index.dataset.relations.length);
  const elements = useMemo(() => toElements(index), [index]);
  const dataset = useMemo(() => graphKey(elements), [elements]);
  const root = layoutRoot(layout, selection, index);
  const plain = useView((s) => s.plain);
  const step = useView((s) => s.step);
  const build = useView((s) => s.build);
  const steps = useMemo(() => storySteps(index), [index]);
  const story = useMemo(() => storyEmphasis(steps, step, build), [steps, step, build]);
  const portrait = usePortraitCanvas(containerRef, useMemo(() => roomyGraph(elements), [elements]));
  const { positions, wait, cancel } = useLayoutPositions(
    { dataset, layout, root, draft: fast && layout === 'fcose', portrait },
    elements,
  );

  useEffect(() => {
    const query = darkQuery();
    const onChange = () => setScheme(schemeNow());
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);

  // One controller per dataset. It draws nothing until the first positions arrive, and then draws
  // the filters and selection as they are at that moment: an opened link never flashes.
  useEffect(() => {
    const start = getViewState();
    const created = new GraphController({
      elements,
      container: containerRef.current,
      cursorHost: frameRef.current,
      scheme: schemeNow(),
      fast: fastDrawing(useDrawChoice.getState().choice, index.dataset.actors.length, index.dataset.relations.length),
      camera: start.camera,
      encode: !start.plain,
      onTap: (target) => update(select(target)),
      onCamera: (camera) => update(setCamera(camera), 'silent'),
      onDrawing: setDrawing,
    });
    setController(created);
    onController?.(created);
    const unprobe = exposeGraphProbe?.(created);
    return () => {
      unprobe?.();
      onController?.(null);
      created.destroy();
      setDrawing(null);
    };
  }, [index, elements, onController]);

  useEffect(() => controller?.setVisible(visible), [controller, visible]);
  useEffect(() => controller?.setSelection(selection), [controller, selection]);
  useEffect(() => controller?.setScheme(scheme), [controller, scheme]);
  useEffect(() => controller?.setMode(fast), [controller, fast]);
  useEffect(() => controller?.setStory(story), [controller, story]);
  useEffect(() => controller?.setEncodings(!plain), [controller, plain]);
  // The first positions draw the graph; later ones (a layout switch) move the nodes, animated.
  useEffect(() => {
    if (positions) controller?.setPositions(positions, { animate: true, fit: true });
  }, [controller, positions]);
  // The layout whose positions are on screen: cancelling a long layout goes back to it.
  const drawnLayout = useRef<typeof layout | null>(null);
  useEffect(() => {
    if (positions) drawnLayout.current = layout;
  }, [positions, layout]);
  const cancelLayout = () => {
    cancel();
    const back = drawnLayout.current;
    if (back !== null && back !== layout) update(setLayout(back));
  };

  // The canvas is a picture to assistive technology; the table is its full text equivalent.
  const shape = useMemo(() => graphShape(index, visible), [index, visible]);
  const summary = withSelection(shape, index, visible, selection);
  return (
    <>
      {/* The label lives on a frame, not on Cytoscape's container (see GraphInit.container). */}
      <div ref={frameRef} className="graph-frame" role="img" aria-label={summary}>
        <div ref={containerRef} className="graph-canvas" data-testid="graph-canvas" />
      </div>
      {/* The first camera may sit closer than the whole graph so names can be read; this shows it all. */}
      <button type="button" className="button small graph-fit" onClick={() => controller?.fit(true)}>
        Fit all
      </button>
      {/* Cancel goes back to the positions on screen: a first drawing has none to go back to. */}
      {wait && <LayoutIndicator wait={wait} onCancel={controller?.instance ? cancelLayout : undefined} />}
      {!wait && drawing && <DrawingIndicator progress={drawing} />}
    </>
  );
}
