import { serialize } from './view-url.ts';
import { useViewStore } from '../view/view-store.ts';
import type { ViewState } from '../view/view-state.ts';
import { openLocationLink } from './link-check.ts';
import { dataInFragment } from './fragment-data-key.ts';
import { fragmentFor } from './link-data.ts';

/**
 * The one module that reads and writes the URL. The store stays pure; this subscribes to it.
 * A burst of changes, each within `coalesceMs` of the previous one, becomes one history entry.
 */
const coalesceMs = 500;

export const currentUrl = (state: ViewState, camera: boolean): string =>
  `${window.location.origin}${window.location.pathname}${serialize(state, { camera })}${dataInFragment(window.location.hash) === null ? window.location.hash : ''}`;

/** This view, camera included, with the dataset in the fragment (made by data-fragment.ts). */
export const dataLinkUrl = (state: ViewState, fragment: string): string =>
  `${window.location.origin}${window.location.pathname}${serialize(state, { camera: true })}${fragment}`;

export function startHistorySync(): () => void {
  // A burst is a chain of pushing changes each less than coalesceMs after the one before, so a
  // quick series of toggles stays one entry however long the series runs.
  let lastPushingChange = Number.NEGATIVE_INFINITY;
  const unsubscribe = useViewStore.subscribe((store, previous) => {
    if (store.state === previous.state) return;
    if (store.change === 'restore' || store.change === 'silent') return;
    const search = serialize(store.state);
    const fragment = fragmentFor(store.state.dataset, window.location.hash);
    if (search === window.location.search && fragment === window.location.hash) return;
    const url = `${window.location.pathname}${search}${fragment}`;
    const now = Date.now();
    if (store.change === 'replace') {
      window.history.replaceState(null, '', url);
      return;
    }
    if (store.change !== 'entry' && now - lastPushingChange < coalesceMs) window.history.replaceState(null, '', url);
    else window.history.pushState(null, '', url);
    lastPushingChange = now;
  });
  // Back and Forward re-check the entry against its dataset (link-check.ts), as a link is checked.
  const onPop = () => openLocationLink('history');
  window.addEventListener('popstate', onPop);
  return () => {
    unsubscribe();
    window.removeEventListener('popstate', onPop);
  };
}
