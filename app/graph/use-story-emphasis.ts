import { useCallback, useEffect, useMemo, useRef, type RefObject } from 'react';
import type { Core } from 'cytoscape';
import type { DatasetIndex } from '../data/dataset-index.ts';
import { storyEmphasis, storySteps, type StoryEmphasis } from '../view/story.ts';
import { useView } from '../view/view-store.ts';
import { applyStoryEmphasis, frameStory, restoreCamera } from './story-emphasis.ts';
import { prefersReducedMotion } from './motion.ts';

type SavedCamera = { zoom: number; pan: { x: number; y: number } };

/** Less margin on a phone, where every pixel of the canvas counts (as the graph's own fit). */
const padding = (cy: Core) => (cy.container()?.clientWidth ?? 0) < 500 ? 16 : 48;

/**
 * The graph follows the story: each step's emphasis is painted and framed; closing the story
 * clears it and puts the camera back where it was. `attach` paints a newly built instance
 * (a link opened at a step), framing it without motion unless the link set the camera.
 */
export function useStoryEmphasis(index: DatasetIndex, cyRef: RefObject<Core | null>) {
  const step = useView((s) => s.step);
  const build = useView((s) => s.build);
  const steps = useMemo(() => storySteps(index), [index]);
  const emphasis = useMemo(() => storyEmphasis(steps, step, build), [steps, step, build]);
  const emphasisRef = useRef<StoryEmphasis | null>(emphasis);
  const before = useRef<SavedCamera | null>(null);

  // Reads only refs, so it never changes and never re-runs the graph's mount effect.
  const show = useCallback((cy: Core, next: StoryEmphasis | null, animate: boolean) => {
    applyStoryEmphasis(cy, next);
    if (next !== null) {
      before.current ??= { zoom: cy.zoom(), pan: { ...cy.pan() } };
      frameStory(cy, next, { animate, padding: padding(cy) });
    } else if (before.current !== null) {
      restoreCamera(cy, before.current, animate);
      before.current = null;
    }
  }, []);

  useEffect(() => {
    emphasisRef.current = emphasis;
    const cy = cyRef.current;
    if (cy) show(cy, emphasis, !prefersReducedMotion());
  }, [emphasis, cyRef, show]);

  /** A link that carries a camera (Copy link) is shown as framed then, so `frame` is false for it. */
  const attach = useCallback(
    (cy: Core, frame: boolean) => {
      before.current = null;
      const now = emphasisRef.current;
      if (now === null) return;
      if (frame) show(cy, now, false);
      else {
        applyStoryEmphasis(cy, now);
        before.current = { zoom: cy.zoom(), pan: { ...cy.pan() } };
      }
    },
    [show],
  );
  return { attach };
}
