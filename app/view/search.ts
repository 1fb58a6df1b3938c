import type { DatasetIndex, SearchField } from '../data/dataset-index.ts';
import { normalizeForSearch } from '../data/search-key.ts';

export interface SearchHit {
  actorId: string;
  field: SearchField;
  /** The text that matched, for showing why an actor was found. */
  matched: string;
  score: number;
}

const fieldWeight: Record<SearchField, number> = { name: 0, nativeName: 0, alias: 1, role: 3 };

/** Plain substring search over precomputed keys; the query is never a pattern. */
export function searchActors(index: DatasetIndex, query: string, limit = 12): SearchHit[] {
  const q = normalizeForSearch(query);
  if (q === '') return [];
  const hits: SearchHit[] = [];
  for (const [actorId, keys] of index.searchKeys) {
    let best: SearchHit | null = null;
    for (const k of keys) {
      const at = k.key.indexOf(q);
      if (at < 0) continue;
      // exact < prefix < infix, then by field, so names beat roles.
      const score = (k.key === q ? 0 : at === 0 ? 10 : 20) + fieldWeight[k.field];
      if (!best || score < best.score) best = { actorId, field: k.field, matched: k.text, score };
    }
    if (best) hits.push(best);
  }
  // Equal matches: the more connected actor first ("lee" → the president before his administration).
  const weight = (id: string) => (index.relationsByActor.get(id)?.length ?? 0) + (index.stancesByActor.get(id)?.length ?? 0);
  hits.sort(
    (a, b) =>
      a.score - b.score ||
      weight(b.actorId) - weight(a.actorId) ||
      nameOf(index, a.actorId).localeCompare(nameOf(index, b.actorId)),
  );
  return hits.slice(0, limit);
}

const nameOf = (index: DatasetIndex, id: string) => index.actorById.get(id)?.name ?? id;
