import { lineLabel, ROLE_LINE, TIME_LINE } from './labels.js';
import { Span } from './span.js';
import type { Line } from './header.js';

// Web copies and PDF text layers break lines at arbitrary points: inside a sentence, a unit name or
// an item's heading. This pass turns the body's physical lines into logical lines (paragraphs) once,
// so the structure scan and everything after it sees whole sentences.

const SPACE = new Span(' ', ' ');
// A number is never cut by a cell boundary.
const isDigit = (m: string, at: number) => {
  const c = m.charCodeAt(at < 0 ? m.length + at : at);
  return c >= 0x30 && c <= 0x39;
};
const TERMINAL = new Set(Array.from('。;!?:)]”"」』', (c) => c.charCodeAt(0)));
const LEADING_PUNCT = new Set(Array.from('、,;。.:)]', (c) => c.charCodeAt(0)));
const SOFT_END = new Set(Array.from('、,(', (c) => c.charCodeAt(0)));

function unclosedBracket(match: string): boolean {
  if (!match.includes('(') && !match.includes('[')) return false;
  let depth = 0;
  for (let i = 0; i < match.length; i++) {
    const c = match.charCodeAt(i);
    if (c === 0x28 || c === 0x5b) depth++;
    else if ((c === 0x29 || c === 0x5d) && depth > 0) depth--;
  }
  return depth > 0;
}

/** Length of the first clause (up to `。,;:`) of a line: a wrapped heading's tail is a tiny clause. */
function firstClauseLength(match: string): number {
  for (let i = 0; i < match.length && i < 12; i++) {
    const c = match.charCodeAt(i);
    if (c === 0x3002 /* 。 */ || c === 0x2c || c === 0x3b || c === 0x3a) return i;
  }
  return match.length;
}

/** The typical line width of the document: lines at least this long that end mid-sentence wrapped. */
export function typicalWrapWidth(lines: Line[]): number {
  const lengths = lines.map((l) => l.span.length).sort((a, b) => a - b);
  const p90 = lengths[Math.floor(lengths.length * 0.9)] ?? 0;
  return Math.max(12, Math.min(30, Math.floor(p90 * 0.6)));
}

/**
 * Whether item headings are written inline (`(一)推进规划公开。县级以上…`) rather than on a line of
 * their own: then a short label line without closing punctuation is a wrapped heading, not a title.
 */
function inlineHeadings(lines: Line[], from: number, wrapWidth: number): boolean {
  let inline = 0;
  let standalone = 0;
  for (let i = from; i < lines.length; i++) {
    const m = lines[i].span.match;
    const label = lineLabel(lines[i].span);
    if (!label || label.style === 'section' || label.style === 'part') continue;
    if (m.includes('。') || m.length >= wrapWidth) inline++;
    else standalone++;
  }
  return inline >= 2 && inline >= standalone * 3;
}

function continues(prevSpan: Span, nextSpan: Span, wrapWidth: number, inline: boolean): boolean {
  const prev = prevSpan.match;
  const next = nextSpan.match;
  const first = next.charCodeAt(0);
  if (LEADING_PUNCT.has(first)) return true;
  if (lineLabel(nextSpan) || ROLE_LINE.test(next) || TIME_LINE.test(next)) return false;
  const last = prev.charCodeAt(prev.length - 1);
  if (unclosedBracket(prev)) return true;
  if (TERMINAL.has(last)) return false;
  if (SOFT_END.has(last)) return true;
  if (ROLE_LINE.test(prev) || TIME_LINE.test(prev)) return prev.length >= wrapWidth;
  if (prev.length >= wrapWidth) return true;
  const label = lineLabel(prevSpan);
  if (!label) return false;
  // A short label line: a heading standing alone, or a heading wrapped before its sentence ends.
  if (label.style === 'section' || label.style === 'part') return next.length <= 10 && firstClauseLength(next) === next.length - (next.endsWith('。') ? 1 : 0) && next.length < prev.length;
  return inline || firstClauseLength(next) <= 4;
}

/** Merges wrapped physical lines from `from` on; noise lines in between are dropped from the body. */
export function mergeWrappedLines(lines: Line[], from: number, wrapWidth: number): Line[] {
  const out = lines.slice(0, from);
  const inline = inlineHeadings(lines, from, wrapWidth);
  let open: Line | null = null;
  let spaceAfter = false;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i];
    if (line.noise) continue;
    if (open && !open.table && !line.table && continues(open.span, line.span, wrapWidth, inline)) {
      // In a table row a line break at a space was the space between two cells: keep one there (a
      // break inside a name has none; where a copy adds spaces at every break, the row reader
      // joins a name that a space cut in two).
      const cellBoundary = open.inTable && line.inTable && (spaceAfter || line.spaceBefore) && !(isDigit(open.span.match, -1) && isDigit(line.span.match, 0));
      open.span = open.span.concat(cellBoundary ? SPACE.concat(line.span) : line.span);
      open.joined = true;
      spaceAfter = line.spaceAfter ?? false;
      continue;
    }
    open = { span: line.span, noise: false, table: line.table, soft: line.soft, inTable: line.inTable, joined: line.joined };
    spaceAfter = line.spaceAfter ?? false;
    out.push(open);
  }
  return out;
}
