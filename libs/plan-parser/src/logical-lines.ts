import { lineLabel, ROLE_LINE, TIME_LINE } from './labels.js';
import { Span } from './span.js';
import type { Line } from './header.js';
import { NO_ROW_ENDS, startsAnotherRow, type RowEnds } from './task-table.js';

// Web copies and PDF text layers break lines at arbitrary points: inside a sentence, a unit name or
// an item's heading. This pass turns the body's physical lines into logical lines (paragraphs) once,
// so the structure scan and everything after it sees whole sentences.

const SPACE = new Span(' ', ' ');
// A number is never cut by a cell boundary.
const isDigitCode = (c: number) => c >= 0x30 && c <= 0x39;
const isDigit = (m: string, at: number) => isDigitCode(m.charCodeAt(at));
const TERMINAL = new Set(Array.from('。;!?:)]”"」』', (c) => c.charCodeAt(0)));
const LEADING_PUNCT = new Set(Array.from('、,;。.:)]', (c) => c.charCodeAt(0)));
const SOFT_END = new Set(Array.from('、,(', (c) => c.charCodeAt(0)));

/** Bracket depth after `match`, starting at `depth` (a closing bracket with none open is ignored). */
function bracketDepth(match: string, depth: number): number {
  if (depth === 0 && !match.includes('(') && !match.includes('[')) return 0;
  for (let i = 0; i < match.length; i++) {
    const c = match.charCodeAt(i);
    if (c === 0x28 || c === 0x5b) depth++;
    else if ((c === 0x29 || c === 0x5d) && depth > 0) depth--;
  }
  return depth;
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

/**
 * A logical line being built from physical ones. What `continues` asks of it (its start, its last
 * character, its length, open brackets) is kept as it grows, and the text is joined once at the
 * end: asking the whole joined text each time would cost its length for every line added.
 */
class OpenLine {
  readonly line: Line;
  private readonly origParts: string[];
  private readonly matchParts: string[];
  /** The first characters of the joined text: all a label or a role/time field at its start needs. */
  head: Span;
  length: number;
  last: number;
  depth: number;

  constructor(line: Line) {
    this.line = {
      span: line.span,
      noise: false,
      table: line.table,
      soft: line.soft,
      inTable: line.inTable,
      joined: line.joined,
    };
    this.origParts = [line.span.orig];
    this.matchParts = [line.span.match];
    this.head = line.span;
    this.length = line.span.length;
    this.last = line.span.match.charCodeAt(line.span.length - 1);
    this.depth = bracketDepth(line.span.match, 0);
  }

  append(span: Span): void {
    this.origParts.push(span.orig);
    this.matchParts.push(span.match);
    if (this.head.length < HEAD) this.head = this.head.concat(span);
    this.length += span.length;
    if (span.length) this.last = span.match.charCodeAt(span.length - 1);
    this.depth = bracketDepth(span.match, this.depth);
    this.line.joined = true;
  }

  done(): Line {
    if (this.origParts.length > 1) this.line.span = new Span(this.origParts.join(''), this.matchParts.join(''));
    return this.line;
  }
}
const HEAD = 64;

function continues(prev: OpenLine, nextSpan: Span, wrapWidth: number, inline: boolean): boolean {
  const next = nextSpan.match;
  const first = next.charCodeAt(0);
  if (LEADING_PUNCT.has(first)) return true;
  if (lineLabel(nextSpan) || ROLE_LINE.test(next) || TIME_LINE.test(next)) return false;
  if (prev.depth > 0) return true;
  if (TERMINAL.has(prev.last)) return false;
  if (SOFT_END.has(prev.last)) return true;
  if (ROLE_LINE.test(prev.head.match) || TIME_LINE.test(prev.head.match)) return prev.length >= wrapWidth;
  if (prev.length >= wrapWidth) return true;
  const label = lineLabel(prev.head);
  if (!label) return false;
  // A short label line: a heading standing alone, or a heading wrapped before its sentence ends.
  if (label.style === 'section' || label.style === 'part')
    return (
      next.length <= 10 &&
      firstClauseLength(next) === next.length - (next.endsWith('。') ? 1 : 0) &&
      next.length < prev.length
    );
  return inline || firstClauseLength(next) <= 4;
}

/** Merges wrapped physical lines from `from` on; noise lines in between are dropped from the body. */
export function mergeWrappedLines(
  lines: Line[],
  from: number,
  wrapWidth: number,
  rowEnds: RowEnds = NO_ROW_ENDS,
): Line[] {
  const out = lines.slice(0, from);
  const inline = inlineHeadings(lines, from, wrapWidth);
  let open: OpenLine | null = null;
  let spaceAfter = false;
  // The last physical line taken: a table row it ends is not continued by the next line.
  let previous: Line | null = null;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i];
    if (line.noise) continue;
    const closed =
      rowEnds.columns > 0 && previous?.inTable && line.inTable && startsAnotherRow(previous.span, line.span, rowEnds);
    previous = line;
    if (open && !closed && !open.line.table && !line.table && continues(open, line.span, wrapWidth, inline)) {
      // In a table row a line break at a space was the space between two cells: keep one there (a
      // break inside a name has none; where a copy adds spaces at every break, the row reader
      // joins a name that a space cut in two).
      const cellBoundary =
        open.line.inTable &&
        line.inTable &&
        (spaceAfter || line.spaceBefore) &&
        !(isDigitCode(open.last) && isDigit(line.span.match, 0));
      if (cellBoundary) open.append(SPACE);
      open.append(line.span);
      spaceAfter = line.spaceAfter ?? false;
      continue;
    }
    if (open) out.push(open.done());
    open = new OpenLine(line);
    spaceAfter = line.spaceAfter ?? false;
  }
  if (open) out.push(open.done());
  return out;
}
