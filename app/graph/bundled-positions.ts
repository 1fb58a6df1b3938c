import type { ElementDefinition } from 'cytoscape';
import table from 'virtual:stancegraph-bundled-positions';
import type { LayoutName } from '../view/view-state.ts';
import type { Positions } from './layouts.ts';
import { layoutFingerprint } from './layout-fingerprint.ts';
import { unpack } from './packed-positions.ts';

/**
 * One precomputed layout of a bundled dataset. The build computes these with the app's own seeded
 * layout code (app/test-support/build/bundled-positions.ts), so they equal what a fresh run here would give.
 */
export interface BundledLayout {
  dataset: string;
  layout: LayoutName;
  fingerprint: string;
  /** Laid out for a tall canvas (a phone's); a small graph has one of each. */
  portrait: boolean;
  positions: Positions;
}

const byKey = new Map<string, readonly number[]>(table.map((e) => [`${e.layout}|${e.portrait}|${e.fingerprint}`, e.xy]));

/** The dataset ids and layouts the build laid out, for tests and tooling. */
export const bundledLayouts: readonly { dataset: string; layout: LayoutName; portrait: boolean }[] = table.map(({ dataset, layout, portrait }) => ({ dataset, layout, portrait }));

/**
 * Positions the build already computed for exactly this graph and layout, or null. Only the
 * default force layout in full quality is precomputed: it is the one a plain link opens with.
 */
export function bundledPositions(elements: readonly ElementDefinition[], layout: LayoutName, root: string | null, draft: boolean, portrait = false): Positions | null {
  if (layout !== 'fcose' || draft || root !== null || byKey.size === 0) return null;
  const xy = byKey.get(`${layout}|${portrait}|${layoutFingerprint(elements)}`);
  return xy ? unpack(xy, elements) : null;
}
