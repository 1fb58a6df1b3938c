import type { Remote } from 'comlink';
import type { ElementDefinition } from 'cytoscape';
import type { LayoutName } from '../view/view-state.ts';
import type { Positions } from './layouts.ts';
import type { LayoutService } from './layout-worker.ts';
import { savedPositions } from './saved-positions.ts';
import { bundledPositions } from './bundled-positions.ts';
import { unpack } from './packed-positions.ts';
import { yieldToBrowser } from './chunked-add.ts';

export interface LayoutProgress {
  /** 1-based step of `steps`; the worker reports each phase as it starts it. */
  step: number;
  steps: number;
  label: string;
}

/**
 * What a layout reads, as flat arrays of strings: copying those into a message is several times
 * cheaper for the page than copying one object per element (25,000 of them in a large graph).
 */
export interface CompactGraph {
  ids: string[];
  kinds: string[];
  /** '' for an actor in no state. */
  parents: string[];
  edgeIds: string[];
  sources: string[];
  targets: string[];
}

export function compactGraph(elements: readonly ElementDefinition[]): CompactGraph {
  const g: CompactGraph = { ids: [], kinds: [], parents: [], edgeIds: [], sources: [], targets: [] };
  for (const e of elements) {
    if (e.group === 'nodes') {
      g.ids.push(e.data.id!);
      g.kinds.push(String(e.data.kind ?? ''));
      g.parents.push(typeof e.data.parent === 'string' ? e.data.parent : '');
    } else {
      g.edgeIds.push(e.data.id!);
      g.sources.push(e.data.source as string);
      g.targets.push(e.data.target as string);
    }
  }
  return g;
}

export interface LayoutJob {
  elements: readonly ElementDefinition[];
  name: LayoutName;
  root: string | null;
  /** Large-graph mode: a faster, rougher force layout. */
  draft: boolean;
  /** A small graph's picture for a tall canvas (see computePositions). */
  portrait?: boolean;
}

/** Comlink is loaded with the first worker: the first view of a story needs no worker. */
const comlink = () => import('comlink');

/**
 * The page's side of the layout worker, and the one home of its state: the worker (started on
 * first use), which graphs were given numbers and which one the worker holds. Every layout, at
 * every size, runs there, so no layout ever holds up the page. Calls reach the worker in order, so
 * "the worker holds graph N" is known here without asking.
 */
function layoutClient() {
  let worker: { remote: Promise<{ service: Remote<LayoutService>; proxy: typeof import('comlink').proxy }>; failed: Promise<never>; graph: number; stop: () => void } | null = null;
  let serial = 0;
  const numbers = new WeakMap<readonly ElementDefinition[], number>();
  const start = () => {
    const w = new Worker(new URL('./layout-worker.ts', import.meta.url), { type: 'module', name: 'stancegraph-layout' });
    // Comlink leaves a call to a dead worker waiting forever; a worker that cannot start (or dies)
    // fails every call, and the next layout starts a new one.
    const failed = new Promise<never>((_, reject) =>
      w.addEventListener('error', (event) => {
        if (worker?.remote === started.remote) worker = null;
        w.terminate();
        reject(new Error(`The layout worker failed${event.message ? `: ${event.message}` : ''}`));
      }),
    );
    failed.catch(() => {});
    // The proxy for progress reports comes from the same import as the wrapper.
    const remote = comlink().then(({ wrap, proxy }) => ({ service: wrap<LayoutService>(w), proxy }));
    // A worker warmed but never used must not leave a failed import unhandled; a layout reports it.
    remote.catch(() => {});
    const started = { remote, failed, graph: -1, stop: () => w.terminate() };
    return started;
  };
  // Each call's turn comes in call order (see run).
  let queue: Promise<void> = Promise.resolve();
  const run = async (job: LayoutJob, progress?: (p: LayoutProgress) => void, signal?: AbortSignal): Promise<Positions> => {
    // The choice that asked for a layout is drawn first: starting the worker and copying a large
    // graph for it (25 ms at 5,000 actors) come in a task of their own, not in React's commit
    // (together they made a 50 ms task). Turns are chained so calls still reach the worker in order.
    const turn = queue.then(yieldToBrowser);
    queue = turn;
    await turn;
    signal?.throwIfAborted();
    const w = (worker ??= start());
    let graph = numbers.get(job.elements);
    if (graph === undefined) numbers.set(job.elements, (graph = ++serial));
    const compact = w.graph === graph ? null : compactGraph(job.elements);
    w.graph = graph;
    // A cancelled layout ends its worker: the computation cannot be interrupted from outside, and
    // the next layout starts a fresh worker.
    const cancelled = new Promise<never>((_, reject) =>
      signal?.addEventListener(
        'abort',
        () => {
          if (worker === w) worker = null;
          w.stop();
          reject(signal.reason instanceof Error ? signal.reason : new DOMException('The layout was cancelled', 'AbortError'));
        },
        { once: true },
      ),
    );
    const positions = w.remote
      .then(({ service, proxy }) =>
        service.layout(graph, compact, job.name, job.root, job.draft, job.portrait ?? false, progress ? proxy(progress) : undefined),
      )
      .then((xy) => {
        const unpacked = unpack(xy, job.elements);
        if (!unpacked) throw new Error(`The layout worker sent ${xy.length / 2} positions, not one per actor of this graph`);
        return unpacked;
      });
    return Promise.race([positions, w.failed, cancelled]);
  };
  // Starting the worker loads and compiles the layout code, most of a small graph's layout time.
  const warm = () => void (worker ??= start());
  return { run, warm };
}

const inWorker = layoutClient();

/**
 * Starts the layout worker ahead of a likely layout change (the reader reaching for the Layout
 * control), so the change waits only for the layout itself. Not at load: most readers never
 * change the layout, and the first view needs no layout code.
 */
export const warmLayoutWorker = (): void => inWorker.warm();

/** Positions for a layout job: saved positions at once, every other layout from the worker. */
export function positionsFor(job: LayoutJob, progress?: (p: LayoutProgress) => void, signal?: AbortSignal): Promise<Positions> {
  if (job.name === 'preset') return Promise.resolve(savedPositions(job.elements));
  // A bundled dataset's default layout was computed by the build: no worker, no layout run.
  const bundled = bundledPositions(job.elements, job.name, job.root, job.draft, job.portrait ?? false);
  if (bundled) return Promise.resolve(bundled);
  return inWorker.run(job, progress, signal);
}
