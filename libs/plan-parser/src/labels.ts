import { parseChineseNumber, parseCircledNumber } from './chinese-numbers.js';

export type LabelStyle = 'section' | 'paren-cn' | 'digit-dot' | 'paren-digit' | 'digit-paren' | 'circled' | 'cn-paren';

export interface LineLabel {
  style: LabelStyle;
  n: number;
  /** Normalised label for output: 一 for sections, `(一)`, `12.`, `(3)`. */
  label: string;
  /** Length of the label (with its trailing space) at the start of the line. */
  length: number;
}

const CN = '[一二三四五六七八九十百]{1,4}';
const PATTERNS: Array<[LabelStyle, RegExp]> = [
  ['section', new RegExp(`^(${CN}) ?[、.,] ?`, 'u')],
  ['paren-cn', new RegExp(`^\\( ?(${CN}) ?\\) ?`, 'u')],
  ['cn-paren', new RegExp(`^(${CN})\\) ?`, 'u')],
  ['paren-digit', /^\( ?(\d{1,3}) ?\) ?/u],
  ['digit-paren', /^(\d{1,3})\) ?/u],
  // `1.` / `1、` / `1．` but not `1.5万` or `2021.`.
  ['digit-dot', /^(\d{1,3}) ?[.、](?![\d.]) ?/u],
  ['circled', /^([①-⑳]) ?/u],
];

/** Reads a numbering label at the start of a (match copy) line. */
export function readLabel(match: string): LineLabel | null {
  for (const [style, re] of PATTERNS) {
    const m = re.exec(match);
    if (!m) continue;
    const n = style === 'circled' ? parseCircledNumber(m[1]) : parseChineseNumber(m[1]);
    if (n === null || n < 1) return null;
    // A label with nothing after it on the line is still a label (the heading may wrap).
    const label =
      style === 'section' ? m[1]
      : style === 'paren-cn' ? `(${m[1]})`
      : style === 'cn-paren' ? `${m[1]})`
      : style === 'paren-digit' ? `(${n})`
      : style === 'digit-paren' ? `${n})`
      : style === 'digit-dot' ? `${n}.`
      : m[1];
    return { style, n, label, length: m[0].length };
  }
  return null;
}
