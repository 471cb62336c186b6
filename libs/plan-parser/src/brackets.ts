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

/**
 * Top-level groups of `(…)` and `[…]` (the match copy maps 〔〕【】［］ to `[]`). Mixed or unbalanced
 * brackets from web copies are tolerated: any closer closes the innermost opener, stray closers are
 * ignored, and an opener never closed runs to the end (a cut-off annotation still counts).
 */
export function topLevelGroups(match: string, from = 0, to = match.length): BracketGroup[] {
  const groups: BracketGroup[] = [];
  let depth = 0;
  let start = -1;
  // The four bracket characters are found with indexOf (a native scan) instead of a loop over every
  // character: the next one of each kind is kept and the nearest is handled.
  let openParen = nextAt(match, '(', from);
  let openSquare = nextAt(match, '[', from);
  let closeParen = nextAt(match, ')', from);
  let closeSquare = nextAt(match, ']', from);
  for (;;) {
    const i = Math.min(openParen, openSquare, closeParen, closeSquare);
    if (i >= to) break;
    if (i === openParen || i === openSquare) {
      if (i === openParen) openParen = nextAt(match, '(', i + 1);
      else openSquare = nextAt(match, '[', i + 1);
      if (depth === 0) start = i;
      depth++;
    } else {
      if (i === closeParen) closeParen = nextAt(match, ')', i + 1);
      else closeSquare = nextAt(match, ']', i + 1);
      if (depth > 0) {
        depth--;
        if (depth === 0) groups.push({ start, end: i + 1, innerStart: start + 1, innerEnd: i, closed: true });
      }
    }
  }
  if (depth > 0 && start >= 0) groups.push({ start, end: to, innerStart: start + 1, innerEnd: to, closed: false });
  return groups;
}

const nextAt = (s: string, c: string, from: number) => {
  const i = s.indexOf(c, from);
  return i < 0 ? Infinity : i;
};

/** Splits [from,to) at any of `separators` that is outside brackets; returns [start,end) ranges. */
export function splitOutsideBrackets(
  match: string,
  from: number,
  to: number,
  separators: string,
): Array<[number, number]> {
  const parts: Array<[number, number]> = [];
  let depth = 0;
  let partStart = from;
  const codes = separatorCodes(separators);
  const n = codes.length;
  for (let i = from; i < to; i++) {
    const c = match.charCodeAt(i);
    if (c === OPEN_PAREN || c === OPEN_SQUARE) depth++;
    else if (c === CLOSE_PAREN || c === CLOSE_SQUARE) depth = depth > 0 ? depth - 1 : 0;
    else if (depth === 0) {
      for (let k = 0; k < n; k++) {
        if (codes[k] === c) {
          parts.push([partStart, i]);
          partStart = i + 1;
          break;
        }
      }
    }
  }
  parts.push([partStart, to]);
  return parts;
}

// The callers pass a handful of constant separator sets: their code units are computed once.
const separatorCache = new Map<string, number[]>();
function separatorCodes(separators: string): number[] {
  let codes = separatorCache.get(separators);
  if (!codes) {
    codes = Array.from(separators, (c) => c.charCodeAt(0));
    separatorCache.set(separators, codes);
  }
  return codes;
}
