import type { ElementDefinition } from 'cytoscape';
import type { DatasetIndex } from '../data/dataset-index.ts';
import { nativeNameColour, textImage } from './stylesheet.ts';

/** Every actor and relation becomes one element, once per dataset; filters only toggle classes. */
export function toElements(index: DatasetIndex): ElementDefinition[] {
  const out: ElementDefinition[] = [];
  const colour = nativeNameColour;
  for (const a of index.dataset.actors) {
    const data: Record<string, unknown> = { id: a.id, label: a.name, kind: a.kind };
    if (a.parent !== undefined && index.actorById.has(a.parent)) data.parent = a.parent;
    if (a.nativeName) {
      const isState = a.kind === 'state';
      const img = textImage(a.nativeName, isState ? 11 : 10, colour);
      data.native = img.uri;
      data.nativeW = img.width;
      data.nativeH = img.height;
      // A leaf shows its native name inside the shape; if it will not fit, the label carries it.
      if (!isState && img.width > 52) {
        data.label = `${a.name}\n${a.nativeName}`;
        delete data.native;
      }
    }
    if (a.position) {
      data.savedX = a.position.x;
      data.savedY = a.position.y;
    }
    out.push({ group: 'nodes', data });
  }
  for (const r of index.dataset.relations)
    out.push({
      group: 'edges',
      data: { id: r.id, source: r.source, target: r.target, type: r.type, directed: r.directed },
    });
  return out;
}
