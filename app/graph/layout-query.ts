import { useState } from 'react';
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ElementDefinition } from 'cytoscape';
import type { DatasetIndex } from '../data/dataset-index.ts';
import type { LayoutName, Selection } from '../view/view-state.ts';
import type { Positions } from './layouts.ts';
import { positionsFor, type LayoutProgress } from './layout-client.ts';
import { layoutFingerprint } from './layout-fingerprint.ts';
import type { LayoutWait } from './layout-indicator.tsx';

/** What a layout depends on: which dataset, which layout, grown from where, at which quality. */
export interface LayoutJobKey {
  /** Names the graph's structure (see `graphKey`). */
  dataset: string;
  layout: LayoutName;
  root: string | null;
  /** Large-graph mode: a faster, rougher force layout. */
  draft: boolean;
  /** A small graph on a tall canvas gets a picture laid out for it (see computePositions). */
  portrait?: boolean;
}

/** Breadth-first grows from the selected actor; a relation grows from its source, a stance from its actor. */
export function layoutRoot(layout: LayoutName, selection: Selection | null, index: DatasetIndex): string | null {
  if (layout !== 'breadthfirst' || selection === null) return null;
  if (selection.kind === 'actor') return selection.id;
  if (selection.kind === 'stance') return selection.actor;
  return index.relationById.get(selection.id)?.source ?? null;
}

/** Up to this many actors a layout takes well under a second: its indicator waits before showing. */
const quickLayout = 250;

/**
 * Names a graph by what a layout reads, so the positions cache can never hand one dataset's
 * positions to another, whatever their ids or where they came from: the counts and the same
 * fingerprint the build's precomputed positions are filed under.
 */
export function graphKey(elements: readonly ElementDefinition[]): string {
  const nodes = countNodes(elements);
  return `${nodes}/${elements.length - nodes}/${layoutFingerprint(elements)}`;
}

export const countNodes = (elements: readonly { group?: string }[]) => elements.reduce((n, e) => (e.group === 'nodes' ? n + 1 : n), 0);

/**
 * The one place positions are obtained: a query per (dataset, layout, root, mode), so repeated
 * choices come from the cache and only the positions of the latest choice are ever drawn — both
 * TanStack Query's doing, not ours. (Precomputed positions for bundled datasets plug in here.)
 */
export function layoutQueryOptions(key: LayoutJobKey, elements: ElementDefinition[], onProgress?: (p: LayoutProgress) => void) {
  return queryOptions({
    queryKey: ['layout', key.dataset, key.layout, key.root, key.draft ? 'draft' : 'full', key.portrait ? 'portrait' : 'landscape'] as const,
    queryFn: async ({ signal }): Promise<Positions> => {
      performance.mark('layout:start');
      return positionsFor({ elements, name: key.layout, root: key.root, draft: key.draft, portrait: key.portrait ?? false }, onProgress, signal);
    },
    // Positions are a pure function of the key: never stale, never worth retrying the same way.
    staleTime: Infinity,
    retry: false,
  });
}

/**
 * Positions for the current choice (undefined while they are computed: the graph keeps what it
 * shows), what the layout indicator should say meanwhile, and `cancel`, which stops the layout
 * under way (its worker ends) and leaves nothing cached for it.
 */
export function useLayoutPositions(
  key: LayoutJobKey,
  elements: ElementDefinition[],
): { positions: Positions | undefined; wait: LayoutWait | null; cancel: () => void } {
  const queryClient = useQueryClient();
  const [wait, setWait] = useState<{ id: string; wait: LayoutWait } | null>(null);
  const options = layoutQueryOptions(key, elements, (progress) =>
    setWait((w) => (w?.id === id ? { id, wait: { ...w.wait, progress } } : w)),
  );
  const id = JSON.stringify(options.queryKey);
  const query = useQuery({
    ...options,
    queryFn: (context) => {
      const actors = countNodes(elements);
      // A small graph's wait is brief; its indicator only appears if it is not (see LayoutIndicator).
      setWait({ id, wait: { actors, started: performance.now(), delay: actors > quickLayout ? 0 : 300, progress: null } });
      return options.queryFn!(context);
    },
  });
  // A layout that cannot be computed (the worker would not start) is the graph panel's failure.
  if (query.error) throw query.error;
  const waiting = query.isFetching && wait?.id === id ? wait.wait : null;
  const cancel = () => void queryClient.cancelQueries({ queryKey: options.queryKey, exact: true });
  return { positions: query.data, wait: waiting, cancel };
}
