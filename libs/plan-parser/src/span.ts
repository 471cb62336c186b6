/**
 * A piece of the document kept twice with equal length: as written (`orig`) and as matched
 * (`match`: simplified, half-width). Rules read `match`; output comes from `orig`.
 * Spans are immutable: operations that would not change the text return the same span.
 */
export class Span {
  /** The numbering label at the start of `match`, once read (see `lineLabel` in labels.ts). */
  startLabel: unknown = undefined;

  constructor(
    readonly orig: string,
    readonly match: string,
  ) {}

  slice(start: number, end?: number): Span {
    if (start === 0 && (end === undefined || end >= this.match.length)) return this;
    return new Span(this.orig.slice(start, end), this.match.slice(start, end));
  }

  get length(): number {
    return this.match.length;
  }

  concat(other: Span): Span {
    return new Span(this.orig + other.orig, this.match + other.match);
  }

  /** Trims whitespace and the given punctuation from both ends. */
  trim(punctuation = ''): Span {
    const m = this.match;
    let a = 0;
    let b = m.length;
    if (punctuation === '') {
      while (a < b && isTrimSpace(m.charCodeAt(a))) a++;
      while (b > a && isTrimSpace(m.charCodeAt(b - 1))) b--;
    } else {
      const codes = punctuationCodes(punctuation);
      while (a < b && (isTrimSpace(m.charCodeAt(a)) || codes.includes(m.charCodeAt(a)))) a++;
      while (b > a && (isTrimSpace(m.charCodeAt(b - 1)) || codes.includes(m.charCodeAt(b - 1)))) b--;
    }
    return a === 0 && b === m.length ? this : this.slice(a, b);
  }

  /** Removes every whitespace character (stray spaces and line breaks inside names). */
  compact(): Span {
    const m = this.match;
    let i = 0;
    while (i < m.length && !isCompactSpace(m.charCodeAt(i))) i++;
    if (i === m.length) return this;
    let orig = this.orig.slice(0, i);
    let match = m.slice(0, i);
    for (; i < m.length; i++) {
      if (isCompactSpace(m.charCodeAt(i))) continue;
      orig += this.orig[i];
      match += m[i];
    }
    return new Span(orig, match);
  }
}

/**
 * Spans joined with `separator` between them, built flat: a chain of `concat` leaves a deep rope
 * whose every character access walks the chain, which long rows would pay per character.
 */
export function joinSpans(spans: readonly Span[], separator = ''): Span {
  if (spans.length === 1) return spans[0];
  return new Span(spans.map((s) => s.orig).join(separator), spans.map((s) => s.match).join(separator));
}

// ' ', '\n', '\r'
const isTrimSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d;
// ' ', '\n', '\r', zero-width space
const isCompactSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x200b;

// The punctuation sets passed to trim are a few constants: their code units are computed once.
const punctuationCache = new Map<string, number[]>();
function punctuationCodes(punctuation: string): number[] {
  let codes = punctuationCache.get(punctuation);
  if (!codes) {
    codes = Array.from({ length: punctuation.length }, (_, i) => punctuation.charCodeAt(i));
    punctuationCache.set(punctuation, codes);
  }
  return codes;
}
