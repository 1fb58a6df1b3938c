import { formatCount } from '../ui/format.ts';
import { maxActors, maxElements, maxRelations, maxStances, maxTopics } from '../data/format-limits.ts';

/**
 * Hard limits for user-loaded datasets. They keep a careless or hostile file from freezing the
 * tab: reading, validating and laying out a graph all grow with these numbers.
 */

export const maxFileBytes = 20 * 1024 * 1024;
/** Problem lines shown at once; the rest are summarised as "and N more". */
export const maxShownProblems = 8;

const megabytes = (bytes: number) => bytes / (1024 * 1024);

/** Checked before a file is read, so an oversized file never reaches memory as text. */
export function checkSize(bytes: number): string | null {
  if (bytes <= maxFileBytes) return null;
  return `This file is ${megabytes(bytes).toFixed(1)} MB; the limit is ${megabytes(maxFileBytes)} MB.`;
}

/** Checked before full validation, which is the expensive step on a huge file. */
export function checkCounts(actors: number, relations: number, topics = 0, stances = 0): string | null {
  if (topics > maxTopics) return `The dataset has ${formatCount(topics)} topics; the limit is ${formatCount(maxTopics)}.`;
  if (stances > maxStances) return `The dataset has ${formatCount(stances)} stances; the limit is ${formatCount(maxStances)}.`;
  if (actors > maxActors)
    return `The dataset has ${formatCount(actors)} actors; the limit is ${formatCount(maxActors)}.`;
  if (relations > maxRelations)
    return `The dataset has ${formatCount(relations)} relations; the limit is ${formatCount(maxRelations)}.`;
  if (actors + relations > maxElements)
    return `The dataset has ${formatCount(actors)} actors and ${formatCount(relations)} relations, ${formatCount(actors + relations)} together; the limit is ${formatCount(maxElements)} together.`;
  return null;
}

export function capProblems(lines: readonly string[]): { shown: string[]; more: number } {
  return { shown: lines.slice(0, maxShownProblems), more: Math.max(0, lines.length - maxShownProblems) };
}
