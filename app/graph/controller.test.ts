import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../data/dataset-index.ts';
import { validateDataset } from '../data/validate.ts';
import { deriveVisible } from '../view/visible.ts';
import { defaultViewState } from '../view/view-state.ts';
import { toElements } from './elements.ts';
import { computePositions } from './layouts.ts';
import { yieldToBrowser } from './chunked-add.ts';
import cytoscape from 'cytoscape';
import { GraphController, jumpIfFramesSlow, slowFrameMs } from './controller.ts';
import { labelZoom, patternZoom } from './stylesheet.ts';
import { relationStyles } from '../ui/relation-styles.ts';
import type { RelationType } from '../data/schema.ts';

const result = validateDataset(JSON.parse(readFileSync(new URL('../../public/data/gyeongju-2025.json', import.meta.url), 'utf8')));
if (!result.ok) throw new Error('gyeongju-2025.json is invalid');
const index = buildIndex(result.dataset);
const elements = toElements(index);
const circle = computePositions(elements, 'circle', null);
const grid = computePositions(elements, 'grid', null);
const filters = defaultViewState;
const everything = deriveVisible(index, { ...filters, showUnconnected: true });
const firstType = index.dataset.relations[0]!.type;
const withoutFirstType = deriveVisible(index, { ...filters, hiddenTypes: [firstType] });

/** A drawn controller with every input set, the way GraphView's effects leave it. */
function drawn(fast = false) {
  const taps: unknown[] = [];
  const graph = new GraphController({ elements, container: null, headless: true, scheme: 'light', fast, onTap: (t) => taps.push(t) });
  graph.setVisible(everything);
  graph.setHighlight(null);
  graph.setPositions(circle);
  const cy = graph.instance!;
  expect(cy).not.toBeNull();
  return { graph, cy, taps };
}

const hiddenIds = (graph: GraphController) => new Set(graph.instance!.elements('.hidden').map((e) => e.id()));

describe('GraphController (headless Cytoscape)', () => {
  it('draws nothing before the first positions, then draws the inputs as they are then', async () => {
    const graph = new GraphController({ elements, container: null, headless: true, scheme: 'light', fast: false });
    graph.setVisible(withoutFirstType);
    const chosen = index.dataset.relations[0]!.source;
    graph.setSelection({ kind: 'actor', id: chosen });
    expect(graph.instance).toBeNull();
    expect(graph.layoutRuns).toBe(0);
    graph.setPositions(circle);
    await graph.built;
    const cy = graph.instance!;
    expect(graph.instance).toBe(cy);
    expect(graph.layoutRuns).toBe(1);
    expect(cy.nodes().length + cy.edges().length).toBe(elements.length);
    // The filters set before the drawing apply to its first frame.
    for (const r of index.dataset.relations) expect(cy.getElementById(r.id).hasClass('hidden'), r.id).toBe(!withoutFirstType.relationIds.has(r.id));
    expect(cy.getElementById(chosen).hasClass('chosen')).toBe(true);
    const someLeaf = index.dataset.actors.find((a) => !index.childrenOf.has(a.id))!;
    expect(cy.getElementById(someLeaf.id).position()).toEqual(circle.get(someLeaf.id));
    graph.destroy();
    expect(graph.instance).toBeNull();
  });

  it('a filter patch never re-runs a layout or rebuilds the instance', () => {
    const { graph, cy } = drawn();
    const before = cy.nodes().map((n) => ({ ...n.position() }));
    for (let i = 0; i < 5; i++) {
      graph.setVisible(withoutFirstType);
      expect(hiddenIds(graph).size).toBe(elements.length - withoutFirstType.actorIds.size - withoutFirstType.relationIds.size);
      graph.setVisible(everything);
      expect(hiddenIds(graph).size).toBe(elements.length - everything.actorIds.size - everything.relationIds.size);
    }
    expect(graph.instance).toBe(cy);
    expect(graph.layoutRuns).toBe(1);
    expect(cy.nodes().map((n) => ({ ...n.position() }))).toEqual(before);
    graph.destroy();
  });

  it('new positions move the nodes of the same instance and count one layout run', () => {
    const { graph, cy } = drawn();
    graph.setPositions(grid, { animate: true, fit: true });
    expect(graph.instance).toBe(cy);
    expect(graph.layoutRuns).toBe(2);
    const leaf = index.dataset.actors.find((a) => !index.childrenOf.has(a.id))!;
    expect(cy.getElementById(leaf.id).position()).toEqual(grid.get(leaf.id));
    graph.destroy();
  });

  it('a layout chosen again puts every actor back where it put it, however the first drawing was built', async () => {
    for (const chunkAbove of [Infinity, 10]) {
      const first = computePositions(elements, 'circle', null);
      const expected = new Map([...first].map(([id, p]) => [id, { ...p }]));
      const graph = new GraphController({ elements, container: null, headless: true, scheme: 'light', fast: false, chunkAbove });
      graph.setVisible(everything);
      graph.setPositions(first);
      await graph.built;
      const cy = graph.instance!;
      graph.setPositions(computePositions(elements, 'grid', null));
      // The cached result of the first layout is handed over again, as the layout query does.
      graph.setPositions(first);
      const leaves = cy.nodes().filter((n) => n.isChildless());
      expect(leaves.length).toBeGreaterThan(0);
      leaves.forEach((n) => expect(n.position(), `${n.id()} (chunkAbove ${chunkAbove})`).toEqual(expected.get(n.id())));
      expect(first).toEqual(expected);
      graph.destroy();
    }
  });

  it('emphasis classes follow the selection and the hover', () => {
    const { graph, cy } = drawn();
    const relation = index.dataset.relations[0]!;
    graph.setSelection({ kind: 'actor', id: relation.source });
    const source = cy.getElementById(relation.source);
    expect(source.hasClass('chosen')).toBe(true);
    expect(source.hasClass('faded')).toBe(false);
    expect(cy.getElementById(relation.id).hasClass('emphasis')).toBe(true);
    const neighbours = source.closedNeighborhood().union(source.closedNeighborhood().nodes().ancestors());
    const faded = cy.elements('.faded');
    expect(faded.length).toBe(cy.elements().length - neighbours.length);
    expect(faded.intersection(neighbours).length).toBe(0);

    // Hover wins over the selection while it lasts; the selection stays marked as chosen.
    const other = index.dataset.actors.find((a) => a.id !== relation.source && !index.childrenOf.has(a.id) && !neighbours.getElementById(a.id).nonempty())!;
    graph.setHighlight({ kind: 'actor', id: relation.source }, other.id);
    expect(cy.getElementById(other.id).hasClass('faded')).toBe(false);
    expect(source.hasClass('chosen')).toBe(true);
    expect(source.hasClass('faded')).toBe(true);
    graph.setHighlight({ kind: 'actor', id: relation.source }, null);
    expect(source.hasClass('faded')).toBe(false);

    graph.setSelection(null);
    expect(cy.elements('.faded, .emphasis, .chosen').length).toBe(0);
    graph.destroy();
  });

  it('hands taps out as selections of an actor, a relation or nothing', () => {
    const { graph, cy, taps } = drawn();
    const relation = index.dataset.relations[0]!;
    cy.getElementById(relation.source).emit('tap');
    cy.getElementById(relation.id).emit('tap');
    cy.emit('tap');
    expect(taps).toEqual([{ kind: 'actor', id: relation.source }, { kind: 'relation', id: relation.id }, null]);
    graph.destroy();
  });

  it('shows the pointer over an actor on the cursor host, never on the container Cytoscape watches', () => {
    const host = { style: { cursor: '' } } as HTMLElement;
    const hovered: (string | null)[] = [];
    const graph = new GraphController({ elements, container: null, cursorHost: host, headless: true, scheme: 'light', fast: false, onHover: (id) => hovered.push(id) });
    graph.setVisible(everything);
    graph.setPositions(circle);
    const actor = graph.instance!.getElementById(index.dataset.relations[0]!.source);
    actor.emit('mouseover');
    expect(host.style.cursor).toBe('pointer');
    actor.emit('mouseout');
    expect(host.style.cursor).toBe('');
    expect(hovered).toEqual([actor.id(), null]);
    graph.destroy();
  });

  it('a mode switch restyles the same instance in place, and back', () => {
    const { graph, cy } = drawn(false);
    const edge = cy.edges()[0]!;
    expect(edge.style('curve-style')).not.toBe('haystack');
    graph.setMode(true);
    expect(graph.instance).toBe(cy);
    expect(edge.style('curve-style')).toBe('haystack');
    expect(graph.drawMode.fast).toBe(true);
    graph.setMode(false);
    expect(edge.style('curve-style')).not.toBe('haystack');
    expect(graph.layoutRuns).toBe(1);
    graph.destroy();
  });

  it('draws line patterns only where the zoom lets them be seen, in either mode, and lends them to a capture', () => {
    const { graph, cy } = drawn(false);
    const patterned = cy.edges().filter((e) => relationStyles[e.data('type') as RelationType].dash.length > 0)[0]!;
    const line = () => patterned.style('line-style');
    // The threshold is where the shortest pattern repeats in 1.5 px on screen.
    const shortest = Math.min(...Object.values(relationStyles).filter((s) => s.dash.length > 0).map((s) => s.dash.reduce((a, b) => a + b, 0)));
    expect(patternZoom * shortest).toBeCloseTo(1.5, 10);
    graph.setCamera({ zoom: 1, x: 0, y: 0 });
    expect(line()).not.toBe('solid');
    graph.setCamera({ zoom: patternZoom * 0.9, x: 0, y: 0 });
    expect(line()).toBe('solid');
    // An export is read at any size: the capture gets the patterns, the screen keeps its solid lines.
    expect(graph.withScheme('light', () => line())).not.toBe('solid');
    expect(line()).toBe('solid');
    graph.setCamera({ zoom: patternZoom * 1.1, x: 0, y: 0 });
    expect(line()).not.toBe('solid');
    // Large-graph mode draws them from labelZoom on, with the names.
    graph.setMode(true);
    expect(line()).toBe('solid');
    graph.setCamera({ zoom: labelZoom, x: 0, y: 0 });
    expect(line()).not.toBe('solid');
    expect(graph.instance).toBe(cy);
    expect(graph.layoutRuns).toBe(1);
    graph.destroy();
  });

  it('a scheme switch restyles in place', () => {
    const { graph, cy } = drawn();
    const node = cy.nodes()[0]!;
    const light = node.style('color');
    graph.setScheme('dark');
    expect(graph.instance).toBe(cy);
    expect(node.style('color')).not.toBe(light);
    graph.destroy();
  });

  it('lends the instance to a capture in another scheme and restores the drawing at once', () => {
    const { graph, cy } = drawn();
    graph.setScheme('dark');
    const dark = cy.nodes()[0]!.style('color');
    const seen = graph.withScheme('light', (c) => {
      expect(c).toBe(cy);
      return c.nodes()[0]!.style('color');
    });
    expect(seen).not.toBe(dark);
    expect(cy.nodes()[0]!.style('color')).toBe(dark);
    // Same scheme: no restyle, the drawing is lent as it is.
    expect(graph.withScheme('dark', (c) => c.nodes()[0]!.style('color'))).toBe(dark);
    // A failing capture still restores the drawing.
    expect(() => graph.withScheme('light', () => { throw new Error('encoder failed'); })).toThrow('encoder failed');
    expect(cy.nodes()[0]!.style('color')).toBe(dark);
    graph.destroy();
    expect(() => graph.withScheme('light', () => 1)).toThrow('The graph is not ready');
  });

  it('keeps and restores the camera', () => {
    const { graph } = drawn();
    graph.setCamera({ zoom: 1.5, x: -40, y: 12.5 });
    expect(graph.camera()).toEqual({ zoom: 1.5, x: -40, y: 12.5 });
    graph.destroy();
    expect(graph.camera()).toBeNull();
  });

  it('ignores positions that arrive after it was destroyed', () => {
    const graph = new GraphController({ elements, container: null, headless: true, scheme: 'light', fast: false });
    graph.destroy();
    graph.setPositions(circle);
    expect(graph.instance).toBeNull();
  });
});

describe('GraphController, first frame styled in slices', () => {
  const sliced = () => new GraphController({ elements, container: null, headless: true, sliced: true, scheme: 'light', fast: false });

  it('hands over the instance only when every element is styled, with the inputs that came meanwhile', async () => {
    const graph = sliced();
    graph.setVisible(everything);
    graph.setPositions(circle);
    // Still styling: nothing is drawn yet, so nothing can be patched or read.
    expect(graph.instance).toBeNull();
    const chosen = index.dataset.relations[0]!.source;
    graph.setVisible(withoutFirstType);
    graph.setSelection({ kind: 'actor', id: chosen });
    await graph.built;
    const cy = graph.instance!;
    expect(cy.nodes().length + cy.edges().length).toBe(elements.length);
    // Drawing is held by a batch while styling; it ends with the styling.
    expect((cy as unknown as { batching(): boolean }).batching()).toBe(false);
    for (const r of index.dataset.relations) expect(cy.getElementById(r.id).hasClass('hidden'), r.id).toBe(!withoutFirstType.relationIds.has(r.id));
    expect(cy.getElementById(chosen).hasClass('chosen')).toBe(true);
    expect(graph.layoutRuns).toBe(1);
    graph.destroy();
  });

  it('positions that come before the first drawing has started replace the first ones: one drawing, no move', async () => {
    const graph = sliced();
    graph.setVisible(everything);
    graph.setPositions(circle);
    graph.setPositions(grid);
    await graph.built;
    const leaf = index.dataset.actors.find((a) => !index.childrenOf.has(a.id))!;
    expect(graph.instance!.getElementById(leaf.id).position()).toEqual(grid.get(leaf.id));
    expect(graph.layoutRuns).toBe(1);
    graph.destroy();
  });

  it('newer positions during the styling wait for it and then move the nodes; destroy stops it', async () => {
    const graph = sliced();
    graph.setVisible(everything);
    graph.setPositions(circle);
    // The drawing starts in a task of its own, a posted message; the styling then takes many.
    // Messages arrive in the order they were posted, so one posted now arrives once the drawing
    // has started. A 1 ms timer raced that message and now and then won (about 1 run in 25 under
    // load): the positions below then replaced the first ones, one layout run instead of two.
    await yieldToBrowser();
    // Started, not finished: the styling's own first yield was posted after this one.
    expect(graph.instance).toBeNull();
    graph.setPositions(grid);
    await graph.built;
    const leaf = index.dataset.actors.find((a) => !index.childrenOf.has(a.id))!;
    await expect.poll(() => graph.instance!.getElementById(leaf.id).position()).toEqual(grid.get(leaf.id));
    expect(graph.layoutRuns).toBe(2);
    // Every member of a state is drawn: the state boxes were sized before anything was measured.
    expect(graph.instance!.elements(':visible').length).toBe(graph.instance!.elements().length);
    graph.destroy();

    const stopped = sliced();
    stopped.setVisible(everything);
    stopped.setPositions(circle);
    stopped.destroy();
    // The slices end with the controller: no instance appears after destroy.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stopped.instance).toBeNull();
  });
});

describe('jumpIfFramesSlow', () => {
  /** A headless instance watched from time 0 for a 450 ms move; frames run when the test says, at the times it gives. */
  function watched() {
    const cy = cytoscape({ headless: true, elements: [{ data: { id: 'a' } }] });
    const jumps: number[] = [];
    let queued: (() => void) | null = null;
    let clock = 0;
    jumpIfFramesSlow(cy, 0, 450, () => jumps.push(clock), () => clock, (run) => (queued = run));
    /** The frame starting at `at`: runs the check queued for it; false when none was. */
    const frame = (at: number) => {
      clock = at;
      const run = queued;
      queued = null;
      run?.();
      return run !== null;
    };
    return { cy, jumps, frame };
  }

  it('checks nothing before the first frame is drawn', () => {
    const { jumps, frame } = watched();
    expect(frame(400)).toBe(false);
    expect(jumps).toEqual([]);
  });

  it('ends the move at the first frame that comes too late, the first one included', () => {
    const late = watched();
    late.cy.emit('render');
    late.frame(slowFrameMs + 1);
    expect(late.jumps).toEqual([slowFrameMs + 1]);
    expect(late.frame(400)).toBe(false);

    const midway = watched();
    midway.cy.emit('render');
    midway.frame(20);
    midway.frame(36);
    midway.frame(36 + slowFrameMs + 1);
    expect(midway.jumps).toEqual([36 + slowFrameMs + 1]);
  });

  it('lets the animation play when every frame comes in time, and stops watching when it ends', () => {
    const { cy, jumps, frame } = watched();
    cy.emit('render');
    cy.emit('render');
    for (let t = slowFrameMs; t < 450; t += slowFrameMs) expect(frame(t)).toBe(true);
    expect(frame(450)).toBe(true);
    expect(frame(450 + 10 * slowFrameMs)).toBe(false);
    expect(jumps).toEqual([]);
  });

  it('leaves an instance destroyed meanwhile alone', () => {
    const { cy, jumps, frame } = watched();
    cy.emit('render');
    cy.destroy();
    frame(slowFrameMs + 1);
    expect(jumps).toEqual([]);
  });
});
