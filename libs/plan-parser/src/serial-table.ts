import { joinSpans, Span } from './span.js';
import type { Line } from './header.js';
import { cellTokens, TASK_START, type TableHeader } from './task-table.js';
import { looksLikeUnit } from './unit-names.js';
import { GAP, nameTail, namesFragment, printedLines, PROSE, unfinished } from './table-fragments.js';

// A 任务分工表 whose rows are numbered by a 序号 column (`目标 序号 任务 有关要求 责任单位`) comes out
// of a PDF as printed lines: the serial stands alone (`1 加强预期引导 加强财政…`), merged cells to
// its left (the 目标 of several rows, printed down a narrow column) leave a few characters at the
// start of lines, the task name wraps around the serial's line, and the unit cell wraps at the
// lines' ends. Worse, a page may come out column by column: the serials of several rows, then
// their task names, then their requirements, then their unit cells. This pass reads such a table
// into one line per row — `N.` task, requirements and unit cells separated by gaps — so the rest
// of the parser reads it like any space-separated table.

interface Token {
  span: Span;
  text: string;
}

interface ZoneLine {
  line: Line;
  tokens: Token[];
  /** The row number this line carries in the 序号 column, and the index of that token. */
  serial: number | null;
  serialAt: number;
}

interface Row {
  n: number;
  task: Span[];
  text: Span[];
  units: Span[][];
  /** The end of the last unit cell (all that decides whether it goes on: bounded, so long cells stay linear). */
  unitText: string;
  unitOpen: boolean;
}

const isGroupFragment = (t: string) => t.length <= 12 && !PROSE.test(t) && !/^\d+$/u.test(t);
/** A single character that ends a name, printed before the rest of it (`委 发展改革`). */
const BARE_END = /^[委局厅办院室部]$/u;

/**
 * Rewrites the rows of a table numbered by bare serials as one line each; the input is returned
 * as it is when the table has no 序号 column or fewer than three serials in sequence.
 */
export function readSerialTable(input: Line[], header: TableHeader): Line[] {
  if (!header.roles.includes('seq')) return input;
  const lines = printedLines(input);
  const zone: ZoneLine[] = [];
  const zoneIndex = new Map<number, number>();
  let expect = 1;
  lines.forEach((line, i) => {
    if (!line.inTable || line.noise) return;
    const tokens = cellTokens(line.span).map(([a, b]) => ({
      span: line.span.slice(a, b),
      text: line.span.match.slice(a, b),
    }));
    let serial: number | null = null;
    let serialAt = -1;
    // The serial follows at most the pieces of the merged cells to its left.
    for (let k = 0; k < tokens.length && k < 3; k++) {
      if (tokens[k].text === String(expect) && tokens.slice(0, k).every((t) => isGroupFragment(t.text))) {
        serial = expect++;
        serialAt = k;
        break;
      }
    }
    zoneIndex.set(i, zone.length);
    zone.push({ line, tokens, serial, serialAt });
  });
  if (expect <= 3) return input;
  const oneUnitColumn = header.roles.filter((r) => r === 'lead' || r === 'responsible').length === 1;

  const rows = new Map<number, Row>();
  const consumed = new Set<number>();
  readColumnBlocks(zone, rows, consumed);
  readPrintedRows(zone, rows, consumed);

  // The rows replace the zone's lines from the first serial on; what stands before it stays.
  const first = zone.findIndex((z) => z.serial !== null);
  const out: Line[] = [];
  let written = false;
  lines.forEach((line, i) => {
    const z = zoneIndex.get(i);
    if (z === undefined || z < first) {
      out.push(line);
      return;
    }
    if (written) {
      if (!consumed.has(z)) out.push(line);
      return;
    }
    written = true;
    for (const row of [...rows.values()].sort((a, b) => a.n - b.n))
      out.push({ span: rowSpan(row, oneUnitColumn), noise: false, inTable: true });
  });
  return out;
}

/**
 * The row as one line. With a single unit column, the unit cells of the row's printed sub-rows
 * are one list (`各地（市）` and `各地（市），自治区有关部门` of two sub-rows → one cell).
 */
function rowSpan(row: Row, oneUnitColumn: boolean): Span {
  const parts = [new Span(`${row.n}.`, `${row.n}.`), ...row.task];
  if (row.text.some((t) => t.length)) parts.push(GAP, ...row.text);
  const cells = row.units.filter((cell) => cell.length);
  cells.forEach((cell, k) => parts.push(oneUnitColumn && k > 0 ? LIST : GAP, ...cell));
  return joinSpans(parts);
}

const LIST = new Span('、', '、');

/**
 * Rows dumped column by column: a run of lines holding only serials (with pieces of the merged
 * cells to their left between them), then as many task names, then the requirements (one
 * paragraph each), then the unit cells (one line each, a name broken over two lines joined).
 * Requirements and unit cells pair up when they are as many; they go to the tasks in order, each
 * task taking the consecutive paragraphs that share the most words with it.
 */
function readColumnBlocks(zone: ZoneLine[], rows: Map<number, Row>, consumed: Set<number>): void {
  const serialOnly = (z: ZoneLine) => z.serial !== null && z.tokens.length === 1;
  for (let i = 0; i < zone.length; i++) {
    if (!serialOnly(zone[i])) continue;
    const serials: number[] = [];
    let end = i;
    for (let k = i; k < zone.length; k++) {
      if (serialOnly(zone[k])) {
        serials.push(zone[k].serial!);
        end = k;
      } else if (!(zone[k].tokens.length === 1 && isGroupFragment(zone[k].tokens[0].text))) break;
    }
    if (serials.length < 2) continue;
    const count = serials.length;
    let at = end + 1;
    if (at + count > zone.length) return;
    // Task names: one line each; the last may run into the first requirement.
    const tasks: Span[] = [];
    const spill: Span[] = [];
    for (let k = 0; k < count; k++) tasks.push(zone[at + k].line.span);
    const last = tasks[count - 1];
    if (last.match.includes('。') || last.length > 40) {
      const cut = taskEnd(last, tasks.slice(0, -1));
      tasks[count - 1] = last.slice(0, cut).trim();
      spill.push(last.slice(cut).trim());
    }
    at += count;
    // Requirements: paragraphs up to the first line that is a unit cell.
    const paragraphs: Span[] = [];
    // The open paragraph's lines, joined once it ends (flat, however many lines it runs over).
    let open: Span[] = spill.length ? [spill[0]] : [];
    const close = () => {
      if (open.length) paragraphs.push(joinSpans(open));
      open = [];
    };
    if (open[0]?.match.endsWith('。')) close();
    for (; at < zone.length; at++) {
      const z = zone[at];
      if (z.serial !== null || (!open.length && unitLine(z))) break;
      open.push(z.line.span);
      if (z.line.span.match.endsWith('。')) close();
    }
    close();
    // Unit cells: one line each, as many as the requirements when that is known; a name cut at
    // the line's end goes on in the next.
    const cells: Span[] = [];
    for (; at < zone.length && cells.length < (paragraphs.length || Infinity); at++) {
      const z = zone[at];
      if (z.serial !== null || z.tokens.length !== 1) break;
      const t = z.tokens[0].text;
      const next = zone[at + 1]?.tokens.length === 1 && zone[at + 1].serial === null ? zone[at + 1].tokens[0] : null;
      const open =
        cells.length > 0 &&
        unfinished(cells[cells.length - 1].match) &&
        !ROLE_PHRASE.test(cells[cells.length - 1].match);
      const cut = open && nameTail(t);
      if (cut) cells[cells.length - 1] = cells[cells.length - 1].concat(z.tokens[0].span);
      else if (unitCell(t)) cells.push(z.tokens[0].span);
      else if (next && nameTail(t) && nameTail(next.text) && looksLikeUnit(t + next.text)) {
        cells.push(z.tokens[0].span.concat(next.span));
        at++;
      } else break;
    }
    const pairs = paragraphs.map((p, k) => ({ text: p, unit: cells.length === paragraphs.length ? cells[k] : null }));
    const groups = alignToTasks(
      tasks.map((t) => t.match),
      pairs.map((p) => p.text.match),
    );
    serials.forEach((n, k) => {
      const mine = pairs.slice(groups[k], groups[k + 1]);
      rows.set(n, {
        n,
        task: [tasks[k]],
        text: mine.map((p) => p.text).reduce<Span[]>((a, p) => (a.length ? [...a, GAP, p] : [p]), []),
        units: mine.filter((p) => p.unit).map((p) => [p.unit!]),
        unitText: '',
        unitOpen: false,
      });
    });
    // Units left over when they could not be paired go to the last task.
    if (cells.length !== paragraphs.length && cells.length)
      rows.get(serials[count - 1])!.units.push(...cells.map((c) => [c]));
    for (let k = i; k < at; k++) consumed.add(k);
    i = at - 1;
  }
}

/** Where a task name run into the next text ends: after the ending the other task names share. */
function taskEnd(line: Span, others: Span[]): number {
  let suffix = others[0]?.match ?? '';
  for (const o of others) {
    let k = 0;
    while (k < suffix.length && k < o.length && suffix[suffix.length - 1 - k] === o.match[o.length - 1 - k]) k++;
    suffix = suffix.slice(suffix.length - k);
  }
  if (suffix.length >= 2) {
    const at = line.match.indexOf(suffix);
    if (at >= 0) return at + suffix.length;
  }
  const gap = line.match.indexOf(' ');
  return gap > 0 ? gap : line.length;
}

/** A role phrase closing a unit cell (`发展改革委会同相关部门落实`): the rest of the parser reads it. */
const ROLE_PHRASE = /(?:会同|牵头|配合|协助|负责|落实).{0,16}$/u;
const unitCell = (t: string) =>
  namesFragment(t) || (t.length <= 40 && ROLE_PHRASE.test(t) && namesFragment(t.replace(ROLE_PHRASE, '')));

const unitLine = (z: ZoneLine) => z.tokens.length === 1 && namesFragment(z.tokens[0].text);

/**
 * Splits the paragraphs into consecutive runs, one per task, so that the runs share the most
 * characters with their task (characters most tasks share, like 推进…信息公开, do not count).
 * Returns the start of each run and the end of the last. Small by nature (a page of rows), and
 * bounded so it stays cheap on any input.
 */
function alignToTasks(tasks: string[], paragraphs: string[]): number[] {
  const k = tasks.length;
  const m = paragraphs.length;
  const even = () => Array.from({ length: k + 1 }, (_, j) => Math.round((j * m) / k));
  if (m < k || k * m * m > 200_000) return even();
  const counts = new Map<string, number>();
  for (const t of tasks) for (const c of new Set(t)) counts.set(c, (counts.get(c) ?? 0) + 1);
  const telling = (c: string) => counts.get(c)! * 2 <= k && /[\u4e00-\u9fff]/u.test(c);
  const keys = tasks.map((t) => [...new Set(t)].filter(telling));
  // A character counts as often as it occurs, up to a few times (a paragraph about 环境 names it
  // often), and a task's score is shared out over its characters, so long task names do not win by length.
  const occurrences = (p: string, c: string) => Math.min(3, p.split(c).length - 1);
  const score = paragraphs.map((p) =>
    keys.map((key) => key.reduce((sum, c) => sum + occurrences(p, c), 0) / Math.max(1, key.length)),
  );
  // best[j][i]: the best score giving the first i paragraphs to the first j tasks.
  const best = Array.from({ length: k + 1 }, () => new Array<number>(m + 1).fill(-Infinity));
  const from = Array.from({ length: k + 1 }, () => new Array<number>(m + 1).fill(0));
  best[0][0] = 0;
  for (let j = 1; j <= k; j++) {
    for (let i = j; i <= m - (k - j); i++) {
      let run = 0;
      for (let s = i - 1; s >= j - 1; s--) {
        run += score[s][j - 1];
        const v = best[j - 1][s] + run;
        if (v > best[j][i]) {
          best[j][i] = v;
          from[j][i] = s;
        }
      }
    }
  }
  const starts = new Array<number>(k + 1);
  starts[k] = m;
  for (let j = k, i = m; j > 0; j--) {
    i = from[j][i];
    starts[j - 1] = i;
  }
  return starts;
}

/**
 * Rows printed line by line. A line belongs to the row whose serial it follows, except that the
 * first line or two of a task name may be printed above its serial (the serial sits in the middle
 * of its rows): the lines just above a serial belong to that row when one short piece of each
 * makes its task begin as a task does (`推` / `进减` / `2 税、降费…` → 推进减税、降费…).
 */
function readPrintedRows(zone: ZoneLine[], rows: Map<number, Row>, consumed: Set<number>): void {
  const owner = new Array<number>(zone.length).fill(-1);
  const taskPiece = new Map<number, Token>();
  let current = -1;
  zone.forEach((z, i) => {
    if (consumed.has(i)) {
      current = -1;
      return;
    }
    if (z.serial !== null) current = z.serial;
    owner[i] = current;
  });
  zone.forEach((z, i) => {
    if (z.serial === null || consumed.has(i)) return;
    const own = serialTask(z)?.text ?? '';
    if (TASK_START.test(own)) return;
    for (const span of [2, 1]) {
      if (i - span < 0) continue;
      const above = zone.slice(i - span, i);
      if (above.some((a, k) => consumed.has(i - span + k) || a.serial !== null || owner[i - span + k] < 0)) continue;
      const picked = pickTaskPieces(above.map(shortPieces), own);
      if (!picked) continue;
      picked.forEach((t, k) => {
        owner[i - span + k] = z.serial!;
        taskPiece.set(i - span + k, t);
      });
      break;
    }
  });
  zone.forEach((z, i) => {
    if (owner[i] < 0) return;
    let row = rows.get(owner[i]);
    if (!row) rows.set(owner[i], (row = { n: owner[i], task: [], text: [], units: [], unitText: '', unitOpen: false }));
    readLine(z, row, z.serial === owner[i], taskPiece.get(i));
    consumed.add(i);
  });
}

/** The short pieces a line starts with (merged cells, a piece of a task name, a piece of a name). */
function shortPieces(z: ZoneLine): Token[] {
  const out: Token[] = [];
  for (const t of z.tokens.slice(0, 3)) {
    if (!isGroupFragment(t.text)) break;
    out.push(t);
  }
  return out;
}

/** One piece per line whose concatenation with the serial's task piece begins as a task does. */
function pickTaskPieces(candidates: Token[][], own: string): Token[] | null {
  const walk = (k: number, picked: Token[]): Token[] | null => {
    if (k === candidates.length) return TASK_START.test(picked.map((t) => t.text).join('') + own) ? picked : null;
    for (const t of candidates[k]) {
      const found = walk(k + 1, [...picked, t]);
      if (found) return found;
    }
    return null;
  };
  return walk(0, []);
}

/** The task piece on a serial's line: the cell right after the serial. */
function serialTask(z: ZoneLine): Token | null {
  const t = z.tokens[z.serialAt + 1];
  return t && !namesFragment(t.text) ? t : null;
}

/**
 * The task piece on a line without a serial: of two or more short pieces before the requirement
 * text, the last (the first are merged cells to its left); a lone one only while the row has no
 * task yet.
 */
function leadingTask(z: ZoneLine, taskless: boolean): Token | null {
  const stop = unitStart(z);
  const short = shortPieces(z).filter((t) => z.tokens.indexOf(t) < stop);
  if (short.length >= 2) return short[short.length - 1];
  return short.length === 1 && taskless ? short[0] : null;
}

/** Index of the line's unit fragment (the last piece, when it reads as names), or tokens.length. */
function unitStart(z: ZoneLine): number {
  const n = z.tokens.length;
  if (n >= 2) {
    const last = z.tokens[n - 1].text;
    if (namesFragment(last) || nameTail(last)) return BARE_END.test(z.tokens[n - 2].text) ? n - 2 : n - 1;
  }
  return n;
}

function readLine(z: ZoneLine, row: Row, serialLine: boolean, picked: Token | undefined): void {
  const tokens = z.tokens;
  let from = 0;
  if (serialLine) {
    from = z.serialAt + 1;
    const task = serialTask(z);
    if (task) {
      row.task.push(task.span);
      from++;
    }
  } else {
    const task = picked ?? leadingTask(z, row.task.length === 0);
    if (task) {
      row.task.push(task.span);
      from = tokens.indexOf(task) + 1;
    } else {
      while (from < tokens.length - 1 && isGroupFragment(tokens[from].text) && tokens.length > 1) from++;
    }
  }
  let end = tokens.length;
  // A unit fragment ends the line; alone on it only when it goes on with a name left open.
  const n = tokens.length;
  const last = n ? tokens[n - 1] : null;
  const alone = n === 1;
  if (
    last &&
    from < n &&
    (namesFragment(last.text) || (alone ? row.unitOpen && nameTail(last.text) : nameTail(last.text)))
  ) {
    end = n - 1;
    let unit = last.span;
    // `委 发展改革`: an ending printed before the rest of the name.
    if (
      end - 1 >= from &&
      BARE_END.test(tokens[end - 1].text) &&
      !looksLikeUnit(last.text) &&
      looksLikeUnit(last.text + tokens[end - 1].text)
    ) {
      unit = unit.concat(tokens[end - 1].span);
      end--;
    }
    if (row.unitOpen && row.units.length) {
      row.units[row.units.length - 1].push(unit);
      row.unitText = (row.unitText + unit.match).slice(-64);
    } else {
      row.units.push([unit]);
      row.unitText = unit.match.slice(-64);
    }
    row.unitOpen = unfinished(row.unitText);
  }
  for (let k = from; k < end; k++) {
    if (
      !serialLine &&
      k === from &&
      row.text.length === 0 &&
      isGroupFragment(tokens[k].text) &&
      end - from === 1 &&
      row.task.length > 0
    )
      continue;
    row.text.push(tokens[k].span);
  }
}
