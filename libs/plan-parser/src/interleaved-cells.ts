import { joinSpans, Span } from './span.js';
import type { Line } from './header.js';
import { readLabel } from './labels.js';
import { endsLikeUnit } from './unit-names.js';
import { cellTokens, isUnitCell, sideColumnsLast, TASK_START, type TableHeader } from './task-table.js';
import { DASH, firstPiece, GAP, lastPiece, PROSE, SEPARATOR, unfinished } from './table-fragments.js';

// A task table whose PDF copy interleaved its columns a printed line at a time: a measure's text
// wrapped at its column's width, with the pieces of both unit cells on the lines in between, and
// sometimes glued to the text (`4．…形成本级政府和` / `市政府` / `市政府` / `本系统制度文件汇编…` /
// `各部门、各` / `办公厅` / `开，服务…现代` / `区县政府化。`). The pieces come in turn from the two
// unit columns (each cell's lines sit between the other's, as cells centred in one row are
// printed). This pass takes them out, puts each cell back together and writes the cells after the
// measure's text, as a row printed whole would have them. Pieces are told by the document's own
// unit names (seen whole in its clean rows) and the shapes names start and end with.

/** How names start when cut after a few characters: a level and two characters (`市人力`). */
const HEAD = /^(?:市|省|区|县)[\u4e00-\u9fff]{2}$/u;
/** How a cut name ends: up to two characters and an organ's ending (`社保局`, `改革委`, `委`). */
const TAIL = /^[\u4e00-\u9fff]{0,2}[局委办厅]$/u;
/** Longest piece of a cell printed on one line. */
const PIECE_MAX = 16;
/** A line of pieces only is short: the unit columns are narrow (a few characters each). */
const PIECES_LINE_MAX = 14;
/** A measure is read this way only when at least this many lines between its lines are pieces. */
const MIN_PIECE_LINES = 2;
const MAX_NAMES = 4000;
/** A measure printed over more lines than this is no row of an interleaved table. */
const MAX_MEASURE_LINES = 60;
/** Lines of pieces between two of a measure's text lines when the columns are interleaved. */
const MAX_PIECES_BETWEEN = 3;

interface Lexicon {
  whole: Set<string>;
  prefix: Set<string>;
  suffix: Set<string>;
  infix: Set<string>;
  /** Names seen in the lead column (+1) or the responsible column (-1) of a clean row. */
  lean: Map<string, number>;
}

/** The document's whole unit names, from lines ending with unit cells after their text. */
function lexiconOf(lines: Line[], names: readonly string[]): Lexicon {
  const lex: Lexicon = { whole: new Set(), prefix: new Set(), suffix: new Set(), infix: new Set(), lean: new Map() };
  const add = (name: string) => {
    if (lex.whole.has(name) || lex.whole.size >= MAX_NAMES || name.length > 24) return;
    lex.whole.add(name);
    for (let a = 0; a < name.length; a++)
      for (let b = a + 1; b <= name.length; b++) {
        const part = name.slice(a, b);
        if (a === 0 && b < name.length) lex.prefix.add(part);
        if (b === name.length && a > 0) lex.suffix.add(part);
        if (part.length >= 2) lex.infix.add(part);
      }
  };
  for (const n of names) add(n);
  for (const line of lines) {
    if (!line.inTable || line.noise) continue;
    const tokens = cellTokens(line.span);
    const cells: string[] = [];
    for (let k = tokens.length - 1; k > 0 && cells.length < 2; k--) {
      const cell = line.span.match.slice(tokens[k][0], tokens[k][1]);
      if (!isUnitCell(cell)) break;
      cells.unshift(cell);
    }
    if (!cells.length || cells.length === tokens.length) continue;
    cells.forEach((cell, k) => {
      for (const name of cell.split(SEPARATOR)) {
        const n = name.trim();
        if (!n) continue;
        add(n);
        // With both cells on the line, the first is the lead column's.
        if (cells.length === 2) lex.lean.set(n, (lex.lean.get(n) ?? 0) + (k === 0 ? 1 : -1));
      }
    });
  }
  return lex;
}

/** Whether text is one cell's piece: names, the first possibly a name's tail, the last its head. */
function isPiece(s: string, lex: Lexicon): boolean {
  if (!s || s.length > PIECE_MAX || PROSE.test(s) || TASK_START.test(s) || s.includes(' ')) return false;
  const parts = s.split(SEPARATOR);
  if (parts.length === 1) return lex.whole.has(s) || lex.infix.has(s) || HEAD.test(s) || TAIL.test(s);
  const first = parts[0];
  const last = parts[parts.length - 1];
  if (!(lex.whole.has(first) || lex.suffix.has(first) || TAIL.test(first))) return false;
  if (!(last === '' || lex.whole.has(last) || lex.prefix.has(last) || HEAD.test(last))) return false;
  return parts.slice(1, -1).every((p) => lex.whole.has(p));
}

/** Whether a piece goes on with a cell: together they make a known name, or finish a cut one. */
function continuesCell(cell: string, piece: string, lex: Lexicon): boolean {
  if (!cell) return false;
  // Only the cell's end matters (a name is short): a long cell is not read again for every piece.
  cell = cell.slice(-PIECE_MAX);
  const joined = lastPiece(cell) + firstPiece(piece);
  return lex.whole.has(joined) || (unfinished(cell) && endsLikeUnit(joined) && !lex.whole.has(lastPiece(cell)));
}

/** A line made of pieces only, split into them (fewest pieces), or null. */
function piecesOf(m: string, lex: Lexicon): Array<[number, number]> | null {
  if (m.length > PIECES_LINE_MAX || m.includes(' ') || readLabel(m)) return null;
  const best: Array<{ n: number; from: number } | null> = [{ n: 0, from: -1 }];
  // No piece holds sentence material: a piece ending at i starts after the last of it.
  let clean = 0;
  for (let i = 1; i <= m.length; i++) {
    best[i] = null;
    if (PROSE.test(m[i - 1])) clean = i;
    for (let j = Math.max(clean, i - PIECE_MAX); j < i; j++) {
      const b = best[j];
      if (b && (!best[i] || b.n + 1 < best[i]!.n) && isPiece(m.slice(j, i), lex)) best[i] = { n: b.n + 1, from: j };
    }
  }
  if (!best[m.length]) return null;
  const out: Array<[number, number]> = [];
  for (let i = m.length; i > 0; i = best[i]!.from) out.unshift([best[i]!.from, i]);
  return out;
}

interface Taken {
  line: number;
  at: [number, number];
}

/**
 * Reads a task table's unit cells interleaved with its measures' lines (see above). `names` are the
 * tenant's unit names (match form). Other tables pass through unchanged.
 */
export function rejoinInterleavedCells(lines: Line[], header: TableHeader, names: readonly string[]): Line[] {
  const unitRoles = header.roles.filter((r) => r === 'lead' || r === 'responsible');
  if (!sideColumnsLast(header) || unitRoles.length !== 2 || unitRoles[0] !== 'lead') return lines;
  const lex = lexiconOf(lines, names);
  if (!lex.whole.size) return lines;
  // Measures: from a labelled line with text to the next one.
  const starts: number[] = [];
  lines.forEach((l, i) => {
    if (!l.inTable || l.noise) return;
    const label = readLabel(l.span.match);
    if (label && l.span.length > label.length && label.style !== 'section') starts.push(i);
  });
  // Lines of pieces only, looked for in measures short enough to be rows.
  const whole: Array<Array<[number, number]> | null> = new Array<null>(lines.length).fill(null);
  starts.forEach((from, s) => {
    const to = s + 1 < starts.length ? starts[s + 1] : lines.length;
    if (to - from > MAX_MEASURE_LINES) return;
    for (let i = from + 1; i < to; i++)
      if (lines[i].inTable && !lines[i].noise) whole[i] = piecesOf(lines[i].span.match, lex);
  });
  const removed = new Map<number, Array<[number, number]>>();
  const after = new Map<number, Span>();
  const measureOf = new Array<number>(lines.length).fill(-1);
  // Lines of pieces between lines of the measure's text (a block of unit lines after the text is
  // a column printed apart, not interleaved).
  const pieceLines = starts.map((from, s) => {
    const to = s + 1 < starts.length ? starts[s + 1] : lines.length;
    let n = 0;
    let pending = 0;
    for (let i = from + 1; i < to; i++) {
      const m = lines[i].span.match;
      if (whole[i]) pending++;
      else if (!lines[i].inTable || lines[i].noise || DASH.test(m) || isUnitCell(m)) continue;
      else {
        // A cell's lines between two of the text's: a piece per column, a few at most.
        if (pending <= MAX_PIECES_BETWEEN && !readLabel(m)) n += pending;
        pending = 0;
      }
    }
    return n;
  });
  // Once the table is seen interleaved, a measure with one line of pieces is read so too.
  const least = pieceLines.some((n) => n >= MIN_PIECE_LINES) ? 1 : MIN_PIECE_LINES;
  for (let s = 0; s < starts.length; s++) {
    const from = starts[s];
    const to = s + 1 < starts.length ? starts[s + 1] : lines.length;
    if (pieceLines[s] < least || to - from > MAX_MEASURE_LINES) continue;
    const read = readMeasure(lines, whole, from, to, lex);
    if (!read) continue;
    for (const t of read.taken) removed.set(t.line, [...(removed.get(t.line) ?? []), t.at]);
    after.set(read.last, read.cells);
    for (let i = from; i <= read.last; i++) measureOf[i] = s;
  }
  if (!after.size) return lines;
  const out: Line[] = [];
  const kept = lines.map((line, i) => {
    const cut = removed.get(i);
    return cut ? keptText(line.span, cut) : line.span;
  });
  // A merged cell's label printed among a measure's lines (`3．…公开` / `（一）` / `力度，…`) is
  // the task's, which the rows come under: it goes before the measure, whose text goes on.
  const hoisted = new Map<number, number[]>();
  lines.forEach((_, i) => {
    const s = measureOf[i];
    if (s < 0 || i === starts[s] || !kept[i].length || !labelOnly(kept[i].match)) return;
    hoisted.set(starts[s], [...(hoisted.get(starts[s]) ?? []), i]);
  });
  const moved = new Set([...hoisted.values()].flat());
  const emit = (line: Line, span: Span) =>
    out.push(span === line.span ? line : { ...line, span, spaceBefore: false, spaceAfter: false });
  // The measure's text wrapped at its column's width: its lines are joined again.
  let open = -1;
  lines.forEach((line, i) => {
    for (const k of hoisted.get(i) ?? []) emit(lines[k], kept[k]);
    if (moved.has(i)) return;
    const text = kept[i];
    if (text.length && measureOf[i] >= 0 && measureOf[i] === open && !labelOnly(text.match)) {
      const prev = out[out.length - 1];
      out[out.length - 1] = { ...prev, span: prev.span.concat(text), spaceAfter: false };
    } else if (text.length) emit(line, text);
    open = text.length && !labelOnly(text.match) ? measureOf[i] : text.length ? -1 : open;
    const cells = after.get(i);
    if (cells) out.push({ span: cells, noise: false, inTable: true, spaceBefore: true, spaceAfter: true });
  });
  return out;
}

/** The pieces of one measure's lines, assigned to the two columns in turn, and its cells. */
function readMeasure(
  lines: Line[],
  whole: Array<Array<[number, number]> | null>,
  from: number,
  to: number,
  lex: Lexicon,
): { taken: Taken[]; cells: Span; last: number } | null {
  const columns = ['', ''];
  const parts: Span[][] = [[], []];
  const taken: Taken[] = [];
  let turn = 0;
  const put = (line: number, at: [number, number]) => {
    const span = lines[line].span.slice(at[0], at[1]);
    columns[turn] += span.match;
    parts[turn].push(span);
    taken.push({ line, at });
    turn = 1 - turn;
  };
  const cellOf = (k: number) => columns[k];
  let last = from;
  for (let i = from; i < to; i++) {
    const line = lines[i];
    if (!line.inTable || line.noise) continue;
    const m = line.span.match;
    const w = whole[i];
    if (w && i > from) {
      for (const at of w) put(i, at);
      continue;
    }
    // Pieces glued before the text: each must go on with the cell whose turn it is, or start it.
    let a = i === from ? m.length : 0;
    while (a < m.length) {
      let took = 0;
      for (let j = Math.min(m.length - 1, a + PIECE_MAX); j > a; j--) {
        const piece = m.slice(a, j);
        if (!isPiece(piece, lex)) continue;
        const cell = cellOf(turn);
        if (continuesCell(cell, piece, lex) || (!cell && HEAD.test(piece))) {
          took = j;
          break;
        }
      }
      if (!took) break;
      put(i, [a, took]);
      a = took;
    }
    // Pieces glued after the text (after a sentence end, or a name that starts a cell).
    const tail: Array<[number, number]> = [];
    let b = m.length;
    const turnAt = (k: number) => (turn + k) % 2;
    while (b > a && tail.length < 2) {
      let found = 0;
      // Shortest first: a cut name's tail glued to text is short (`…更多积极信委`).
      for (let j = b - 1; j > a && j >= b - PIECE_MAX; j--) {
        const piece = m.slice(j, b);
        if (!isPiece(piece, lex)) continue;
        const startsName = lex.whole.has(firstPiece(piece)) || HEAD.test(piece);
        if (startsName || m.charCodeAt(j - 1) === 0x3002 /* 。 */) {
          found = j;
          // A whole name: the longest that still reads as one.
          continue;
        }
        if (!found && tail.length === 1 && TAIL.test(piece) && continuesCell(cellOf(turnAt(0)), piece, lex)) {
          found = j;
          break;
        }
      }
      if (!found) break;
      tail.unshift([found, b]);
      b = found;
    }
    for (const at of tail) put(i, at);
    if (b > a && !labelOnly(m.slice(a, b))) last = i;
  }
  if (!taken.length) return null;
  const lean = (k: number) =>
    cellOf(k)
      .split(SEPARATOR)
      .reduce((sum, n) => sum + (lex.lean.get(n) ?? 0), 0);
  // The column whose names lead in the clean rows is the lead cell; else the first printed.
  const lead = lean(1) > lean(0) ? 1 : 0;
  const cells = [parts[lead], parts[1 - lead]].filter((p) => p.length).map((p) => joinSpans(p));
  return { taken, cells: joinSpans(cells, GAP.match), last };
}

const labelOnly = (m: string) => {
  const t = m.trim();
  const label = readLabel(t);
  return !t || (label !== null && label.length >= t.length);
};

/** A line's text without the given ranges, what is left joined. */
function keptText(span: Span, cut: Array<[number, number]>): Span {
  const sorted = [...cut].sort((x, y) => x[0] - y[0]);
  const keep: Span[] = [];
  let at = 0;
  for (const [a, b] of sorted) {
    if (a > at) keep.push(span.slice(at, a));
    at = Math.max(at, b);
  }
  if (at < span.length) keep.push(span.slice(at));
  return keep.length ? joinSpans(keep).trim() : new Span('', '');
}
