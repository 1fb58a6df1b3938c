/**
 * Fixed locale so messages (and tests) read the same everywhere. One formatter for the page:
 * Chromium's `toLocaleString('en-US')` cost 13.5 µs a call against 1 µs for a kept formatter, and
 * some counts are formatted on every filter change.
 */
const counts = new Intl.NumberFormat('en-US');
export const formatCount = (n: number) => counts.format(n);
