/// <reference lib="webworker" />
import type { ElementDefinition } from 'cytoscape';
import type { LayoutName } from '../view/view-state.ts';
import { computePositions } from './layouts.ts';

export interface LayoutRequest {
  id: number;
  elements: ElementDefinition[];
  name: LayoutName;
  root: string | null;
}

// The same pure, seeded computation as on the main thread, so positions do not depend on where
// it ran; here it cannot freeze the page while a large dataset is laid out.
self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const { id, elements, name, root } = event.data;
  try {
    self.postMessage({ id, positions: computePositions(elements, name, root) });
  } catch (error) {
    self.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
