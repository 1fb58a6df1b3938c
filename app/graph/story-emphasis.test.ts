import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { buildStylesheet } from './stylesheet.ts';
import { applyStoryEmphasis, frameStory, storyDimOpacity } from './story-emphasis.ts';

function graph() {
  return cytoscape({
    headless: true,
    styleEnabled: true,
    style: buildStylesheet('light', false, true),
    elements: [
      { group: 'nodes', data: { id: 'kr', kind: 'state', label: 'KR' } },
      { group: 'nodes', data: { id: 'a', parent: 'kr', kind: 'person', label: 'A' }, position: { x: 0, y: 0 } },
      { group: 'nodes', data: { id: 'b', kind: 'person', label: 'B' }, position: { x: 100, y: 0 } },
      { group: 'nodes', data: { id: 'c', kind: 'person', label: 'C' }, position: { x: 900, y: 900 } },
      { group: 'edges', data: { id: 'ab', source: 'a', target: 'b', type: 'alliance', directed: false } },
      { group: 'edges', data: { id: 'bc', source: 'b', target: 'c', type: 'tension', directed: true } },
    ],
  });
}

describe('story emphasis on the graph', () => {
  it('draws the step at full strength, dims the rest to at most 0.35, and clears on close', () => {
    const cy = graph();
    expect(storyDimOpacity).toBeLessThanOrEqual(0.35);
    applyStoryEmphasis(cy, { actorIds: new Set(['a', 'b']), relationIds: new Set(['ab']) });
    expect(cy.getElementById('ab').effectiveOpacity()).toBe(1);
    expect(cy.getElementById('bc').effectiveOpacity()).toBeLessThanOrEqual(0.35);
    expect(cy.getElementById('a').effectiveOpacity()).toBe(1);
    expect(cy.getElementById('kr').hasClass('story-lit')).toBe(true);
    expect(cy.getElementById('c').effectiveOpacity()).toBeLessThanOrEqual(0.35);
    applyStoryEmphasis(cy, null);
    expect(cy.elements('.story-lit, .story-dim')).toHaveLength(0);
  });

  it('frames the step instantly when motion is reduced', () => {
    const cy = graph();
    const before = cy.zoom();
    frameStory(cy, { actorIds: new Set(['a', 'b']), relationIds: new Set(['ab']) }, { animate: false, padding: 10 });
    expect(cy.zoom()).not.toBe(before);
  });
});
