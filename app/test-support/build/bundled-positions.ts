import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { buildIndex } from '../../data/dataset-index.ts';
import { validateDataset } from '../../data/validate.ts';
import { toElements } from '../../graph/elements.ts';
import { computePositions } from '../../graph/layouts.ts';
import { roomyGraph } from '../../graph/legibility.ts';
import { layoutFingerprint } from '../../graph/layout-fingerprint.ts';
import type { BundledLayout } from '../../graph/bundled-positions.ts';
import { packLayout, type PackedLayout } from '../../graph/packed-positions.ts';

const virtualId = 'virtual:stancegraph-bundled-positions';
const resolvedId = `\0${virtualId}`;

/** The catalog's datasets and their files, as the app fetches them. */
function catalogFiles(publicDir: string): { id: string; path: string }[] {
  const catalog = JSON.parse(readFileSync(`${publicDir}/data/index.json`, 'utf8')) as { datasets: { id: string; file: string }[] };
  return catalog.datasets.map((d) => ({ id: d.id, path: `${publicDir}/data/${d.file}` }));
}

/**
 * The default layout of every bundled dataset, computed here exactly as the app would compute it
 * (same validation, same elements, same seeded `computePositions`), so a plain link draws at once.
 * Any change to the layout code or a dataset changes the output of the next build by itself.
 */
export function computeBundledLayouts(publicDir = 'public'): BundledLayout[] {
  // One build asks twice (the positions module and the pre-rendered page): lay out once.
  const known = computed.get(publicDir);
  if (known) return known;
  const table = catalogFiles(publicDir).flatMap(({ id, path }) => {
    const result = validateDataset(JSON.parse(readFileSync(path, 'utf8')));
    if (!result.ok) throw new Error(`${path} is not a valid dataset; the build cannot lay it out`);
    const elements = toElements(buildIndex(result.dataset));
    // A small graph has a picture for phones too (see computePositions): both open at once.
    const shapes = roomyGraph(elements) ? [false, true] : [false];
    return shapes.map((portrait) => {
      const layout: BundledLayout = {
        dataset: id,
        layout: 'fcose',
        fingerprint: layoutFingerprint(elements),
        portrait,
        positions: computePositions(elements, 'fcose', null, false, undefined, portrait),
      };
      packed.set(layout, packLayout(layout, elements));
      return layout;
    });
  });
  computed.set(publicDir, table);
  return table;
}

const computed = new Map<string, BundledLayout[]>();
const packed = new WeakMap<BundledLayout, PackedLayout>();

/** Serves `virtual:stancegraph-bundled-positions`: the table above, as a module of plain data. */
export function bundledPositionsPlugin(publicDir = 'public'): Plugin {
  const cache: { table: BundledLayout[] | null } = { table: null };
  return {
    name: 'stancegraph-bundled-positions',
    resolveId: (id) => (id === virtualId ? resolvedId : null),
    load(id) {
      if (id !== resolvedId) return null;
      for (const { path } of catalogFiles(publicDir)) this.addWatchFile(path);
      this.addWatchFile(`${publicDir}/data/index.json`);
      cache.table ??= computeBundledLayouts(publicDir);
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(cache.table.map((l) => packed.get(l)!)))});`;
    },
    // A dataset edited under the dev server is laid out again on the next load.
    watchChange: () => {
      cache.table = null;
      computed.clear();
    },
  };
}
