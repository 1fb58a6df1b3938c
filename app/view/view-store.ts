import { create } from 'zustand';
import { defaultViewState, type ViewState } from './view-state.ts';
import type { Producer } from './view-actions.ts';

/**
 * How a change should reach the browser history: `push` a new entry, `replace` the current one
 * (typing), `restore` (came from the URL: write nothing), `silent` (camera moves), or `entry`: a
 * push that is never merged with the one before (story steps: Back walks them one by one).
 */
export type ChangeKind = 'push' | 'replace' | 'restore' | 'silent' | 'entry';

interface ViewStore {
  state: ViewState;
  change: ChangeKind;
}

export const useViewStore = create<ViewStore>(() => ({ state: defaultViewState, change: 'restore' }));

/** The one way to change view state; the store itself stays free of side effects. */
export function update(producer: Producer, change: ChangeKind = 'push'): void {
  useViewStore.setState((store) => {
    const next = producer(store.state);
    return next === store.state ? store : { state: next, change };
  });
}

export function useView<T>(pick: (s: ViewState) => T): T {
  return useViewStore((store) => pick(store.state));
}

export const getViewState = (): ViewState => useViewStore.getState().state;
