import { Span } from './span.js';
import { looksLikeUnit } from './unit-names.js';

// Tables flattened to text: `序号 | 工作任务 | 责任单位 | 完成时限` rows, tab-separated rows, or the
// space-separated rows the .docx reader writes. Each numbered row becomes one item whose cells say
// which text is the task, which the units and which the time limit.

export type ColumnRole = 'seq' | 'task' | 'lead' | 'responsible' | 'deadline' | 'other';

export interface TableRow {
  n: number;
  cells: Array<{ role: ColumnRole; span: Span }>;
}

const PIPE = /[|｜]/u;

/** Whether a line (as written) has the shape of a separated table row: two or more `|` or tabs. */
export function isTableRow(orig: string): boolean {
  // Counted with indexOf (a native scan): most lines have no separator at all.
  let separators = 0;
  for (const sep of TABLE_SEPARATORS) {
    for (let i = orig.indexOf(sep); i >= 0; i = orig.indexOf(sep, i + 1)) if (++separators >= 2) return true;
  }
  return false;
}
const TABLE_SEPARATORS = ['|', '｜', '\t'];

/** Cells of a line: split at `|` when it has them, else at runs of spaces (tabs are spaces in match). */
function splitCells(span: Span): Span[] {
  const m = span.match;
  const pipes = PIPE.test(m);
  const cells: Span[] = [];
  let start = 0;
  for (let i = 0; i <= m.length; i++) {
    const c = i < m.length ? m[i] : '|';
    const isSep = pipes ? c === '|' || c === '｜' : c === ' ';
    if (i < m.length && !isSep) continue;
    const cell = span.slice(start, i).trim();
    if (cell.length) cells.push(cell);
    start = i + 1;
  }
  return cells;
}

function headerRole(cell: string): ColumnRole {
  if (/^(?:序号|编号|序)$/u.test(cell)) return 'seq';
  if (/牵头|主办|主责/u.test(cell)) return 'lead';
  if (/单位|部门|责任|配合|协办|分工/u.test(cell)) return 'responsible';
  if (/时限|时间|期限|进度|节点/u.test(cell)) return 'deadline';
  if (/任务|内容|措施|事项|要点|工作|目标|举措|要求/u.test(cell)) return 'task';
  return 'other';
}

const TIME_CELL = /(?:年|月|季度|旬|日前|长期|持续|常态|全年|年中|年底|年内|即时|随时|每)/u;
const isUnitCell = (cell: string) => cell.split(/[、,;]/u).every((u) => looksLikeUnit(u.trim()));

/** Column roles of a row without a header: time limit last, unit lists before it, the rest task. */
function inferRoles(cells: Span[]): ColumnRole[] {
  const roles: ColumnRole[] = cells.map(() => 'task');
  roles[0] = 'seq';
  let end = cells.length;
  if (end > 2 && TIME_CELL.test(cells[end - 1].match) && cells[end - 1].length <= 20) roles[--end] = 'deadline';
  while (end > 2 && isUnitCell(cells[end - 1].match)) roles[--end] = 'responsible';
  return roles;
}

/** Reads numbered table rows; returns one entry per line index that is a header or a row. */
export type TableLine = TableRow | 'header' | 'continuation';

/** `separators`: false when the document has no `|`, `｜` or tab, so no line is a separated row. */
export function readTableRows(lines: Array<{ span: Span; noise: boolean }>, separators = true): Map<number, TableLine> {
  const found = new Map<number, TableLine>();
  let header: ColumnRole[] | null = null;
  let lastRow: TableRow | null = null;
  for (let i = 0; i < lines.length; i++) {
    const { span, noise } = lines[i];
    if (noise) continue;
    const separated = separators && isTableRow(span.orig);
    const cells: Span[] | null =
      separated || header || /^(?:序号|\d{1,3} )/u.test(span.match) ? splitCells(span) : null;
    if (
      cells &&
      cells.length >= 3 &&
      /序号|编号/u.test(cells[0].match) &&
      cells.some((c) => headerRole(c.match) === 'responsible' || headerRole(c.match) === 'lead')
    ) {
      header = cells.map((c) => headerRole(c.match));
      found.set(i, 'header');
      lastRow = null;
      continue;
    }
    const number = /^(\d{1,3})[.、]?$/u.exec(cells?.[0]?.match ?? '');
    if (cells && number && cells.length >= 3) {
      const roles = header && cells.length === header.length ? header : inferRoles(cells);
      if (!roles.some((r) => r === 'responsible' || r === 'lead')) {
        header = null;
        continue;
      }
      lastRow = { n: Number(number[1]), cells: cells.map((span, k) => ({ role: roles[k] ?? 'task', span })) };
      found.set(i, lastRow);
      continue;
    }
    // A row whose cells wrapped onto the next line: same separators, no number; join cell by cell.
    if (cells && lastRow && separated && cells.length >= 1 && cells.length <= lastRow.cells.length) {
      const offset = lastRow.cells.length - cells.length;
      cells.forEach((c, k) => {
        const target = lastRow!.cells[k + offset];
        target.span = target.span.concat(c);
      });
      found.set(i, 'continuation');
      continue;
    }
    header = separated ? header : null;
    lastRow = null;
  }
  return found;
}
