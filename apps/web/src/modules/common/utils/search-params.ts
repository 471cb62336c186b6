/**
 * The page's query string with some parameters changed: a value sets it, null, undefined or '' removes
 * it, and every other parameter is kept (pages keep their filters, the open task and so on in the URL).
 */
export function withSearchParams(
  params: URLSearchParams,
  changes: Record<string, string | number | null | undefined>,
): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === undefined || value === '') next.delete(key);
    else next.set(key, String(value));
  }
  return next;
}
