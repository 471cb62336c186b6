import pg from 'pg';

/** PostgreSQL's `timestamptz` type oid. */
const TIMESTAMPTZ = 1184;

const digit = (s: string, i: number) => s.charCodeAt(i) - 48;
const two = (s: string, i: number) => digit(s, i) * 10 + digit(s, i + 1);
const isDigit = (s: string, i: number) => {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
};

/**
 * `timestamptz` text as PostgreSQL writes it with DateStyle ISO, `2026-11-23 10:11:12.123456+08` (the
 * offset may carry minutes and seconds), to a Date: read by character codes instead of pg's default
 * (postgres-date), whose regular expressions were 5 % of a task list's API CPU (every task row carries
 * seven instants). Anything else (a year before 1000 or after 9999, BC, infinity, another DateStyle) goes
 * to `fallback`, so the result is always the default parser's: milliseconds truncated, as a Date keeps them.
 */
export function parseTimestamptz(text: string, fallback: (text: string) => unknown): unknown {
  const n = text.length;
  if (n < 22 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 32) {
    return fallback(text);
  }
  if (text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return fallback(text);
  for (let d = 0; d < 19; d++)
    if (d !== 4 && d !== 7 && d !== 10 && d !== 13 && d !== 16 && !isDigit(text, d)) return fallback(text);
  let i = 19;
  let ms = 0;
  if (text.charCodeAt(i) === 46) {
    i++;
    const start = i;
    while (i < n && isDigit(text, i)) i++;
    const digits = i - start;
    if (digits === 0) return fallback(text);
    // Truncated to milliseconds, as Date.UTC does with the fractional milliseconds postgres-date passes.
    for (let k = 0; k < 3; k++) ms = ms * 10 + (k < digits ? digit(text, start + k) : 0);
  }
  const sign = text.charCodeAt(i);
  if ((sign !== 43 && sign !== 45) || !isDigit(text, i + 1) || !isDigit(text, i + 2)) return fallback(text);
  let offset = two(text, i + 1) * 3600;
  i += 3;
  for (let unit = 60; unit >= 1 && i < n; unit /= 60) {
    if (text.charCodeAt(i) !== 58 || !isDigit(text, i + 1) || !isDigit(text, i + 2)) return fallback(text);
    offset += two(text, i + 1) * unit;
    i += 3;
  }
  if (i !== n) return fallback(text);
  const year = digit(text, 0) * 1000 + digit(text, 1) * 100 + two(text, 2);
  if (year < 1000) return fallback(text);
  const utc = Date.UTC(year, two(text, 5) - 1, two(text, 8), two(text, 11), two(text, 14), two(text, 17), ms);
  return new Date(utc - (sign === 45 ? -offset : offset) * 1000);
}

/** Installs parseTimestamptz as pg's process-wide parser for `timestamptz`, the default as its fallback. */
export function useFastTimestampParser(): void {
  const fallback = pg.types.getTypeParser(TIMESTAMPTZ, 'text') as (text: string) => unknown;
  if ((fallback as { fast?: boolean }).fast) return;
  const fast = Object.assign((text: string) => parseTimestamptz(text, fallback), { fast: true });
  pg.types.setTypeParser(TIMESTAMPTZ, fast);
}
