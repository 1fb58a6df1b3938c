import type { ElementDefinition } from 'cytoscape';
import type { LayoutName } from '../view/view-state.ts';
import type { Positions } from './layouts.ts';
import type { LayoutReply, LayoutRequest } from './layout-worker.ts';
import { savedPositions } from './saved-positions.ts';
import { bundledPositions } from './bundled-positions.ts';

/**
 * Below this many actors the layout takes a few dozen milliseconds: doing it in place keeps the
 * first drawing as early as possible. Above it, a worker keeps the page responsive.
 */
export const workerThreshold = 250;

export interface LayoutProgress {
  /** 1-based step of `steps`; the worker reports each phase as it starts it. */
  step: number;
  steps: number;
  label: string;
}

let worker: Worker | null = null;
let nextId = 0;
// The worker keeps the last graph it was sent: a later layout of the same graph sends only its
// key, because copying 25,000 elements into a message blocks the page for tens of milliseconds.
const sentGraphs = new WeakMap<readonly ElementDefinition[], number>();
let workerGraph = -1;
const pending = new Map<number, { resolve: (p: Positions) => void; reject: (e: Error) => void; progress?: (p: LayoutProgress) => void }>();

// Layout code (Cytoscape's layout extensions, fcose and its helpers) is a third of the bundle and
// is not needed to draw saved positions: it loads on first use, and later uses are synchronous.
type LayoutsModule = typeof import('./layouts.ts');
let layouts: LayoutsModule | null = null;
const loadLayouts = (): Promise<LayoutsModule> => import('./layouts.ts').then((m) => (layouts = m));

function layoutWorker(): Worker | null {
  if (worker) return worker;
  if (typeof Worker === 'undefined') return null;
  try {
    worker = new Worker(new URL('./layout-worker.ts', import.meta.url), { type: 'module', name: 'stancegraph-layout' });
  } catch {
    return null;
  }
  worker.onmessage = (event: MessageEvent<LayoutReply>) => {
    const reply = event.data;
    const job = pending.get(reply.id);
    if (!job) return;
    if (reply.kind === 'progress') return job.progress?.(reply.progress);
    pending.delete(reply.id);
    if (reply.kind === 'done') job.resolve(reply.positions);
    else job.reject(new Error(reply.error));
  };
  worker.onerror = () => {
    workerGraph = -1;
    // A worker that cannot start (or dies) leaves every waiting layout to the main thread.
    for (const job of pending.values()) job.reject(new Error('layout worker failed'));
    pending.clear();
    worker?.terminate();
    worker = null;
  };
  return worker;
}

/** Only what a layout reads: labels, native-name images and the rest stay on this side. */
function layoutInput(elements: readonly ElementDefinition[]): ElementDefinition[] {
  const keys = ['id', 'parent', 'kind', 'source', 'target', 'savedX', 'savedY'] as const;
  return elements.map((e) => {
    const data: Record<string, unknown> = {};
    for (const k of keys) if (e.data[k] !== undefined) data[k] = e.data[k];
    return { group: e.group, data: data as ElementDefinition['data'] };
  });
}

export interface LayoutJob {
  elements: ElementDefinition[];
  name: LayoutName;
  root: string | null;
  /** Large-graph mode: a faster, rougher force layout. */
  draft: boolean;
}

/**
 * Positions for a layout job: saved positions at once, large graphs from a worker (reporting
 * progress), small ones in place — synchronously once the layout code has loaded.
 */
export function positionsFor(job: LayoutJob, progress?: (p: LayoutProgress) => void): Promise<Positions> | Positions {
  const { elements, name, root, draft } = job;
  if (name === 'preset') return savedPositions(elements);
  // A bundled dataset's default layout was computed by the build: no layout code, no layout run.
  const bundled = bundledPositions(elements, name, root, draft);
  if (bundled) return bundled;
  const actors = elements.reduce((n, e) => (e.group === 'nodes' ? n + 1 : n), 0);
  const inPlace = () => (layouts ? layouts.computePositions(elements, name, root, draft) : loadLayouts().then((m) => m.computePositions(elements, name, root, draft)));
  const w = actors > workerThreshold ? layoutWorker() : null;
  if (!w) return inPlace();
  const id = ++nextId;
  let graph = sentGraphs.get(elements);
  if (graph === undefined) sentGraphs.set(elements, (graph = id));
  const request: LayoutRequest = { id, graph, elements: workerGraph === graph ? null : layoutInput(elements), name, root, draft };
  workerGraph = graph;
  return new Promise<Positions>((resolve, reject) => {
    pending.set(id, { resolve, reject, ...(progress ? { progress } : {}) });
    w.postMessage(request);
  }).catch(() => inPlace());
}
