import type { Core } from 'cytoscape';

/**
 * The live instance, for exports only: GraphView registers it on mount and clears it on unmount.
 * Kept apart from graph-export.ts so that the export code itself loads only when someone exports.
 */
export interface ExportTarget {
  cy: Core;
  /** Large-graph mode is on: a scheme swap for the capture must keep its stylesheet. */
  fast: boolean;
}

let active: ExportTarget | null = null;

export function setExportTarget(target: ExportTarget | null): void {
  active = target;
}

export const exportTarget = (): ExportTarget | null => active;
