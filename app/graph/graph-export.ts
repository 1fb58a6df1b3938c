import type { Core } from 'cytoscape';

/**
 * The live instance, for exports only: GraphView registers it on mount and clears it on unmount.
 * Exports read pixels from it; nothing here changes the graph.
 */
let active: Core | null = null;

export function setExportTarget(cy: Core | null): void {
  active = cy;
}

export function exportTarget(): Core | null {
  return active;
}
