import { joinSpans, Span } from './span.js';
import type { Line } from './header.js';
import { endsLikeUnit, looksLikeUnit } from './unit-names.js';
import type { ColumnRole } from './table-rows.js';

// A 任务分工表 copied out of a PDF or a web page loses its grid: each row becomes one line whose
// cells are separated by spaces (tabs when it came from a .docx table), empty cells vanish and the
// header row repeats on every page. The header names the columns (in any order and wording); a
// row's cells are then recognised by what they hold: unit lists are the unit columns, in the
// header's order, and the rest is the task and its requirements.

export interface TableHeader {
  /** Roles of the columns, in order. */
  roles: ColumnRole[];
  /** The header's words, to recognise its repetitions (on every PDF page). */
  words: string[];
}

export const HEADER_WORD =
  /^(?:序号|编号|目标|工作目标|主要目标|工作任务|重点任务|重点工作|主要任务|具体任务|任务|任务内容|工作内容|具体内容|内容|工作措施|具体措施|主要措施|措施|贯彻举措|举措|工作要求|具体要求|有关要求|要求|牵头单位|牵头部门|主办单位|责任单位|责任部门|配合单位|配合部门|协办单位|参与单位|完成时限|时限要求|时限|完成时间|时间要求|时间节点|进度安排|备注)$/u;

const WORDS = HEADER_WORD.source
  .slice(4, -2)
  .split('|')
  .sort((a, b) => b.length - a.length);

/** `责任单位工作要求` (spaced characters joined) → its header words, longest first; null if it is not. */
function splitRun(run: string): string[] | null {
  const out: string[] = [];
  for (let at = 0; at < run.length;) {
    const word = WORDS.find((w) => run.startsWith(w, at));
    if (!word) return null;
    out.push(word);
    at += word.length;
  }
  return out;
}

/** Words of a header-like line: cells at runs of spaces, with `工 作 任 务` (spaced characters) joined. */
function headerWords(match: string): string[] {
  const tokens = match.split(/ +/u).filter(Boolean);
  const words: string[] = [];
  let run = '';
  const flush = () => {
    if (run) words.push(...(splitRun(run) ?? [run]));
    run = '';
  };
  for (const t of tokens) {
    if (t.length === 1) run += t;
    else {
      flush();
      words.push(t);
    }
  }
  flush();
  return words;
}

export function headerRole(word: string): ColumnRole {
  if (/^(?:序号|编号)$/u.test(word)) return 'seq';
  if (/牵头|主办/u.test(word)) return 'lead';
  if (/单位|部门/u.test(word)) return 'responsible';
  if (/时限|时间|进度/u.test(word)) return 'deadline';
  if (/备注/u.test(word)) return 'other';
  return 'task';
}

const mayHead = (m: string) => m.includes('单') || m.includes('部');

function readHeaderLine(match: string): TableHeader | null {
  // Every header names a unit column; most lines fail this before any splitting.
  if (match.length > 120 || (!match.includes('单') && !match.includes('部'))) return null;
  const words = headerWords(match);
  if (words.length < 3 || !words.every((w) => HEADER_WORD.test(w))) return null;
  const roles = words.map(headerRole);
  if (!roles.some((r) => r === 'lead' || r === 'responsible')) return null;
  return { roles, words };
}

/** A pattern for the header's words with any spacing: finds its repetitions, also inside a line. */
function repetition(header: TableHeader): RegExp {
  const chars = header.words.join('').split('');
  return new RegExp(chars.map((c) => c.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')).join(' *'), 'u');
}

/**
 * Finds a space-separated table header (on one line, or wrapped over two); marks it and its
 * repetitions as noise (cutting a repetition out of the line or lines it was glued to) and every
 * line after it as a table line.
 */
export function markTaskTable(input: Line[]): { lines: Line[]; header: TableHeader | null } {
  let lines = input;
  let at = -1;
  let header: TableHeader | null = null;
  for (let i = 0; i < lines.length && !header; i++) {
    // A header row reads like a menu of short words, so the chrome filter may have taken it for one.
    if (lines[i].table) continue;
    header = readHeaderLine(lines[i].span.match);
    if (header) at = i;
    else if (
      i + 1 < lines.length &&
      lines[i].span.length <= 60 &&
      lines[i + 1].span.length <= 60 &&
      (mayHead(lines[i].span.match) || mayHead(lines[i + 1].span.match))
    ) {
      header = readHeaderLine(`${lines[i].span.match} ${lines[i + 1].span.match}`);
      if (header) {
        lines = [
          ...lines.slice(0, i),
          { ...lines[i], span: lines[i].span.concat(new Span(' ', ' ')).concat(lines[i + 1].span) },
          ...lines.slice(i + 2),
        ];
        at = i;
      }
    }
  }
  if (!header) return { lines, header: null };
  const again = repetition(header);
  const first = header.words[0][0];
  const out: Line[] = lines.slice(0, at);
  out.push({ ...lines[at], noise: true });
  for (let i = at + 1; i < lines.length; i++) {
    const line = lines[i];
    let span = line.span;
    // The header's first character must be there (at least near the end, for one wrapped over two lines).
    const has = span.match.includes(first);
    let m = has ? again.exec(span.match) : null;
    let next: Line | null = null;
    // A repetition wrapped over two lines: look at this line and the next one together.
    if (!m && has && i + 1 < lines.length && span.match.lastIndexOf(first) >= span.length - 40) {
      const both = span.concat(lines[i + 1].span);
      const m2 = again.exec(both.match);
      if (m2 && m2.index < span.length && m2.index + m2[0].length > span.length) {
        span = both;
        m = m2;
        next = lines[i + 1];
        i++;
      }
    }
    if (m) {
      const before = span.slice(0, m.index).trim();
      const after = span.slice(m.index + m[0].length).trim();
      if (before.length) out.push({ ...line, span: before, inTable: true, spaceAfter: true });
      if (after.length)
        out.push({
          span: after,
          noise: false,
          soft: true,
          inTable: true,
          spaceBefore: true,
          spaceAfter: (next ?? line).spaceAfter,
        });
      continue;
    }
    out.push({ ...line, inTable: true });
  }
  return { lines: out, header };
}

// Verbs that start a task or requirement, never an official name (`建设政府信息查询场所` is a task).
export const TASK_START =
  /^(?:推进|推动|加强|加快|加大|做好|开展|落实|建立|建设|完善|健全|提高|提升|强化|深化|规范|及时|全面|积极|主动|认真|切实|进一步|严格|持续|大力|着力|探索|组织|制定|编制|公布|公开|发布|定期|按月|依法|围绕|实行|实施|坚持|确保|优化|扩大|统筹|用好|办好|抓好|集中|梳理|创新|畅通|跟踪|密切|增强|注重)/u;
const UNIT_SEPARATORS = /[、,;，；]/u;
// Characters of sentences that official names do not contain.
const PROSE = /[要的将把对在是从向给让使“”《》。]/u;

/** Whether a cell is a list of unit names only (the pieces between 、 and , all look like units). */
export function isUnitCell(cell: string): boolean {
  const text = cell.replace(/[。.]$/u, '');
  if (!text || text.length > 400) return false;
  return text.split(UNIT_SEPARATORS).every((piece) => {
    const p = piece.trim();
    return p.length >= 2 && p.length <= 24 && looksLikeUnit(p) && !TASK_START.test(p) && !PROSE.test(p);
  });
}

const DASH = /^[—－-]+$/u;
const OPENING = new Set(Array.from('“‘「『《([', (c) => c.charCodeAt(0)));
const CLOSING = new Set(Array.from('”’」』》)]', (c) => c.charCodeAt(0)));
const SENTENCE_END = new Set(Array.from('。;!?', (c) => c.charCodeAt(0)));
/** A space just inside quotes or brackets, or before one in mid-sentence, is a PDF artifact, not a cell boundary. */
const quoteSpace = (m: string, i: number) =>
  OPENING.has(m.charCodeAt(i - 1)) ||
  CLOSING.has(m.charCodeAt(i + 1)) ||
  (OPENING.has(m.charCodeAt(i + 1)) && !SENTENCE_END.has(m.charCodeAt(i - 1))) ||
  numberInSentence(m, i);
/** `编制完成 26个…`, `，2020年底前…`: PDF copies space a number off the words before it. */
const numberInSentence = (m: string, i: number) => {
  const next = m.charCodeAt(i + 1);
  const before = m.charCodeAt(i - 1);
  const inSentence = (before >= 0x4e00 && before <= 0x9fff) || before === 0x2c /* , */ || before === 0x3001; /* 、 */
  if (!(
    next >= 0x30 &&
    next <= 0x39 &&
    inSentence &&
    /^\d+(?:[—~-]\d+)?[个项名次年月日%％]/u.test(m.slice(i + 1, i + 12))
  ))
    return false;
  // A time limit standing alone is its own cell (`各区县政府 6月底前`).
  const end = m.indexOf(' ', i + 1);
  return !TIME_CELL.test(m.slice(i + 1, end < 0 ? m.length : end));
};

/**
 * The cells of a row as [start, end) ranges: split at tabs when it has them, else at spaces —
 * except the spaces PDF copies put inside quotes and brackets (`“六稳 ”工作`, `〔 2016〕`).
 */
/**
 * Whether the text holds a tab, by character code. Measured: on a 90 000-character row of a
 * repeated table, `includes('\t')` cost about a second in the parser (seven times the whole rest
 * of the parse), this scan a fraction of a millisecond.
 */
function hasTab(m: string): boolean {
  for (let i = 0; i < m.length; i++) if (m.charCodeAt(i) === 0x09) return true;
  return false;
}

export function cellTokens(row: Span): Array<[number, number]> {
  const m = row.match;
  const out: Array<[number, number]> = [];
  const tabbed = hasTab(m);
  let start = 0;
  for (let i = 0; i <= m.length; i++) {
    const c = m.charCodeAt(i);
    const sep = i === m.length || (tabbed ? c === 0x09 : c === 0x20 && !quoteSpace(m, i));
    if (!sep) continue;
    let a = start;
    let b = i;
    while (a < b && m.charCodeAt(a) === 0x20) a++;
    while (b > a && m.charCodeAt(b - 1) === 0x20) b--;
    if (a < b) out.push([a, b]);
    start = i + 1;
  }
  return out;
}

export interface ZoneRow {
  /** The task and requirement text, cells joined by a space. */
  text: Span;
  /** The first text cell: the task. */
  task: Span;
  units: Array<{ role: 'lead' | 'responsible'; cell: Span }>;
  times: Span[];
}

/**
 * One row's cells by content. Unit cells fill the header's unit columns from the right: when the
 * PDF dropped an empty cell, a lone unit list is the last unit column (usually 责任单位).
 */
export function readZoneRow(row: Span, header: TableHeader): ZoneRow {
  const cells = cellTokens(row)
    .map(([a, b]) => withoutGluedDash(row.slice(a, b)))
    .filter((cell) => !DASH.test(cell.match));
  joinCutNames(cells);
  const unitColumns = header.roles.filter((r): r is 'lead' | 'responsible' => r === 'lead' || r === 'responsible');
  const hasTime = header.roles.includes('deadline');
  const textCells: Span[] = [];
  const unitCells: Span[] = [];
  const times: Span[] = [];
  cells.forEach((cell, k) => {
    if (k > 0 && isUnitCell(cell.match)) unitCells.push(cell);
    else if (k > 0 && hasTime && TIME_CELL.test(cell.match) && cell.length <= 12) times.push(cell);
    else textCells.push(cell);
  });
  // More unit cells than columns: a cell broken at a space continues the last column.
  while (unitCells.length > unitColumns.length && unitCells.length > 1) {
    const last = unitCells.pop()!;
    unitCells[unitCells.length - 1] = unitCells[unitCells.length - 1].concat(new Span('、', '、')).concat(last);
  }
  const offset = unitColumns.length - unitCells.length;
  const units = unitCells.map((cell, k) => ({ role: unitColumns[k + offset] ?? 'responsible', cell }));
  const text = textCells.length ? joinSpans(textCells, ' ') : new Span('', '');
  return { text, task: textCells[0] ?? new Span('', ''), units, times };
}

/** Whether the unit (and time) columns come after every text column: then a row ends with its units. */
export function sideColumnsLast(header: TableHeader): boolean {
  const roles = header.roles;
  const lastText = roles.reduce((k, r, i) => (r === 'task' || r === 'other' ? i : k), -1);
  const firstSide = roles.findIndex((r) => r === 'lead' || r === 'responsible' || r === 'deadline');
  return roles.some((r) => r === 'lead' || r === 'responsible') && firstSide >= lastText;
}

/** The unit columns that end a task table's rows, and the unit cells seen ending a row whole. */
export interface RowEnds {
  columns: number;
  names: ReadonlySet<string>;
}

export const NO_ROW_ENDS: RowEnds = { columns: 0, names: new Set() };

/**
 * How a table whose side columns come last (by its header) ends its rows, or NO_ROW_ENDS when its
 * lines do not read that way: unit cells must end lines far more often than text follows them (a
 * header read in part, cut by a line break before its last text column, says side columns last
 * when they are not).
 */
export function rowsEndWithUnits(lines: Line[], header: TableHeader): RowEnds {
  if (!sideColumnsLast(header)) return NO_ROW_ENDS;
  let atEnd = 0;
  let textAfter = 0;
  for (const line of lines) {
    if (!line.inTable || line.noise) continue;
    const tokens = cellTokens(line.span);
    let unitSeen = false;
    for (const [a, b] of tokens) {
      const cell = line.span.match.slice(a, b);
      if (b - a <= UNIT_CELL_MAX && isUnitCell(cell)) unitSeen = true;
      else if (unitSeen && (PROSE.test(cell) || b - a > ROW_TEXT)) {
        textAfter++;
        break;
      } else unitSeen = false;
    }
    if (unitSeen) atEnd++;
  }
  if (atEnd <= textAfter * 4) return NO_ROW_ENDS;
  const columns = header.roles.filter((r) => r === 'lead' || r === 'responsible').length;
  const names = new Set<string>();
  for (const line of lines) {
    if (!line.inTable || line.noise) continue;
    const end = rowEnd(line.span);
    if (end.cells >= columns) for (const name of end.names) names.add(name);
  }
  return { columns, names };
}

/**
 * The row's cells at the end of a line: unit lists (a whole name last: a line wrapped inside a name
 * or a sentence ends with a piece) and dashes of empty cells, after at least one cell of text.
 */
function rowEnd(line: Span): { cells: number; names: string[] } {
  const tokens = cellTokens(line);
  const names: string[] = [];
  let cells = 0;
  let k = tokens.length - 1;
  for (; k > 0; k--) {
    const cell = line.match.slice(tokens[k][0], tokens[k][1]);
    const name = withoutGluedDash(line.slice(tokens[k][0], tokens[k][1])).match;
    if (DASH.test(cell)) cells++;
    else if (isUnitCell(name) && endsLikeUnit(lastPiece(name))) {
      cells += name.length < cell.length ? 2 : 1;
      names.push(name);
    } else break;
  }
  return k < 0 || !tokens.length || isUnitCell(line.match.slice(tokens[0][0], tokens[0][1])) || k === tokens.length - 1
    ? { cells: 0, names: [] }
    : { cells, names };
}

const UNIT_CELL_MAX = 120;

/**
 * Whether `next` starts another row of such a table rather than going on with `line`: `line` ends
 * with a cell for every unit column (`…评选。 市政府办公厅 各区县政府、市政府各部门—`), or with fewer
 * whose names end other rows whole (an empty cell printed as nothing), and `next` starts a sentence.
 */
export function startsAnotherRow(line: Span, next: Span, ends: RowEnds): boolean {
  const end = rowEnd(line);
  if (!end.cells) return false;
  if (end.cells < ends.columns && !(end.names.length && end.names.every((n) => ends.names.has(n)))) return false;
  const head = cellTokens(next)[0];
  return head !== undefined && PROSE.test(next.match.slice(head[0], head[1]));
}

/** Whether a line ends with a unit cell (or the dash of an empty one), alone on it or after text. */
export function endsWithUnitCells(line: Span): boolean {
  const tokens = cellTokens(line);
  if (!tokens.length) return false;
  const [a, b] = tokens[tokens.length - 1];
  const cell = withoutGluedDash(line.slice(a, b)).match;
  return DASH.test(cell) || (b - a <= UNIT_CELL_MAX && isUnitCell(cell));
}

/** Longer than any unit name: the start of a row's text. */
const ROW_TEXT = 24;

/** `各区县政府、市政府各部门—`: the next column's empty-cell dash glued to a unit cell. */
function withoutGluedDash(cell: Span): Span {
  const m = /[—－]+$/u.exec(cell.match);
  return m && m.index > 0 && isUnitCell(cell.match.slice(0, m.index)) ? cell.slice(0, m.index) : cell;
}

const BARE_SUFFIX =
  /^(?:人民政府|政府|管委会|委员会|办公室|办公厅|局|厅|委|办|室|院|会|部|部门|单位|机构)(?:$|[、,;，；])/u;
const firstPiece = (s: string) => s.split(UNIT_SEPARATORS)[0].trim();
const lastPiece = (s: string) => s.split(UNIT_SEPARATORS).pop()!.trim();

/**
 * A space inside a unit name (a line break in the copy: `平潭综 合实验区`, `各设区市 政府`) cuts one
 * cell in two: such neighbours are joined when together they read as units and apart they do not.
 */
function joinCutNames(cells: Span[]): void {
  for (let i = 0; i + 1 < cells.length;) {
    const a = cells[i].match;
    const b = cells[i + 1].match;
    const joined = a + b;
    const tail = lastPiece(a);
    // Only a short fragment that does not end a name is a name cut in two (not a task cell);
    // `省财政厅省` ends one name and starts the next.
    const head = firstPiece(b);
    const fragment =
      ((tail.length <= 8 && (!endsLikeUnit(tail) || (head.length <= 2 && !looksLikeUnit(head)))) ||
        /[厅局委办院室](?:省|市|区|县)$/u.test(tail)) &&
      !TASK_START.test(tail) &&
      !/[。.]/u.test(tail);
    // A list separator at the cut (`…质监局` / `、安监局`) means one list, wherever the space fell.
    const listGoesOn =
      (/[、,;，；]$/u.test(a) && isUnitCell(a.slice(0, -1))) || (/^[、,;，；]/u.test(b) && isUnitCell(a));
    const cut =
      (fragment && isUnitCell(joined.split(UNIT_SEPARATORS).slice(0, -1).join('、') || joined)) ||
      (isUnitCell(a) && BARE_SUFFIX.test(b) && isUnitCell(joined)) ||
      listGoesOn;
    if (cut && head.length <= 12 && (fragment || listGoesOn ? looksLikeUnit(firstPiece(tail + b)) : true)) {
      cells.splice(i, 2, cells[i].concat(cells[i + 1]));
      i = Math.max(0, i - 1);
      continue;
    }
    i++;
  }
}

const TIME_CELL =
  /^(?:全年|长期|适时|持续|常态化?|年内|年底前?|年中|\d{1,2}月(?:底|末)?前?|(?:19|20)\d{2}年.{0,8}|[一二三四]季度|上半年|下半年|每[年月季]|底|\d{1,2}月)$/u;
