import { localEntryLabel, type LocalDatasetEntry } from './local-datasets.ts';
import { plural } from '../ui/plural.ts';

/** "14:05" in the reader's time zone (or the one given, for tests). */
function savedTime(iso: string, timeZone?: string): string | null {
  const date = new Date(iso);
  if (iso === '' || Number.isNaN(date.getTime())) return null;
  return date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', ...(timeZone ? { timeZone } : {}) });
}

/** "12 actors, 30 relations"; null for an entry saved before counts were kept. */
function counts(e: LocalDatasetEntry): string | null {
  if (e.actors === undefined || e.relations === undefined) return null;
  return `${plural(e.actors, 'actor')}, ${plural(e.relations, 'relation')}`;
}

/**
 * Selector labels that tell datasets apart (issue #17): two loaded files with the same title
 * looked identical. Every label carries its day of saving; where labels collide, the counts a
 * reader recognises (actors, relations) are added, then the time of saving, and where they still
 * collide, the start of the content hash, which is what the link names.
 */
export function distinctLabels(entries: readonly LocalDatasetEntry[], timeZone?: string): Map<string, string> {
  const labels = new Map(entries.map((e) => [e.hash, localEntryLabel(e, timeZone)]));
  const refine = (more: (e: LocalDatasetEntry) => string | null) => {
    const count = new Map<string, number>();
    for (const label of labels.values()) count.set(label, (count.get(label) ?? 0) + 1);
    for (const e of entries) {
      const label = labels.get(e.hash)!;
      const extra = (count.get(label) ?? 0) > 1 ? more(e) : null;
      if (extra !== null) labels.set(e.hash, `${label} · ${extra}`);
    }
  };
  refine(counts);
  refine((e) => savedTime(e.savedAt, timeZone));
  refine((e) => `#${e.hash.slice(0, 6)}`);
  return labels;
}
