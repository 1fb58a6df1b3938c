import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../data/dataset-index.ts';
import { validateDataset } from '../data/validate.ts';
import { bundledLayouts, bundledPositions } from './bundled-positions.ts';
import { toElements } from './elements.ts';
import { computePositions } from './layouts.ts';
import { roomyGraph } from './legibility.ts';

function elementsOf(file: string) {
  const result = validateDataset(JSON.parse(readFileSync(new URL(`../../public/data/${file}`, import.meta.url), 'utf8')));
  if (!result.ok) throw new Error(`invalid ${file}`);
  return toElements(buildIndex(result.dataset));
}

const catalog = JSON.parse(readFileSync(new URL('../../public/data/index.json', import.meta.url), 'utf8')) as {
  datasets: { id: string; file: string }[];
};

describe('bundled positions (computed by the build)', () => {
  it('cover the default layout of every bundled dataset, and a phone picture of each small one', () => {
    const small = (file: string) => roomyGraph(elementsOf(file));
    expect(bundledLayouts.map((l) => `${l.dataset}:${l.layout}:${l.portrait}`).sort()).toEqual(
      catalog.datasets.flatMap((d) => [`${d.id}:fcose:false`, ...(small(d.file) ? [`${d.id}:fcose:true`] : [])]).sort(),
    );
    expect(bundledLayouts.some((l) => l.portrait)).toBe(true);
  });

  it.each(catalog.datasets)('are identical to a fresh run of the layout for $id', ({ file }) => {
    const elements = elementsOf(file);
    const shipped = bundledPositions(elements, 'fcose', null, false);
    expect(shipped).not.toBeNull();
    expect(shipped).toEqual(computePositions(elements, 'fcose', null));
    if (roomyGraph(elements)) expect(bundledPositions(elements, 'fcose', null, false, true)).toEqual(computePositions(elements, 'fcose', null, false, undefined, true));
  });

  it('are not used for an edited copy of a bundled dataset, another layout, or large-graph mode', () => {
    const elements = elementsOf('gyeongju-2025.json');
    const edited = elements.filter((e) => e.data.id !== elements.find((x) => x.group === 'edges')!.data.id);
    expect(bundledPositions(edited, 'fcose', null, false)).toBeNull();
    const moved = elements.map((e) => (e.group === 'nodes' && e.data.id === 'kim-jong-un' ? { ...e, data: { ...e.data, parent: undefined } } : e));
    expect(bundledPositions(moved, 'fcose', null, false)).toBeNull();
    expect(bundledPositions(elements, 'circle', null, false)).toBeNull();
    expect(bundledPositions(elements, 'fcose', null, true)).toBeNull();
  });
});
