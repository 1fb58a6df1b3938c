import type { Position } from 'cytoscape';

// A force layout comes out about as wide as tall; a phone's canvas is 0.6 times as wide as tall,
// so its picture is framed by its width and its names end up too small or off the canvas. This
// pure step narrows a picture: it draws every actor closer to the middle (x only) and then lets
// whatever now touches drop below what it touched, keeping the top-to-bottom order. Members of a
// state drop within their state first; then states and lone actors drop as rigid blocks, so a
// state box never lands on another. No Cytoscape here: it is unit-tested on plain boxes.

export interface SqueezeItem {
  id: string;
  /** The state the actor belongs to, or null. */
  group: string | null;
  /** The centre of the actor's shape. */
  x: number;
  y: number;
  /** The actor's room: its shape and its name under it, as wide as the wider of the two. */
  width: number;
  /** How far the room reaches above and below the shape's centre. */
  above: number;
  below: number;
}

export interface SqueezeOptions {
  /** Kept between any two rooms or blocks, in graph units. */
  gap: number;
  /** A state's box around its members: padding all round, plus its name above. */
  padding: number;
  header: number;
}

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

interface Block extends Box {
  members: string[];
}

const xOverlap = (a: { x1: number; x2: number }, b: { x1: number; x2: number }, gap: number) => a.x1 < b.x2 + gap && b.x1 < a.x2 + gap;

/** Each box (taken in order from the top) moves down until it clears every box placed before it. */
function dropAll<T extends { x1: number; y1: number; x2: number; y2: number }>(boxes: T[], gap: number, move: (box: T, dy: number) => void) {
  const order = [...boxes].sort((a, b) => a.y1 - b.y1 || a.x1 - b.x1);
  const placed: T[] = [];
  for (const box of order) {
    let top = box.y1;
    // A box dropped below one placed box may now meet another: repeat until it is clear.
    for (let moved = true; moved; ) {
      moved = false;
      for (const p of placed)
        if (xOverlap(p, box, gap) && p.y1 < top + (box.y2 - box.y1) + gap && top < p.y2 + gap) {
          top = p.y2 + gap;
          moved = true;
        }
    }
    if (top !== box.y1) move(box, top - box.y1);
    placed.push(box);
  }
}

/**
 * The picture narrowed to `factor` of its width about its middle, with touching rooms dropped apart
 * (see above). Returns the new centres and the extent of everything drawn (state boxes included).
 */
export function squeezeWide(
  items: readonly SqueezeItem[],
  factor: { inner: number; outer: number },
  options: SqueezeOptions,
): { positions: Map<string, Position>; blocks: Map<string, Box>; width: number; height: number } {
  const { gap, padding, header } = options;
  const at = new Map<string, { x: number; y: number; item: SqueezeItem }>();
  for (const i of items) at.set(i.id, { x: i.x, y: i.y, item: i });
  const room = (id: string): Box => {
    const p = at.get(id)!;
    return { x1: p.x - p.item.width / 2, x2: p.x + p.item.width / 2, y1: p.y - p.item.above, y2: p.y + p.item.below };
  };
  const middle = (ids: readonly string[]) => {
    const rs = ids.map(room);
    return (Math.min(...rs.map((r) => r.x1)) + Math.max(...rs.map((r) => r.x2))) / 2;
  };
  // Each state or lone actor is a block, keyed by the state's id or the actor's.
  const groups = new Map<string, string[]>();
  for (const i of items) {
    const key = i.group ?? i.id;
    const list = groups.get(key);
    if (list) list.push(i.id);
    else groups.set(key, [i.id]);
  }
  // Blocks closer to the picture's middle, then members closer to their block's middle.
  const whole = middle(items.map((i) => i.id));
  for (const ids of groups.values()) {
    const own = middle(ids);
    const shift = (whole + (own - whole) * factor.outer) - own;
    for (const id of ids) {
      const p = at.get(id)!;
      p.x = own + shift + (p.x - own) * factor.inner;
    }
  }
  // Members that now touch drop apart within their state.
  for (const ids of groups.values()) {
    if (ids.length < 2) continue;
    const boxes = ids.map((id) => ({ id, ...room(id) }));
    dropAll(boxes, gap, (b, dy) => {
      at.get(b.id)!.y += dy;
      b.y1 += dy;
      b.y2 += dy;
    });
  }
  // Then states (with their padding and name) and lone actors, as rigid blocks.
  const blocks: (Block & { key: string })[] = [];
  for (const [key, ids] of groups) {
    const rs = ids.map(room);
    const framed = at.get(ids[0]!)!.item.group !== null;
    const pad = framed ? padding : 0;
    blocks.push({
      key,
      members: ids,
      x1: Math.min(...rs.map((r) => r.x1)) - pad,
      x2: Math.max(...rs.map((r) => r.x2)) + pad,
      y1: Math.min(...rs.map((r) => r.y1)) - pad - (framed ? header : 0),
      y2: Math.max(...rs.map((r) => r.y2)) + pad,
    });
  }
  dropAll(blocks, gap, (b, dy) => {
    for (const id of b.members) at.get(id)!.y += dy;
    b.y1 += dy;
    b.y2 += dy;
  });
  const positions = new Map<string, Position>();
  for (const [id, p] of at) positions.set(id, { x: p.x, y: p.y });
  return {
    positions,
    blocks: new Map(blocks.map((b) => [b.key, { x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 }])),
    width: Math.max(...blocks.map((b) => b.x2)) - Math.min(...blocks.map((b) => b.x1)),
    height: Math.max(...blocks.map((b) => b.y2)) - Math.min(...blocks.map((b) => b.y1)),
  };
}

/** The clear space between two boxes: the larger of the horizontal and the vertical gap (negative if they overlap). */
export const clearance = (a: Box, b: Box) => Math.max(a.x1 - b.x2, b.x1 - a.x2, a.y1 - b.y2, b.y1 - a.y2);
