import { describe, expect, it } from 'vitest';
import { fastDrawing, isLargeGraph, largeGraph } from './draw-mode.ts';

describe('large-graph mode', () => {
  it('switches on automatically just above either threshold', () => {
    expect(isLargeGraph(largeGraph.actors, largeGraph.relations)).toBe(false);
    expect(isLargeGraph(largeGraph.actors + 1, 0)).toBe(true);
    expect(isLargeGraph(10, largeGraph.relations + 1)).toBe(true);
    expect(fastDrawing('auto', 15, 22)).toBe(false);
    expect(fastDrawing('auto', 5000, 20000)).toBe(true);
  });

  it('obeys an explicit choice whatever the size', () => {
    expect(fastDrawing('full', 5000, 20000)).toBe(false);
    expect(fastDrawing('fast', 15, 22)).toBe(true);
  });
});
