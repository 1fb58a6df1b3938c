import { describe, expect, it } from 'vitest';
import { clearance, squeezeWide, type SqueezeItem } from './portrait-squeeze.ts';

const item = (id: string, x: number, y: number, group: string | null = null): SqueezeItem => ({ id, group, x, y, width: 100, above: 20, below: 40 });
const frame = { gap: 10, padding: 20, header: 30 };
const overlap = (a: { x1: number; y1: number; x2: number; y2: number }, b: typeof a) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

describe('squeezeWide', () => {
  const items = [item('a', 0, 0, 's'), item('b', 200, 0, 's'), item('c', 500, 0), item('d', 500, 200)];

  it('leaves a picture alone at full width', () => {
    const out = squeezeWide(items, { outer: 1, inner: 1 }, frame);
    expect(out.positions.get('b')).toEqual({ x: 200, y: 0 });
    // From the state box (its members and 20 of padding) to the far side of c.
    expect(out.width).toBe(550 + 50 + 20);
  });

  it('narrows the picture and drops what then touches below it, keeping every room and block apart', () => {
    const out = squeezeWide(items, { outer: 0.5, inner: 0 }, frame);
    expect(out.width).toBeLessThan(400);
    // a and b share their state's middle now: b drops below a, within the state.
    expect(out.positions.get('a')!.x).toBe(out.positions.get('b')!.x);
    expect(out.positions.get('b')!.y).toBeGreaterThanOrEqual(out.positions.get('a')!.y + 60 + 10);
    const rooms = [...out.positions].map(([, p]) => ({ x1: p.x - 50, x2: p.x + 50, y1: p.y - 20, y2: p.y + 40 }));
    for (let i = 0; i < rooms.length; i++) for (let j = i + 1; j < rooms.length; j++) expect(overlap(rooms[i]!, rooms[j]!)).toBe(false);
    const blocks = [...out.blocks.values()];
    for (let i = 0; i < blocks.length; i++) for (let j = i + 1; j < blocks.length; j++) expect(clearance(blocks[i]!, blocks[j]!)).toBeGreaterThanOrEqual(10);
  });

  it('is a pure function of its input', () => {
    expect(squeezeWide(items, { outer: 0.6, inner: 0.4 }, frame)).toEqual(squeezeWide(items, { outer: 0.6, inner: 0.4 }, frame));
  });
});
