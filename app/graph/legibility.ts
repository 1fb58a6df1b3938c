import type { ElementDefinition, Position } from 'cytoscape';

// Pure rules for a picture that reads at a glance: text sizes for the screen, a portrait layout on
// a portrait canvas, labels by priority without collisions, parallel relations kept apart. No
// Cytoscape here, so each rule is unit-tested and the graph controller only applies the results.

/** The smallest name the first view may draw, in CSS pixels: 12 on a desktop, 11 on a phone. */
export const minNamePx = (canvasWidth: number) => (canvasWidth < 500 ? 11 : 12);

/** Names are drawn at 12 graph units by default; text is scaled up to this many times that. */
export const maxTextScale = 2.4;

/**
 * How much larger than the stylesheet's base size the text must be so that, at `zoom`, a
 * 12-unit name reads at `minPx` screen pixels. Never smaller than the base; capped, because
 * text much larger than its node stops looking like a label (the first camera zooms in instead).
 */
export function textScaleFor(zoom: number, minPx: number, base = 12): number {
  if (!(zoom > 0)) return 1;
  const needed = minPx / (zoom * base);
  // A hair over, so rounding in the renderer never lands a name at 11.98 px.
  return Math.min(maxTextScale, Math.max(1, Math.ceil(needed * 100) / 100 + 0.01));
}

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

const extent = (positions: ReadonlyMap<string, Position>) => {
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const p of positions.values()) {
    x1 = Math.min(x1, p.x);
    y1 = Math.min(y1, p.y);
    x2 = Math.max(x2, p.x);
    y2 = Math.max(y2, p.y);
  }
  return { w: x2 - x1, h: y2 - y1, cx: (x1 + x2) / 2, cy: (y1 + y2) / 2 };
};

/** A canvas clearly taller than wide (a phone's): small graphs get a picture laid out for it. */
export const portraitCanvas = (width: number, height: number) => height > width * 1.15;

/**
 * A layout is computed once per dataset, wider than tall; a phone's canvas is taller than wide.
 * Turning the picture a quarter turn (about its centre) lets it fill the canvas, which makes
 * everything in it larger on screen. Distances, and so the layout's quality, are unchanged.
 */
export function orientToCanvas(positions: ReadonlyMap<string, Position>, width: number, height: number): ReadonlyMap<string, Position> {
  if (positions.size < 2 || !(width > 0) || !(height > 0)) return positions;
  const e = extent(positions);
  const canvasPortrait = portraitCanvas(width, height);
  const layoutLandscape = e.w > e.h * 1.15;
  const canvasLandscape = width > height * 1.15;
  const layoutPortrait = e.h > e.w * 1.15;
  if (!((canvasPortrait && layoutLandscape) || (canvasLandscape && layoutPortrait))) return positions;
  const out = new Map<string, Position>();
  // (x, y) → (y, -x) about the centre: a clockwise quarter turn on screen, y pointing down.
  for (const [k, p] of positions) out.set(k, { x: e.cx - (p.y - e.cy), y: e.cy + (p.x - e.cx) });
  return out;
}

export interface LabelCandidate {
  id: string;
  /** Higher first: selection, then search hits, then degree. */
  priority: number;
  /** One box, or a chain of boxes covering a rotated label (see `rotatedLabelBoxes`). */
  box: Box | Box[];
  /** Drawn whatever it touches (and then an obstacle for the rest). */
  always?: boolean;
  /** Tested against what is kept but no obstacle itself: relation labels yield to names, not to each other. */
  yields?: boolean;
  /** Other places the label may go, tried in order when `box` is taken. */
  alternatives?: (Box | Box[])[];
}

const overlaps = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/**
 * Which labels to draw, sigma.js-style: in priority order, a label is kept only if its box
 * (in screen pixels) touches no kept box. Boxes are bucketed in a grid of `cell` pixels, so each
 * test looks at a few neighbours, not every kept label: O(n) for evenly spread labels.
 */
export function labelGrid(candidates: readonly LabelCandidate[], cell = 64, placement?: Map<string, number>): Set<string> {
  const sorted = [...candidates].sort((a, b) => Number(b.always ?? false) - Number(a.always ?? false) || b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const grid = new Map<string, Box[]>();
  const kept = new Set<string>();
  const cells = (b: Box) => {
    const out: string[] = [];
    for (let i = Math.floor(b.x1 / cell); i <= Math.floor(b.x2 / cell); i++)
      for (let j = Math.floor(b.y1 / cell); j <= Math.floor(b.y2 / cell); j++) out.push(`${i},${j}`);
    return out;
  };
  const hit = (box: Box) => cells(box).some((k) => grid.get(k)?.some((b) => overlaps(b, box)));
  const first = sorted.map((c) => (Array.isArray(c.box) ? c.box : [c.box]));
  /** How many labels still to place would lose their first place to `boxes`. */
  const blocks = (boxes: Box[], from: number) => {
    let n = 0;
    for (let j = from; j < first.length; j++) if (first[j]!.some((q) => boxes.some((b) => overlaps(q, b)))) n++;
    return n;
  };
  for (const [i, c] of sorted.entries()) {
    const places = [c.box, ...(c.alternatives ?? [])].map((p) => (Array.isArray(p) ? p : [p]));
    let at = c.always ? 0 : places.findIndex((p) => !p.some(hit));
    if (at < 0) continue;
    // A label that can move does so out of the way of those after it: among its free places, the
    // first that takes the fewest of their first places (a label across a bundle, say, slides
    // off it rather than hide two of its labels).
    if (!c.always && places.length > 1) {
      let cost = blocks(places[at]!, i + 1);
      for (let k = at + 1; k < places.length && cost > 0; k++) {
        if (places[k]!.some(hit)) continue;
        const here = blocks(places[k]!, i + 1);
        if (here < cost) {
          cost = here;
          at = k;
        }
      }
    }
    const boxes = places[at]!;
    placement?.set(c.id, at);
    kept.add(c.id);
    if (c.yields) continue;
    for (const box of boxes)
      for (const k of cells(box)) {
        const list = grid.get(k);
        if (list) list.push(box);
        else grid.set(k, [box]);
      }
  }
  return kept;
}

export interface EdgeEnds {
  id: string;
  source: string;
  target: string;
}

/**
 * Relations between the same two ends fan out as curves, symmetric about the straight line and
 * `step` graph units apart: distances 0, ±step, ±2·step… for an odd count, ±step/2, ±3·step/2…
 * for an even one. Signs are taken against a fixed direction of the pair (the smaller id first),
 * so two relations pointing opposite ways still bend to opposite sides. `ends` maps an actor to
 * the end the canvas draws (a hidden member's state box, say); by default the actor itself.
 */
export function parallelOffsets(edges: readonly EdgeEnds[], step: number, ends: (id: string) => string = (id) => id): Map<string, number> {
  const groups = new Map<string, { id: string; flip: boolean }[]>();
  for (const e of edges) {
    const a = ends(e.source);
    const b = ends(e.target);
    if (a === b) continue;
    const key = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
    const entry = { id: e.id, flip: a > b };
    const list = groups.get(key);
    if (list) list.push(entry);
    else groups.set(key, [entry]);
  }
  const out = new Map<string, number>();
  for (const list of groups.values()) {
    if (list.length < 2) continue;
    list.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
    list.forEach((e, i) => {
      const d = (i - (list.length - 1) / 2) * step;
      // Cytoscape measures a control point's distance from the source's side of the line.
      out.set(e.id, e.flip ? -d : d);
    });
  }
  return out;
}

/** Relation widths: from 2 to 9 graph units, by weight (or evidence count) against the largest shown. */
export function widthFor(value: number, max: number): number {
  if (!(max > 1) || !(value > 0)) return 3;
  return Math.round((2 + 7 * Math.sqrt(Math.min(value, max) / max)) * 10) / 10;
}

/** Node diameters: from 34 to 72 graph units, area growing with the number of visible relations. */
export function sizeFor(degree: number, maxDegree: number): number {
  if (!(maxDegree > 0)) return 44;
  return Math.round(34 + 38 * Math.sqrt(Math.max(0, Math.min(degree, maxDegree)) / maxDegree));
}

/**
 * A label turned along its line has an axis-aligned box far larger than its text (a square at
 * 45°). It is covered instead by a chain of squares of the text's height along the line, which is
 * what the collision test needs. `aabb` is the renderer's box, `angle` the line's, `height` the
 * text's height; all in screen pixels.
 */
export function rotatedLabelBoxes(aabb: Box, angle: number, height: number): Box[] {
  const c = Math.abs(Math.cos(angle));
  const s = Math.abs(Math.sin(angle));
  const w = aabb.x2 - aabb.x1;
  const h = aabb.y2 - aabb.y1;
  if (s < 0.05 || c < 0.05 || h <= height * 1.2) return [aabb];
  const length = Math.max(height, c >= s ? (w - height * s) / c : (h - height * c) / s);
  const steps = Math.max(1, Math.ceil(length / height));
  const cx = (aabb.x1 + aabb.x2) / 2;
  const cy = (aabb.y1 + aabb.y2) / 2;
  const dx = Math.cos(angle);
  const dy = Math.sin(angle);
  const half = height / 2;
  const out: Box[] = [];
  for (let i = 0; i < steps; i++) {
    const t = (i + 0.5) / steps - 0.5;
    const x = cx + dx * t * (length - height);
    const y = cy + dy * t * (length - height);
    out.push({ x1: x - half, y1: y - half, x2: x + half, y2: y + half });
  }
  return out;
}

/** Graph units per character of a name at 12 units, a little over the system UI font's bold average. */
const charWidth = 0.6;

/**
 * The box a name will take under its shape, in graph units, at text scale `scale`: wrapped at
 * spaces to the stylesheet's 120-unit width the way Cytoscape wraps it (each `\n` starts a line).
 * An estimate from character counts, so the build, the worker and the tests agree on it without
 * measuring text (a headless layout has no canvas to measure with).
 */
export function nameBox(label: string, scale: number): { width: number; height: number } {
  const font = 12 * scale;
  const max = 120 * scale;
  const glyph = charWidth * font;
  let width = 0;
  let lines = 0;
  for (const paragraph of label.split('\n')) {
    let line = 0;
    lines += 1;
    for (const word of paragraph.split(/[ \u200b]+/)) {
      const w = word.length * glyph;
      const next = line === 0 ? w : line + glyph + w;
      if (line > 0 && next > max) {
        width = Math.max(width, line);
        lines += 1;
        line = w;
      } else line = next;
    }
    width = Math.max(width, Math.min(max, line));
  }
  return { width: Math.round(width), height: Math.round(lines * font * 1.2) };
}

/**
 * The room the layout gives an actor: its shape with its name under it (plus `gap` all round),
 * as one box centred on the shape. The name hangs below the shape, so the box is as tall as
 * shape and name together: two actors stacked then keep the upper one's name clear of the lower
 * one's shape. Without this the layout spaces shapes while the first camera draws names up to
 * 2.4 times larger, and names land on each other.
 */
export function actorRoom(label: string, shape: number, scale: number, gap: number): { width: number; height: number } {
  const name = nameBox(label, scale);
  return { width: Math.round(Math.max(shape, name.width) + 2 * gap), height: Math.round(shape + 5 + name.height + 2 * gap) };
}

/** The shape (width / height) of the canvas a picture is laid out for: a desktop's graph panel. */
export const landscapeAspect = 1.4;
/** A phone's graph panel: 353 × 583 px on a 375 × 812 screen (the graph takes 72 % of its height). */
export const portraitAspect = 0.6;

export interface Room {
  /** The centre of the actor's shape. */
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * How legible a small graph's picture is, higher better: the scale at which all its rooms (shape
 * and name, see `actorRoom`) fit a canvas of shape `aspect`, one unit tall, so larger means the
 * first camera can draw the names larger; each pair of rooms that overlap halves it (names that
 * touch are worse than names a little smaller).
 */
export function layoutScore(rooms: readonly Room[], aspect: number): number {
  if (rooms.length === 0) return 0;
  const boxes = rooms.map((r) => ({ x1: r.x - r.width / 2, y1: r.y - r.height / 2, x2: r.x + r.width / 2, y2: r.y + r.height / 2 }));
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const b of boxes) {
    x1 = Math.min(x1, b.x1);
    y1 = Math.min(y1, b.y1);
    x2 = Math.max(x2, b.x2);
    y2 = Math.max(y2, b.y2);
  }
  let touching = 0;
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) if (overlaps(boxes[i]!, boxes[j]!)) touching++;
  return Math.min(aspect / (x2 - x1), 1 / (y2 - y1)) * 0.5 ** touching;
}

/**
 * Up to this many actors every name is drawn, at the first camera's text scale (up to
 * `maxTextScale`): the layout then leaves each actor the room its name will take, and each
 * relation the length of its label. Above it names are chosen by priority as the camera comes
 * closer, and actors keep a fixed room (a 77-actor picture sized for every name would be tiny).
 */
export const roomyLimit = 40;

/** Actors that are not states: the ones whose names the first camera must make readable. */
export function leafActors(elements: readonly ElementDefinition[]): number {
  const parents = new Set<string>();
  for (const e of elements) if (e.group === 'nodes' && e.data.parent) parents.add(e.data.parent);
  let leaves = 0;
  for (const e of elements) if (e.group === 'nodes' && !parents.has(e.data.id!)) leaves++;
  return leaves;
}

/** Whether a graph is small enough for every name to be given its room (and a phone its own picture). */
export const roomyGraph = (elements: readonly ElementDefinition[]) => leafActors(elements) <= roomyLimit;

/**
 * Above this many actors the first camera simply frames the graph: names come by priority as the
 * reader zooms in, and enlarging text for the first camera (a restyle and a fit per pass over
 * every element) would cost a graph of hundreds more than it gives.
 */
export const readableFrameLimit = 100;

/**
 * Where a first camera that cannot show the whole graph at a readable zoom should look, as the
 * middle of a `window` (the canvas in graph units at that zoom) over the actors' `points`.
 * The middle of the graph, unless a window elsewhere holds more than twice as many actors: a
 * circle or a ring has nobody in its middle, and a close-up there showed only crossing lines.
 * Each actor, and each point halfway between it and the middle, is a candidate; the most actors
 * inside wins, the nearer the middle on a tie, so the choice is the same on every load.
 */
export function closeUpCentre(points: readonly Position[], middle: Position, window: { width: number; height: number }): Position {
  const inside = (c: Position) => {
    let n = 0;
    for (const p of points) if (Math.abs(p.x - c.x) <= window.width / 2 && Math.abs(p.y - c.y) <= window.height / 2) n++;
    return n;
  };
  const atMiddle = inside(middle);
  let best = middle;
  let bestCount = atMiddle;
  let bestDistance = 0;
  for (const p of points)
    for (const c of [p, { x: (p.x + middle.x) / 2, y: (p.y + middle.y) / 2 }]) {
      const count = inside(c);
      const distance = Math.hypot(c.x - middle.x, c.y - middle.y);
      if (count > bestCount || (count === bestCount && distance < bestDistance)) {
        best = c;
        bestCount = count;
        bestDistance = distance;
      }
    }
  return bestCount > 2 * atMiddle ? best : middle;
}
