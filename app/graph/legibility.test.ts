import { describe, expect, it } from 'vitest';
import { actorRoom, closeUpCentre, labelGrid, layoutScore, nameBox, orientToCanvas, parallelOffsets, portraitCanvas, roomyGraph, rotatedLabelBoxes, sizeFor, textScaleFor, widthFor, leafActors } from './legibility.ts';

describe('textScaleFor', () => {
  it('enlarges text until a 12-unit name reads at the minimum, and never shrinks it', () => {
    const s = textScaleFor(0.5, 12);
    expect(0.5 * 12 * s).toBeGreaterThanOrEqual(12);
    expect(textScaleFor(2, 12)).toBe(1);
  });
  it('is capped, so the first camera zooms in instead of drawing giant text', () => {
    expect(textScaleFor(0.05, 12)).toBe(2.4);
  });
});

describe('orientToCanvas', () => {
  const wide = new Map([
    ['a', { x: 0, y: 0 }],
    ['b', { x: 400, y: 0 }],
    ['c', { x: 200, y: 100 }],
  ]);
  it('turns a wide layout a quarter turn for a tall canvas, keeping distances', () => {
    const out = orientToCanvas(wide, 350, 600);
    const d = (p: { x: number; y: number }, q: { x: number; y: number }) => Math.hypot(p.x - q.x, p.y - q.y);
    expect(Math.abs(out.get('a')!.y - out.get('b')!.y)).toBeCloseTo(400);
    expect(d(out.get('a')!, out.get('c')!)).toBeCloseTo(d(wide.get('a')!, wide.get('c')!));
  });
  it('leaves a layout that already fits the canvas alone', () => {
    expect(orientToCanvas(wide, 800, 500)).toBe(wide);
  });
});

describe('labelGrid', () => {
  const box = (x: number, y: number) => ({ x1: x, y1: y, x2: x + 50, y2: y + 12 });
  it('keeps labels in priority order and drops those that touch a kept one', () => {
    const kept = labelGrid([
      { id: 'low', priority: 1, box: box(10, 0) },
      { id: 'high', priority: 9, box: box(0, 0) },
      { id: 'apart', priority: 0, box: box(200, 200) },
    ]);
    expect([...kept].sort()).toEqual(['apart', 'high']);
  });
  it('draws an always-label whatever it touches, and a yielding one is no obstacle', () => {
    const kept = labelGrid([
      { id: 'name', priority: 0, box: box(0, 0), always: true },
      { id: 'a', priority: 5, box: box(100, 0), yields: true },
      { id: 'b', priority: 4, box: box(110, 0), yields: true },
      { id: 'over-name', priority: 9, box: box(5, 0), yields: true },
    ]);
    expect([...kept].sort()).toEqual(['a', 'b', 'name']);
  });
  it('moves a label with other places out of the way of those after it, and relation labels block each other', () => {
    const placement = new Map<string, number>();
    const kept = labelGrid(
      [
        // Free in the middle, but there it would take the only place of the two after it.
        { id: 'across', priority: 9, box: box(0, 0), alternatives: [box(0, 100), box(0, 200)] },
        { id: 'one', priority: 5, box: box(20, 4) },
        { id: 'two', priority: 4, box: box(20, 100) },
        // Over `one`, kept before it: dropped.
        { id: 'late', priority: 1, box: box(30, 6) },
      ],
      64,
      placement,
    );
    expect([...kept].sort()).toEqual(['across', 'one', 'two']);
    expect(placement.get('across')).toBe(2);
  });
});

describe('parallelOffsets', () => {
  it('fans relations between the same two ends symmetrically, opposite directions included', () => {
    const out = parallelOffsets(
      [
        { id: 'r1', source: 'a', target: 'b' },
        { id: 'r2', source: 'b', target: 'a' },
        { id: 'r3', source: 'a', target: 'b' },
        { id: 'solo', source: 'a', target: 'c' },
      ],
      20,
    );
    expect(out.get('r1')).toBe(-20);
    // r2 runs b→a: its distance is mirrored so it lands on the middle of the fan.
    expect(Math.abs(out.get('r2')!)).toBe(0);
    expect(out.get('r3')).toBe(20);
    expect(out.has('solo')).toBe(false);
  });
});

describe('rotatedLabelBoxes', () => {
  it('covers a 45° label with small squares, not its large axis-aligned box', () => {
    const boxes = rotatedLabelBoxes({ x1: 0, y1: 0, x2: 80, y2: 80 }, Math.PI / 4, 12);
    expect(boxes.length).toBeGreaterThan(3);
    for (const b of boxes) expect(b.x2 - b.x1).toBe(12);
  });
});

describe('encodings', () => {
  it('grows with degree and weight', () => {
    expect(sizeFor(10, 10)).toBeGreaterThan(sizeFor(2, 10));
    expect(widthFor(5, 5)).toBeGreaterThan(widthFor(1, 5));
    expect(widthFor(1, 1)).toBe(3);
  });
});

describe('room for names in a small graph', () => {
  it('wraps a name at spaces to the 120-unit width, scaled, one line per \\n', () => {
    const one = nameBox('Kim Jong Un', 1);
    expect(one.height).toBe(Math.round(12 * 1.2));
    expect(nameBox('Kim Jong Un', 2.4).width).toBeCloseTo(one.width * 2.4, -1);
    const long = nameBox('Lee administration', 1);
    expect(long.width).toBeLessThanOrEqual(120);
    expect(long.height).toBe(Math.round(2 * 12 * 1.2));
    expect(nameBox('Xi\n习近平', 1).height).toBe(Math.round(2 * 12 * 1.2));
  });

  it("gives an actor its shape and its name's room, whichever is wider", () => {
    expect(actorRoom('Xi', 60, 1, 0)).toEqual({ width: 60, height: 60 + 5 + Math.round(12 * 1.2) });
    const wide = actorRoom('Lee administration', 34, 2.4, 8);
    expect(wide.width).toBe(nameBox('Lee administration', 2.4).width + 16);
  });

  it('scores a compact picture above a spread one, and names that touch lower still', () => {
    const rooms = (dx: number) => [0, 1, 2].map((i) => ({ x: i * dx, y: 0, width: 100, height: 50 }));
    expect(layoutScore(rooms(120), 1.4)).toBeGreaterThan(layoutScore(rooms(300), 1.4));
    expect(layoutScore(rooms(80), 1.4)).toBeLessThan(layoutScore(rooms(120), 1.4));
  });

  it('calls a canvas portrait only when clearly taller than wide, and a graph small up to 40 actors', () => {
    expect(portraitCanvas(353, 583)).toBe(true);
    expect(portraitCanvas(746, 735)).toBe(false);
    const graph = (n: number) => Array.from({ length: n }, (_, i) => ({ group: 'nodes' as const, data: { id: `a${i}`, parent: 's' } })).concat([{ group: 'nodes' as const, data: { id: 's', parent: undefined as unknown as string } }]);
    expect(roomyGraph(graph(40))).toBe(true);
    expect(roomyGraph(graph(41))).toBe(false);
  });
});

describe('leafActors', () => {
  it('counts actors, not the states that contain them, nor relations', () => {
    const elements = [
      { group: 'nodes', data: { id: 'kr' } },
      { group: 'nodes', data: { id: 'lee', parent: 'kr' } },
      { group: 'nodes', data: { id: 'wi', parent: 'kr' } },
      { group: 'nodes', data: { id: 'xi' } },
      { group: 'edges', data: { id: 'r', source: 'lee', target: 'xi' } },
    ] as const;
    expect(leafActors(elements as never)).toBe(3);
  });
});

describe('closeUpCentre', () => {
  const ring = (n: number, r: number) => Array.from({ length: n }, (_, i) => ({ x: r * Math.cos((2 * Math.PI * i) / n), y: r * Math.sin((2 * Math.PI * i) / n) }));
  const count = (points: { x: number; y: number }[], c: { x: number; y: number }, w: { width: number; height: number }) =>
    points.filter((p) => Math.abs(p.x - c.x) <= w.width / 2 && Math.abs(p.y - c.y) <= w.height / 2).length;

  it('looks at the ring, not its empty middle, when a circle is too large to read whole', () => {
    const points = ring(77, 1000);
    const window = { width: 600, height: 450 };
    expect(count(points, { x: 0, y: 0 }, window)).toBe(0);
    const at = closeUpCentre(points, { x: 0, y: 0 }, window);
    // Several actors in view, and the same choice on every call.
    expect(count(points, at, window)).toBeGreaterThanOrEqual(5);
    expect(closeUpCentre(points, { x: 0, y: 0 }, window)).toEqual(at);
  });

  it('keeps the middle when it holds at least half as many actors as any other window', () => {
    const core = Array.from({ length: 10 }, (_, i) => ({ x: (i % 5) * 40 - 80, y: Math.floor(i / 5) * 40 }));
    // A cluster elsewhere with more actors, but not twice as many: the middle stays.
    const cluster = Array.from({ length: 18 }, (_, i) => ({ x: 2000 + (i % 6) * 30, y: Math.floor(i / 6) * 30 }));
    expect(closeUpCentre([...core, ...cluster], { x: 0, y: 0 }, { width: 500, height: 400 })).toEqual({ x: 0, y: 0 });
    // Twice as many and one more: the camera goes to them.
    const bigger = Array.from({ length: 21 }, (_, i) => ({ x: 2000 + (i % 7) * 30, y: Math.floor(i / 7) * 30 }));
    const at = closeUpCentre([...core, ...bigger], { x: 0, y: 0 }, { width: 500, height: 400 });
    expect(count(bigger, at, { width: 500, height: 400 })).toBe(21);
  });

  it('of equally full windows takes the one nearest the middle', () => {
    const points = [
      { x: -900, y: 0 },
      { x: 300, y: 0 },
      { x: 2000, y: 0 },
    ];
    // Each window holds one actor; halfway to the nearest one is nearest the middle.
    expect(closeUpCentre(points, { x: 0, y: 0 }, { width: 400, height: 100 })).toEqual({ x: 150, y: 0 });
  });

  it('with no actors, or a window as large as the graph, stays in the middle', () => {
    expect(closeUpCentre([], { x: 5, y: 7 }, { width: 10, height: 10 })).toEqual({ x: 5, y: 7 });
    expect(closeUpCentre(ring(12, 100), { x: 0, y: 0 }, { width: 500, height: 500 })).toEqual({ x: 0, y: 0 });
  });
});
