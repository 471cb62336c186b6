import { parseChineseNumber, parseCircledNumber } from './chinese-numbers.js';
import type { Span } from './span.js';

export type LabelStyle =
  'section' | 'part' | 'paren-cn' | 'digit-dot' | 'paren-digit' | 'digit-paren' | 'circled' | 'cn-paren';

export interface LineLabel {
  style: LabelStyle;
  n: number;
  /** Normalised label for output: 一 for sections, `(一)`, `12.`, `(3)`. */
  label: string;
  /** Length of the label (with its trailing space) from where it was read. */
  length: number;
}

const CN = '[一二三四五六七八九十百]{1,4}';
// Sticky (`y`) so a label can be read at any offset of a line without slicing it.
const PATTERNS: Array<[LabelStyle, RegExp]> = [
  ['section', new RegExp(`(${CN}) ?[、.,] ?`, 'y')],
  // `第一部分 总体要求`: a level above sections in some 工作方案.
  ['part', new RegExp(`第(${CN})部分 ?[、.,:]? ?`, 'y')],
  ['paren-cn', new RegExp(`\\( ?(${CN}) ?\\) ?`, 'y')],
  ['cn-paren', new RegExp(`(${CN})\\) ?`, 'y')],
  ['paren-digit', /\( ?(\d{1,3}) ?\) ?/y],
  ['digit-paren', /(\d{1,3})\)(?![\d.]) ?/y],
  // `1.` / `1、` / `1．` but not `1.5万` or `2021.`; a year may follow (`2．2020年7月30日前，编制…`).
  ['digit-dot', /(\d{1,3}) ?[.、](?!(?!(?:19|20)\d{2}年)[\d.]) ?/y],
  ['circled', /([①-⑳]) ?/y],
];

// The patterns that can match at a label's first character, in the order above: anything else is
// rejected before trying a pattern.
const byName = new Map(PATTERNS);
const pick = (...styles: LabelStyle[]): Array<[LabelStyle, RegExp]> => styles.map((s) => [s, byName.get(s)!]);
const CN_PATTERNS = pick('section', 'cn-paren');
const PART_PATTERNS = pick('part');
const PAREN_PATTERNS = pick('paren-cn', 'paren-digit');
const DIGIT_PATTERNS = pick('digit-paren', 'digit-dot');
const CIRCLED_PATTERNS = pick('circled');
const CN_START = new Set(Array.from('一二三四五六七八九十百', (c) => c.charCodeAt(0)));

function patternsFor(c: number): Array<[LabelStyle, RegExp]> | null {
  if (c === 0x28) return PAREN_PATTERNS;
  if (c >= 0x30 && c <= 0x39) return DIGIT_PATTERNS;
  if (c >= 0x2460 && c <= 0x2473) return CIRCLED_PATTERNS;
  if (c === 0x7b2c /* 第 */) return PART_PATTERNS;
  return CN_START.has(c) ? CN_PATTERNS : null;
}

/** Reads a numbering label at `from` in a match copy line (the line start by default). */
export function readLabel(match: string, from = 0): LineLabel | null {
  if (from >= match.length) return null;
  const patterns = patternsFor(match.charCodeAt(from));
  if (!patterns) return null;
  for (const [style, re] of patterns) {
    re.lastIndex = from;
    const m = re.exec(match);
    if (!m) continue;
    const n = style === 'circled' ? parseCircledNumber(m[1]) : parseChineseNumber(m[1]);
    if (n === null || n < 1) return null;
    // A label with nothing after it on the line is still a label (the heading may wrap).
    const label =
      style === 'section' || style === 'part'
        ? m[1]
        : style === 'paren-cn'
          ? `(${m[1]})`
          : style === 'cn-paren'
            ? `${m[1]})`
            : style === 'paren-digit'
              ? `(${n})`
              : style === 'digit-paren'
                ? `${n})`
                : style === 'digit-dot'
                  ? `${n}.`
                  : m[1];
    return { style, n, label, length: m[0].length };
  }
  return null;
}

/** What follows a label that makes it a reference or an enumeration rather than an item start. */
const NOT_AFTER_LABEL = new Set(Array.from('(项条款个次号年月日、,.;:)0123456789', (c) => c.charCodeAt(0)));
const YEAR = /(?:19|20)\d{2}年/y;

/**
 * Whether the text after a label read at `at` (`l` long) starts an item: not a reference (`第3项`,
 * `1.5万`, `(一)项`), but a date may open the item's text (`2．2020年7月30日前，编制…`).
 */
export function itemTextFollows(match: string, at: number): boolean {
  if (!NOT_AFTER_LABEL.has(match.charCodeAt(at))) return true;
  YEAR.lastIndex = at;
  return YEAR.test(match);
}

/** `readLabel(span.match)`, read once per span: the line passes ask for it several times. */
export function lineLabel(span: Span): LineLabel | null {
  if (span.startLabel === undefined) span.startLabel = readLabel(span.match);
  return span.startLabel as LineLabel | null;
}

/** Role labels that open an annotation written as its own line: `责任单位:…`, `牵头部门:…`. */
export const ROLE_LINE =
  /^[([]?(?:牵头|责任|配合|参与|主办|协办|主责|协助|承办|落实|实施)(?:单位|部门|处室|科室)[ ]{0,2}[:]/u;
/** Time-limit fields written as their own line: `完成时限:…`. */
export const TIME_LINE = /^[([]?(?:完成时限|完成时间|时间节点|时间要求|完成期限|时限要求|时限)[ ]{0,2}[:]/u;
