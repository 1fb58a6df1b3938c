import type { Collection, Core } from 'cytoscape';
import type { StoryEmphasis } from '../view/story.ts';

// The graph's part of "Read the story", kept apart from the component (as patches.ts is) so the
// graph controller can call it as it is: classes in one batch, styled in stylesheet.ts.

/** Opacity of what the current step does not stress; the story promises at most 0.35. */
export const storyDimOpacity = 0.3;

/**
 * Marks the step's relations and actors `story-lit` and everything else `story-dim`; with no
 * emphasis (story closed) removes both, so the graph is drawn as before the story opened.
 */
export function applyStoryEmphasis(cy: Core, emphasis: StoryEmphasis | null) {
  cy.batch(() => {
    if (emphasis === null) {
      cy.elements().removeClass('story-lit story-dim');
      return;
    }
    const lit = storyElements(cy, emphasis);
    lit.removeClass('story-dim').addClass('story-lit');
    cy.elements().difference(lit).removeClass('story-lit').addClass('story-dim');
  });
}

/** The stressed relations and actors, with the states that contain those actors. */
function storyElements(cy: Core, emphasis: StoryEmphasis): Collection {
  const lit = cy.collection();
  for (const id of emphasis.relationIds) lit.merge(cy.getElementById(id));
  for (const id of emphasis.actorIds) lit.merge(cy.getElementById(id));
  return lit.union(lit.nodes().ancestors());
}

/**
 * Frames the step's visible elements: an eased move, or an instant one when `animate` is false
 * (reduced motion). Does nothing when the step has nothing visible to frame. Never further out
 * than `minZoom`, where names still read: a step too large for the canvas at that zoom is centred,
 * and its edges reached by panning, rather than shrunk to unreadable text.
 */
export function frameStory(cy: Core, emphasis: StoryEmphasis, options: { animate: boolean; padding: number; minZoom?: number }) {
  const eles = storyElements(cy, emphasis).filter((e) => !e.hasClass('hidden'));
  if (eles.empty()) return;
  // The story panel may have just taken room from the canvas; frame for its size now, not its last.
  cy.resize();
  cy.stop(true, false);
  const box = eles.boundingBox({});
  const room = { w: Math.max(1, cy.width() - 2 * options.padding), h: Math.max(1, cy.height() - 2 * options.padding) };
  const fitZoom = Math.min(room.w / Math.max(1, box.w), room.h / Math.max(1, box.h));
  const zoom = Math.min(cy.maxZoom(), Math.max(fitZoom, options.minZoom ?? 0, cy.minZoom()));
  const pan = { x: cy.width() / 2 - zoom * (box.x1 + box.w / 2), y: cy.height() / 2 - zoom * (box.y1 + box.h / 2) };
  if (!options.animate) cy.viewport({ zoom, pan });
  else cy.animate({ zoom, pan, duration: 450, easing: 'ease-in-out-cubic' });
}

/** Puts the camera back where it was before the story opened. */
export function restoreCamera(cy: Core, camera: { zoom: number; pan: { x: number; y: number } }, animate: boolean) {
  cy.stop(true, false);
  if (!animate) cy.viewport({ zoom: camera.zoom, pan: camera.pan });
  else cy.animate({ zoom: camera.zoom, pan: camera.pan, duration: 450, easing: 'ease-in-out-cubic' });
}
