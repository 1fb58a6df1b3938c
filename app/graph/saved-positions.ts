import type { ElementDefinition } from 'cytoscape';
import type { Positions } from './layouts.ts';

/**
 * The "Saved positions" layout: the dataset's own coordinates, needing neither Cytoscape nor a
 * layout run. Actors without one (a hand-edited file may position only some) go in a row under
 * the others rather than piling up at the origin.
 */
export function savedPositions(elements: readonly ElementDefinition[]): Positions {
  const out: Positions = new Map();
  // A state with members is drawn around them; its own coordinates would be ignored anyway.
  const parents = new Set<string>();
  for (const e of elements) if (e.group === 'nodes' && typeof e.data.parent === 'string') parents.add(e.data.parent);
  const missing: string[] = [];
  let bottom = -Infinity;
  let left = Infinity;
  for (const e of elements) {
    if (e.group !== 'nodes') continue;
    const { id, savedX, savedY } = e.data as { id: string; savedX?: number; savedY?: number };
    if (typeof savedX === 'number' && typeof savedY === 'number') {
      out.set(id, { x: savedX, y: savedY });
      bottom = Math.max(bottom, savedY);
      left = Math.min(left, savedX);
    } else if (!parents.has(id)) missing.push(id);
  }
  const y = Number.isFinite(bottom) ? bottom + 120 : 0;
  const x0 = Number.isFinite(left) ? left : 0;
  missing.forEach((id, i) => out.set(id, { x: x0 + i * 90, y }));
  return out;
}
