import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildIndex } from '../data/dataset-index.ts';
import { validateDataset } from '../data/validate.ts';
import { layoutNames } from '../view/view-state.ts';
import { toElements } from './elements.ts';
import { computePositions } from './layouts.ts';
import { maxTextScale, nameBox } from './legibility.ts';

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

describe('a small graph laid out with room for its names', () => {
  const index = load('gyeongju-2025.json');
  const elements = toElements(index);
  const parents = new Set(elements.map((e) => e.data.parent).filter((s) => s !== undefined));
  const leaves = elements.filter((e) => e.group === 'nodes' && !parents.has(e.data.id!));

  it.each([false, true])('keeps every name clear of every other actor and name (portrait: %s)', (portrait) => {
    const p = computePositions(elements, 'fcose', null, false, undefined, portrait);
    // The name as the first camera draws it (text at its largest), under a shape of the smallest size.
    const box = (e: (typeof leaves)[number]) => {
      const q = p.get(e.data.id!)!;
      const name = nameBox(String(e.data.label), maxTextScale);
      return { x1: q.x - name.width / 2, x2: q.x + name.width / 2, y1: q.y - 17, y2: q.y + 17 + 5 + name.height };
    };
    const boxes = leaves.map(box);
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        expect(a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2, `${leaves[i]!.data.id} / ${leaves[j]!.data.id}`).toBe(false);
      }
  });

  it('lays a phone picture out apart from the desktop one, from the same seeds every time', () => {
    const phone = computePositions(elements, 'fcose', null, false, undefined, true);
    expect(phone).not.toEqual(computePositions(elements, 'fcose', null));
    expect(computePositions(elements, 'fcose', null, false, undefined, true)).toEqual(phone);
  });
});
