import { joinSpans, Span } from './span.js';
import { readLabel } from './labels.js';
import { segmentLines } from './segments.js';
import { blankClauses, findImpliedClauses, type ImpliedClause } from './implied-units.js';
import {
  cellTokens,
  markTaskTable,
  readZoneRow,
  rowsEndWithUnits,
  NO_ROW_ENDS,
  type TableHeader,
} from './task-table.js';
import { splitJoinedNames } from './unit-names.js';
import { reassembleTableCells } from './table-layout.js';
import { rejoinInterleavedCells } from './interleaved-cells.js';
import { readSerialTable } from './serial-table.js';
import { findPlans } from './plans.js';
import { documentMatchText, lastDocumentHas, toMatchText } from './char-normalize.js';
import { isNoiseLine } from './noise.js';
import { readHeader, type Line } from './header.js';
import { buildStructure, findBodyStart, type ItemNode } from './structure.js';
import { mergeWrappedLines, typicalWrapWidth } from './logical-lines.js';
import { readTableRows } from './table-rows.js';
import { clearAnnotationMemo, findAnnotations, unitsOfCell, type Annotation } from './annotations.js';
import { findProseAnnotations } from './prose-units.js';
import { findSpamInAll, possibleSpamWords } from './spam.js';
import { hasReportShape } from './report-shape.js';
import type { TableRow } from './table-rows.js';
import { findDeadlines, readTimeCell, type FoundDeadline } from './deadlines.js';
import { suspiciousUnit } from './unit-names.js';
import type { Deadline, ParsedItem, ParsedPlan, ParseOptions } from './types.js';

const MAX_CHARS = 2_000_000;

/**
 * Physical lines, trimmed, blank ones dropped. The match copy is made once for the whole text and
 * every line is a pair of slices at the same offsets (the copy has the original's length).
 */
function splitLines(text: string): { lines: Line[]; has: ((code: number) => boolean) | null } {
  const whole = documentMatchText(text);
  const has = lastDocumentHas();
  // No breadcrumb without `>` or `»` (the copy maps 〉 to `>`).
  const breadcrumbs = !has || has(0x3e) || has(0xbb);
  const lines: Line[] = [];
  const n = text.length;
  // Line breaks: \n \r \f U+2028 U+2029 (`\r\n` gives an empty line in between, dropped anyway).
  // Most texts break lines with \n only: then indexOf finds them without visiting every character.
  const onlyNewlines =
    !text.includes('\r') && !text.includes('\f') && !text.includes('\u2028') && !text.includes('\u2029');
  let start = 0;
  while (start <= n) {
    let end: number;
    if (onlyNewlines) {
      end = text.indexOf('\n', start);
      if (end < 0) end = n;
    } else {
      end = start;
      for (; end < n; end++) {
        const c = text.charCodeAt(end);
        if (c === 0x0a || c === 0x0d || c === 0x0c || c === 0x2028 || c === 0x2029) break;
      }
    }
    const lineStart = start;
    start = end + 1;
    if (lineStart === end) continue;
    // `match` holds the line at `offset`: the whole text's copy, or for text with surrogates the
    // line's own copy (see documentMatchText).
    let match = whole;
    let offset = 0;
    if (match === null) {
      match = toMatchText(text.slice(lineStart, end));
      offset = lineStart;
    }
    let a = lineStart - offset;
    let b = end - offset;
    while (a < b && match.charCodeAt(a) === 0x20) a++;
    while (b > a && match.charCodeAt(b - 1) === 0x20) b--;
    if (a === b) continue;
    const span = new Span(text.slice(a + offset, b + offset), match.slice(a, b));
    // Spaces at the break: a table row wrapped at a cell boundary (see mergeWrappedLines).
    lines.push({
      span,
      noise: isNoiseLine(span.match, breadcrumbs),
      spaceBefore: a > lineStart - offset,
      spaceAfter: b < end - offset,
    });
  }
  markRunningHeaders(lines);
  return { lines, has };
}

/**
 * Running headers and footers of a PDF (the title or issuer on every page) come back as the same
 * short line again and again: from the third time on, a line that names no role or time limit
 * is page furniture. The first occurrence stays (it may be the title).
 */
function markRunningHeaders(lines: Line[]): void {
  const seen = new Map<string, number>();
  // Only a line that starts afresh counts: a repeated tail of a wrapped list (`…各设区市政府、` /
  // `平潭综合实验区管委会`) continues the line before it.
  const fresh = (k: number) => k === 0 || lines[k - 1].noise || /[。;!?)\]”」]$/u.test(lines[k - 1].span.match);
  lines.forEach((l, k) => {
    if (l.noise || l.span.length > 40 || l.span.length < 4 || !fresh(k)) return;
    seen.set(l.span.match, (seen.get(l.span.match) ?? 0) + 1);
  });
  // A header is a title or a name: no list, no sentence.
  const repeated = new Set(
    [...seen]
      .filter(([m, n]) => n >= 3 && !readLabel(m) && !/单位|部门|落实|牵头|负责|时限|完成|[、,;。:)\]]/u.test(m))
      .map(([m]) => m),
  );
  if (!repeated.size) return;
  const first = new Set<string>();
  lines.forEach((l, k) => {
    if (!repeated.has(l.span.match) || !fresh(k)) return;
    if (first.has(l.span.match)) l.noise = true;
    else first.add(l.span.match);
  });
}

/** Joins an item's logical lines (wrapped lines were merged before) as paragraphs. */
function joinParagraphs(lines: Span[]): Span {
  return lines.length ? joinSpans(lines, '\n') : new Span('', '');
}
const PARAGRAPH_BREAK = new Span('\n', '\n');

function titleOf(text: Span, annotations: Array<{ start: number }>): string {
  const m = text.match;
  const lineEnd = m.indexOf('\n');
  let end = lineEnd < 0 ? text.length : lineEnd;
  // The first sentence end (`。` `!` `?`) before the line end.
  const full = m.indexOf('。');
  if (full >= 0 && full < end) end = full;
  for (let i = 0; i < end; i++) {
    const c = m.charCodeAt(i);
    if (c === 0x21 || c === 0x3f) {
      end = i;
      break;
    }
  }
  for (const a of annotations) if (a.start < end) end = a.start;
  const title = text.slice(0, end).trim('。.:;, ').orig;
  return title.includes('\n') ? title.replace(/\s*\n\s*/gu, '') : title;
}

/** A table's heading cell: its text up to the gap before the row's other cells. */
function firstCell(heading: Span): Span {
  const first = cellTokens(heading)[0];
  return first ? heading.slice(first[0], first[1]) : heading;
}

/** The units of one role over all annotations, each name once (first occurrence kept). */
function dedupe(annotations: Annotation[], role: 'lead' | 'responsible'): Span[] {
  const out: Span[] = [];
  // Items name a few units: a linear search, then a set for long lists.
  let seen: Set<string> | null = null;
  for (const a of annotations) {
    for (const u of a[role]) {
      if (seen) {
        if (seen.has(u.match)) continue;
        seen.add(u.match);
      } else {
        if (out.some((x) => x.match === u.match)) continue;
        if (out.length === 16) seen = new Set(out.map((x) => x.match)).add(u.match);
      }
      out.push(u);
    }
  }
  return out;
}

interface ItemContent {
  body: Span;
  annotations: Annotation[];
  deadlines: FoundDeadline[];
  /** The task cell of a table row: the item's title. */
  title?: Span;
  /** Clauses naming units for the items after this one (implied-units.ts). */
  implied?: ImpliedClause[];
}

/** An item written as paragraphs: bracketed or labelled annotations, else units in prose. */
function readParagraphs(lines: Span[], year: number | null): ItemContent {
  const body = joinParagraphs(lines);
  const implied = findImpliedClauses(body);
  const own = blankClauses(body, implied);
  let annotations = findAnnotations(own);
  if (!annotations.length) annotations = findProseAnnotations(own);
  return { body, annotations, deadlines: findDeadlines(body.orig, body.match, year), implied };
}

/** Units of a table cell in its column's role, names written together split apart. */
function cellAnnotation(
  cell: Span,
  role: 'lead' | 'responsible',
  at: number,
  unitNames: readonly string[],
): Annotation {
  const units = unitsOfCell(cell, role);
  const split = (list: Span[]) => list.flatMap((u) => splitJoinedNames(u, unitNames));
  return {
    start: at,
    end: at,
    lead: split(units.lead),
    responsible: split(units.responsible),
    openEnded: units.openEnded,
  };
}

/** A row of a space- or tab-separated task table, read by the header's columns (task-table.ts). */
function readZoneItem(
  lines: Span[],
  header: TableHeader,
  year: number | null,
  unitNames: readonly string[],
): ItemContent {
  const row = readZoneRow(joinSpans(lines, ' '), header);
  const body = row.text;
  const deadlines = findDeadlines(body.orig, body.match, year);
  for (const cell of row.times)
    for (const d of readTimeCell(cell.orig, cell.match, year))
      if (!deadlines.some((x) => x.text === d.text)) deadlines.push(d);
  const annotations = row.units.map((u) => cellAnnotation(u.cell, u.role, body.length, unitNames));
  return { body, annotations, deadlines, title: firstSentence(row.task) };
}

/** A cell's first sentence: a measure's cell may go on with more (`…正面回应。有关区县政府…`). */
function firstSentence(cell: Span): Span {
  const end = cell.match.search(/[。!?]/u);
  return end > 0 && end < cell.length - 1 ? cell.slice(0, end) : cell;
}

/** A row of a flattened task table: the task cell is the text, unit and time cells say the rest. */
function readRow(row: TableRow, year: number | null): ItemContent {
  const task = row.cells.filter((c) => c.role === 'task' || c.role === 'other').map((c) => c.span);
  const body = task.length ? task.reduce((a, b) => a.concat(PARAGRAPH_BREAK).concat(b)) : new Span('', '');
  const annotations: Annotation[] = [];
  const deadlines = findDeadlines(body.orig, body.match, year);
  for (const cell of row.cells) {
    if (cell.role === 'lead' || cell.role === 'responsible') {
      const units = unitsOfCell(cell.span, cell.role);
      annotations.push({ start: body.length, end: body.length, ...units });
    } else if (cell.role === 'deadline') {
      for (const d of readTimeCell(cell.span.orig, cell.span.match, year))
        if (!deadlines.some((x) => x.text === d.text)) deadlines.push(d);
    }
  }
  return { body, annotations, deadlines };
}

const toDeadline = (d: Deadline): Deadline => ({ text: d.text, date: d.date });

interface WorkingItem {
  node: ItemNode;
  parsed: ParsedItem;
}

/** Parses the text of a 工作要点 / 工作方案 into the contract's structure. Pure: no I/O. */
export function parsePlan(input: string, options: ParseOptions = {}): ParsedPlan {
  clearAnnotationMemo();
  try {
    return parse(input, options);
  } finally {
    clearAnnotationMemo();
  }
}

function parse(input: string, options: ParseOptions): ParsedPlan {
  const cut = input.length > MAX_CHARS ? input.slice(0, MAX_CHARS) : input;
  const text = cut.charCodeAt(0) === 0xfeff ? cut.slice(1) : cut;
  const warnings: string[] = [];
  if (input.length > MAX_CHARS) warnings.push(`文件过长,只读取了前 ${MAX_CHARS} 个字符`);
  const { lines: rawLines, has } = splitLines(text);
  const spamWords = has ? possibleSpamWords(has) : null;
  const separators = !has || has(0x7c) || has(0xff5c) || has(0x09); // | ｜ tab
  for (const [index, row] of readTableRows(rawLines, separators)) rawLines[index].table = row;
  const doc = findPlans(segmentLines(rawLines));
  const first = doc.plans[0];
  // The notice around the plans: header fields and its own time limits, never sections or items.
  const wrapper = doc.lines.slice(0, first.titleIndex >= 0 ? first.titleIndex : first.start);
  const noticeBody =
    doc.noticeIndex >= 0 && first.titleIndex >= 0
      ? doc.lines.slice(doc.noticeIndex + 1, first.titleIndex).filter((l) => !l.noise)
      : [];
  const plans = doc.plans.map((range) =>
    parseRange(doc.lines.slice(range.start, range.end), {
      wrapper,
      noticeBody,
      title: range.titleIndex >= 0 ? doc.lines[range.titleIndex].span : null,
      options,
      spamWords,
      warnings: [...warnings],
    }),
  );
  if (plans.length === 1) return plans[0];
  const names = plans.map((p) => `《${p.title ?? '未命名'}》(${p.items.length} 项)`).join('、');
  const main = plans[0];
  main.warnings.unshift(`这份通知印发了 ${plans.length} 个计划:${names};默认导入第一个,可在导入时选择`);
  return { ...main, plans: plans.map((p) => ({ ...p })) };
}

interface RangeContext {
  wrapper: Line[];
  noticeBody: Line[];
  title: Span | null;
  options: ParseOptions;
  spamWords: string[] | null;
  warnings: string[];
}

/** One plan: its lines after its title (or the whole document when there is no notice). */
function parseRange(planLines: Line[], ctx: RangeContext): ParsedPlan {
  const { options, spamWords, warnings } = ctx;
  const marked = markTaskTable(planLines);
  const table = marked.header;
  const unitNames = (options.unitNames ?? []).map((n) => toMatchText(n).replace(/\s+/gu, ''));
  const physical = table
    ? rejoinInterleavedCells(
        reassembleTableCells(readSerialTable(marked.lines, table), table, unitNames),
        table,
        unitNames,
      )
    : marked.lines;
  const bodyStart = findBodyStart(physical);
  const rowEnds = table ? rowsEndWithUnits(physical, table) : NO_ROW_ENDS;
  // Cut again after merging: a label a line break had split (`三` / `、围绕…`) is whole now.
  const lines = segmentLines(mergeWrappedLines(physical, bodyStart, typicalWrapWidth(physical), rowEnds), true);
  const structure = buildStructure(lines, bodyStart, rowEnds);
  const head = [
    ...ctx.wrapper,
    ...(ctx.title ? [{ span: ctx.title, noise: false }] : []),
    ...lines.slice(0, structure.bodyStart),
  ];
  const header = readHeader(
    head,
    structure.closing.map((span) => ({ span, noise: false })),
    options.year,
    ctx.title,
  );
  warnings.push(...header.warnings, ...structure.warnings);
  const year = header.year;

  const plan: ParsedPlan = {
    title: header.title,
    year,
    issuer: header.issuer,
    docNumber: header.docNumber,
    sections: structure.sections.map((s) => ({
      label: s.label,
      title: titleOf(s.inTable ? firstCell(s.heading) : s.heading, []),
    })),
    items: [],
    planMilestones: [],
    warnings,
  };

  const notAPlan = () => {
    warnings.push('这份文件是报告(如政务公开年度报告),不是工作要点或工作方案,没有提取工作事项');
    return plan;
  };
  if (header.notAPlan) return notAPlan();
  const preambleSpam = findSpamInAll(
    structure.preamble.map((span) => span.match),
    spamWords,
  );
  for (const [k, span] of structure.preamble.entries()) {
    for (const [a, b] of preambleSpam[k])
      warnings.push(`正文中有疑似垃圾信息:「${span.orig.slice(a, b)}」(已按原文保留)`);
  }

  const contents = structure.items.map((node) =>
    node.row
      ? readRow(node.row, year)
      : node.inTable && table
        ? readZoneItem(node.lines, table, year, unitNames)
        : readParagraphs(node.lines, year),
  );
  const spam = findSpamInAll(
    contents.map((c) => c.body.match),
    spamWords,
  );
  // The same unit names come back item after item: each is checked once.
  const suspiciousNames = new Map<string, boolean>();
  const working: WorkingItem[] = structure.items.map((node, i) => {
    const { body, annotations, deadlines } = contents[i];
    const lead = dedupe(annotations, 'lead');
    const responsible = dedupe(annotations, 'responsible');
    let openEnded = false;
    for (const a of annotations) if (a.openEnded) openEnded = true;
    for (const units of [lead, responsible]) {
      for (const u of units) {
        let suspicious = suspiciousNames.get(u.match);
        if (suspicious === undefined) suspiciousNames.set(u.match, (suspicious = suspiciousUnit(u.match)));
        if (suspicious)
          warnings.push(`第 ${i + 1} 项「${node.label}」的单位名称看起来不是单位:「${u.orig}」(已按原文保留)`);
      }
    }
    for (const [a, b] of spam[i]) {
      if (!annotations.some((x) => a >= x.start && a < x.end))
        warnings.push(`第 ${i + 1} 项「${node.label}」正文中有疑似垃圾信息:「${body.orig.slice(a, b)}」(已按原文保留)`);
    }
    const parsed: ParsedItem = {
      seq: i + 1,
      section: node.section?.label ?? null,
      label: node.label,
      ...(node.parent ? { parentLabel: node.parent.label } : {}),
      title: (contents[i].title ?? node.title)?.trim('。.;, ').orig ?? titleOf(body, annotations),
      text: node.row ? node.lines[0].orig : body.orig,
      leadUnits: lead.map((u) => u.orig),
      responsibleUnits: responsible.map((u) => u.orig),
      unitsOpenEnded: openEnded,
      deadlines: deadlines.map(toDeadline),
      impliedUnits: [],
    };
    return { node, parsed };
  });
  shareUnitsWithSubItems(working);
  inheritRowSpans(working);
  const framing = framingItems(working);
  const kept = working.filter((w) => !framing.has(w));
  applyImpliedUnits(
    kept,
    contents.filter((_, i) => !framing.has(working[i])).map((c) => c.implied ?? []),
    structure.preamble.flatMap((span) => findImpliedClauses(span)),
  );
  plan.items = kept.map((w, i) => ({ ...w.parsed, seq: i + 1 }));
  // A 工作目标 list's dates are the plan's milestones, not items' time limits.
  for (const w of working) if (framing.has(w)) plan.planMilestones.push(...w.parsed.deadlines);
  if (hasReportShape(plan.sections, plan.items)) {
    plan.items = [];
    return notAPlan();
  }

  const milestoneText = [
    ...ctx.noticeBody.map((l) => l.span),
    ...(ctx.title ? structure.preamble : structure.preamble.slice(header.titleLine + 1)),
    ...structure.sections.flatMap((s) => s.body),
    ...structure.closing,
  ];
  for (const span of milestoneText)
    plan.planMilestones.push(...findDeadlines(span.orig, span.match, year).map(toDeadline));

  if (!plan.items.length) warnings.push('没有找到编号的工作事项(如「(一)」「1.」),这份文件可能不是工作要点或工作方案');
  if (year === null) warnings.push('文件没有写明年份,时限无法换算成日期;可用 --year 指定');
  return plan;
}

const hasUnits = (p: ParsedItem) => p.leadUnits.length + p.responsibleUnits.length > 0;

/**
 * Sub-items without their own annotation take their parent's units. When only the last sub-item
 * carries an annotation, it was written for the whole parent item (the usual closing position).
 */
function shareUnitsWithSubItems(items: WorkingItem[]): void {
  const byNode = new Map(items.map((w) => [w.node, w]));
  const children = new Map<ItemNode, WorkingItem[]>();
  for (const w of items) {
    if (!w.node.parent) continue;
    const list = children.get(w.node.parent) ?? [];
    list.push(w);
    children.set(w.node.parent, list);
  }
  const taskOfLine = new Map<number | undefined, ItemNode | null>();
  for (const w of items) {
    const task = w.node.parent ?? w.node;
    const seen = taskOfLine.get(w.node.printedLine);
    taskOfLine.set(w.node.printedLine, seen === undefined || seen === task ? task : null);
  }
  const oneTaskLines = new Set([...taskOfLine].filter(([, task]) => task !== null).map(([line]) => line));
  for (const [parentNode, kids] of children) {
    const parent = byNode.get(parentNode)!.parsed;
    const annotated = kids.filter((k) => hasUnits(k.parsed));
    if (parentNode.inTable) {
      // In a task table whose row holds several measures (sub-items printed on one line), the unit
      // cells close the row after its last measure and belong to all of them; the task cell only
      // groups the rows (the units of its own unnumbered rows are no measure's).
      // (A line holding items of several tasks is no row: a copy flattened to one line.)
      let source: WorkingItem | null = null;
      for (let k = kids.length - 1; k >= 0; k--) {
        const kid = kids[k];
        if (hasUnits(kid.parsed)) source = kid;
        else if (source && kid.node.printedLine === source.node.printedLine && oneTaskLines.has(kid.node.printedLine))
          copyUnits(source.parsed, kid.parsed);
      }
    } else if (
      !hasUnits(parent) &&
      kids.length > 1 &&
      annotated.length === 1 &&
      annotated[0] === kids[kids.length - 1]
    ) {
      copyUnits(annotated[0].parsed, parent);
    }
  }
  // Parents come before their sub-items, so one pass in document order reaches every depth.
  for (const w of items) {
    const parent = w.node.parent ? byNode.get(w.node.parent)?.parsed : undefined;
    if (parent && !hasUnits(w.parsed) && hasUnits(parent)) copyUnits(parent, w.parsed);
  }
}

function copyUnits(from: ParsedItem, to: ParsedItem): void {
  to.leadUnits = from.leadUnits.slice();
  to.responsibleUnits = from.responsibleUnits.slice();
  to.unitsOpenEnded = from.unitsOpenEnded;
}

/**
 * A table row without unit cells shares them with the row above: the cells were merged across
 * the rows (a row span), and the copy kept the text once. Only rows of the same group inherit.
 */
function inheritRowSpans(items: WorkingItem[]): void {
  const parents = new Set(items.map((w) => w.node.parent).filter((p) => p !== null));
  let previous: WorkingItem | null = null;
  for (const w of items) {
    if (!w.node.inTable || parents.has(w.node)) {
      previous = null;
      continue;
    }
    const sameGroup = previous && previous.node.parent === w.node.parent && previous.node.section === w.node.section;
    if (sameGroup && !hasUnits(w.parsed) && hasUnits(previous!.parsed)) {
      w.parsed.leadUnits = previous!.parsed.leadUnits.slice();
      w.parsed.responsibleUnits = previous!.parsed.responsibleUnits.slice();
      w.parsed.unitsOpenEnded = previous!.parsed.unitsOpenEnded;
    }
    previous = w;
  }
}

/**
 * Units written once for many items go to every item the clause governs (items after the one
 * stating it; all items for a preamble clause), in the role it names, each also listed in
 * impliedUnits with the clause so the office sees where it came from.
 */
function applyImpliedUnits(items: WorkingItem[], perItem: ImpliedClause[][], preamble: ImpliedClause[]): void {
  const active: ImpliedClause[] = [...preamble];
  items.forEach((w, i) => {
    const item = w.parsed;
    const has = (name: string) => [...item.leadUnits, ...item.responsibleUnits].some((u) => toMatchText(u) === name);
    for (const clause of active) {
      for (const unit of clause.units) {
        if (has(unit.match)) continue;
        (clause.role === 'lead' ? item.leadUnits : item.responsibleUnits).push(unit.orig);
        item.impliedUnits!.push({ name: unit.orig, role: clause.role, source: clause.source });
      }
    }
    for (const clause of perItem[i]) {
      // 均为责任单位 names the stating item too; a list marked 下同 is already its annotation.
      if (!clause.stated)
        for (const unit of clause.units)
          if (!has(unit.match)) (clause.role === 'lead' ? item.leadUnits : item.responsibleUnits).push(unit.orig);
      active.push(clause);
    }
  });
}

// Sections that frame the plan (guiding ideas, principles, targets): numbered points under them
// are no work items unless they assign units.
const FRAMING_SECTION = /^(?:指导思想|总体要求|总体目标|基本原则|工作原则|工作目标|主要目标|目标任务)/u;

function framingItems(items: WorkingItem[]): Set<WorkingItem> {
  const out = new Set<WorkingItem>();
  for (const w of items) {
    const heading = w.node.section?.heading.match ?? '';
    if (!FRAMING_SECTION.test(heading) || hasUnits(w.parsed)) continue;
    // A parent whose sub-items assign units stays.
    if (items.some((c) => c.node.parent === w.node && hasUnits(c.parsed))) continue;
    out.add(w);
  }
  return out;
}
