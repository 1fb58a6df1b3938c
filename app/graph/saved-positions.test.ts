import type { ElementDefinition } from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { savedPositions } from './saved-positions.ts';
import { computePositions } from './layouts.ts';

const node = (id: string, extra: Record<string, unknown> = {}): ElementDefinition => ({ group: 'nodes', data: { id, ...extra } });

describe('saved positions', () => {
  const elements: ElementDefinition[] = [
    node('state'),
    node('a', { parent: 'state', savedX: 10, savedY: -20 }),
    node('b', { parent: 'state', savedX: 300, savedY: 40 }),
    node('loose'),
    node('other'),
    { group: 'edges', data: { id: 'r1', source: 'a', target: 'b' } },
  ];

  it('draws every actor at the coordinates the dataset saved', () => {
    const p = savedPositions(elements);
    expect(p.get('a')).toEqual({ x: 10, y: -20 });
    expect(p.get('b')).toEqual({ x: 300, y: 40 });
  });

  it('lines up actors without a saved position under the others, apart from each other', () => {
    const p = savedPositions(elements);
    expect(p.get('loose')!.y).toBeGreaterThan(40);
    expect(p.get('other')!.y).toBe(p.get('loose')!.y);
    expect(Math.abs(p.get('other')!.x - p.get('loose')!.x)).toBeGreaterThanOrEqual(60);
  });

  it('leaves a state with members to be drawn around them', () => {
    expect(savedPositions(elements).get('state')).toBeUndefined();
  });

  it('is what computePositions returns for the preset layout, without running a layout', () => {
    expect(computePositions(elements, 'preset', null)).toEqual(savedPositions(elements));
  });
});
