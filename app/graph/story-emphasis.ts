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

/** The stressed relations and actors themselves. */
function stepElements(cy: Core, emphasis: StoryEmphasis): Collection {
  const lit = cy.collection();
  for (const id of emphasis.relationIds) lit.merge(cy.getElementById(id));
  for (const id of emphasis.actorIds) lit.merge(cy.getElementById(id));
  return lit;
}

/** The stressed relations and actors, with the states that contain those actors. */
function storyElements(cy: Core, emphasis: StoryEmphasis): Collection {
  const lit = stepElements(cy, emphasis);
  return lit.union(lit.nodes().ancestors());
}

/**
 * Frames the step's visible elements: an eased move, or an instant one when `animate` is false
 * (reduced motion). Does nothing when the step has nothing visible to frame. Never further out
 * than `minZoom`, where names still read: a step too large for the canvas at that zoom is centred
 * on its own actors and relations, and its edges reached by panning, rather than shrunk to unreadable text. Returns the camera it
 * moves to, or null when there was nothing to frame.
 */
export function frameStory(
  cy: Core,
  emphasis: StoryEmphasis,
  options: { animate: boolean; padding: number; minZoom?: number },
): { zoom: number; pan: { x: number; y: number } } | null {
  const own = stepElements(cy, emphasis).filter((e) => !e.hasClass('hidden'));
  if (own.empty()) return null;
  // The story panel may have just taken room from the canvas; frame for its size now, not its last.
  cy.resize();
  cy.stop(true, false);
  const room = { w: Math.max(1, cy.width() - 2 * options.padding), h: Math.max(1, cy.height() - 2 * options.padding) };
  const fit = (b: { w: number; h: number }) => Math.min(room.w / Math.max(1, b.w), room.h / Math.max(1, b.h));
  const floor = Math.max(options.minZoom ?? 0, cy.minZoom());
  let box = own.union(own.nodes().ancestors()).boundingBox({});
  // Too large with its state boxes to read whole: centred on the step's own actors and relations,
  // which a box's middle can leave off screen.
  if (fit(box) < floor) box = own.boundingBox({});
  const zoom = Math.min(cy.maxZoom(), Math.max(fit(box), floor));
  const pan = { x: cy.width() / 2 - zoom * (box.x1 + box.w / 2), y: cy.height() / 2 - zoom * (box.y1 + box.h / 2) };
  if (!options.animate) cy.viewport({ zoom, pan });
  else cy.animate({ zoom, pan, duration: 450, easing: 'ease-in-out-cubic' });
  return { zoom, pan };
}

/** Puts the camera back where it was before the story opened. */
export function restoreCamera(cy: Core, camera: { zoom: number; pan: { x: number; y: number } }, animate: boolean) {
  cy.stop(true, false);
  if (!animate) cy.viewport({ zoom: camera.zoom, pan: camera.pan });
  else cy.animate({ zoom: camera.zoom, pan: camera.pan, duration: 450, easing: 'ease-in-out-cubic' });
}
