import cytoscape, { type ElementDefinition } from 'cytoscape';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GraphController } from './controller.ts';
import { imagesInSlices, inSlices, layersInSlices, layersLater, measure, moveInSlices, prepareElements, styleNow } from './chunked-add.ts';
import { applyDegreeSizes, applyParallelCurves } from './legible-cy.ts';
import { applyHighlight } from './patches.ts';
import { buildStylesheet } from './stylesheet.ts';

/** States with members, people, and relations among them: a parent listed after its members. */
function graph(people: number, relations: number): ElementDefinition[] {
  const out: ElementDefinition[] = [];
  for (let i = 0; i < people; i++) out.push({ group: 'nodes', data: { id: `p${i}`, label: `Person ${i}`, kind: 'person', parent: `s${i % 3}` } });
  for (let s = 0; s < 3; s++) out.push({ group: 'nodes', data: { id: `s${s}`, label: `State ${s}`, kind: 'state' } });
  for (let r = 0; r < relations; r++)
    out.push({ group: 'edges', data: { id: `r${r}`, source: `p${(r * 7) % people}`, target: `p${(r * 13 + 1) % people}`, type: 'alliance', rlabel: 'allies' } });
  return out;
}

const positionsOf = (elements: ElementDefinition[]) =>
  new Map(elements.filter((e) => e.group === 'nodes').map((e, i) => [e.data.id!, { x: (i % 50) * 60, y: Math.floor(i / 50) * 60 }]));

/** Classes, sizes and positions of every element: what a drawing must agree on, however it was made. */
function drawingOf(cy: cytoscape.Core) {
  return cy
    .elements()
    .map((e) => ({ id: e.id(), visible: e.visible(), classes: [...e.classes()].sort(), size: e.data('size') as unknown, parent: e.isNode() ? e.data('parent') : null, position: e.isNode() && e.isChildless() ? { ...e.position() } : null }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

describe('drawing a large graph a slice at a time', () => {
  const elements = graph(1500, 3000);
  const positions = positionsOf(elements);
  const shown = {
    actorIds: new Set(elements.filter((e) => e.group === 'nodes' && Number(e.data.id!.slice(1)) % 2 === 0).map((e) => e.data.id!)),
    relationIds: new Set(elements.filter((e) => e.group === 'edges' && Number(e.data.id!.slice(1)) % 3 === 0).map((e) => e.data.id!)),
  };

  it('puts every parent before its members and every node before any relation', () => {
    const prepared = prepareElements(elements, positions, shown);
    const seen = new Set<string>();
    for (const e of prepared) {
      if (e.group === 'nodes' && e.data.parent) expect(seen.has(e.data.parent), e.data.id).toBe(true);
      if (e.group === 'edges') expect(seen.has(e.data.source!) && seen.has(e.data.target!), e.data.id).toBe(true);
      seen.add(e.data.id!);
    }
    expect(prepared).toHaveLength(elements.length);
  });

  it('bends parallel relations as applyParallelCurves does, at any text scale', () => {
    // Three relations between p0 and p1 (one the other way), two between p2 and p3, and one alone.
    const pair = (id: string, source: string, target: string): ElementDefinition => ({ group: 'edges', data: { id, source, target, type: 'dialogue' } });
    const sample = [
      ...graph(6, 0),
      pair('a', 'p0', 'p1'),
      pair('b', 'p1', 'p0'),
      pair('c', 'p0', 'p1'),
      pair('d', 'p2', 'p3'),
      pair('e', 'p2', 'p3'),
      pair('f', 'p4', 'p5'),
    ];
    const all = { actorIds: new Set(sample.filter((e) => e.group === 'nodes').map((e) => e.data.id!)), relationIds: new Set(['a', 'b', 'c', 'd', 'e', 'f']) };
    for (const textScale of [1, 1.6]) {
      const cy = cytoscape({ headless: true, elements: prepareElements(sample, positionsOf(sample), all, textScale) });
      const before = cy.edges().map((e) => [e.id(), e.data('cpd')]);
      expect(before.filter(([, d]) => d !== undefined)).toHaveLength(5);
      applyParallelCurves(cy, textScale);
      expect(cy.edges().map((e) => [e.id(), e.data('cpd')])).toEqual(before);
      cy.destroy();
    }
  });

  it('sizes actors as applyDegreeSizes does, above and below its every-relation limit', () => {
    for (const sample of [graph(1500, 3000), graph(300, 900)]) {
      const visible = { actorIds: new Set<string>(), relationIds: new Set(sample.filter((e) => e.group === 'edges').slice(0, 200).map((e) => e.data.id!)) };
      const prepared = prepareElements(sample, positionsOf(sample), visible);
      const cy = cytoscape({ headless: true, elements: prepared });
      const before = cy.nodes().map((n) => [n.id(), n.data('size')]);
      applyDegreeSizes(cy, true);
      expect(cy.nodes().map((n) => [n.id(), n.data('size')])).toEqual(before);
      cy.destroy();
    }
  });

  it('draws the same graph as the one-task build, and only once every slice is in', async () => {
    const at = (chunkAbove: number) => {
      const g = new GraphController({ elements, container: null, headless: true, scheme: 'light', fast: true, chunkAbove });
      g.setVisible(shown);
      g.setSelection({ kind: 'actor', id: 'p0' });
      g.setPositions(positions);
      return g;
    };
    const whole = at(Infinity);
    const sliced = at(500);
    // Nothing is handed out half-built: the instance appears when the last slice is in.
    expect(sliced.instance).toBeNull();
    await sliced.built;
    expect(sliced.instance!.elements().length).toBe(elements.length);
    expect(drawingOf(sliced.instance!)).toEqual(drawingOf(whole.instance!));
    expect(sliced.layoutRuns).toBe(1);
    whole.destroy();
    sliced.destroy();
  });

  it('a large filter change shows and hides a slice at a time, the same instance, no layout run', async () => {
    const g = new GraphController({ elements, container: null, headless: true, scheme: 'light', fast: true, chunkAbove: 500 });
    g.setVisible(shown);
    g.setPositions(positions);
    await g.built;
    const cy = g.instance!;
    const everything = { actorIds: new Set(cy.nodes().map((n) => n.id())), relationIds: new Set(cy.edges().map((e) => e.id())) };
    g.setVisible(everything);
    // Still under way after the call returns: the rest comes in later tasks.
    expect(cy.elements('.hidden').length).toBeGreaterThan(0);
    await expect.poll(() => cy.elements('.hidden').length).toBe(0);
    // Shown beside state boxes sized in the same hold: every member and relation is drawn.
    expect(cy.elements(':visible').length).toBe(cy.elements().length);
    expect(g.instance).toBe(cy);
    expect(g.layoutRuns).toBe(1);
    // A newer change wins over one still under way.
    g.setVisible(shown);
    g.setVisible(everything);
    await expect.poll(() => cy.elements('.hidden').length).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(cy.elements('.hidden').length).toBe(0);
    g.destroy();
  });

  it('reports how far the drawing is, then that it is whole', async () => {
    const reports: ({ done: number; total: number } | null)[] = [];
    const g = new GraphController({ elements, container: null, headless: true, scheme: 'light', fast: true, chunkAbove: 500, onDrawing: (p) => reports.push(p) });
    g.setVisible(shown);
    g.setPositions(positions);
    await g.built;
    expect(reports.length).toBeGreaterThan(1);
    expect(reports.at(-1)).toBeNull();
    const steps = reports.slice(0, -1).map((p) => p!.done);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
    expect(reports[0]!.total).toBe(elements.length);
    expect(steps.at(-1)).toBeLessThan(elements.length);
    g.destroy();
  });

  it('stops adding when destroyed half-way, and never draws afterwards', async () => {
    const g = new GraphController({ elements, container: null, headless: true, scheme: 'light', fast: true, chunkAbove: 500 });
    g.setVisible(shown);
    g.setPositions(positions);
    g.destroy();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(g.instance).toBeNull();
  });

  it('yields between tasks and stops at a cancellation', async () => {
    const items = Array.from({ length: 5000 }, (_, i) => i);
    let done = 0;
    let cancel = false;
    const run = inSlices(
      items,
      (slice) => {
        done += slice.length;
        const until = performance.now() + 5;
        while (performance.now() < until);
      },
      () => cancel,
    );
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(items.length);
    cancel = true;
    expect(await run).toBe(false);
    expect(done).toBeLessThan(items.length);
  });
});

describe('moving a large graph to new positions a slice at a time', () => {
  const elements = graph(1500, 3000);
  const start = positionsOf(elements);
  const moved = (id: string) => ({ x: 7 - start.get(id)!.y, y: start.get(id)!.x * 2 + 3 });
  const instance = () => cytoscape({ headless: true, styleEnabled: true, elements: prepareElements(elements, start, { actorIds: new Set(start.keys()), relationIds: new Set() }, 1), layout: { name: 'preset' }, style: buildStylesheet('light', true, false, { textScale: 1, encode: true }) });
  const batching = (cy: cytoscape.Core) => (cy as unknown as { batching(): boolean }).batching();
  const actors = (cy: cytoscape.Core) => cy.nodes().filter((n) => n.isChildless()).toArray() as cytoscape.NodeSingular[];

  it('holds drawing until every actor has moved, sets the camera after the last, and ends where the positions say', async () => {
    const cy = instance();
    let framedAt: number | null = null;
    const frame = () => (framedAt = actors(cy).filter((n) => n.position().x === moved(n.id()).x && n.position().y === moved(n.id()).y).length);
    const run = moveInSlices(cy, (n) => moved(n.id()), frame, () => false);
    // Held from drawing from the start until the whole move is done.
    expect(batching(cy)).toBe(true);
    expect(await run).toBe(true);
    expect(batching(cy)).toBe(false);
    expect(framedAt).toBe(1500);
    actors(cy).forEach((n) => expect(n.position(), n.id()).toEqual(moved(n.id())));
    // Each state box is sized around its members where they now are.
    const state = cy.getElementById('s0');
    const members = state.children().boundingBox({ includeLabels: false });
    const box = state.boundingBox({ includeLabels: false });
    expect(box.x1).toBeLessThanOrEqual(members.x1);
    expect(box.x2).toBeGreaterThanOrEqual(members.x2);
    expect(box.y2).toBeGreaterThanOrEqual(members.y2);
    cy.destroy();
  });

  it('stops at a newer move, ending its hold, and never sets the camera', async () => {
    const cy = instance();
    let framed = false;
    expect(await moveInSlices(cy, (n) => moved(n.id()), () => (framed = true), () => true)).toBe(false);
    expect(framed).toBe(false);
    expect(batching(cy)).toBe(false);
    cy.destroy();
  });
});

describe('highlight restyles only what changes', () => {
  it('gives every element the emphasis its selection and hover call for, after any sequence of them', () => {
    const elements = graph(24, 40);
    const cy = cytoscape({ headless: true, styleEnabled: true, elements, style: buildStylesheet('light', false, true, { textScale: 1, encode: true }) });
    const ids = elements.map((e) => e.data.id!);
    const target = fc.option(fc.constantFrom(...ids), { nil: null });
    const step = fc.record({ selected: target, hover: target, hidden: fc.subarray(ids, { maxLength: 6 }) });
    // The rule written out from the definition, element by element, with no collection algebra.
    const expected = (selected: string | null, hover: string | null) => {
      const focusId = hover ?? selected;
      const focus = focusId === null ? null : cy.getElementById(focusId);
      const keep = new Set<string>();
      if (focus && !focus.hasClass('hidden')) {
        const ends = focus.isEdge() ? [focus.source(), focus.target()] : [focus];
        if (focus.isEdge()) keep.add(focus.id());
        else
          for (const e of (focus as cytoscape.NodeSingular).connectedEdges())
            if (!e.hasClass('hidden')) {
              keep.add(e.id());
              ends.push(e.source(), e.target());
            }
        for (const n of ends) for (const a of [n, ...n.ancestors()]) keep.add(a.id());
      }
      return (id: string) => ({
        chosen: id === selected,
        emphasis: keep.has(id) && cy.getElementById(id).isEdge(),
        faded: focus !== null && !focus.hasClass('hidden') && !keep.has(id),
      });
    };
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 8 }), (steps) => {
        for (const { selected, hover, hidden } of steps) {
          cy.elements().removeClass('hidden');
          for (const id of hidden) cy.getElementById(id).addClass('hidden');
          applyHighlight(cy, selected === null ? null : { kind: 'actor', id: selected }, hover);
          const want = expected(selected, hover);
          for (const e of cy.elements()) {
            const w = want(e.id());
            expect({ id: e.id(), chosen: e.hasClass('chosen'), emphasis: e.hasClass('emphasis'), faded: e.hasClass('faded') }).toEqual({ id: e.id(), ...w });
          }
        }
      }),
      { numRuns: 150 },
    );
    cy.destroy();
  });

  it('leaves unchanged elements clean on a repeated selection, and changes classes as before', () => {
    // Without states: Cytoscape restyles a member's state with it, which would blur the count.
    const elements = graph(60, 80)
      .filter((e) => e.data.kind !== 'state')
      .map((e) => (e.group === 'nodes' ? { ...e, data: { ...e.data, parent: undefined } } : e));
    const cy = cytoscape({ headless: true, styleEnabled: true, elements, style: buildStylesheet('light', false, true, { textScale: 1, encode: true }) });
    const dirty = () => cy.elements().filter((e) => (e as unknown as { _private: { styleDirty: boolean } })._private.styleDirty).length;
    applyHighlight(cy, { kind: 'actor', id: 'p1' }, null);
    expect(cy.getElementById('p1').hasClass('chosen')).toBe(true);
    const faded = cy.elements('.faded').length;
    expect(faded).toBeGreaterThan(0);
    expect(cy.getElementById('p1').hasClass('faded')).toBe(false);
    cy.elements().forEach((e) => void e.style('display'));
    expect(dirty()).toBe(0);
    applyHighlight(cy, { kind: 'actor', id: 'p1' }, null);
    expect(dirty()).toBe(0);
    applyHighlight(cy, null, null);
    expect(cy.elements('.faded, .chosen, .emphasis').length).toBe(0);
    expect(dirty()).toBe(faded + 1 + cy.getElementById('p1').connectedEdges().length);
    cy.destroy();
  });
});

describe("the first frame and Cytoscape's layer images", () => {
  const withRenderer = (renderer: unknown) => ({ renderer: () => renderer }) as unknown as cytoscape.Core;

  it('marks the layers of a new instance as already fetched once, so its first frame queues them like any later frame', () => {
    const layers = { firstGet: true };
    layersLater(withRenderer({ data: { lyrTxrCache: layers } }));
    expect(layers.firstGet).toBe(false);
  });

  it('leaves a renderer without that cache or flag as it is (headless, or another Cytoscape version)', () => {
    const other = { data: { lyrTxrCache: { firstGet: 'yes' } } };
    expect(() => layersLater(withRenderer(null))).not.toThrow();
    expect(() => layersLater(withRenderer({}))).not.toThrow();
    layersLater(withRenderer(other));
    expect(other.data.lyrTxrCache.firstGet).toBe('yes');
    expect(() => layersLater(cytoscape({ headless: true, elements: [] }))).not.toThrow();
  });
});

describe("drawing Cytoscape's layer images before a large graph's first frame", () => {
  /** A layer cache that queues `queued` elements when asked for layers and draws one per dequeue. */
  const fakeRenderer = (queued: number) => {
    const calls: string[] = [];
    let left = 0;
    const drawn = { nondrag: ['a', 'b'] };
    const layers = {
      firstGet: false,
      skipping: true,
      layersQueue: { size: () => left },
      getLayers: (eles: unknown, pixelRatio: number) => {
        calls.push(`layers ${eles === drawn.nondrag} ${pixelRatio} skipping=${layers.skipping}`);
        left = queued;
        return null;
      },
      dequeue: (pixelRatio: number) => {
        calls.push(`dequeue ${pixelRatio}`);
        left -= 1;
        return [true];
      },
    };
    const renderer = {
      getPixelRatio: () => 2,
      getCachedZSortedEles: () => drawn,
      flushRenderedStyleQueue: () => calls.push('flush'),
      data: { lyrTxrCache: layers },
    };
    const cy = { renderer: () => renderer, destroyed: () => false } as unknown as cytoscape.Core;
    return { cy, calls, left: () => left };
  };

  it('flushes what changed, asks for the drawn elements\' layers at the pixel ratio, and draws every queued element', async () => {
    const { cy, calls, left } = fakeRenderer(25);
    expect(await layersInSlices(cy, () => false, { slice: 10, budgetMs: 0 })).toBe(true);
    expect(calls.slice(0, 2)).toEqual(['flush', 'layers true 2 skipping=false']);
    expect(calls.slice(2)).toEqual(Array.from({ length: 25 }, () => 'dequeue 2'));
    expect(left()).toBe(0);
  });

  it('stops at a cancellation after the slice in hand, and does nothing when there is nothing to queue', async () => {
    const cancelled = fakeRenderer(25);
    expect(await layersInSlices(cancelled.cy, () => true, { slice: 10, budgetMs: 0 })).toBe(false);
    expect(cancelled.calls.filter((c) => c.startsWith('dequeue'))).toHaveLength(10);
    const whole = fakeRenderer(0);
    expect(await layersInSlices(whole.cy, () => true, { slice: 10, budgetMs: 0 })).toBe(true);
    expect(whole.calls.filter((c) => c.startsWith('dequeue'))).toHaveLength(0);
  });

  it('leaves a renderer without a layer cache as it is (headless, or another Cytoscape version)', async () => {
    const headless = cytoscape({ headless: true, elements: [{ data: { id: 'a' } }] });
    expect(await layersInSlices(headless, () => false)).toBe(true);
    expect(await layersInSlices(withRendererOf(null), () => false)).toBe(true);
    expect(await layersInSlices(withRendererOf({ data: {} }), () => false)).toBe(true);
    headless.destroy();
  });
});

const withRendererOf = (renderer: unknown) => ({ renderer: () => renderer, destroyed: () => false }) as unknown as cytoscape.Core;

describe("drawing the actors' images before the first frame", () => {
  /** A headless instance's renderer with a canvas renderer's image caches added (Cytoscape still calls the rest). */
  const withCaches = (cy: cytoscape.Core, extra: object) => {
    const own = (cy as unknown as { renderer: () => object }).renderer();
    const renderer = Object.assign(Object.create(own) as object, extra);
    (cy as unknown as { renderer: () => object }).renderer = () => renderer;
  };

  it('draws every visible actor once into each of the two image caches, at the pixel ratio, and no state, relation or hidden actor', async () => {
    const elements = graph(300, 200);
    const shown = new Set(elements.filter((e) => e.group === 'nodes' && e.data.kind === 'person' && Number(e.data.id!.slice(1)) % 4 !== 0).map((e) => e.data.id!));
    const states = ['s0', 's1', 's2'];
    const cy = cytoscape({ headless: true, styleEnabled: true, elements: prepareElements(elements, positionsOf(elements), { actorIds: new Set([...shown, ...states]), relationIds: new Set() }), style: buildStylesheet('light', false, true, { textScale: 1, encode: true }) });
    const drawn = { shape: [] as string[], name: [] as string[] };
    const cache = (into: string[]) => ({
      getBoundingBox: (el: cytoscape.SingularElementArgument) => el.id(),
      getElement: (el: cytoscape.SingularElementArgument, box: unknown, pixelRatio: number) => {
        expect(box).toBe(el.id());
        expect(pixelRatio).toBe(2);
        into.push(el.id());
      },
    });
    withCaches(cy, { getPixelRatio: () => 2, data: { eleTxrCache: cache(drawn.shape), lblTxrCache: cache(drawn.name) } });
    expect(await imagesInSlices(cy, () => false, { slice: 7, budgetMs: 0 })).toBe(true);
    expect(drawn.shape.sort()).toEqual([...shown].sort());
    expect(drawn.name.sort()).toEqual([...shown].sort());
    cy.destroy();
  });

  it('stops at a cancellation after the slice in hand', async () => {
    const elements = graph(100, 0);
    const cy = cytoscape({ headless: true, styleEnabled: true, elements: prepareElements(elements, positionsOf(elements), { actorIds: new Set(elements.map((e) => e.data.id!)), relationIds: new Set() }) });
    let count = 0;
    const cache = { getBoundingBox: () => null, getElement: () => (count += 1) };
    withCaches(cy, { getPixelRatio: () => 1, data: { eleTxrCache: cache } });
    expect(await imagesInSlices(cy, () => true, { slice: 10, budgetMs: 0 })).toBe(false);
    expect(count).toBe(10);
    cy.destroy();
  });
});

describe('styling now, each stale derived cache emptied once', () => {
  const instance = (elements: ElementDefinition[]) =>
    cytoscape({ headless: true, styleEnabled: true, elements, style: buildStylesheet('light', false, true, { textScale: 1, encode: true }) });
  /** Every property of every element's style, as Cytoscape reports it. */
  const styles = (cy: cytoscape.Core) => Object.fromEntries(cy.elements().map((e) => [e.id(), e.style() as unknown]));
  type Proto = { dirtyStyleCache: (this: cytoscape.Collection) => cytoscape.Collection };

  it('styles every element as a plain read would, and gives back the prototype it borrowed', () => {
    const elements = graph(60, 120);
    const plain = instance(elements);
    const now = instance(elements);
    const proto = Object.getPrototypeOf(now.elements()[0]) as Proto;
    const original = proto.dirtyStyleCache;
    styleNow(now.elements().toArray());
    expect(proto.dirtyStyleCache).toBe(original);
    expect(styles(now)).toEqual(styles(plain));
    plain.destroy();
    now.destroy();
  });

  it("empties the derived caches of a styled element's state members and relations", () => {
    const cy = instance(graph(9, 12));
    styleNow(cy.elements().toArray());
    const state = cy.getElementById('s0');
    const members = state.children();
    const relations = members.connectedEdges();
    // Cached now: without the final emptying, the members would still read as drawn.
    expect(members.toArray().every((m) => m.visible())).toBe(true);
    expect(relations.toArray().every((r) => r.visible())).toBe(true);
    state.addClass('hidden');
    styleNow([state]);
    expect(members.toArray().some((m) => m.visible())).toBe(false);
    expect(relations.toArray().some((r) => r.visible())).toBe(false);
    cy.destroy();
  });

  it('announces new bounds for the same elements as a plain read, far fewer times', () => {
    const announced = (now: boolean) => {
      const cy = instance(graph(30, 40));
      const ids: string[] = [];
      cy.on('bounds', (event) => {
        ids.push((event.target as cytoscape.SingularElementReturnValue).id());
      });
      if (now) styleNow(cy.elements().toArray());
      else
        cy.elements().forEach((e) => {
          e.numericStyle('width');
        });
      cy.destroy();
      return ids;
    };
    const plain = announced(false);
    const now = announced(true);
    expect(new Set(now)).toEqual(new Set(plain));
    // Once per element, and once more per state box for each of its members (Cytoscape's own walk up).
    expect(now.length).toBeLessThanOrEqual(2 * new Set(now).size);
    expect(plain.length).toBeGreaterThan(2 * now.length);
  });

  it("calls Cytoscape's emptying once for the whole set, not once per property", () => {
    const cy = instance(graph(30, 40));
    const proto = Object.getPrototypeOf(cy.elements()[0]) as Proto;
    const original = proto.dirtyStyleCache;
    let calls = 0;
    let perPlainRead: number;
    proto.dirtyStyleCache = function (this: cytoscape.Collection) {
      calls += 1;
      return original.call(this);
    };
    try {
      const twin = instance(graph(30, 40));
      twin.elements().forEach((e) => {
        e.numericStyle('width');
      });
      perPlainRead = calls;
      calls = 0;
      styleNow(cy.elements().toArray());
      twin.destroy();
    } finally {
      proto.dirtyStyleCache = original;
    }
    expect(perPlainRead).toBeGreaterThan(cy.elements().length);
    expect(calls).toBe(1);
    cy.destroy();
  });
});

describe('measuring without announcing a change', () => {
  const instance = () =>
    cytoscape({
      headless: true,
      styleEnabled: true,
      style: buildStylesheet('light', false, true, { textScale: 1, encode: true }),
      elements: [
        { group: 'nodes', data: { id: 's', kind: 'state', label: 'State' } },
        { group: 'nodes', data: { id: 'p', kind: 'person', label: 'P', parent: 's' }, position: { x: 0, y: 0 } },
        { group: 'nodes', data: { id: 'q', kind: 'person', label: 'Q', parent: 's' }, position: { x: 300, y: 100 } },
        { group: 'edges', data: { id: 'e', source: 'p', target: 'q', type: 'alliance', rlabel: 'allies' } },
      ],
    });

  /** The bounds announced while the actors and the relation are measured, and what they measure. */
  function measured(quiet: boolean) {
    const cy = instance();
    styleNow(cy.elements().toArray());
    const announced: string[] = [];
    cy.on('bounds', (event) => {
      announced.push((event.target as cytoscape.SingularElementReturnValue).id());
    });
    const eles = cy.elements().filter((e) => !(e.isNode() && e.isParent())).toArray();
    if (quiet) measure(eles);
    else
      for (const el of eles) {
        el.boundingBox();
        el.visible();
      }
    const boxes = eles.map((e) => [e.id(), e.boundingBox(), e.visible()]);
    cy.destroy();
    return { announced, boxes };
  }

  it('gives the same bounds as plain measuring, and the element measured announces nothing', () => {
    const plain = measured(false);
    const quiet = measured(true);
    expect(plain.announced).toEqual(expect.arrayContaining(['p', 'q', 'e']));
    expect(quiet.boxes).toEqual(plain.boxes);
    // The relation and the first actor can only announce their own measurement; the second actor
    // is re-measured by the state box around the first, which is a change and is announced.
    expect(quiet.announced).not.toContain('e');
    expect(quiet.announced).not.toContain('p');
    expect(quiet.announced.length).toBeLessThan(plain.announced.length);
  });

  it('gives back the prototype it borrowed', () => {
    const cy = instance();
    const proto = Object.getPrototypeOf(cy.elements()[0]) as { emitAndNotify: unknown };
    const original = proto.emitAndNotify;
    measure(cy.elements().toArray());
    expect(proto.emitAndNotify).toBe(original);
    cy.destroy();
  });
});
