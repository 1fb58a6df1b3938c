import type { Relation } from '../data/schema.ts';

/** Actors within `depth` hops of `start` over the given relations (direction ignored). */
export function neighbourhood(start: string, relations: readonly Relation[], depth: number): Set<string> {
  const adjacent = new Map<string, string[]>();
  const link = (a: string, b: string) => {
    const list = adjacent.get(a);
    if (list) list.push(b);
    else adjacent.set(a, [b]);
  };
  for (const r of relations) {
    link(r.source, r.target);
    link(r.target, r.source);
  }
  const seen = new Set([start]);
  let frontier = [start];
  for (let hop = 0; hop < depth && frontier.length > 0; hop++) {
    const next: string[] = [];
    for (const id of frontier)
      for (const n of adjacent.get(id) ?? [])
        if (!seen.has(n)) {
          seen.add(n);
          next.push(n);
        }
    frontier = next;
  }
  return seen;
}
