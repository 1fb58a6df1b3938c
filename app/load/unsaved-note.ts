/**
 * Hashes of datasets this tab loaded but could not keep (storage full or refused). Session
 * storage outlives a reload of the tab, so the page can then say what happened — "could not be
 * kept on this device" — instead of "loaded on another device". Any storage failure here only
 * loses that better message.
 */
const key = 'stancegraph:unsaved';

function read(): string[] {
  try {
    const parsed: unknown = JSON.parse(sessionStorage.getItem(key) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((h): h is string => typeof h === 'string') : [];
  } catch {
    return [];
  }
}

export function noteUnsaved(hash: string): void {
  try {
    const hashes = read().filter((h) => h !== hash);
    // A handful is all a session needs; the list never grows without bound.
    sessionStorage.setItem(key, JSON.stringify([hash, ...hashes].slice(0, 20)));
  } catch {
    // Storage refused even this: the generic message remains.
  }
}

export const wasUnsavedHere = (hash: string): boolean => read().includes(hash);
