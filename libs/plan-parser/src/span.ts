/**
 * A piece of the document kept twice with equal length: as written (`orig`) and as matched
 * (`match`: simplified, half-width). Rules read `match`; output comes from `orig`.
 */
export class Span {
  constructor(
    readonly orig: string,
    readonly match: string,
  ) {}

  slice(start: number, end?: number): Span {
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
    const strip = (c: string) => c === ' ' || c === '\n' || c === '\r' || punctuation.includes(c);
    let a = 0;
    let b = this.match.length;
    while (a < b && strip(this.match[a])) a++;
    while (b > a && strip(this.match[b - 1])) b--;
    return this.slice(a, b);
  }

  /** Removes every whitespace character (stray spaces and line breaks inside names). */
  compact(): Span {
    let orig = '';
    let match = '';
    for (let i = 0; i < this.match.length; i++) {
      const c = this.match[i];
      if (c === ' ' || c === '\n' || c === '\r' || c === '\u200b') continue;
      orig += this.orig[i];
      match += c;
    }
    return new Span(orig, match);
  }
}
