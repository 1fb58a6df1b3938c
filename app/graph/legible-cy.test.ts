import cytoscape, { type Collection, type Core } from 'cytoscape';
import { describe, expect, it, vi } from 'vitest';
import { fitOrCloseUp } from './legible-cy.ts';
import { buildStylesheet } from './stylesheet.ts';

function graph(): Core {
  const cy = cytoscape({ headless: true, styleEnabled: true, style: buildStylesheet('light', false, true) });
  for (let i = 0; i < 40; i++) cy.add({ group: 'nodes', data: { id: `p${i}`, kind: 'person', label: `P${i}` }, position: { x: (i % 8) * 300 - 500, y: Math.floor(i / 8) * 120 + 40 } });
  // The headless canvas is 1 px across; give it a screen's size so fits and close-ups differ.
  vi.spyOn(cy, 'width').mockReturnValue(1200);
  vi.spyOn(cy, 'height').mockReturnValue(700);
  return cy;
}

/** Counts the bounding boxes taken of `eles`, the cost this function exists to pay once. */
function counted(eles: Collection) {
  return vi.spyOn(eles, 'boundingBox');
}

describe('fitOrCloseUp', () => {
  it('sets the camera cy.fit would, taking the bounding box once', () => {
    const a = graph();
    const b = graph();
    const eles = a.elements();
    const boxes = counted(eles);
    fitOrCloseUp(a, eles, 30);
    b.fit(b.elements(), 30);
    expect(boxes).toHaveBeenCalledTimes(1);
    expect(a.zoom()).toBeCloseTo(b.zoom(), 10);
    expect(a.pan().x).toBeCloseTo(b.pan().x, 6);
    expect(a.pan().y).toBeCloseTo(b.pan().y, 6);
  });

  it('keeps the maximum zoom for a graph smaller than the screen', () => {
    const cy = graph();
    cy.maxZoom(0.5);
    fitOrCloseUp(cy, cy.elements(), 30);
    expect(cy.zoom()).toBe(0.5);
    // Centred on the graph's box.
    const box = cy.elements().boundingBox({});
    expect((cy.width() / 2 - cy.pan().x) / cy.zoom()).toBeCloseTo((box.x1 + box.x2) / 2, 6);
  });

  it('too large for the minimum zoom: the minimum zoom, on the actors, with one bounding box', () => {
    const cy = graph();
    cy.minZoom(2);
    const eles = cy.elements();
    const boxes = counted(eles);
    fitOrCloseUp(cy, eles, 30);
    expect(boxes).toHaveBeenCalledTimes(1);
    expect(cy.zoom()).toBe(2);
    const centre = { x: (cy.width() / 2 - cy.pan().x) / cy.zoom(), y: (cy.height() / 2 - cy.pan().y) / cy.zoom() };
    const box = eles.boundingBox({});
    expect(centre.x).toBeGreaterThanOrEqual(box.x1);
    expect(centre.x).toBeLessThanOrEqual(box.x2);
    expect(centre.y).toBeGreaterThanOrEqual(box.y1);
    expect(centre.y).toBeLessThanOrEqual(box.y2);
  });

  it('leaves the camera alone for nothing to frame', () => {
    const cy = graph();
    cy.viewport({ zoom: 1.5, pan: { x: 7, y: 9 } });
    fitOrCloseUp(cy, cy.collection(), 30);
    expect(cy.zoom()).toBe(1.5);
    expect(cy.pan()).toEqual({ x: 7, y: 9 });
  });
});
