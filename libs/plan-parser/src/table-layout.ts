import { joinSpans, Span } from './span.js';
import type { Line } from './header.js';
import { readLabel } from './labels.js';
import { looksLikeUnit } from './unit-names.js';
import { cellTokens, sideColumnsLast, type TableHeader } from './task-table.js';
import {
  DASH,
  firstPiece,
  lastPiece,
  nameTail,
  namesFragment,
  GAP,
  printedLines,
  PROSE,
  SEPARATOR,
  TIME_TOKEN,
  TIME_WORD,
  unfinished,
} from './table-fragments.js';

// A task table copied out of a PDF keeps each printed line, not each row: a cell that wraps over
// several printed lines leaves a fragment of it at the end of each of them, after the text of the
// wide column (`…充分保障人民群众 政府办公厅，政` / `的知情权。 府各部门，各地（市） 全年`), and
// a merged heading cell wraps the same way at the start of the lines (`二、围 4.选取…` /
// `绕重点领域加大主动公开力度  5.依法…`). Where the unit and time columns are the last ones, this
// pass takes their fragments off every line, puts each cell back together and writes it as a line
// of its own after the text of the row it was printed beside; heading fragments go back to their
// heading. Lines that hold whole cells come out as they were, only split into text and cells.

interface Cell {
  column: number;
  /** Index of the line the cell's first fragment is printed on. */
  line: number;
  /** Index of the line of its last fragment. */
  lastLine: number;
  parts: Span[];
  match: string;
}

/** How far apart (in lines) two fragments of one cell may be printed. */
const CELL_REACH = 6;

interface Peeled {
  /** The text columns' part of the line, or null when the line holds side cells only. */
  main: Span | null;
  units: Span[];
  times: Span[];
  dashes: number;
}

/**
 * Reads the unit and time cells of a task table printed line by line (see above). `names` are the
 * tenant's unit names (match form); the document's own whole names are added to them to tell a
 * name broken at a line end (`各地（市）` / `行署（人民政府）`) from two names.
 */
export function reassembleTableCells(input: Line[], header: TableHeader, names: readonly string[]): Line[] {
  const roles = header.roles;
  const unitColumns = roles.filter((r) => r === 'lead' || r === 'responsible').length;
  // Only where the unit and time columns come last can their fragments be told by position.
  if (!sideColumnsLast(header)) return input;
  const hasTime = roles.includes('deadline');
  const lines = printedLines(input);
  if (!printedInColumns(lines)) return input;
  const lexicon = new Set(names);
  // The same pieces come back on every page (unit names, dashes): each is judged once.
  const judged = new Set<string>();
  for (const line of lines) {
    if (!line.inTable || line.noise) continue;
    for (const [a, b] of cellTokens(line.span)) {
      for (const piece of line.span.match.slice(a, b).split(SEPARATOR)) {
        if (judged.has(piece)) continue;
        judged.add(piece);
        if (looksLikeUnit(piece)) lexicon.add(piece);
      }
    }
  }

  // Unit cells, column by column, from the fragments in reading order.
  const open: Array<Cell | null> = Array.from({ length: unitColumns }, () => null);
  const cells: Cell[] = [];
  const continues = (cell: Cell | null, frag: string, at: number) => {
    if (!cell || at - cell.lastLine > CELL_REACH) return false;
    if (unfinished(cell.match) || SEPARATOR.test(frag[0])) return true;
    return lexicon.has(lastPiece(cell.match) + firstPiece(frag));
  };
  const peeled: Array<Peeled | null> = lines.map((line, i) => {
    if (!line.inTable || line.noise) return null;
    // A short piece alone on its line is a name's tail only when a name is open before it.
    const tail = (t: string) =>
      open.some((c) => c !== null && i - c.lastLine <= CELL_REACH && unfinished(c.match)) && nameTail(t);
    const p = peel(line.span, unitColumns, hasTime, tail);
    const taken = new Set<number>();
    const assigned: Array<number | null> = p.units.map((u) => {
      const column = open.findIndex((c, k) => !taken.has(k) && continues(c, u.match, i));
      if (column >= 0) taken.add(column);
      return column >= 0 ? column : null;
    });
    // Fragments that start a cell fill the free columns from the right (an empty cell is dropped).
    let free = unitColumns - 1;
    for (let k = p.units.length - 1; k >= 0; k--) {
      if (assigned[k] !== null) continue;
      while (free >= 0 && taken.has(free)) free--;
      const column = Math.max(free, 0);
      taken.add(column);
      assigned[k] = column;
      const cell: Cell = { column, line: i, lastLine: i, parts: [], match: '' };
      cells.push(cell);
      open[column] = cell;
    }
    p.units.forEach((u, k) => {
      const cell = open[assigned[k]!]!;
      cell.parts.push(u);
      cell.match += u.match;
      cell.lastLine = i;
    });
    return p;
  });

  const mains = peeled.map((p) => p?.main ?? null);
  refillHeadings(mains);

  // Each cell and time limit goes after the text of the row it was printed beside: the row in
  // force at its first fragment, or the row starting on the next line when that fragment stands
  // on a line of its own (a cell printed centred on a row starts above the row's first line).
  const startsRow = (i: number) => {
    const main = lines[i].inTable ? mains[i] : lines[i].span;
    return main !== null && readLabel(main.match) !== null;
  };
  const anchorOf = (line: number) => {
    if (mains[line]) return line;
    for (let k = line + 1; k < lines.length && k <= line + 2; k++) if (mains[k]) return startsRow(k) ? k : line;
    return line;
  };
  // The line after which a row's cells are written: its last line before the next row starts.
  const rowEnd = new Array<number>(lines.length);
  for (let i = lines.length - 1; i >= 0; i--)
    rowEnd[i] = i + 1 < lines.length && lines[i + 1].inTable && !startsRow(i + 1) ? rowEnd[i + 1] : i;
  const endOfRow = (line: number) => rowEnd[line];
  const after = new Map<number, { units: Array<Cell | null>; times: Span[] }>();
  const slot = (line: number) => {
    const end = endOfRow(anchorOf(line));
    let s = after.get(end);
    if (!s) after.set(end, (s = { units: Array.from({ length: unitColumns }, () => null), times: [] }));
    return s;
  };
  for (const cell of cells) {
    const s = slot(cell.line);
    const there = s.units[cell.column];
    if (there) there.parts.push(new Span('、', '、'), ...cell.parts);
    else s.units[cell.column] = cell;
  }
  peeled.forEach((p, i) => {
    if (p?.times.length) slot(i).times.push(...p.times);
  });

  const out: Line[] = [];
  lines.forEach((line, i) => {
    const main = mains[i];
    if (!peeled[i]) out.push(line);
    // Cut again at labels later (segments.ts), as any line made of others.
    else if (main) out.push({ ...line, span: main, spaceBefore: false, spaceAfter: false, soft: false, joined: true });
    const s = after.get(i);
    if (!s) return;
    const pieces: Span[] = [];
    for (const cell of s.units) if (cell) pieces.push(joinSpans(cell.parts));
    pieces.push(...timeCells(s.times));
    if (pieces.length)
      out.push({
        span: joinSpans(pieces, GAP.match),
        noise: false,
        inTable: true,
        spaceBefore: true,
        spaceAfter: true,
      });
  });
  return out;
}

/**
 * Whether the table was printed column beside column: a line ends with a piece of a unit list and
 * the next line goes on with the row's sentence and again ends with a unit or time piece. (A row
 * that merely wraps, as a copy hard-wrapped at a fixed width does, has its cells after its text.)
 */
function printedInColumns(lines: Line[]): boolean {
  // A piece of a list (`政府办公厅，政`) says more than one name, which a wrapped sentence may end in.
  const side = (line: Line, list: boolean) => {
    const tokens = cellTokens(line.span);
    if (tokens.length < 2) return null;
    const [a, b] = tokens[tokens.length - 1];
    const last = line.span.match.slice(a, b);
    return (namesFragment(last) && (!list || SEPARATOR.test(last))) || (!list && TIME_TOKEN.test(last)) ? tokens : null;
  };
  let seen = 0;
  for (let i = 0; i + 1 < lines.length && seen < 2; i++) {
    const line = lines[i];
    const next = lines[i + 1];
    if (!line.inTable || line.noise || !next.inTable || next.noise || readLabel(next.span.match)) continue;
    if (!side(line, true)) continue;
    const tokens = side(next, false);
    if (!tokens) continue;
    const head = next.span.match.slice(tokens[0][0], tokens[0][1]);
    if (PROSE.test(head) || head.length > 16) seen++;
  }
  return seen >= 2;
}

/** How many lines after its label a heading cell may still be continued. */
const HEADING_REACH = 8;
const FILLER_MAX = 30;

interface OpenHeading {
  /** Index in `mains` of the line holding the heading, and where its text ends there. */
  line: number;
  end: number;
  opened: number;
}

/**
 * A heading in a merged cell wraps like any cell: what its first line could not hold comes at the
 * start of the next lines, before the row's own text (`二、围 4.选取…` / `绕重点领域加大主动公开力度
 * 5.依法…`). A heading cut off by other cells on its line stays open; later lines' leading pieces
 * (never a line's last piece, which is its row's text) go back to the open headings in column order,
 * section before group. A piece ending a sentence closes the heading it completes.
 */
function refillHeadings(mains: Array<Span | null>): void {
  const open: { section: OpenHeading | null; group: OpenHeading | null } = { section: null, group: null };
  const fill = (kind: 'section' | 'group', piece: Span) => {
    const h = open[kind]!;
    const at = mains[h.line]!;
    mains[h.line] = at.slice(0, h.end).concat(piece).concat(at.slice(h.end));
    h.end += piece.length;
    if (piece.match.endsWith('。')) open[kind] = null;
  };
  for (let i = 0; i < mains.length; i++) {
    const main = mains[i];
    if (!main) continue;
    for (const kind of ['section', 'group'] as const)
      if (open[kind] && i - open[kind]!.opened > HEADING_REACH) open[kind] = null;
    const tokens = cellTokens(main);
    const keep: Array<[number, number]> = [];
    // Headings opened on this line, by the index of their token among the kept ones.
    const openedHere: Array<{ kind: 'section' | 'group'; token: number }> = [];
    let rowText = false;
    for (let k = 0; k < tokens.length; k++) {
      const [a, b] = tokens[k];
      const label = rowText ? null : readLabel(main.match, a);
      if (label && (label.style === 'section' || label.style === 'paren-cn')) {
        const kind = label.style === 'section' ? 'section' : 'group';
        if (kind === 'section') open.group = null;
        open[kind] = null;
        const heading = main.match.slice(a + label.length, b);
        if (k + 1 < tokens.length && !heading.endsWith('。')) openedHere.push({ kind, token: keep.length });
        keep.push([a, b]);
        continue;
      }
      // A heading's own line holds no more of it after a gap: a piece there belongs to another one.
      const kind =
        label || rowText || k === tokens.length - 1 || b - a > FILLER_MAX
          ? null
          : open.section
            ? 'section'
            : open.group
              ? 'group'
              : null;
      if (kind) fill(kind, main.slice(a, b));
      else {
        rowText = true;
        keep.push([a, b]);
      }
    }
    const joined = keep.length ? joinTokens(main, keep) : null;
    mains[i] = joined?.span ?? null;
    for (const o of openedHere) open[o.kind] = { line: i, end: joined!.ends[o.token], opened: i };
  }
}

/** The given tokens of a line, the gaps between them as written when nothing was taken out. */
function joinTokens(span: Span, keep: Array<[number, number]>): { span: Span; ends: number[] } {
  const parts = [span.slice(keep[0][0], keep[0][1])];
  let length = parts[0].length;
  const ends = [length];
  for (let k = 1; k < keep.length; k++) {
    const contiguous = keep[k - 1][1] <= keep[k][0] && !span.match.slice(keep[k - 1][1], keep[k][0]).trim();
    const between = contiguous ? span.slice(keep[k - 1][1], keep[k][0]) : GAP;
    const token = span.slice(keep[k][0], keep[k][1]);
    parts.push(between, token);
    length += between.length + token.length;
    ends.push(length);
  }
  return { span: joinSpans(parts), ends };
}

/**
 * A line's unit and time fragments, taken from its end: time words last, then up to one fragment
 * per unit column. A line made of such fragments alone is all side cells; `tail` says whether a
 * short piece alone on its line continues a name left open above it.
 */
function peel(span: Span, unitColumns: number, hasTime: boolean, tail: (t: string) => boolean): Peeled {
  const tokens = cellTokens(span);
  const m = span.match;
  const result: Peeled = { main: null, units: [], times: [], dashes: 0 };
  let k = tokens.length - 1;
  for (; k >= 0; k--) {
    const [a, b] = tokens[k];
    const t = m.slice(a, b);
    // A labelled piece is a row or a heading, whatever it ends with.
    if (readLabel(t)) break;
    if (hasTime && !result.units.length && TIME_TOKEN.test(t)) result.times.unshift(span.slice(a, b));
    else if (DASH.test(t)) result.dashes++;
    else if (result.units.length < unitColumns && (namesFragment(t) || (k > 0 ? nameTail(t) : tail(t))))
      result.units.unshift(span.slice(a, b));
    else break;
  }
  if (k >= 0) result.main = span.slice(tokens[0][0], tokens[k][1]);
  return result;
}

/** Time fragments of one row as cells: a part printed apart (`底`) joins the month before or after it. */
function timeCells(times: Span[]): Span[] {
  const words: Span[] = [];
  for (const t of times) {
    TIME_WORD.lastIndex = 0;
    for (let r = TIME_WORD.exec(t.match); r; r = TIME_WORD.exec(t.match))
      words.push(t.slice(r.index, r.index + r[0].length));
  }
  const out: Span[] = [];
  for (let k = 0; k < words.length; k++) {
    const w = words[k];
    const part = /^(?:底|末)$/u.test(w.match);
    if (part && k + 1 < words.length && /月$/u.test(words[k + 1].match)) {
      out.push(words[k + 1].concat(w));
      k++;
    } else if (part && out.length && /月$/u.test(out[out.length - 1].match))
      out[out.length - 1] = out[out.length - 1].concat(w);
    else if (!part) out.push(w);
  }
  return out;
}
