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
   * nearest to `start`, compared without whitespace (the browser may render blank lines or line
   * breaks differently). The range is the source's own, so the caller reads the source's text.
   */
  locateSelection(start: number, text: string): { start: number; end: number } | null {
    if (text && this.source.startsWith(text, start)) return { start, end: start + text.length };
    const probe = text.replace(/\s+/gu, '');
    if (!probe) return null;
    let best: number | null = null;
    for (let at = this.compact.indexOf(probe); at >= 0; at = this.compact.indexOf(probe, at + 1)) {
      if (best === null || Math.abs(this.offsets[at] - start) < Math.abs(this.offsets[best] - start)) best = at;
    }
    return best === null ? null : { start: this.offsets[best], end: this.offsets[best + probe.length - 1] + 1 };
  }
}
