import { Span } from './span.js';
import { toMatchText } from './char-normalize.js';
import { isNoiseLine } from './noise.js';
import { readHeader, type Line } from './header.js';
import { buildStructure, type ItemNode } from './structure.js';
import { findAnnotations } from './annotations.js';
import { findDeadlines } from './deadlines.js';
import { suspiciousUnit } from './unit-names.js';
import type { Deadline, ParsedItem, ParsedPlan, ParseOptions } from './types.js';

const MAX_CHARS = 2_000_000;
const TERMINAL = /[。;!?:)\]”"」』]$/u;

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  for (const raw of text.split(/\r\n|\r|\n|\u2028|\u2029|\f/u)) {
    const span = new Span(raw, toMatchText(raw)).trim();
    if (!span.length) continue;
    lines.push({ span, noise: isNoiseLine(span.match) });
  }
  return lines;
}

function unclosed(match: string): boolean {
  let depth = 0;
  for (const c of match) {
    if (c === '(' || c === '[') depth++;
    else if ((c === ')' || c === ']') && depth > 0) depth--;
  }
  return depth > 0;
}

/**
 * Joins an item's lines: a line broken inside a sentence (no closing punctuation, or an unclosed
 * bracket, or the next line starting with punctuation) continues without a break; real paragraph
 * ends keep a newline. Short heading lines (`(一)加强组织领导`) stay on their own line.
 */
function joinLines(lines: Span[], wrapWidth: number): Span {
  let joined = lines[0] ?? new Span('', '');
  for (let i = 1; i < lines.length; i++) {
    const prev = joined.match.slice(joined.match.lastIndexOf('\n') + 1);
    const lastLine = lines[i - 1].match;
    const next = lines[i].match;
    const continues =
      /^[、,;。.:)\]]/u.test(next) ||
      unclosed(prev) ||
      (!TERMINAL.test(lastLine) && lastLine.length >= wrapWidth);
    joined = joined.concat(continues ? lines[i] : new Span('\n', '\n').concat(lines[i]));
  }
  return joined;
}

function typicalWrapWidth(lines: Line[]): number {
  const lengths = lines.map((l) => l.span.length).sort((a, b) => a - b);
  const p90 = lengths[Math.floor(lengths.length * 0.9)] ?? 0;
  return Math.max(12, Math.min(30, Math.floor(p90 * 0.6)));
}

function titleOf(text: Span, annotationStarts: number[]): string {
  const lineEnd = text.match.indexOf('\n');
  let end = lineEnd < 0 ? text.length : lineEnd;
  const sentence = /[。!?]/u.exec(text.match.slice(0, end));
  if (sentence) end = sentence.index;
  for (const a of annotationStarts) if (a < end) end = a;
  return text.slice(0, end).trim('。.:;, ').orig.replace(/\s*\n\s*/gu, '');
}

const dedupe = (units: Span[]) => {
  const seen = new Set<string>();
  const out: Span[] = [];
  for (const u of units) {
    if (seen.has(u.match)) continue;
    seen.add(u.match);
    out.push(u);
  }
  return out;
};

const toDeadline = (d: Deadline): Deadline => ({ text: d.text, date: d.date });

interface WorkingItem {
  node: ItemNode;
  parsed: ParsedItem;
}

/** Parses the text of a 工作要点 / 工作方案 into the contract's structure. Pure: no I/O. */
export function parsePlan(input: string, options: ParseOptions = {}): ParsedPlan {
  const text = (input.length > MAX_CHARS ? input.slice(0, MAX_CHARS) : input).replace(/^\ufeff/u, '');
  const warnings: string[] = [];
  if (input.length > MAX_CHARS) warnings.push(`文件过长,只读取了前 ${MAX_CHARS} 个字符`);
  const lines = splitLines(text);
  const structure = buildStructure(lines);
  const header = readHeader(lines.slice(0, structure.bodyStart), structure.closing.map((span) => ({ span, noise: false })), options.year);
  warnings.push(...header.warnings, ...structure.warnings);
  const year = header.year;
  const wrapWidth = typicalWrapWidth(lines);

  const plan: ParsedPlan = {
    title: header.title,
    year,
    issuer: header.issuer,
    docNumber: header.docNumber,
    sections: structure.sections.map((s) => ({ label: s.label, title: titleOf(s.heading, []) })),
    items: [],
    planMilestones: [],
    warnings,
  };

  if (header.notAPlan) {
    warnings.push('这份文件是报告(如政务公开年度报告),不是工作要点或工作方案,没有提取工作事项');
    return plan;
  }

  const working: WorkingItem[] = structure.items.map((node, i) => {
    const body = joinLines(node.lines, wrapWidth);
    const annotations = findAnnotations(body);
    const lead = dedupe(annotations.flatMap((a) => a.lead));
    const responsible = dedupe(annotations.flatMap((a) => a.responsible));
    for (const u of [...lead, ...responsible]) {
      if (suspiciousUnit(u.match)) warnings.push(`第 ${i + 1} 项「${node.label}」的单位名称看起来不是单位:「${u.orig}」(已按原文保留)`);
    }
    const parsed: ParsedItem = {
      seq: i + 1,
      section: node.section?.label ?? null,
      label: node.label,
      ...(node.parent ? { parentLabel: node.parent.label } : {}),
      title: titleOf(body, annotations.map((a) => a.start)),
      text: body.orig,
      leadUnits: lead.map((u) => u.orig),
      responsibleUnits: responsible.map((u) => u.orig),
      unitsOpenEnded: annotations.some((a) => a.openEnded),
      deadlines: findDeadlines(body.orig, body.match, year).map(toDeadline),
    };
    return { node, parsed };
  });
  shareUnitsWithSubItems(working);
  plan.items = working.map((w) => w.parsed);

  const milestoneText = [
    ...structure.preamble.slice(header.titleLine + 1),
    ...structure.sections.flatMap((s) => s.body),
    ...structure.closing,
  ];
  for (const span of milestoneText) plan.planMilestones.push(...findDeadlines(span.orig, span.match, year).map(toDeadline));

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
  for (const [parentNode, kids] of children) {
    const parent = byNode.get(parentNode)!.parsed;
    const annotated = kids.filter((k) => hasUnits(k.parsed));
    if (!hasUnits(parent) && kids.length > 1 && annotated.length === 1 && annotated[0] === kids[kids.length - 1]) {
      const source = annotated[0].parsed;
      parent.leadUnits = source.leadUnits.slice();
      parent.responsibleUnits = source.responsibleUnits.slice();
      parent.unitsOpenEnded = source.unitsOpenEnded;
    }
  }
  // Parents come before their sub-items, so one pass in document order reaches every depth.
  for (const w of items) {
    const parent = w.node.parent ? byNode.get(w.node.parent)?.parsed : undefined;
    if (parent && !hasUnits(w.parsed) && hasUnits(parent)) {
      w.parsed.leadUnits = parent.leadUnits.slice();
      w.parsed.responsibleUnits = parent.responsibleUnits.slice();
      w.parsed.unitsOpenEnded = parent.unitsOpenEnded;
    }
  }
}
