import type { ElementDefinition } from 'cytoscape';
import type { LayoutName } from '../view/view-state.ts';
import { computePositions, type Positions } from './layouts.ts';
import type { LayoutRequest } from './layout-worker.ts';

/**
 * Below this many actors the layout takes a few dozen milliseconds: doing it in place keeps the
 * first drawing as early as possible. Above it, a worker keeps the page responsive.
 */
export const workerThreshold = 250;

let worker: Worker | null = null;
let nextId = 0;
const pending = new Map<number, { resolve: (p: Positions) => void; reject: (e: Error) => void }>();

function layoutWorker(): Worker | null {
  if (worker) return worker;
  if (typeof Worker === 'undefined') return null;
  try {
    worker = new Worker(new URL('./layout-worker.ts', import.meta.url), { type: 'module', name: 'stancegraph-layout' });
  } catch {
    return null;
  }
  worker.onmessage = (event: MessageEvent<{ id: number; positions?: Positions; error?: string }>) => {
    const job = pending.get(event.data.id);
    if (!job) return;
    pending.delete(event.data.id);
    if (event.data.positions) job.resolve(event.data.positions);
    else job.reject(new Error(event.data.error ?? 'layout failed'));
  };
  worker.onerror = () => {
    // A worker that cannot start (or dies) leaves every waiting layout to the main thread.
    for (const job of pending.values()) job.reject(new Error('layout worker failed'));
    pending.clear();
    worker?.terminate();
    worker = null;
  };
  return worker;
}

/** Positions for (elements, layout, root), from a worker for large graphs, in place otherwise. */
export function positionsFor(elements: ElementDefinition[], name: LayoutName, root: string | null): Promise<Positions> | Positions {
  const actors = elements.reduce((n, e) => (e.group === 'nodes' ? n + 1 : n), 0);
  const w = actors > workerThreshold ? layoutWorker() : null;
  if (!w) return computePositions(elements, name, root);
  const id = ++nextId;
  const request: LayoutRequest = { id, elements, name, root };
  return new Promise<Positions>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    w.postMessage(request);
  }).catch(() => computePositions(elements, name, root));
}
