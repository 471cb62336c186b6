/**
 * The parser's warnings as the office reads them in the web: the parser also serves the command line,
 * whose option hints (`可用 --year 指定`) mean nothing in a browser, where the form asks instead.
 */
export function importWarnings(warnings: readonly string[]): string[] {
  return warnings.map((w) => w.replace(/[;；,，]?\s*可(?:以)?用\s*--[a-z-]+\s*\S*?指定/gu, '').trim()).filter(Boolean);
}
