/// <reference lib="webworker" />
import type { ElementDefinition } from 'cytoscape';
import type { LayoutName } from '../view/view-state.ts';
import { computePositions, type Positions } from './layouts.ts';
import type { LayoutProgress } from './layout-client.ts';

export interface LayoutRequest {
  id: number;
  /** Which graph: the elements come with the first request for it, then the worker keeps them. */
  graph: number;
  elements: ElementDefinition[] | null;
  name: LayoutName;
  root: string | null;
  draft: boolean;
}

export type LayoutReply =
  | { kind: 'progress'; id: number; progress: LayoutProgress }
  | { kind: 'done'; id: number; positions: Positions }
  | { kind: 'error'; id: number; error: string };

const reply = (message: LayoutReply) => self.postMessage(message);

// The same pure, seeded computation as on the main thread, so positions do not depend on where
// it ran; here it cannot freeze the page while a large dataset is laid out.
let kept: { graph: number; elements: ElementDefinition[] } | null = null;

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const { id, graph, name, root, draft } = event.data;
  if (event.data.elements) kept = { graph, elements: event.data.elements };
  const elements = kept?.graph === graph ? kept.elements : null;
  if (!elements) return reply({ kind: 'error', id, error: 'the layout worker lost the graph' });
  try {
    const positions = computePositions(elements, name, root, draft, (progress) => reply({ kind: 'progress', id, progress }));
    reply({ kind: 'done', id, positions });
  } catch (error) {
    reply({ kind: 'error', id, error: error instanceof Error ? error.message : String(error) });
  }
};
