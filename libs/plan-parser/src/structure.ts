import { Span } from './span.js';
import { readLabel, type LabelStyle } from './labels.js';
import type { Line } from './header.js';

export interface SectionNode {
  label: string;
  heading: Span;
  /** Lines of the section's own text (before and between items). */
  body: Span[];
}

export interface ItemNode {
  section: SectionNode | null;
  label: string;
  style: LabelStyle;
  parent: ItemNode | null;
  /** First line with the label removed, then the following lines up to the next label. */
  lines: Span[];
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
}

interface Open {
  style: LabelStyle;
  n: number;
  item: ItemNode;
}

const CLOSING_START = /^(?:各地区|各部门|各单位|各级|各有关|各市|各县|各区|本要点|本方案|本计划|本通知|以上|请各|联系人|联系电话|附件|附:)/u;
const DATE_LINE = /^(?:19|20)\d{2} ?年 ?\d{1,2} ?月 ?\d{1,2} ?日[ ?\ufffd]*$/u;

/** Finds the first line that opens the body: section 一 or an item numbered 1. */
function findBodyStart(lines: Line[]): number {
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].noise) continue;
    const l = readLabel(lines[i].span.match);
    if (l && l.n === 1 && l.style !== 'circled' && lines[i].span.length > l.length) return i;
  }
  return lines.length;
}

/**
 * Sections and items from the body lines. Numbering is accepted only in sequence (next number of a
 * style already open, or a new style starting at 1 or continuing its document-wide count), so a
 * stray `3.` inside a paragraph or a quoted list does not open an item.
 */
export function buildStructure(lines: Line[]): DocumentStructure {
  const warnings: string[] = [];
  const bodyStart = findBodyStart(lines);
  const sections: SectionNode[] = [];
  const items: ItemNode[] = [];
  const lastByStyle = new Map<LabelStyle, number>();
  let stack: Open[] = [];
  let section: SectionNode | null = null;
  let current: { kind: 'section'; node: SectionNode } | { kind: 'item'; node: ItemNode } | null = null;
  let lastSection = 0;
  const usesSections = lines.slice(bodyStart).some((l) => {
    const label = readLabel(l.span.match);
    return label?.style === 'section' && label.n === 1;
  });

  for (let i = bodyStart; i < lines.length; i++) {
    const { span, noise } = lines[i];
    if (noise) continue;
    const label = readLabel(span.match);
    if (label && span.length > label.length) {
      if (label.style === 'section' && usesSections) {
        if (label.n === lastSection + 1 || (label.n === lastSection + 2 && lastSection > 0)) {
          if (label.n !== lastSection + 1) warnings.push(`章节编号不连续:「${label.label}、」`);
          lastSection = label.n;
          section = { label: label.label, heading: span.slice(label.length).trim(), body: [] };
          sections.push(section);
          stack = [];
          current = { kind: 'section', node: section };
          continue;
        }
      } else if (label.style !== 'section') {
        const depth = stack.findIndex((o) => o.style === label.style);
        let accept = false;
        if (depth >= 0) {
          const prev = stack[depth].n;
          accept = label.n === prev + 1 || label.n === prev + 2;
          if (accept && label.n === prev + 2) warnings.push(`编号不连续:「${label.label}」前缺少一项`);
          if (accept) stack = stack.slice(0, depth);
        } else {
          accept = label.n === 1 || label.n === (lastByStyle.get(label.style) ?? -1) + 1;
        }
        if (accept) {
          const parent = stack.length ? stack[stack.length - 1].item : null;
          const item: ItemNode = { section, label: label.label, style: label.style, parent, lines: [span.slice(label.length)] };
          items.push(item);
          stack.push({ style: label.style, n: label.n, item });
          lastByStyle.set(label.style, label.n);
          current = { kind: 'item', node: item };
          continue;
        }
      }
    }
    if (!current) continue;
    if (current.kind === 'section') current.node.body.push(span);
    else current.node.lines.push(span);
  }

  const closing = cutClosing(items);
  const preamble = lines.slice(0, bodyStart).filter((l) => !l.noise).map((l) => l.span);
  return { bodyStart, sections, items, closing, preamble, warnings };
}

/**
 * The closing paragraphs after the last item (`各地区、各部门要…`, signature, date) belong to the plan,
 * not to the item. They start after a paragraph that ends with a unit annotation, at a line that
 * looks like closing text, or — when no other item runs over several paragraphs — right away.
 */
function cutClosing(items: ItemNode[]): Span[] {
  const last = items[items.length - 1];
  if (!last || last.lines.length < 2) return [];
  const multiParagraph = items.slice(0, -1).some((it) => it.lines.length > 1);
  let cut = last.lines.length;
  for (let i = 1; i < last.lines.length; i++) {
    const prev = last.lines[i - 1].match;
    const line = last.lines[i].match;
    const prevEndsAnnotated = /[)\]][。.]?$/u.test(prev) && /(?:落实|负责|单位|部门|牵头|配合)[^()[\]]{0,40}[)\]][。.]?$/u.test(prev);
    const wrapped = !/[。;!?:)\]”"]$/u.test(prev);
    if (wrapped) continue;
    if (!multiParagraph || prevEndsAnnotated || CLOSING_START.test(line) || DATE_LINE.test(line)) {
      cut = i;
      break;
    }
  }
  const closing = last.lines.slice(cut);
  last.lines = last.lines.slice(0, cut);
  return closing;
}
