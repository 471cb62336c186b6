const encoder = new TextEncoder();

export const byteLength = (text: string): number => encoder.encode(text).length;

/**
 * Cuts text to at most maxBytes of UTF-8, on a character boundary, ending in "…" when cut. Both robots
 * count bytes, not characters: 2,048 bytes of Chinese is about 680 characters.
 */
export function truncateBytes(text: string, maxBytes: number, ellipsis = '…'): string {
  if (byteLength(text) <= maxBytes) return text;
  const budget = maxBytes - byteLength(ellipsis);
  let used = 0;
  let out = '';
  for (const char of text) {
    const size = byteLength(char);
    if (used + size > budget) break;
    out += char;
    used += size;
  }
  return out + ellipsis;
}
