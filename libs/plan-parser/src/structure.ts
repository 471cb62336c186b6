import { Span } from './span.js';
import { itemTextFollows, lineLabel, readLabel, type LabelStyle, type LineLabel } from './labels.js';
import type { TableRow } from './table-rows.js';
import type { Line } from './header.js';
import { endsWithUnitCells, NO_ROW_ENDS, startsAnotherRow, type RowEnds } from './task-table.js';

export interface SectionNode {
  label: string;
  heading: Span;
  /** Lines of the section's own text (before and between items). */
  body: Span[];
  inTable?: boolean;
}

export interface ItemNode {
  section: SectionNode | null;
  label: string;
  style: LabelStyle;
  parent: ItemNode | null;
  /** First line with the label removed, then the following lines up to the next label. */
  lines: Span[];
  /** The cells when the item is a row of a flattened task table. */
  row?: TableRow;
  /** The item is a row of a space-separated task table (see task-table.ts). */
  inTable?: boolean;
  /** Items whose labels were printed on one line (cut apart at their labels) share this number. */
  printedLine?: number;
  /** Set for a section that is itself an item: its heading's title. */
  title?: Span;
  /** In a task table: how many of `lines` are unnumbered rows printed after the task's last measure. */
  trailingRows?: number;
}

export interface DocumentStructure {
  /** Index of the first body line (first accepted section or item); lines.length when none. */
  bodyStart: number;
  sections: SectionNode[];
  items: ItemNode[];
  /** Lines after the body that are not part of the last item (closing text, signature). */
  closing: Span[];
  /** Lines between the header and the first section or item. */
  preamble: Span[];
  warnings: string[];
  /** The document's `一、…` are its items (a flat list of key points), not sections. */
  flat?: boolean;
}

interface Open {
  style: LabelStyle;
  n: number;
  item: ItemNode;
}

/** How many rows at a section's start a table copy may lose before its numbering is not trusted. */
const MAX_LOST = 3;
const ATTACHMENTS = /^附件 {0,2}(?:\d{1,2}|[一二三四五六七八九十])? {0,2}(?::|$|\d)/u;
const CLOSING_START =
  /^(?:各地区|各部门|各单位|各级|各有关|各市|各县|各区|本要点|本方案|本计划|本通知|以上|请各|联系人|联系电话|附件|附:)/u;
const DATE_LINE = /^(?:19|20)\d{2} ?年 ?\d{1,2} ?月 ?\d{1,2} ?日[ ?\ufffd]*$/u;

/** Finds the first line that opens the body: section 一, an item numbered 1, or a task table. */
export function findBodyStart(lines: Line[]): number {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.noise) continue;
    if (line.table === 'header' || (line.table && line.table !== 'continuation' && line.table.n === 1)) return i;
    const l = lineLabel(line.span);
    if (l && l.n === 1 && l.style !== 'circled' && (line.span.length > l.length || l.style === 'paren-cn')) return i;
  }
  return lines.length;
}

// An inline label may follow an annotation's closing bracket or a sentence end: `…落实)(二)…`, `…。2.…`.
const INLINE_CANDIDATE = /[)\]。;] ?[(\d一二三四五六七八九十百①-⑳]/g;

interface Segment {
  span: Span;
  table?: Line['table'];
  soft?: boolean;
  inTable?: boolean;
}

/**
 * Sections and items from the body's logical lines. Numbering is accepted only in sequence (next
 * number of a style already open, or a new style starting at 1 or continuing its document-wide
 * count), so a stray `3.` inside a paragraph or a quoted list does not open an item. Items run
 * together on one line are split where the next number of an open style follows a sentence end.
 */
/** `rowEnds`: how the rows of the document's task table end (see task-table.ts). */
export function buildStructure(lines: Line[], bodyStart: number, rowEnds: RowEnds = NO_ROW_ENDS): DocumentStructure {
  const warnings: string[] = [];
  const sections: SectionNode[] = [];
  const items: ItemNode[] = [];
  const lastByStyle = new Map<LabelStyle, number>();
  // How deep each style was first used: `(一)` above `1.` in a document that nests them so.
  const levelOf = new Map<LabelStyle, number>();
  let stack: Open[] = [];
  let section: SectionNode | null = null;
  let current: { kind: 'section'; node: SectionNode } | { kind: 'item'; node: ItemNode } | null = null;
  let lastSection = 0;
  let usesSections = false;
  let usesParts = false;
  for (let i = bodyStart; i < lines.length; i++) {
    const label = lines[i].noise ? null : lineLabel(lines[i].span);
    if (label?.n === 1 && label.style === 'section') usesSections = true;
    if (label?.n === 1 && label.style === 'part') usesParts = true;
  }
  // Parts (`第一部分`) are the sections when there are no `一、` sections; otherwise they only restart them.
  const sectionStyle: LabelStyle = usesSections ? 'section' : 'part';
  usesSections ||= usesParts;

  // Index (in items) where the current run of top-level items began, and the line being read.
  let runStart = -1;
  // The run began without a heading of its own: before any section, or restarting inside one.
  let runWithoutHeading = false;
  let cursor = bodyStart;

  /** The first item label after `from` in `span` and the lines after the current one. */
  const nextItemLabel = (span: Span, from: number): LineLabel | null => {
    const inLine = firstLabelIn(span.match, from);
    if (inLine) return inLine;
    for (let k = cursor + 1; k < lines.length && k <= cursor + 6; k++) {
      if (lines[k].noise) continue;
      const l = lineLabel(lines[k].span) ?? firstLabelIn(lines[k].span.match, 0);
      if (l && l.style !== 'section' && l.style !== 'part') return l;
    }
    return null;
  };

  /** A section label numbered `n` in the next few lines (at a line start or inside one). */
  const sectionAhead = (n: number): boolean => {
    for (let k = cursor + 1; k < lines.length && k <= cursor + 12; k++) {
      if (lines[k].noise) continue;
      const l = lineLabel(lines[k].span);
      if (l?.style === 'section' && l.n === n) return true;
      if (l?.style === 'section' || l?.style === 'part') return false;
    }
    return false;
  };

  /** A heading with nothing under it before the next section's: printed after all its rows. */
  const headingAlone = (label: LineLabel): boolean => {
    let k = cursor + 1;
    while (k < lines.length && lines[k].noise) k++;
    const l = k < lines.length ? lineLabel(lines[k].span) : null;
    return l?.style === sectionStyle && l.n === label.n + 1;
  };

  /**
   * A heading printed after its first rows (vertically centred in a merged table cell): the items
   * since the run began join the section, and the numbering goes on.
   */
  const lateHeading = (label: LineLabel, span: Span, inTable?: boolean): boolean => {
    if (!stack.length || runStart < 0 || !runWithoutHeading || label.n !== lastSection + 1) return false;
    const next = nextItemLabel(span, label.length);
    // In a table the heading may also be printed among a task's measures (`(二)…1.` / `一、… 2.`).
    const goesOn = (o: Open) => next !== null && next.style === o.style && next.n === o.n + 1;
    // A label alone in a table is a merged heading cell, printed beside the middle of its rows.
    const cellAlone = inTable === true && span.length <= label.length;
    if (!(inTable ? stack.some(goesOn) : goesOn(stack[0])) && !headingAlone(label) && !cellAlone) return false;
    lastSection = label.n;
    const heading = span.slice(label.length).trim();
    // The heading cell ends at a gap; what follows is the current row's text.
    const gap = heading.match.search(/ {2,}| (?=[^ ]{4})/u);
    const node: SectionNode = {
      label: label.label,
      heading: gap > 0 ? heading.slice(0, gap).trim() : heading,
      body: [],
      inTable,
    };
    sections.push(node);
    for (let k = runStart; k < items.length; k++) items[k].section = node;
    section = node;
    runWithoutHeading = false;
    if (gap > 0 && current?.kind === 'item') rowText(current.node, heading.slice(gap).trim());
    return true;
  };

  /**
   * Unlabelled text after a heading cell: more of the current item, or in a table where the measure's
   * row is closed, more of its task's cell (a task cell wrapped around the heading).
   */
  const rowText = (item: ItemNode, text: Span) => {
    const own = item.lines[item.lines.length - 1];
    const task = item.inTable && item.parent && startsAnotherRow(own, text, rowEnds) ? item.parent : item;
    const last = task.lines.length - 1;
    if (task !== item && last >= 0 && !/[。;!?:]$/u.test(task.lines[last].match))
      task.lines[last] = task.lines[last].concat(text);
    else task.lines.push(text);
  };

  /**
   * In a table, a heading printed inside the row of the task above it (a merged heading cell is
   * printed at the middle of its rows, and a PDF copy cuts the first row around it): the heading is
   * followed by more of that row's unlabelled text, and then by the next task. That task row (with
   * its measures) is the first of the new section, when it began on the printed line just above the
   * heading. Returns where in `items` the row begins, or -1.
   */
  const headingInsideRow = (label: LineLabel, span: Span): number => {
    if (!stack.length || label.n !== lastSection + 1 || span.length > label.length + 40) return -1;
    const top = stack[0];
    // The row began on the printed line just above; a heading after a longer row is its own.
    if (top.item.printedLine !== printedLine - 1) return -1;
    let k = cursor + 1;
    while (k < lines.length && lines[k].noise) k++;
    const after = lines[k]?.span;
    if (!after || !lines[k].inTable || lineLabel(after) || after.length < 20 || !after.match.includes('。')) return -1;
    const next = nextItemLabel(span, label.length);
    if (!next || next.style !== top.style || next.n !== top.n + 1) return -1;
    return items.indexOf(top.item);
  };

  const openSection = (label: LineLabel, span: Span, inTable?: boolean) => {
    if (label.n !== lastSection + 1) warnings.push(`章节编号不连续:「${label.label}、」`);
    lastSection = label.n;
    section = { label: label.label, heading: span.slice(label.length).trim(), body: [], inTable };
    sections.push(section);
    stack = [];
    current = { kind: 'section', node: section };
  };

  /** Whether `label` continues the numbering in force (used for labels found inside a line). */
  const continuesSequence = (label: LineLabel): boolean => {
    if (label.style === sectionStyle) return usesSections && label.n === lastSection + 1;
    const open = stack.find((o) => o.style === label.style);
    return open
      ? label.n === open.n + 1
      : stack.length === 0 && label.n === (lastByStyle.get(label.style) ?? 0) + 1 && lastByStyle.has(label.style);
  };

  /** Where the next inline item starts in `span` after `from`, or -1. */
  const nextInlineLabel = (span: Span, from: number): number => {
    const m = span.match;
    // The regex finds the few candidate places; the label and its sequence are then checked there.
    INLINE_CANDIDATE.lastIndex = from + 1;
    for (let c = INLINE_CANDIDATE.exec(m); c; c = INLINE_CANDIDATE.exec(m)) {
      const k = c.index + 1;
      const at = m.charCodeAt(k) === 0x20 ? k + 1 : k;
      const label = readLabel(m, at);
      // `第（一）（二）（五）项` cites clauses: a label followed by another or by 项 starts no item.
      if (label && at + label.length < m.length && itemTextFollows(m, at + label.length) && continuesSequence(label))
        return k;
      INLINE_CANDIDATE.lastIndex = k;
    }
    return -1;
  };

  const accept = (seg: Segment): number => {
    const { span } = seg;
    const row = seg.table && seg.table !== 'header' && seg.table !== 'continuation' ? seg.table : null;
    if (seg.table === 'header' || seg.table === 'continuation') return -1;
    const label: LineLabel | null = row
      ? { style: 'digit-dot', n: row.n, label: `${row.n}.`, length: 0 }
      : lineLabel(span);
    // A label alone on its line is an item only as `(一)` (a table's merged first column, a label in its
    // own run): a bare `3.` or `一、` alone is as likely a stray number.
    // In a table the next section's label alone is its merged cell, the heading wrapped away.
    const nextSectionCell = seg.inTable && label?.style === sectionStyle && usesSections && label.n === lastSection + 1;
    if (!label || (!row && span.length <= label.length && label.style !== 'paren-cn' && !nextSectionCell)) return 0;
    if (label.style === 'part' && sectionStyle === 'section') {
      // A part restarts the sections and items under it.
      lastSection = 0;
      lastByStyle.clear();
      stack = [];
      current = null;
      return -1;
    }
    if (label.style === sectionStyle) {
      if (usesSections && lateHeading(label, span, seg.inTable)) return -1;
      if (usesSections && (label.n === lastSection + 1 || (label.n === lastSection + 2 && lastSection > 0))) {
        const rowStart = seg.inTable ? headingInsideRow(label, span) : -1;
        openSection(label, span, seg.inTable);
        for (let k = Math.max(rowStart, 0); rowStart >= 0 && k < items.length; k++) items[k].section = section;
        return label.length;
      }
      return 0;
    }
    if (label.style === 'section' || label.style === 'part') return 0;
    const depth = stack.findIndex((o) => o.style === label.style);
    const sibling = depth >= 0 ? stack[depth].item : null;
    let ok = false;
    if (depth >= 0) {
      const prev = stack[depth].n;
      ok = label.n === prev + 1 || label.n === prev + 2;
      if (ok && label.n === prev + 2) warnings.push(`编号不连续:「${label.label}」前缺少一项`);
      if (ok) stack = stack.slice(0, depth);
      // Numbering restarting before its section's heading (printed later, see lateHeading).
      else if (depth === 0 && label.n === 1 && usesSections && sectionAhead(lastSection + 1)) {
        ok = true;
        stack = [];
      }
      // In a task table a task's next row numbers its measures from 1 again, under the same task.
      else if (depth > 0 && label.n === 1 && seg.inTable) {
        ok = true;
        stack = stack.slice(0, depth);
      }
    } else {
      ok = label.n === 1 || label.n === (lastByStyle.get(label.style) ?? -1) + 1;
      // A table copy that lost its section's first rows (`六、… 2．…` then `（三）…`): the section's
      // first label, or the first of a level above what is open in it, may skip a few numbers.
      const level = levelOf.get(label.style) ?? stack.length;
      if (
        seg.inTable &&
        section !== null &&
        label.n <= MAX_LOST + 1 &&
        stack.every((o) => o.item.section === section && (levelOf.get(o.style) ?? 0) > level)
      ) {
        if (!ok) warnings.push(`编号不连续:「${label.label}」前缺少${label.n - 1}项`);
        ok = true;
        stack = [];
      }
    }
    if (!ok) return 0;
    if (!levelOf.has(label.style)) levelOf.set(label.style, stack.length);
    const parent = stack.length ? stack[stack.length - 1].item : null;
    if (!parent && label.n === 1) {
      runWithoutHeading = section === null || items.some((it) => it.section === section);
      runStart = items.length;
    }
    const item: ItemNode = {
      section,
      label: label.label,
      style: label.style,
      parent,
      lines: [span.slice(label.length)],
      row: row ?? undefined,
      inTable: seg.inTable,
      printedLine,
    };
    items.push(item);
    // Rows after this measure are its task's trailing rows until another measure starts.
    if (parent?.inTable) parent.trailingRows = 0;
    stack.push({ style: label.style, n: label.n, item });
    lastByStyle.set(label.style, label.n);
    current = { kind: 'item', node: item };
    if (seg.inTable && sibling && span.length <= label.length) takeMeasuresAbove(item, sibling, span, label);
    return label.length;
  };

  /**
   * A task's merged cell is printed beside the middle of its rows: a task label alone on its line,
   * after measures numbered from 1 again under the task above and before the next number of them
   * (`3．…` / `（一）` / `4．…`), is the task of those measures.
   */
  const takeMeasuresAbove = (task: ItemNode, sibling: ItemNode, span: Span, label: LineLabel) => {
    const kids = items.filter((it) => it.parent === sibling);
    const restart = kids.findLastIndex((it, k) => k > 0 && readLabel(it.label)?.n === 1);
    if (restart < 0) return;
    const run = kids.slice(restart);
    const last = run[run.length - 1];
    const lastLabel = readLabel(last.label);
    const next = nextItemLabel(span, label.length);
    if (!lastLabel || !next || next.style !== last.style || next.n !== lastLabel.n + 1) return;
    for (const it of run) {
      it.parent = task;
      it.section = task.section;
    }
    // The task goes before its measures, and their numbering goes on under it.
    items.splice(items.indexOf(task), 1);
    const at = items.indexOf(run[0]);
    items.splice(at, 0, task);
    if (runStart > at) runStart = at;
    stack.push({ style: last.style, n: lastLabel.n, item: last });
    // The label cut the last measure's text: what follows it is more of that measure.
    current = { kind: 'item', node: last };
  };

  // The closing list of attachments (`附件：1.… 2.…`) is not items.
  const attachmentsAt = lines.findIndex((l, k) => k >= bodyStart && !l.noise && ATTACHMENTS.test(l.span.match));
  const bodyEnd = attachmentsAt < 0 ? lines.length : attachmentsAt;
  // Whether a line from here to the next labelled one ends with unit cells (for tables whose rows
  // do). Asked only after a measure's sentence ends: each run of lines is read once, when first asked.
  const unitsAhead: Array<boolean | undefined> = [];
  const labelled = (k: number) => !lines[k].noise && lineLabel(lines[k].span) !== null;
  const unitsBeforeLabel = (i: number): boolean => {
    let k = i;
    while (k < bodyEnd && unitsAhead[k] === undefined && !labelled(k)) k++;
    // A labelled line ends the run: nothing after it counts.
    let found = k < bodyEnd && unitsAhead[k] === true && !labelled(k);
    if (k < bodyEnd && labelled(k)) unitsAhead[k] = false;
    for (let j = k - 1; j >= i; j--) {
      const l = lines[j];
      if (!l.noise && l.inTable === true && endsWithUnitCells(l.span)) found = true;
      unitsAhead[j] = found;
    }
    return unitsAhead[i] ?? false;
  };
  // Lines cut apart at labels (segments.ts, soft) were one printed line.
  let printedLine = 0;
  for (let i = bodyStart; i < bodyEnd; i++) {
    const line = lines[i];
    cursor = i;
    if (line.noise) continue;
    if (!line.soft) printedLine++;
    let seg: Segment | null = { span: line.span, table: line.table, soft: line.soft, inTable: line.inTable };
    while (seg) {
      const consumed = accept(seg);
      if (consumed < 0) break;
      // Rows and their cells are never split: a cell may hold a full stop followed by a number.
      let cut: number = seg.table ? -1 : nextInlineLabel(seg.span, consumed);
      // A section heading run straight into its first item (`一、加大公开力度1.全面公开…`).
      if (consumed > 0 && (current as { kind: string } | null)?.kind === 'section') {
        const first = firstItemInHeading(seg.span, consumed, lastByStyle);
        if (first > 0 && (cut < 0 || first < cut)) cut = first;
      }
      const head = cut < 0 ? seg.span : seg.span.slice(0, cut).trim();
      if (consumed === 0 && current) {
        let node = current as { kind: 'section'; node: SectionNode } | { kind: 'item'; node: ItemNode };
        // In a task table an unnumbered row after a measure's closed row is a measure of the task
        // itself, not more of the numbered one: it goes to the task with its own cells.
        if (
          rowEnds.columns > 0 &&
          !seg.soft &&
          seg.inTable &&
          node.kind === 'item' &&
          node.node.parent &&
          node.node.inTable
        ) {
          const { lines: own, parent } = node.node;
          const last = own[own.length - 1];
          // Where the unit cells were printed apart (no line up to the next label ends with any),
          // a measure's line ending its sentence ends its row too.
          if (startsAnotherRow(last, head, rowEnds) || (last.match.endsWith('。') && !unitsBeforeLabel(i)))
            current = node = { kind: 'item', node: parent };
        }
        if (!seg.soft && node.kind === 'item' && node.node.trailingRows !== undefined) node.node.trailingRows++;
        // A soft piece whose label was not accepted continues the line it was cut from.
        const list = node.kind === 'section' ? node.node.body : node.node.lines;
        if (seg.soft && node.kind === 'item' && list.length) list[list.length - 1] = list[list.length - 1].concat(head);
        else if (seg.soft && node.kind === 'section' && !list.length)
          node.node.heading = node.node.heading.concat(head);
        else if (seg.soft && list.length) list[list.length - 1] = list[list.length - 1].concat(head);
        else list.push(head);
      } else if (consumed > 0 && cut >= 0) {
        // The item or section just opened ends where the inline label starts.
        const node = current as { kind: 'section'; node: SectionNode } | { kind: 'item'; node: ItemNode } | null;
        if (node?.kind === 'item') node.node.lines[node.node.lines.length - 1] = head.slice(consumed);
        else if (node?.kind === 'section') node.node.heading = head.slice(consumed).trim();
      }
      seg = cut < 0 ? null : { span: seg.span.slice(cut).trim(), inTable: seg.inTable };
    }
  }

  rowsToTheirTask(items);
  const { ordered, flat } = withSectionItems(sections, items);
  const closing = [
    ...cutClosing(ordered),
    ...lines
      .slice(bodyEnd)
      .filter((l) => !l.noise)
      .map((l) => l.span),
  ];
  const preamble = lines
    .slice(0, bodyStart)
    .filter((l) => !l.noise)
    .map((l) => l.span);
  return { bodyStart, sections: flat ? [] : sections, items: ordered, closing, preamble, warnings, flat };
}

/**
 * A task's merged cell is printed beside the middle of its rows, so a PDF copy may print some of a
 * task's unnumbered rows before its label, after the rows of the task above. Such trailing rows go
 * to the next task of the same section from the first one that shares more of its wording (character
 * pairs) with that task's heading than with its own task's heading.
 */
function rowsToTheirTask(items: ItemNode[]): void {
  const tasks = items.filter((it) => it.parent === null);
  for (let k = 0; k + 1 < tasks.length; k++) {
    const task = tasks[k];
    const next = tasks[k + 1];
    const n = task.trailingRows ?? 0;
    if (!n || !task.inTable || !next.inTable || next.section !== task.section) continue;
    const own = pairsOf(headingCell(task.lines.slice(0, task.lines.length - n)));
    const theirs = pairsOf(headingCell(next.lines));
    const rows = task.lines.slice(task.lines.length - n);
    // One common pair (公开) is no evidence: the next heading must share clearly more.
    const first = rows.findIndex((row) => {
      const pairs = pairsOf(row.match);
      return shared(pairs, theirs) >= shared(pairs, own) + CLEARLY_MORE;
    });
    if (first < 0) continue;
    const moved = task.lines.splice(task.lines.length - n + first);
    task.trailingRows = first;
    next.lines.splice(1, 0, ...moved);
  }
}

const CLEARLY_MORE = 2;

/** A task's heading: the first cell of its first line with text (a label alone leaves the first empty). */
function headingCell(lines: Span[]): string {
  const line = lines.find((l) => l.match.trim())?.match.trim() ?? '';
  const gap = line.search(/\s/u);
  return gap < 0 ? line : line.slice(0, gap);
}

const pairsOf = (text: string): Set<string> => {
  const out = new Set<string>();
  for (let i = 0; i + 1 < text.length && i < 200; i++) out.add(text.slice(i, i + 2));
  return out;
};
const shared = (a: Set<string>, b: Set<string>) => {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
};

// Sections that frame a plan rather than assign work: without numbered items they are no item.
const FRAMING =
  /^(?:指导思想|总体要求|总体目标|基本原则|工作原则|工作目标|主要目标|目标任务|工作要求|有关要求|保障措施|组织保障|组织领导|工作保障|实施步骤|工作步骤|进度安排|时间安排|实施范围|适用范围|编制依据|工作背景|其他事项|主要任务|重点任务|工作任务|主要内容)/u;

/** A heading's own title: up to its first sentence end, comma, colon or the space before other text. */
function headingTitle(heading: Span): Span {
  const end = heading.match.search(/[。;!?,:]| (?=[^ ])/u);
  return end > 0 ? heading.slice(0, end).trim() : heading;
}

/**
 * A section whose heading runs into task text, or that has text but no numbered items, is itself
 * one item (`十四、全面推行主动公开基本目录制度 部署…`); when no section has numbered items, the
 * document is a flat list of key points `一、…十、` and those are items, not sections.
 */
function withSectionItems(sections: SectionNode[], items: ItemNode[]): { ordered: ItemNode[]; flat: boolean } {
  const withItems = new Set(items.map((i) => i.section));
  const own = new Map<SectionNode, ItemNode>();
  for (const s of sections) {
    if (withItems.has(s) || FRAMING.test(s.heading.match)) continue;
    const title = headingTitle(s.heading);
    if (!s.body.length && s.heading.length <= title.length + 1) continue;
    own.set(s, {
      section: s,
      label: `${s.label}、`,
      style: 'section',
      parent: null,
      lines: [s.heading, ...s.body],
      inTable: s.inTable,
      title,
    });
  }
  if (!own.size) return { ordered: items, flat: false };
  const flat = sections.length > 1 && own.size === sections.length;
  const ordered: ItemNode[] = items.filter((i) => i.section === null);
  for (const s of sections) {
    const mine = own.get(s);
    if (mine) ordered.push(flat ? { ...mine, section: null } : mine);
    else ordered.push(...items.filter((i) => i.section === s));
  }
  return { ordered, flat };
}

const HEADING_ITEM = /[(\d]/g;
const LABEL_AFTER_GAP = /(?:^| )(?=[(\d])/g;

/** The first item label in a line at its start or after a space (a row's next cell, a soft cut). */
function firstLabelIn(m: string, from: number): LineLabel | null {
  LABEL_AFTER_GAP.lastIndex = from;
  for (let c = LABEL_AFTER_GAP.exec(m); c; c = LABEL_AFTER_GAP.exec(m)) {
    const at = c.index + c[0].length;
    const l = readLabel(m, at);
    if (l && l.style !== 'section' && l.style !== 'part' && at + l.length < m.length) return l;
    LABEL_AFTER_GAP.lastIndex = at + 1;
  }
  return null;
}

/**
 * Where a section heading gives way to its first item when nothing separates them: a `(一)` or
 * `1.` label that starts its numbering (or continues the document-wide count) after a character.
 */
function firstItemInHeading(span: Span, from: number, lastByStyle: Map<LabelStyle, number>): number {
  const m = span.match;
  HEADING_ITEM.lastIndex = from + 2;
  for (let c = HEADING_ITEM.exec(m); c; c = HEADING_ITEM.exec(m)) {
    const at = c.index;
    // A label after a digit is part of a number (`2020年1.`); after `(` or `第` a reference.
    const before = m.charCodeAt(at - 1);
    if ((before >= 0x30 && before <= 0x39) || before === 0x28 || before === 0x7b2c) continue;
    const label = readLabel(m, at);
    if (!label || label.style === 'section' || label.style === 'part' || label.style === 'circled') continue;
    if (at + label.length >= m.length || !itemTextFollows(m, at + label.length)) continue;
    if (label.n === 1 || label.n === (lastByStyle.get(label.style) ?? -1) + 1) return at;
  }
  return -1;
}

/**
 * The closing paragraphs after the last item (`各地区、各部门要…`, signature, date) belong to the plan,
 * not to the item. They start after a paragraph that ends with a unit annotation, at a line that
 * looks like closing text, or — when no other item runs over several paragraphs — right away.
 */
function cutClosing(items: ItemNode[]): Span[] {
  const last = items[items.length - 1];
  if (!last) return [];
  const glued = gluedClosing(last);
  if (last.lines.length < 2) return glued;
  // A table row is one line; what follows the table is the plan's closing text.
  if (last.row) return last.lines.splice(1);
  const multiParagraph = items.slice(0, -1).some((it) => it.lines.length > 1);
  let cut = last.lines.length;
  for (let i = 1; i < last.lines.length; i++) {
    const prev = last.lines[i - 1].match;
    const line = last.lines[i].match;
    const prevEndsAnnotated =
      /[)\]][。.]?$/u.test(prev) && /(?:落实|负责|单位|部门|牵头|配合)[^()[\]]{0,40}[)\]][。.]?$/u.test(prev);
    const wrapped = !/[。;!?:)\]”"]$/u.test(prev);
    if (wrapped) continue;
    if (!multiParagraph || prevEndsAnnotated || CLOSING_START.test(line) || DATE_LINE.test(line)) {
      cut = i;
      break;
    }
  }
  const closing = last.lines.slice(cut);
  last.lines = last.lines.slice(0, cut);
  return [...closing, ...glued];
}

const GLUED_CLOSING =
  /[)\]](?:各地区|各地|各部门|各单位|各级|各有关|各市|各县|各区|本要点|本方案|本计划|请各|以上)[^()[\]]{4,300}$/u;
// After a plain sentence end only a paragraph about the plan as a whole counts as its closing.
const GLUED_CLOSING_SENTENCE =
  /。(?=(?:各地区|各地|各部门|各单位|各级|各有关|各市|各县|各区|本要点|本方案|本计划|请各)(?:(?!牵头|责任单位)[^]){4,600}$)(?=[^。]*(?:本要点|本方案|各项工作任务|各项任务|政务公开工作|落实情况|年度报告))/u;

/**
 * The closing paragraph run into the last item's annotation on one line (a web copy that lost
 * its breaks): `…（责任单位：X）各区县要将落实情况报…。` ends the item at the annotation.
 */
function gluedClosing(last: ItemNode): Span[] {
  const k = last.lines.length - 1;
  const line = last.lines[k];
  // A closing paragraph is at most a few hundred characters: only the line's tail is searched.
  const from = Math.max(0, line.length - 700);
  const tail = line.match.slice(from);
  const m = GLUED_CLOSING.exec(tail) ?? GLUED_CLOSING_SENTENCE.exec(tail);
  if (!m) return [];
  last.lines[k] = line.slice(0, from + m.index + 1);
  return [line.slice(from + m.index + 1)];
}
