import type { ActorKind, Relation } from '../data/schema.ts';

/**
 * A best guess at the language of a native name, so screen readers and fonts treat it
 * right. Hangul is checked before Han because Korean text may contain Hanja, and kana before
 * Han because Japanese mixes both.
 */
export function guessLang(text: string): string | undefined {
  if (/\p{Script=Hangul}/u.test(text)) return 'ko';
  if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text)) return 'ja';
  if (/\p{Script=Han}/u.test(text)) return 'zh';
  return undefined;
}

export const kindLabels: Record<ActorKind, string> = {
  person: 'Person',
  state: 'State',
  organisation: 'Organisation',
  group: 'Group',
};

export type Direction = 'out' | 'in' | 'mutual';

/** How a relation points, seen from one of its ends. */
export function directionFrom(relation: Pick<Relation, 'source' | 'target' | 'directed'>, actor: string): Direction {
  if (!relation.directed || relation.source === relation.target) return 'mutual';
  return relation.source === actor ? 'out' : 'in';
}

export const directionGlyph: Record<Direction, string> = { out: '→', in: '←', mutual: '↔' };
/** Read out instead of the arrow, which screen readers announce inconsistently. */
export const directionWord: Record<Direction, string> = { out: 'towards', in: 'from', mutual: 'with' };

/** The other end of a relation; a relation from an actor to itself has the actor at both ends. */
export const otherEnd = (relation: Pick<Relation, 'source' | 'target'>, actor: string) =>
  relation.source === actor ? relation.target : relation.source;

/**
 * Dates as a reader would write them. A plain date is a calendar day, so it is formatted in
 * UTC; otherwise the local time zone would shift it by a day west of Greenwich.
 */
export function formatDate(value: string, locale?: string): string {
  const dayOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = new Date(dayOnly ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale, dayOnly ? { dateStyle: 'long', timeZone: 'UTC' } : { dateStyle: 'long', timeStyle: 'short' }).format(date);
}

