import { describe, expect, it } from 'vitest';
import { followFingers } from './two-finger.ts';

const limits = { min: 0.05, max: 4 };

describe('followFingers', () => {
  const camera = { zoom: 0.5, pan: { x: 100, y: 40 } };

  it('pans by what the fingers moved together, at the same zoom', () => {
    const out = followFingers(camera, { x: 150, y: 300, spread: 60 }, { x: 250, y: 260, spread: 60 }, limits);
    expect(out.zoom).toBe(0.5);
    expect(out.pan).toEqual({ x: 200, y: 0 });
  });

  it('zooms with the spread, keeping the graph point between the fingers under them', () => {
    const before = { x: 150, y: 300, spread: 60 };
    const out = followFingers(camera, before, { ...before, spread: 90 }, limits);
    expect(out.zoom).toBeCloseTo(0.75);
    const graphX = (before.x - camera.pan.x) / camera.zoom;
    expect(graphX * out.zoom + out.pan.x).toBeCloseTo(before.x);
  });

  it('stays within the zoom limits', () => {
    expect(followFingers(camera, { x: 0, y: 0, spread: 10 }, { x: 0, y: 0, spread: 1000 }, limits).zoom).toBe(4);
    expect(followFingers(camera, { x: 0, y: 0, spread: 100 }, { x: 0, y: 0, spread: 1 }, limits).zoom).toBe(0.05);
  });
});
