/** Fixed locale so messages (and tests) read the same everywhere. */
export const formatCount = (n: number) => n.toLocaleString('en-US');
