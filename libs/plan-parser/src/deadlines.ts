import type { Deadline } from './types.js';
import { parseChineseNumber } from './chinese-numbers.js';

// One left-to-right scan with a single alternation. Every quantifier is bounded and no alternative
// can overlap itself, so the scan stays linear on any input (see the fuzz test).
const S = ' {0,2}';
const BEFORE = `(?:之前|以前|前)`;
const MONTH = `(1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])`;
const NOT_COUNT = `(?<![\\d一二三四五六七八九十两几多数近每个半])`;
const PATTERN = new RegExp(
  [
    `(?<ymd>(?<ymdY>(?:19|20)\\d{2})${S}年${S}(?<ymdM>${MONTH})${S}月${S}(?<ymdD>[0-3]?\\d)${S}[日号]${S}${BEFORE})`,
    `(?<ym>(?<ymY>(?:19|20)\\d{2})${S}年${S}(?<ymM>${MONTH})${S}月${S}(?:(?<ymPart>底|末|上旬|中旬|下旬)${S}${BEFORE}?|(?<ymBefore>${BEFORE})))`,
    `(?<yq>(?<yqY>(?:19|20)\\d{2})${S}年${S}第?${S}(?<yqQ>[一二三四1-4])${S}季度${S}(?:末|底)?${S}${BEFORE}?)`,
    `(?<yh>(?<yhY>(?:19|20)\\d{2})${S}年${S}上半年${S}${BEFORE}?)`,
    `(?<ye>(?<yeY>(?:19|20)\\d{2})${S}年${S}(?:底|末)${S}${BEFORE}?)`,
    `(?<yin>(?<yinY>(?:19|20)\\d{2})${S}年${S}(?:度)?${S}(?:以内|之内|内))`,
    `(?<md>(?<![\\d.])(?<mdM>${MONTH})${S}月${S}(?<mdD>[0-3]?\\d)${S}[日号]${S}${BEFORE})`,
    `(?<m>(?<![\\d.个])(?<mM>${MONTH})${S}月${S}(?:(?<mPart>底|末|上旬|中旬|下旬)${S}${BEFORE}?|(?<mBefore>${BEFORE})))`,
    `(?<q>(?<![每各个])第?${S}(?<qQ>[一二三四1-4])${S}季度${S}(?:末|底)?${S}${BEFORE}?)`,
    `(?<h>(?<![下])上半年${S}${BEFORE}?)`,
    `(?<e>${NOT_COUNT}年${S}(?:底|末)${S}${BEFORE}?)`,
    `(?<in>${NOT_COUNT}年(?:度)?${S}(?:以内|之内|内))`,
    `(?<mid>(?<![\\d一二三四五六七八九十])年中${S}${BEFORE})`,
    `(?<fest>(?:国庆节?|元旦|劳动节|春节|中秋节?|端午节?|清明节?)${S}${BEFORE})`,
    `(?<rule>(?<![\\d.])(?:\\d{1,3}|[一二三四五六七八九十两半]{1,3})${S}个?${S}(?:工作日|自然日|小时|日|天|月|周|星期)${S}(?:以内|之内|内))`,
  ].join('|'),
  // No `u` flag: every character involved is in the BMP and the non-unicode engine is faster here.
  'g',
);

const TRIGGER_AT = /[月年季内节旦]/g;
const LOOK_BACK = 16;
// Every match, including a holiday written without 节 (`国庆前` `中秋前` `端午前` `清明前`), has one of
// these at most LOOK_BACK characters after its start. A match therefore starts only in a window
// just before one of them, and the alternation is tried in those windows alone: tried at every
// position up to the next match, it cost more than the rest of findDeadlines.
const ANCHOR_AT = /[月年季内节旦庆秋午明]/g;
// Longer than any match (the longest form, `2020 年 12 月 31 日 之前` with every optional space, is 25).
const MAX_MATCH = 40;
// Every lookbehind of PATTERN reads one character.
const CONTEXT = 1;

/**
 * The leftmost match of PATTERN at or after `from`, as PATTERN.exec from there would find it, with
 * `index` and `end` in `match`. Each window is cut long enough that a match starting in it reads
 * only characters of the window, so it matches exactly as in the whole text.
 */
function nextMatch(match: string, from: number): { m: RegExpExecArray; index: number } | null {
  ANCHOR_AT.lastIndex = from;
  for (let a = ANCHOR_AT.exec(match); a; a = ANCHOR_AT.exec(match)) {
    const windowStart = Math.max(from, a.index - LOOK_BACK);
    // Anchors close together share a window: it then ends at the last of them.
    let last = a.index;
    for (let b = ANCHOR_AT.exec(match); b; b = ANCHOR_AT.exec(match)) {
      if (b.index - LOOK_BACK > last + 1) {
        ANCHOR_AT.lastIndex = b.index;
        break;
      }
      last = b.index;
    }
    const sliceStart = Math.max(0, windowStart - CONTEXT);
    const piece = match.slice(sliceStart, last + 1 + MAX_MATCH);
    PATTERN.lastIndex = windowStart - sliceStart;
    const m = PATTERN.exec(piece);
    if (m && m.index + sliceStart <= last) return { m, index: m.index + sliceStart };
    if (ANCHOR_AT.lastIndex <= last) return null;
  }
  return null;
}

/** Where the next scan starts: LOOK_BACK before the next trigger at or after `from`, else the end. */
function nextScanStart(match: string, from: number): number {
  TRIGGER_AT.lastIndex = from;
  // test() moves lastIndex past the trigger without building a match object.
  return TRIGGER_AT.test(match) ? Math.max(from, TRIGGER_AT.lastIndex - 1 - LOOK_BACK) : match.length;
}

export interface FoundDeadline extends Deadline {
  index: number;
  end: number;
}

const iso = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

function monthEnd(y: number | null, m: number | null, part?: string, before?: string): string | null {
  if (y === null || m === null || m < 1 || m > 12) return null;
  // `6月前` means before June starts; `6月底前`/`6月底` the end of June.
  if (before && !part) return m === 1 ? iso(y - 1, 12, 31) : iso(y, m - 1, lastDay(y, m - 1));
  if (part === '上旬') return iso(y, m, 10);
  if (part === '中旬') return iso(y, m, 20);
  return iso(y, m, lastDay(y, m));
}

function dayDate(y: number | null, m: number | null, d: number): string | null {
  if (y === null || m === null || m < 1 || m > 12 || d < 1 || d > lastDay(y, m)) return null;
  return iso(y, m, d);
}

const quarterEnd = (y: number | null, q: string) => {
  const n = parseChineseNumber(q) ?? 0;
  return y === null || n < 1 || n > 4 ? null : iso(y, n * 3, lastDay(y, n * 3));
};

// Holidays on a fixed solar date give a date: 国庆节前 → Sep 30, 劳动节前 → Apr 30, 元旦前 → Dec 31
// (the coming New Year, as a plan runs to the end of its year). Lunar holidays (春节, 端午, 中秋,
// 清明) move every year: the time limit is kept as written with a null date for the office to set.
function festivalEve(year: number | null, text: string): string | null {
  if (year === null) return null;
  if (text.startsWith('国庆')) return iso(year, 9, 30);
  if (text.startsWith('劳动')) return iso(year, 4, 30);
  if (text.startsWith('元旦')) return iso(year, 12, 31);
  return null;
}

/**
 * A table's time-limit cell may hold a bare period: `全年`/`年内` → year end, `年中` → June 30.
 * `长期坚持`, `持续推进`, `常态化` are not time limits and give none (no warning either).
 */
export function readTimeCell(original: string, match: string, year: number | null): FoundDeadline[] {
  const found = findDeadlines(original, match, year);
  if (found.length) return found;
  const cell = match.trim();
  const at = original.length - original.trimStart().length;
  const whole = (date: string | null) => [{ text: original.trim(), date, index: at, end: at + cell.length }];
  if (/^(?:全年|年内|年度内|本年度)$/u.test(cell)) return whole(year === null ? null : iso(year, 12, 31));
  if (/^年中$/u.test(cell)) return whole(year === null ? null : iso(year, 6, 30));
  return found;
}

/**
 * Finds the time limits in `match` (the match copy of `original`, same length) for a plan of `year`.
 * Dates need the year; without one they are null like rules.
 */
export function findDeadlines(original: string, match: string, year: number | null): FoundDeadline[] {
  const found: FoundDeadline[] = [];
  // Every form contains one of these characters; most paragraphs have none and skip the scan.
  const start = nextScanStart(match, 0);
  if (start === match.length) return found;
  // Every match has a trigger character at most LOOK_BACK characters after its start: starting the
  // scan there skips the long trigger-free stretches instead of trying the alternation everywhere.
  for (let next = nextMatch(match, start); next;) {
    const { m, index } = next;
    if (m[0].length === 0) {
      next = nextMatch(match, index + 1);
      continue;
    }
    const g = m.groups ?? {};
    const num = (s: string | undefined) => (s === undefined ? null : parseChineseNumber(s));
    let date: string | null = null;
    if (g.ymd) date = dayDate(num(g.ymdY), num(g.ymdM), Number(g.ymdD));
    else if (g.ym) date = monthEnd(num(g.ymY), num(g.ymM), g.ymPart, g.ymBefore);
    else if (g.yq) date = quarterEnd(num(g.yqY), g.yqQ);
    else if (g.yh) date = num(g.yhY) === null ? null : iso(num(g.yhY)!, 6, 30);
    else if (g.ye) date = iso(num(g.yeY)!, 12, 31);
    else if (g.yin) date = iso(num(g.yinY)!, 12, 31);
    else if (g.md) date = dayDate(year, num(g.mdM), Number(g.mdD));
    else if (g.m) date = monthEnd(year, num(g.mM), g.mPart, g.mBefore);
    else if (g.q) date = quarterEnd(year, g.qQ);
    else if (g.h) date = year === null ? null : iso(year, 6, 30);
    else if (g.mid) date = year === null ? null : iso(year, 6, 30);
    else if (g.fest) date = festivalEve(year, g.fest);
    else if (g.e || g.in) date = year === null ? null : iso(year, 12, 31);
    const end = index + m[0].length;
    const text = original.slice(index, end).trim();
    found.push({ text, date, index, end });
    const resume = nextScanStart(match, end);
    next = resume < match.length ? nextMatch(match, resume) : null;
  }
  return found;
}
