import cytoscape, { type Collection, type Core, type ElementDefinition, type EventObject, type LayoutOptions, type NodeSingular, type SingularElementArgument } from 'cytoscape';
import type { Visible } from '../view/visible.ts';
import type { Camera, Selection } from '../view/view-state.ts';
import type { Positions } from './layouts.ts';
import { buildStylesheet, drawLevel, type Look, type Scheme } from './stylesheet.ts';
import { leafActors, maxTextScale, minNamePx, orientToCanvas, readableFrameLimit, roomyGraph } from './legibility.ts';
import { instanceOptions } from './instance-options.ts';
import { applyDegreeSizes, applyLabelPriority, applyParallelCurves, applyRelationLabels, fitOrCloseUp, readableFirstCamera, readableScalePass, watchLabelPriority } from './legible-cy.ts';
import { applyHighlight, applyVisible, visibilityChanges } from './patches.ts';
import { prefersReducedMotion } from './motion.ts';
import { twoFingerGestures } from './two-finger.ts';
import type { StoryEmphasis } from '../view/story.ts';
import { applyStoryEmphasis, frameStory, restoreCamera } from './story-emphasis.ts';
import { addInSlices, chunkAbove, imagesInSlices, layersInSlices, layersLater, moveInSlices, patchVisibleInSlices, prepareElements, warmHeld, yieldToBrowser } from './chunked-add.ts';

/**
 * The graph controller: the one owner of the Cytoscape instance, and the only production code
 * that calls `cytoscape(...)` to draw (layouts run in their own headless instances, see layouts.ts).
 * It knows nothing of React; GraphView (graph-view.tsx) binds it to the view store, one effect
 * per input, and hands it explicitly to whoever else needs the drawing (PNG export, the e2e probe).
 *
 * Contract:
 * - Inputs are set by one method each: `setVisible`, `setHighlight`/`setSelection`, `setPositions`,
 *   `setScheme`, `setMode`, `setEncodings`, `setCamera`/`fit`, `setStory`. Each may be called at any time, in any order; the
 *   controller keeps the latest value of every input.
 * - Nothing is drawn before the first `setPositions`: that call builds the instance with every
 *   input as it is then (filters, emphasis, camera), so an opened link never flashes the default
 *   view. When drawing, the build is done in slices across tasks with drawing held (see
 *   chunked-add.ts): `instance` stays null and `built` unresolved until it is whole, inputs set
 *   meanwhile are applied then, and positions that arrive meanwhile wait for it (a large graph's
 *   `instance` comes a moment before `built`, while its layer images are drawn). Later calls move
 *   the existing nodes, with names placed for where they end; animated for small graphs unless
 *   the reader asked for reduced motion, or a frame of the move comes too late (then it jumps to
 *   its end). No input ever rebuilds the instance.
 * - `setVisible` and `setHighlight` only toggle classes in one batch: they never run a layout.
 * - Scheme, draw mode and encodings restyle the same instance through the one private path, `restyle`.
 * - Legibility is its job too: the first camera enlarges text until names read on this screen
 *   (legible-cy.ts), a wide layout turns to fill a tall canvas, parallel relations fan out, sizes
 *   follow visible relations, relation labels show when few relations are drawn, and names of
 *   large graphs are chosen by priority without overlap once the camera settles.
 * - Events go out through the callbacks: `onTap` (an actor, a relation, or null for the
 *   background), `onHover` (an actor id or null), `onCamera` (after the camera settles).
 * - `withScheme` lends the instance to an exporter in a given scheme and restores it in the
 *   same task; `instance` is for read-only tools (the e2e probe, exporters), never for patching.
 * - `destroy` releases the instance and every listener; the controller is unusable after it.
 * - `headless: true` (unit tests) draws nothing and needs no container.
 */

export type TapTarget = { kind: 'actor' | 'relation'; id: string } | null;

export interface GraphCallbacks {
  onTap?: (target: TapTarget) => void;
  onHover?: (actor: string | null) => void;
  /** The camera after a pan or zoom, once it has been still for a quarter of a second. */
  onCamera?: (camera: Camera) => void;
  /** A large graph drawn or shown a slice at a time (chunked-add.ts): how far, then null when whole. */
  onDrawing?: (progress: DrawingProgress | null) => void;
}

export interface DrawingProgress {
  done: number;
  total: number;
}

export interface GraphInit extends GraphCallbacks {
  /** Every actor and relation of the dataset (see elements.ts); filters only hide them. */
  elements: readonly ElementDefinition[];
  /**
   * The canvas' element; null with `headless`. Nothing may change its attributes once the graph
   * is drawn: Cytoscape watches them, and answers any change (a cursor, a label) 100 ms later with
   * a resize and a redraw of the whole graph.
   */
  container: HTMLElement | null;
  /** An element around the container that shows the pointer's cursor (see `container`). */
  cursorHost?: HTMLElement | null;
  headless?: boolean;
  scheme: Scheme;
  /** Large-graph mode. */
  fast: boolean;
  /** The camera of an opened link: the first drawing uses it instead of fitting the graph. */
  camera?: Camera | null;
  /** Size by relations and width by weight (the Appearance control); on unless said otherwise. */
  encode?: boolean;
  /** Style the first frame in slices across tasks (see `build`): on when drawing, off in headless unit tests unless asked. */
  sliced?: boolean;
  /**
   * Above this many elements the first drawing, and a filter change of more elements than this,
   * happen a slice at a time across tasks (chunked-add.ts). Default: chunkAbove, or never headless.
   */
  chunkAbove?: number;
}

export interface PositionsOptions {
  /** Move the nodes in an animation (small graphs only, never with reduced motion). */
  animate?: boolean;
  /** Frame the graph afterwards. */
  fit?: boolean;
}

/**
 * Up to this many elements (the bundled stories have 38 and 331) the first frame is styled in
 * slices of 10 ms, which keeps a phone's first view free of long tasks. Above it, up to
 * chunked-add.ts's threshold, slices of 40 ms: so many 10 ms yields made a 1,000-element graph load
 * about 50 % slower, while one task blocked the page for 0.8-1.05 s (0.19-0.38 s in 40 ms slices,
 * its load ratio to a bare Cytoscape page 1.32 -> 1.42; the README's ninth pass). Above that
 * threshold the graph is added a slice at a time as well.
 */
const slicedFirstFrameLimit = 400;

/** Above this many nodes a layout switch jumps instead of animating. */
const largeAnimationLimit = 400;

/**
 * A layout switch's animation that finds a frame taking longer than this (from one frame's start
 * to the next) jumps to its end: at 150 ms a frame its 450 ms show three stills, each holding the
 * page (Les Misérables' switch on this project's 2-core test machine drew three or four frames of
 * 120-330 ms). The device decides, measured, not the graph's size.
 */
export const slowFrameMs = 150;

/** How long a layout switch's animation plays. */
const moveMs = 450;

/**
 * Watches the frames of a move animated from `started` for `duration`: at the first that comes
 * later than slowFrameMs after the one before (or, for the first, after the start), `jump` ends
 * the move. Each check runs at the start of a frame, ahead of Cytoscape's step and drawing (the
 * first is queued from the first frame's render, each next from the check before), so the frame
 * that finds the page slow draws the end, not one more still.
 */
export function jumpIfFramesSlow(
  cy: Pick<Core, 'one' | 'destroyed'>,
  started: number,
  duration: number,
  jump: () => void,
  now: () => number = () => performance.now(),
  nextFrame: (run: () => void) => void = (run) => requestAnimationFrame(run),
): void {
  let last = started;
  const check = () => {
    if (cy.destroyed()) return;
    const t = now();
    if (t - last > slowFrameMs) return jump();
    last = t;
    if (t - started < duration) nextFrame(check);
  };
  cy.one('render', () => nextFrame(check));
}

/** Less margin on a phone, where every pixel of the canvas counts. */
const fitPadding = (container: HTMLElement | null) => ((container?.clientWidth ?? 0) < 500 ? 12 : 36);

/** The story frames its step with a little more room than a fit, so names at the edge stay whole. */
const storyPadding = (container: HTMLElement | null) => ((container?.clientWidth ?? 0) < 500 ? 16 : 48);

const idOf = (selection: Selection | null) => (selection === null ? null : selection.kind === 'stance' ? selection.actor : selection.id);

const emptyVisible: Pick<Visible, 'actorIds' | 'relationIds'> = { actorIds: new Set(), relationIds: new Set() };

/** Renderer switches that Cytoscape reads on every frame; not part of its typed API. */
interface RendererSwitches {
  hideEdgesOnViewport: boolean;
  hideLabelsOnViewport: boolean;
}

export class GraphController {
  private cy: Core | null = null;
  private readonly init: GraphInit;
  private visible: Pick<Visible, 'actorIds' | 'relationIds'> | null = null;
  private selection: Selection | null = null;
  private hover: string | null = null;
  private scheme: Scheme;
  private fast: boolean;
  /** Whether names and line patterns are drawn: not where the camera is too far out to see them. */
  private level = drawLevel(1, false);
  /** The element the reader just clicked: selecting it must not move the camera under the pointer. */
  private tapped: string | null = null;
  private runs = 0;
  private story: StoryEmphasis | null = null;
  /** Text scale for this screen and whether size and width carry data. */
  private look: Look;
  private labels: { request: () => void; stop: () => void } | null = null;
  /** The camera as it was before the story opened, put back when it closes. */
  private beforeStory: { zoom: number; pan: { x: number; y: number } } | null = null;
  /** Where the story last framed its step (null when it framed nothing). */
  private storyCamera: { zoom: number; pan: { x: number; y: number } } | null = null;
  private destroyed = false;
  private readonly cleanups: (() => void)[] = [];
  private resolveBuilt: () => void = () => {};
  /** Large graphs (chunked-add.ts): the instance being filled, and the work in flight. */
  private filling: Core | null = null;
  private queuedPositions: { positions: Positions; options: PositionsOptions } | null = null;
  /** The first positions, while the first drawing waits for a task of its own (see setPositions). */
  private waiting: Positions | null = null;
  private visibleRun = 0;
  /** The latest positions: a large graph's move still under way stops when newer ones come. */
  private positionsRun = 0;
  /**
   * Resolves once the first positions have drawn the graph. It carries no instance: a promise
   * would hold it for as long as anyone holds the controller, even after `destroy`.
   */
  readonly built: Promise<void>;

  constructor(init: GraphInit) {
    this.init = init;
    this.scheme = init.scheme;
    this.fast = init.fast;
    this.look = { textScale: 1, encode: init.encode !== false };
    this.built = new Promise((resolve) => (this.resolveBuilt = resolve));
  }

  /** The live instance, for read-only use; null until the first positions arrive. */
  get instance(): Core | null {
    return this.cy;
  }

  /** Position changes applied to the instance, the first drawing included: filters never add one. */
  get layoutRuns(): number {
    return this.runs;
  }

  get drawMode(): { scheme: Scheme; fast: boolean; detail: boolean } {
    return { scheme: this.scheme, fast: this.fast, detail: this.level.detail };
  }

  setVisible(visible: Pick<Visible, 'actorIds' | 'relationIds'>): void {
    this.visible = visible;
    const cy = this.cy;
    if (!cy) return;
    const run = ++this.visibleRun;
    const changed = visibilityChanges(cy, visible);
    if (changed.length > this.chunkLimit) {
      // Thousands of elements shown or hidden at once: a slice per task, then the rest of the patch.
      const total = changed.length;
      const cancelled = () => this.destroyed || run !== this.visibleRun;
      void patchVisibleInSlices(cy, changed, visible, cancelled, (done) => this.init.onDrawing?.({ done, total })).then((done) => {
        // The slices showed and hid every changed element: the rest of the patch has none left.
        if (done) this.patchVisible(cy, visible, []);
        // A newer change reports for itself (and clears it, below or when it ends).
        if (!this.destroyed && run === this.visibleRun) this.init.onDrawing?.(null);
      });
      return;
    }
    this.init.onDrawing?.(null);
    this.patchVisible(cy, visible, changed);
  }

  private patchVisible(cy: Core, visible: Pick<Visible, 'actorIds' | 'relationIds'>, changed: readonly SingularElementArgument[]) {
    this.markNextDraw(cy);
    // One batch, so a filter toggle costs one style pass.
    cy.batch(() => {
      applyVisible(cy, visible, changed);
      applyHighlight(cy, this.selection, this.hover);
      applyDegreeSizes(cy);
      applyRelationLabels(cy, visible.relationIds.size);
    });
    this.labels?.request();
  }

  /** Emphasis only: the selected (or hovered) element, its neighbours, the rest faded. */
  setHighlight(selection: Selection | null, hover: string | null = this.hover): void {
    this.selection = selection;
    this.hover = hover;
    const cy = this.cy;
    if (!cy) return;
    this.markNextDraw(cy);
    applyHighlight(cy, selection, hover);
    this.labels?.request();
  }

  /** A new selection: emphasis, and an element chosen elsewhere (search, table) comes into view. */
  setSelection(selection: Selection | null): void {
    this.setHighlight(selection);
    const id = idOf(selection);
    const tapped = this.tapped;
    this.tapped = null;
    const cy = this.cy;
    if (!cy || id === null || id === tapped) return;
    const el = cy.getElementById(id);
    if (el.empty() || el.hasClass('hidden')) return;
    if (this.init.headless || prefersReducedMotion()) cy.center(el);
    else cy.animate({ center: { eles: el }, duration: 300 });
  }

  /** The first call draws the graph; later ones move the nodes of the same instance. */
  setPositions(positions: Positions, options: PositionsOptions = {}): void {
    if (this.destroyed) return;
    performance.mark('layout:end');
    if (this.filling) {
      this.queuedPositions = { positions, options };
      return;
    }
    if (this.waiting) {
      this.waiting = positions;
      return;
    }
    const cy = this.cy;
    if (!cy && !this.slicedFirstFrame) return this.build(positions);
    if (!cy) {
      // Creating the instance is a long task of its own on a slow phone: not in the task of the
      // React commit that asked for it (together they were a quarter of the first view's blocking time).
      this.waiting = positions;
      void yieldToBrowser().then(() => {
        const first = this.waiting;
        this.waiting = null;
        if (first && !this.destroyed) this.build(first);
      });
      return;
    }
    this.runs += 1;
    const oriented = orientToCanvas(positions, cy.width(), cy.height());
    this.markNextDraw(cy);
    const run = ++this.positionsRun;
    const actors = cy.nodes().filter((n) => n.isChildless());
    const padding = fitPadding(this.init.container);
    const animate = options.animate === true && !this.init.headless && !prefersReducedMotion() && cy.nodes().length <= largeAnimationLimit;
    if (!animate && !this.init.headless && cy.elements().length > this.chunkLimit) {
      // A large graph moves a slice per task, so the frame after it only draws (chunked-add.ts).
      const frame = () => (options.fit !== false ? this.frameMoved(cy, actors, padding) : undefined);
      void moveInSlices(cy, (n) => oriented.get(n.id()) ?? n.position(), frame, () => this.destroyed || run !== this.positionsRun);
      return;
    }
    const positionOf = (n: NodeSingular) => oriented.get(n.id()) ?? n.position();
    const fit = options.fit !== false;
    // Where the move ends, with names placed for it before the frame that shows it: placed after
    // it (by the camera watcher's pass), they restyled and redrew the whole graph once more.
    const place = () => {
      actors.positions(positionOf);
      if (fit) this.frameMoved(cy, actors, padding);
      if (!this.init.headless) applyLabelPriority(cy);
    };
    if (!animate) return place();
    const started = performance.now();
    actors
      .layout({
        name: 'preset',
        positions: positionOf,
        animate: true,
        animationDuration: moveMs,
        fit: fit && this.story === null,
        padding,
        // A story step is framed where the move ends: its box is not known before.
        stop: () => {
          if (fit && this.story !== null && run === this.positionsRun) this.frameStep(cy, this.story, true);
        },
      } as LayoutOptions)
      .run();
    jumpIfFramesSlow(cy, started, moveMs, () => {
      actors.stop(true);
      cy.stop(true);
      place();
    });
  }

  /**
   * The camera after new positions: the whole graph, or, while a story step is shown, the step (a
   * phone's story panel makes the canvas wide, and the picture for that shape used to be fitted
   * whole, its names at 6 px).
   */
  private frameMoved(cy: Core, actors: Collection, padding: number) {
    if (this.story !== null) this.frameStep(cy, this.story, false);
    else fitOrCloseUp(cy, actors, padding);
  }

  /**
   * The story's step: its relations and actors drawn at full strength, the rest faded, the camera
   * easing to frame them (instant under reduced motion); null closes it and puts the camera back.
   */
  setStory(emphasis: StoryEmphasis | null): void {
    if (emphasis === this.story) return;
    this.story = emphasis;
    const cy = this.cy;
    if (!cy) return;
    this.markNextDraw(cy);
    this.showStory(cy, emphasis, !this.init.headless && !prefersReducedMotion());
  }

  private showStory(cy: Core, emphasis: StoryEmphasis | null, animate: boolean) {
    applyStoryEmphasis(cy, emphasis);
    if (emphasis !== null) {
      this.beforeStory ??= { zoom: cy.zoom(), pan: { ...cy.pan() } };
      this.frameStep(cy, emphasis, animate);
    } else {
      this.storyCamera = null;
      if (this.beforeStory !== null) restoreCamera(cy, this.beforeStory, animate);
      this.beforeStory = null;
    }
  }

  private frameStep(cy: Core, emphasis: StoryEmphasis, animate: boolean) {
    // Names stay as readable as the first view's rule asks (12 px, 11 on a phone) while a step is shown.
    const minZoom = (minNamePx(cy.width()) / (12 * this.look.textScale)) * 1.005;
    this.storyCamera = frameStory(cy, emphasis, { animate, padding: storyPadding(this.init.container), minZoom });
  }

  /**
   * The canvas changed size under a framed step (the story panel arrived and took its room, a phone
   * turned): frame the step again, unless the reader has moved the camera since it was framed.
   */
  private reframeStep(cy: Core) {
    const target = this.storyCamera;
    if (this.story === null || target === null) return;
    const easing = cy.animated();
    const moved = Math.abs(cy.zoom() - target.zoom) > 1e-6 * target.zoom || Math.hypot(cy.pan().x - target.pan.x, cy.pan().y - target.pan.y) > 0.5;
    if (easing || !moved) this.frameStep(cy, this.story, easing && !prefersReducedMotion());
  }

  /** The Appearance control: size by relations and width by weight, or equal shapes and lines. */
  setEncodings(encode: boolean): void {
    if (encode === this.look.encode) return;
    this.look = { ...this.look, encode };
    if (!this.cy) return;
    this.restyle(this.cy, true);
    this.labels?.request();
  }

  setScheme(scheme: Scheme): void {
    if (scheme === this.scheme) return;
    this.scheme = scheme;
    if (this.cy) this.restyle(this.cy, true);
  }

  /** Large-graph mode: a lighter stylesheet and, while panning, nothing but nodes. */
  setMode(fast: boolean): void {
    if (fast === this.fast) return;
    this.fast = fast;
    if (!this.cy) return;
    setViewportShortcuts(this.cy, fast);
    this.restyle(this.cy, true);
  }

  camera(): Camera | null {
    const cy = this.cy;
    if (!cy) return null;
    const pan = cy.pan();
    return { zoom: cy.zoom(), x: pan.x, y: pan.y };
  }

  setCamera(camera: Camera): void {
    this.cy?.viewport({ zoom: camera.zoom, pan: { x: camera.x, y: camera.y } });
  }

  /** Frames what is shown; `animate` eases there (never under reduced motion). */
  fit(animate = false): void {
    const cy = this.cy;
    if (!cy) return;
    const eles = cy.elements(':visible');
    const padding = fitPadding(this.init.container);
    fitOrCloseUp(cy, eles, padding, animate && !this.init.headless && !prefersReducedMotion());
  }

  /** The first camera: framed, with text enlarged (or the camera closer) until names read here. */
  private frameReadable(cy: Core) {
    if (!this.readableFraming()) {
      fitOrCloseUp(cy, cy.elements(), fitPadding(this.init.container));
      return;
    }
    readableFirstCamera(cy, fitPadding(this.init.container), (textScale) => this.applyTextScale(cy, textScale), this.look.textScale);
  }

  /**
   * Whether the first camera enlarges text. Large-graph mode draws no names until the reader zooms
   * in, and each enlarging pass restyles thousands of elements (4 of 5 s of a 2,000-actor load);
   * past a hundred actors names come by priority as the camera comes closer (see legibility.ts).
   */
  private readableFraming(): boolean {
    return !this.fast && leafActors(this.init.elements) <= readableFrameLimit;
  }

  private applyTextScale(cy: Core, textScale: number) {
    this.look = { ...this.look, textScale };
    applyParallelCurves(cy, textScale);
    this.restyle(cy);
  }

  /**
   * Lends the instance to an exporter drawn in `scheme` (labels drawn for a dark page vanish on
   * white). The swap is undone in the same task, before the canvas could repaint.
   */
  withScheme<T>(scheme: Scheme, draw: (cy: Core) => T): T {
    const cy = this.cy;
    if (!cy) throw new Error('The graph is not ready');
    // An export is read at any size: its lines keep their patterns even when the screen's are too small to see.
    const { detail, patterns } = this.level;
    if (scheme === this.scheme && patterns === detail) return draw(cy);
    cy.style(buildStylesheet(scheme, this.fast, detail, this.look));
    try {
      return draw(cy);
    } finally {
      cy.style(buildStylesheet(this.scheme, this.fast, detail, this.look, patterns));
    }
  }

  destroy(): void {
    this.destroyed = true;
    this.filling?.destroy();
    this.filling = null;
    this.labels?.stop();
    this.labels = null;
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.cy?.destroy();
    this.cy = null;
  }

  /**
   * Marks the first frame Cytoscape draws after a change, so the benchmark (and anyone profiling)
   * can time "input to pixels" the same way for the app and for a bare Cytoscape page. A headless
   * instance never draws: its listeners would only pile up.
   */
  private markNextDraw(cy: Core) {
    if (!this.init.headless) cy.one('render', () => performance.mark('graph:drawn'));
  }

  /** The one restyle path: scheme, mode and how close the camera is. */
  private restyle(cy: Core, marked = false) {
    if (marked) this.markNextDraw(cy);
    const { detail, patterns } = (this.level = drawLevel(cy.zoom(), this.fast));
    cy.style(buildStylesheet(this.scheme, this.fast, detail, this.look, patterns));
  }

  /** Whether the camera's zoom now lets the reader see more or less than is drawn. */
  private stale(cy: Core): boolean {
    const now = drawLevel(cy.zoom(), this.fast);
    return now.detail !== this.level.detail || now.patterns !== this.level.patterns;
  }

  private build(laid: Positions) {
    const { container, headless, elements, camera } = this.init;
    // A wide layout on a tall canvas (a phone) turns a quarter turn to fill it.
    const positions = headless ? laid : orientToCanvas(laid, container?.clientWidth ?? 0, container?.clientHeight ?? 0);
    const fast = this.fast;
    // Until the camera is placed: large-graph mode starts zoomed out, full detail at zoom 1.
    this.level = drawLevel(fast ? 0 : 1, fast);
    // A small graph's names almost always need the largest text to read in the first view (its
    // layout leaves them room for it): styled so from the start, the first camera finds its scale
    // in one pass instead of restyling up to three times (most of the first view's blocking time).
    if (!fast && !camera && !headless && (container?.clientWidth ?? 0) > 0 && roomyGraph(elements)) this.look = { ...this.look, textScale: maxTextScale };
    if (elements.length > this.chunkLimit) return this.buildInSlices(positions);
    const cy = cytoscape({
      ...(headless ? { headless: true, styleEnabled: true } : { container }),
      // Copies, as in prepareElements: the positions are a layout's cached result, and Cytoscape moves the objects it is given.
      elements: elements.map((e) => (e.group === 'nodes' ? { ...e, position: { ...(positions.get(e.data.id!) ?? { x: 0, y: 0 }) } } : e)),
      // Large-graph mode starts without names and line patterns; they come once the camera is close enough.
      style: buildStylesheet(this.scheme, fast, this.level.detail, this.look),
      layout: { name: 'preset', fit: false },
      ...instanceOptions(fast),
    });
    const styled: { scheme: Scheme; fast: boolean; look: Look } = { scheme: this.scheme, fast, look: this.look };
    const applied = this.applyInputs(cy);
    if (!this.slicedFirstFrame) return this.finish(cy, applied, styled);
    // Cytoscape styles and measures every element on its first frame, in one task: 0.3-0.8 s under
    // Lighthouse's 4x slowdown for the bundled story, seconds for 20,000 actors. Done here in slices
    // of a few milliseconds instead, with drawing held (a batch) until the instance is finished.
    this.filling = cy;
    const cancelled = () => this.destroyed || cy.destroyed();
    const warmSize = elements.length <= slicedFirstFrameLimit ? undefined : { slice: 25, budgetMs: 40 };
    void (async () => {
      if (!(await warmHeld(cy, cancelled, warmSize))) return;
      // The first camera's text scale, found here so that a restyle is styled in slices too (a
      // phone frames the story closer than the desktop, so its names need less enlarging).
      if (!camera && !headless && this.readableFraming()) {
        for (let pass = 0; pass < 2; pass++) {
          const next = readableScalePass(cy, fitPadding(container), this.look.textScale);
          if (next === null) break;
          this.applyTextScale(cy, next);
          styled.look = this.look;
          if (!(await warmHeld(cy, cancelled, warmSize))) return;
        }
      }
      // The default view's camera and label placement, with what they restyle styled in slices
      // too; `finish` keeps them unless an input changed meanwhile.
      let placed = false;
      if (!camera && !headless && this.story === null && (container?.clientWidth ?? 0) > 0) {
        this.frameReadable(cy);
        applyLabelPriority(cy);
        if (!(await warmHeld(cy, cancelled, warmSize))) return;
        if (warmSize && !(await imagesInSlices(cy, cancelled, warmSize))) return;
        placed = true;
      }
      this.filling = null;
      this.finish(cy, applied, styled, placed);
      this.applyQueuedPositions();
    })();
  }

  /** Filters and emphasis as they are now, in one batch; returns what was applied. */
  private applyInputs(cy: Core) {
    const applied = { visible: this.visible, selection: this.selection };
    // One outer batch, so 20,000 nodes get one style pass rather than one per step.
    cy.batch(() => {
      applyVisible(cy, this.visible ?? emptyVisible);
      applyHighlight(cy, this.selection, null);
      applyParallelCurves(cy, this.look.textScale);
      applyDegreeSizes(cy, true);
      applyRelationLabels(cy, this.visible?.relationIds.size ?? 0);
    });
    return applied;
  }

  /** The built instance becomes the controller's: inputs that came meanwhile, the first camera, events. */
  private finish(
    cy: Core,
    applied: { visible: GraphController['visible']; selection: Selection | null } | null,
    styled: { scheme: Scheme; fast: boolean; look: Look },
    placed = false,
    ready = true,
  ) {
    const { container, headless, camera } = this.init;
    this.cy = cy;
    this.runs = 1;
    const restyled = styled.scheme !== this.scheme || styled.fast !== this.fast || styled.look !== this.look;
    if (restyled) {
      setViewportShortcuts(cy, this.fast);
      this.restyle(cy);
    }
    const reapplied = applied === null || applied.visible !== this.visible || applied.selection !== this.selection;
    if (reapplied) this.applyInputs(cy);
    // The camera and labels the sliced build placed still hold unless something changed since.
    const kept = placed && !restyled && !reapplied && this.story === null;
    // A link opened at a story step: framed at once, unless the link carries its own camera.
    if (this.story !== null) {
      if (camera) applyStoryEmphasis(cy, this.story);
      this.beforeStory = null;
    }
    // The opened view already frames the selection (or the link's camera): do not re-centre on it.
    this.tapped = idOf(this.selection);
    const width = container?.clientWidth ?? 0;
    if (camera) this.setCamera(camera);
    else if (width > 0 && !kept) this.frameReadable(cy);
    if (this.story !== null && !camera) {
      this.showStory(cy, this.story, false);
    } else if (this.story !== null) this.beforeStory = { zoom: cy.zoom(), pan: { ...cy.pan() } };
    // Names and patterns only where the camera is close enough to see them (the first style may have foreseen it).
    if (this.stale(cy)) this.restyle(cy);
    this.listen(cy, camera != null || width > 0);
    if (!headless) {
      // Names and relation labels placed before the first frame: placed after it, they restyled and
      // redrew the whole graph a moment later (a second long task on every first view).
      if ((camera != null || width > 0) && !kept) applyLabelPriority(cy);
      this.labels = watchLabelPriority(cy);
    }
    if (ready) this.ready();
  }

  /** Whether the first drawing is styled and measured in slices before its first frame (see build). */
  private get slicedFirstFrame(): boolean {
    const { headless, container, elements } = this.init;
    if (!headless && !container) return false;
    return this.init.sliced ?? (!headless && elements.length <= this.chunkLimit);
  }

  private get chunkLimit(): number {
    return this.init.chunkAbove ?? (this.init.headless ? Infinity : chunkAbove);
  }

  /**
   * A large graph's first drawing, a slice per task (chunked-add.ts). The instance starts empty,
   * framed where the graph will be and styled for the zoom it will have (a restyle after the fit
   * would make every cached style stale at once), and fills slice by slice. Inputs set meanwhile
   * are kept and applied by `finish`, as for any first drawing; `built` and `graph:ready` still
   * mean the whole graph is drawn.
   */
  private buildInSlices(positions: ReadonlyMap<string, { x: number; y: number }>) {
    const { container, headless, elements, camera } = this.init;
    const fast = this.fast;
    const cy = cytoscape({ ...(headless ? { headless: true, styleEnabled: true } : { container }), elements: [], ...instanceOptions(fast) });
    // Only for a large graph: a smaller one keeps the picture drawn from the layers (drawn element
    // by element, its names sit a pixel apart, and the screenshot baselines are the layered picture).
    layersLater(cy);
    this.filling = cy;
    const visible = this.visible ?? emptyVisible;
    if (camera) cy.viewport({ zoom: camera.zoom, pan: { x: camera.x, y: camera.y } });
    else if (!headless) {
      const frame = fitFrame(positions, visible.actorIds, cy.width(), cy.height(), fitPadding(container));
      if (frame) cy.viewport(frame);
    }
    const { detail, patterns } = (this.level = drawLevel(cy.zoom(), fast));
    const styled = { scheme: this.scheme, fast, look: this.look };
    cy.style(buildStylesheet(styled.scheme, fast, detail, styled.look, patterns));
    // Decided while the instance is empty: applyRelationLabels keeps its choice in cy.scratch, and
    // setting that restyles every element (the slices add the class it chose themselves).
    applyRelationLabels(cy, visible.relationIds.size);
    const total = elements.length;
    void addInSlices(cy, prepareElements(elements, positions, visible, styled.look.textScale), () => this.destroyed, (done) => this.init.onDrawing?.({ done, total })).then((done) => {
      if (!done || this.destroyed) return;
      this.filling = null;
      // The slices carried the filters as they were; emphasis and anything changed since come now.
      this.finish(cy, null, styled, false, false);
      // The first frame copies the layer images instead of drawing 25,000 elements one by one.
      cy.startBatch();
      void layersInSlices(cy, () => this.destroyed).then((whole) => {
        if (cy.destroyed()) return;
        cy.endBatch();
        this.init.onDrawing?.(null);
        if (whole) this.ready();
        this.applyQueuedPositions();
      });
    });
  }

  /** Positions that arrived while the first drawing was being filled or styled: applied once it is whole. */
  private applyQueuedPositions() {
    const queued = this.queuedPositions;
    this.queuedPositions = null;
    if (queued) this.setPositions(queued.positions, queued.options);
  }

  private listen(cy: Core, framed: boolean) {
    const { container, cursorHost, onTap, onHover, onCamera } = this.init;
    cy.on('tap', 'node, edge', (event: EventObject) => {
      const target = event.target as cytoscape.SingularElementArgument;
      this.tapped = target.id();
      onTap?.({ kind: target.isEdge() ? 'relation' : 'actor', id: target.id() });
    });
    cy.on('tap', (event: EventObject) => {
      if (event.target === cy) onTap?.(null);
    });
    const pointer = (cursor: string) => cursorHost && (cursorHost.style.cursor = cursor);
    cy.on('mouseover', 'node', (event: EventObject) => {
      const id = (event.target as NodeSingular).id();
      this.setHighlight(this.selection, id);
      onHover?.(id);
      pointer('pointer');
    });
    cy.on('mouseout', 'node', () => {
      this.setHighlight(this.selection, null);
      onHover?.(null);
      pointer('');
    });
    cy.on('mouseover', 'edge', () => pointer('pointer'));
    cy.on('mouseout', 'edge', () => pointer(''));
    cy.on('zoom', () => {
      if (this.stale(cy)) this.restyle(cy);
    });
    let cameraTimer: ReturnType<typeof setTimeout> | undefined;
    cy.on('viewport', () => {
      clearTimeout(cameraTimer);
      cameraTimer = setTimeout(() => {
        const now = this.camera();
        if (now) onCamera?.(now);
      }, 250);
    });
    this.cleanups.push(() => clearTimeout(cameraTimer));
    // Two fingers dragged together pan, and pinch from the first movement (Cytoscape waits for a spread).
    if (container && !this.init.headless) this.cleanups.push(twoFingerGestures(cy, container));
    if (container && !this.init.headless) {
      // The reader takes the camera: a wheel or a press while the camera eases (to a story step, a
      // fit, a selection) ends the move where it is. Otherwise the move's later frames undo the
      // reader's zoom, and a story step counts as never moved and is framed again on a resize.
      const takeCamera = () => {
        if (cy.animated()) cy.stop(true, false);
      };
      const options = { capture: true, passive: true };
      container.addEventListener('wheel', takeCamera, options);
      container.addEventListener('pointerdown', takeCamera, options);
      this.cleanups.push(() => {
        container.removeEventListener('wheel', takeCamera, options);
        container.removeEventListener('pointerdown', takeCamera, options);
      });
    }
    if (container && typeof ResizeObserver !== 'undefined') {
      // Opened on another tab, the canvas has no size yet: frame the graph when it first gets one.
      const resize = new ResizeObserver(() => {
        cy.resize();
        this.reframeStep(cy);
        if (!framed && container.clientWidth > 0) {
          framed = true;
          this.frameReadable(cy);
        }
      });
      resize.observe(container);
      this.cleanups.push(() => resize.disconnect());
    }
  }

  /** The drawing is whole: `built` resolves, and `graph:ready` is marked once its first frame is on screen. */
  private ready() {
    this.resolveBuilt();
    if (this.init.headless || typeof requestAnimationFrame !== 'function') return;
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => performance.mark('graph:ready'));
    });
    this.cleanups.push(() => cancelAnimationFrame(frame));
  }
}

/**
 * The camera a fit will choose, from the laid-out positions of the shown actors alone (a margin
 * stands in for their shapes and names): null when none is shown, as a fit then keeps the camera.
 */
function fitFrame(positions: ReadonlyMap<string, { x: number; y: number }>, shown: ReadonlySet<string>, width: number, height: number, padding: number) {
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const [id, p] of positions) {
    if (!shown.has(id)) continue;
    x1 = Math.min(x1, p.x);
    y1 = Math.min(y1, p.y);
    x2 = Math.max(x2, p.x);
    y2 = Math.max(y2, p.y);
  }
  const margin = 40;
  const w = x2 - x1 + 2 * margin;
  const h = y2 - y1 + 2 * margin;
  if (!(width > 0 && height > 0 && w > 0 && h > 0)) return null;
  const { minZoom, maxZoom } = instanceOptions(false);
  const zoom = Math.min(maxZoom, Math.max(minZoom, Math.min((width - 2 * padding) / w, (height - 2 * padding) / h)));
  return { zoom, pan: { x: (width - zoom * (x1 + x2)) / 2, y: (height - zoom * (y1 + y2)) / 2 } };
}

function setViewportShortcuts(cy: Core, fast: boolean) {
  const renderer = (cy as unknown as { renderer(): RendererSwitches | undefined }).renderer();
  if (!renderer) return;
  renderer.hideEdgesOnViewport = fast;
  renderer.hideLabelsOnViewport = fast;
}
