import { Suspense, lazy, useMemo } from 'react';
import { create } from 'zustand';
import type { DatasetIndex } from '../data/dataset-index.ts';
import { hasStory, storySteps } from '../view/story.ts';
import { closeStory, openStory } from '../view/view-actions.ts';
import type { ViewState } from '../view/view-state.ts';
import { getViewState, update, useView } from '../view/view-store.ts';

// The story's button and slot ship with the page; the panel itself loads when a story first opens,
// as most visits never open it. The graph frames the step again once the panel has taken its room.
const StoryPanel = lazy(() => import('./story-panel.tsx').then((m) => ({ default: m.StoryPanel })));

/** The tab and selection the reader had when they opened the story; Close puts them back. */
const useStoryReturn = create<{ before: Pick<ViewState, 'view' | 'selection'> | null }>(() => ({ before: null }));

const readButtonId = 'read-the-story';

/** The toolbar button; absent when the dataset has fewer than two steps to walk. */
export function ReadStoryButton({ index }: { index: DatasetIndex }) {
  const offered = useMemo(() => hasStory(storySteps(index)), [index]);
  const open = useView((s) => s.step !== null);
  if (!offered) return null;
  return (
    <button
      type="button"
      id={readButtonId}
      className="button"
      aria-pressed={open}
      onClick={() => {
        if (open) return;
        const { view, selection } = getViewState();
        useStoryReturn.setState({ before: { view, selection } });
        update(openStory, 'entry');
      }}>
      Read the story
    </button>
  );
}

/** Closes the story, puts back the tab and selection it opened over, and returns focus to its button. */
export function closeStoryAndReturn() {
  const before = useStoryReturn.getState().before;
  useStoryReturn.setState({ before: null });
  update(closeStory(before), 'entry');
  document.getElementById(readButtonId)?.focus();
}

/** Where the story panel goes: nothing while no step is shown. */
export function StorySlot({ index, compact = false }: { index: DatasetIndex; compact?: boolean }) {
  const open = useView((s) => s.step !== null);
  if (!open) return null;
  return (
    <Suspense fallback={null}>
      <StoryPanel index={index} compact={compact} />
    </Suspense>
  );
}
