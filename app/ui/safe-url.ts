const webProtocols = new Set(['http:', 'https:']);

/**
 * The address a link to outside data may point at, or null. Only absolute http(s) URLs pass:
 * `javascript:`, `data:`, `blob:`, `vbscript:` and relative or malformed addresses do not. The
 * URL is parsed as the browser would parse an href (which drops tabs and newlines and trims
 * spaces, so `java\tscript:` is still caught) and the normalised form is returned.
 */
export function safeWebUrl(url: string | undefined | null): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  return webProtocols.has(parsed.protocol) && parsed.hostname !== '' ? parsed.href : null;
}
