import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../data/dataset-index.ts';
import { validateDataset } from '../data/validate.ts';
import { layoutNames } from '../view/view-state.ts';
import { toElements } from './elements.ts';
import { computePositions } from './layouts.ts';

function load(file: string) {
  const result = validateDataset(JSON.parse(readFileSync(new URL(`../../public/data/${file}`, import.meta.url), 'utf8')));
  if (!result.ok) throw new Error(`invalid ${file}`);
  return buildIndex(result.dataset);
}

describe('computePositions', () => {
  const index = load('gyeongju-2025.json');
  const elements = toElements(index);

  it.each(layoutNames.filter((l) => l !== 'preset'))('%s places every node at finite, repeatable positions', (name) => {
    const a = computePositions(elements, name, null);
    const b = computePositions(elements, name, null);
    expect([...a.keys()].sort()).toEqual(index.dataset.actors.map((x) => x.id).sort());
    for (const p of a.values()) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
    expect(b).toEqual(a);
  });

  it('does not disturb Math.random outside the layout run', () => {
    const before = Math.random;
    computePositions(elements, 'fcose', null);
    expect(Math.random).toBe(before);
  });

  it('spreads leaf nodes apart (no two people on the same spot)', () => {
    const p = computePositions(elements, 'fcose', null);
    const leaves = index.dataset.actors.filter((a) => a.kind !== 'state').map((a) => p.get(a.id)!);
    for (let i = 0; i < leaves.length; i++)
      for (let j = i + 1; j < leaves.length; j++)
        expect(Math.hypot(leaves[i]!.x - leaves[j]!.x, leaves[i]!.y - leaves[j]!.y)).toBeGreaterThan(30);
  });

  it('breadth-first starts from the given root', () => {
    const p = computePositions(elements, 'breadthfirst', 'kim-jong-un');
    const kim = p.get('kim-jong-un')!;
    const minY = Math.min(...index.dataset.actors.filter((a) => a.kind !== 'state').map((a) => p.get(a.id)!.y));
    expect(kim.y).toBe(minY);
  });
});
