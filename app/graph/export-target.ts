import type { Core, StylesheetJson } from 'cytoscape';
import type { Scheme } from './stylesheet.ts';

/**
 * The live instance, for exports only: GraphView registers it on mount and clears it on unmount.
 * Kept apart from graph-export.ts so that the export code itself loads only when someone exports.
 */
export interface ExportTarget {
  cy: Core;
  /** The stylesheet in use, in either scheme: a scheme swap for a capture keeps large-graph mode. */
  stylesheet: (scheme: Scheme) => StylesheetJson;
}

let active: ExportTarget | null = null;

export function setExportTarget(target: ExportTarget | null): void {
  active = target;
}

export const exportTarget = (): ExportTarget | null => active;
