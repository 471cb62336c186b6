/**
 * Where texts of a draft sit in its source document, ignoring whitespace: the parser joins
 * hard-wrapped lines, so a key point's text and the source differ in line breaks and indents.
 */
export class SourcePositions {
  private readonly compact: string;
  /** Offset in the source of each character of `compact`. */
  private readonly offsets: Int32Array;

  constructor(readonly source: string) {
    const chars: string[] = [];
    const offsets = new Int32Array(source.length);
    let n = 0;
    for (let i = 0; i < source.length; i++) {
      if (/\s/u.test(source[i])) continue;
      chars.push(source[i]);
      offsets[n++] = i;
    }
    this.compact = chars.join('');
    this.offsets = offsets.subarray(0, n);
  }

  /** Offset of the first of `needles` found (by its first characters), or null. */
  find(needles: readonly (string | null | undefined)[], probeLength = 24): number | null {
    for (const needle of needles) {
      const probe = (needle ?? '').replace(/\s+/gu, '').slice(0, probeLength);
      if (probe.length < 4) continue;
      const at = this.compact.indexOf(probe);
      if (at >= 0) return this.offsets[at];
    }
    return null;
  }

  /**
   * Where a selection the browser made sits: at `start` when the text is there, else the occurrence
   * of the text nearest to `start` (the browser may count line breaks differently). Null when absent.
   */
  locateSelection(start: number, text: string): number | null {
    if (this.source.startsWith(text, start)) return start;
    let best: number | null = null;
    for (let at = this.source.indexOf(text); at >= 0; at = this.source.indexOf(text, at + 1)) {
      if (best === null || Math.abs(at - start) < Math.abs(best - start)) best = at;
    }
    return best;
  }
}
