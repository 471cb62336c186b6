/** A top-level bracketed group in a match copy: `start` is the opener, `end` is after the closer. */
export interface BracketGroup {
  start: number;
  end: number;
  innerStart: number;
  innerEnd: number;
  closed: boolean;
}

// Compared as code units: this loop runs over every character of every item.
const OPEN_PAREN = 0x28;
const OPEN_SQUARE = 0x5b;
const CLOSE_PAREN = 0x29;
const CLOSE_SQUARE = 0x5d;
const isOpen = (c: number) => c === OPEN_PAREN || c === OPEN_SQUARE;
const isClose = (c: number) => c === CLOSE_PAREN || c === CLOSE_SQUARE;

/**
 * Top-level groups of `(…)` and `[…]` (the match copy maps 〔〕【】［］ to `[]`). Mixed or unbalanced
 * brackets from web copies are tolerated: any closer closes the innermost opener, stray closers are
 * ignored, and an opener never closed runs to the end (a cut-off annotation still counts).
 */
export function topLevelGroups(match: string, from = 0, to = match.length): BracketGroup[] {
  const groups: BracketGroup[] = [];
  let depth = 0;
  let start = -1;
  for (let i = from; i < to; i++) {
    const c = match.charCodeAt(i);
    if (isOpen(c)) {
      if (depth === 0) start = i;
      depth++;
    } else if (isClose(c) && depth > 0) {
      depth--;
      if (depth === 0) groups.push({ start, end: i + 1, innerStart: start + 1, innerEnd: i, closed: true });
    }
  }
  if (depth > 0 && start >= 0) groups.push({ start, end: to, innerStart: start + 1, innerEnd: to, closed: false });
  return groups;
}

/** Splits [from,to) at any of `separators` that is outside brackets; returns [start,end) ranges. */
export function splitOutsideBrackets(match: string, from: number, to: number, separators: string): Array<[number, number]> {
  const parts: Array<[number, number]> = [];
  let depth = 0;
  let partStart = from;
  const codes = Array.from(separators, (c) => c.charCodeAt(0));
  for (let i = from; i < to; i++) {
    const c = match.charCodeAt(i);
    if (isOpen(c)) depth++;
    else if (isClose(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && codes.includes(c)) {
      parts.push([partStart, i]);
      partStart = i + 1;
    }
  }
  parts.push([partStart, to]);
  return parts;
}
