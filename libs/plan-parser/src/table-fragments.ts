import { joinSpans, Span } from './span.js';
import type { Line } from './header.js';
import { endsLikeUnit, looksLikeUnit } from './unit-names.js';
import { TASK_START } from './task-table.js';

// Pieces of table cells as a PDF copy leaves them: what reads as part of a list of official names,
// as a time limit of a 时限 column, or as sentence text. Shared by the readers of tables printed
// column beside column (table-layout.ts) and numbered by a 序号 column (serial-table.ts).

/** Sentence material: official names hold none of these (digits only inside brackets, ignored). */
export const PROSE = /[要的将把对在是从向给让使“”《》。:!?\d]/u;
export const SEPARATOR = /[、,;]/u;
const ENDS_WITH_SEPARATOR = /[、,;]$/u;
/** How names start: a level, `各`, or the head of a place. */
const NAME_HEAD = /^(?:各|市|省|区|县|州|自治区|全市|全省|全区)/u;
export const DASH = /^[—－-]+$/u;
// Time limits of a 时限 column, possibly several glued (`12月全年`) or a part printed apart (`底`).
export const TIME_WORD =
  /全年|长期|适时|持续|常态化?|年内|年底前?|年中|\d{1,2}月(?:底|末)?前?|[一二三四]季度|上半年|下半年|每[年月季]|底|末/gu;
export const TIME_TOKEN = new RegExp(`^(?:${TIME_WORD.source})+$`, 'u');

// 、 , ;
const isSeparator = (c: number) => c === 0x3001 || c === 0x2c || c === 0x3b;

// Found from the end that is asked for: a cell grows fragment by fragment and is asked again
// after each, so splitting the whole of it every time would cost quadratic time on a long cell.
export function firstPiece(s: string): string {
  let i = 0;
  while (i < s.length && !isSeparator(s.charCodeAt(i))) i++;
  return s.slice(0, i);
}
export function lastPiece(s: string): string {
  let i = s.length;
  while (i > 0 && !isSeparator(s.charCodeAt(i - 1))) i--;
  return s.slice(i);
}

/**
 * Whether a fragment reads as (part of) a list of official names on its own: every whole piece a
 * name, the first piece possibly the tail of a name, the last possibly its head.
 */
export function namesFragment(m: string): boolean {
  if (m.length > 60 || PROSE.test(m) || TASK_START.test(m)) return false;
  const pieces = m.split(SEPARATOR);
  if (pieces.length === 1) return m.length >= 2 && (looksLikeUnit(m) || (NAME_HEAD.test(m) && m.length <= 10));
  return pieces.every((p, k) => {
    if (!p) return k === 0 || k === pieces.length - 1;
    if (p.length > 24) return false;
    if (k === 0) return looksLikeUnit(p) || p.length <= 6;
    if (k === pieces.length - 1) return looksLikeUnit(p) || NAME_HEAD.test(p) || p.length <= 10;
    return looksLikeUnit(p);
  });
}

/** A short fragment that can only be read as a piece of a name when a name is open before it. */
export const nameTail = (m: string) => m.length <= 10 && !PROSE.test(m) && !TASK_START.test(m);

/** Whether a cell's text so far ends inside a name or a list, so the next fragment continues it. */
export function unfinished(match: string): boolean {
  if (ENDS_WITH_SEPARATOR.test(match)) return true;
  const last = lastPiece(match);
  return !endsLikeUnit(last) && !/^各.{1,8}$/u.test(last);
}

export const GAP = new Span('  ', '  ');
const EMPTY = new Span('', '');

/**
 * The table's lines as printed: pieces the label scan cut off a line (segments.ts) joined back.
 * Each printed line is joined once, flat: a chain of concatenations over the thousands of pieces
 * of a long line leaves a rope that every later character scan of the line pays for again.
 */
export function printedLines(lines: Line[]): Line[] {
  const out: Line[] = [];
  const pieces: Span[][] = [];
  for (const line of lines) {
    const last = out[out.length - 1];
    if (line.soft && line.inTable && last?.inTable && !last.noise && !line.noise) {
      pieces[pieces.length - 1].push(last.spaceAfter ? GAP : EMPTY, line.span);
      out[out.length - 1] = { ...last, spaceAfter: line.spaceAfter };
    } else {
      out.push(line);
      pieces.push([line.span]);
    }
  }
  return out.map((line, k) => (pieces[k].length === 1 ? line : { ...line, span: joinSpans(pieces[k]) }));
}
