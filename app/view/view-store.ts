import { create } from 'zustand';
import { defaultViewState, type ViewState } from './view-state.ts';
import type { Producer } from './view-actions.ts';

/**
 * How a change should reach the browser history: `push` a new entry, `replace` the current one
 * (typing), `restore` (came from the URL: write nothing), `silent` (camera moves), or `entry`: a
 * push that is never merged with the one before (story steps: Back walks them one by one).
 */
export type ChangeKind = 'push' | 'replace' | 'restore' | 'silent' | 'entry';

/**
 * Set while the view state waits to be checked against the dataset it names: a link was opened,
 * Back or Forward reached an entry, or the dataset was switched. Nothing shows the view until the
 * check (app/url/link-check.ts) clears it. A fresh object each time, so a newer request wins.
 */
export interface PendingCheck {
  readonly from: 'link' | 'history' | 'switch';
}

interface ViewStore {
  state: ViewState;
  change: ChangeKind;
  pendingCheck: PendingCheck | null;
}

export const useViewStore = create<ViewStore>(() => ({ state: defaultViewState, change: 'restore', pendingCheck: null }));

/** The one way to change view state; the store itself stays free of side effects. */
export function update(producer: Producer, change: ChangeKind = 'push'): void {
  useViewStore.setState((store) => {
    const next = producer(store.state);
    if (next === store.state) return store;
    // An action while a check waits (say, loading the very file a link named) asks for it anew.
    const check = next.dataset !== store.state.dataset || store.pendingCheck !== null;
    return { state: next, change, pendingCheck: check ? { from: 'switch' } : null };
  });
}

export function useView<T>(pick: (s: ViewState) => T): T {
  return useViewStore((store) => pick(store.state));
}

export const getViewState = (): ViewState => useViewStore.getState().state;
