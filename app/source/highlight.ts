export interface Segment {
  text: string;
  marked: boolean;
}

/**
 * Splits `text` into plain and marked runs, marking every occurrence of every quote.
 * Quotes are matched as plain substrings (never as patterns), so metacharacters in user
 * data are harmless. Overlapping and touching ranges merge into one mark, so a reader sees
 * one continuous highlight rather than several abutting ones.
 */
export function highlightSegments(text: string, quotes: readonly string[]): Segment[] {
  const ranges: [number, number][] = [];
  for (const quote of new Set(quotes)) {
    if (quote.length === 0) continue;
    // Step by one character so that self-overlapping occurrences ("aa" in "aaa") are all found.
    for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) ranges.push([at, at + quote.length]);
  }
  if (ranges.length === 0) return text.length > 0 ? [{ text, marked: false }] : [];

  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const [start, end] of ranges) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }

  const segments: Segment[] = [];
  let cursor = 0;
  for (const [start, end] of merged) {
    if (start > cursor) segments.push({ text: text.slice(cursor, start), marked: false });
    segments.push({ text: text.slice(start, end), marked: true });
    cursor = end;
  }
  if (cursor < text.length) segments.push({ text: text.slice(cursor), marked: false });
  return segments;
}
