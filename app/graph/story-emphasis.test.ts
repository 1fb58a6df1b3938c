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

  it('centres a step too large to read whole on its own actors, not on the middle of their state boxes', () => {
    const cy = graph();
    // A far member makes the state box much larger than the step (a, b): its middle is near (450, 450).
    cy.add({ group: 'nodes', data: { id: 'far', parent: 'kr', kind: 'person', label: 'Far' } });
    cy.getElementById('far').position({ x: 900, y: 900 });
    cy.getElementById('b').position({ x: 100, y: 0 });
    const step = { actorIds: new Set(['a', 'b']), relationIds: new Set(['ab']) };
    // The headless canvas is 1 px across: nothing fits at the readable zoom.
    const camera = frameStory(cy, step, { animate: false, padding: 0, minZoom: 1 });
    expect(camera).toEqual({ zoom: cy.zoom(), pan: cy.pan() });
    const centre = { x: (cy.width() / 2 - cy.pan().x) / cy.zoom(), y: (cy.height() / 2 - cy.pan().y) / cy.zoom() };
    expect(cy.zoom()).toBe(1);
    expect(Math.abs(centre.x - 50)).toBeLessThan(30);
    expect(Math.abs(centre.y)).toBeLessThan(30);
    // Nothing of the step visible: nothing framed, the camera left alone.
    cy.elements().addClass('hidden');
    expect(frameStory(cy, step, { animate: false, padding: 0, minZoom: 1 })).toBeNull();
  });
});
