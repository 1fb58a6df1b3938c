import { describe, expect, it } from 'vitest';
import cytoscape, { type Core } from 'cytoscape';
import { applyVisible, visibilityChanges } from './patches.ts';

const graph = (): Core =>
  cytoscape({
    headless: true,
    styleEnabled: true,
    elements: [
      { group: 'nodes', data: { id: 'a' } },
      { group: 'nodes', data: { id: 'b' } },
      { group: 'nodes', data: { id: 'c' }, classes: 'hidden' },
      { group: 'edges', data: { id: 'ab', source: 'a', target: 'b' } },
      { group: 'edges', data: { id: 'bc', source: 'b', target: 'c' }, classes: 'hidden' },
    ],
  });

const visible = (actors: string[], relations: string[]) => ({ actorIds: new Set(actors), relationIds: new Set(relations) });
const hidden = (cy: Core) => cy.elements('.hidden').map((e) => e.id()).sort();

describe('visibility patch', () => {
  it('finds exactly the elements whose visibility changes, actors before relations', () => {
    const cy = graph();
    expect(visibilityChanges(cy, visible(['a', 'b', 'c'], ['ab', 'bc'])).map((e) => e.id())).toEqual(['c', 'bc']);
    expect(visibilityChanges(cy, visible(['b', 'c'], ['bc'])).map((e) => e.id())).toEqual(['a', 'c', 'ab', 'bc']);
    expect(visibilityChanges(cy, visible(['a', 'b'], ['ab']))).toEqual([]);
  });

  it('shows and hides to match, whether it finds the changes itself or is given them', () => {
    for (const given of [false, true]) {
      const cy = graph();
      const want = visible(['b', 'c'], ['bc']);
      if (given) applyVisible(cy, want, visibilityChanges(cy, want));
      else applyVisible(cy, want);
      expect(hidden(cy), given ? 'changes given' : 'changes found').toEqual(['a', 'ab']);
      // Applying the same state again changes nothing.
      applyVisible(cy, want);
      expect(hidden(cy)).toEqual(['a', 'ab']);
    }
  });

  it('touches only the elements it is given: an element left out keeps its state', () => {
    const cy = graph();
    const want = visible(['a', 'b', 'c'], ['ab', 'bc']);
    applyVisible(cy, want, [cy.getElementById('c')]);
    expect(hidden(cy)).toEqual(['bc']);
    applyVisible(cy, want, []);
    expect(hidden(cy)).toEqual(['bc']);
  });
});
