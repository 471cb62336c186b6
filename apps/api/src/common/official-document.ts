import type { Paragraph, Table } from 'docx';
import { docx } from './heavy-libraries.js';

/**
 * Small building blocks for documents in the register of a government notice (GB/T 9704 habits:
 * 方正小标宋 title, 仿宋 body at 三号, first-line indent of two characters, the standard's page
 * margins). Every Word document the API writes composes paragraphs with these and calls `packDocument`.
 */
const BODY_FONT = '仿宋_GB2312';
const TITLE_FONT = '方正小标宋简体';
const HEADING_FONT = '黑体';
const BODY_SIZE = 32; // half-points: 三号 16pt
const TITLE_SIZE = 44; // 二号 22pt

const DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1–99 as Chinese numerals: 十一, 二十三. */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

/** '2026-11-23' → 二〇二六年十一月二十三日 (the date line of an official document). */
export function chineseDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${[...y].map((c) => DIGITS[Number(c)]).join('')}年${chineseNumber(Number(m))}月${chineseNumber(Number(d))}日`;
}

/** '2026-11-23' → 2026年11月23日 (dates inside running text). */
export function textDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

export function title(text: string): Paragraph {
  const { AlignmentType, Paragraph, TextRun } = docx();
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 300 },
    children: [new TextRun({ text, font: TITLE_FONT, size: TITLE_SIZE })],
  });
}

/** A centred line under the title, e.g. the 文号. */
export function centred(text: string): Paragraph {
  const { AlignmentType, Paragraph, TextRun } = docx();
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 200 },
    children: [new TextRun({ text, font: BODY_FONT, size: BODY_SIZE })],
  });
}

/** A level-one heading (一、…) in 黑体. */
export function heading(text: string): Paragraph {
  const { Paragraph, TextRun } = docx();
  return new Paragraph({
    indent: { firstLine: 640 },
    children: [new TextRun({ text, font: HEADING_FONT, size: BODY_SIZE })],
  });
}

/** A body paragraph; a lead phrase (e.g. "（一）…。") is set bold like the annual reports do. */
export function body(text: string, lead?: string): Paragraph {
  const { Paragraph, TextRun } = docx();
  const runs = lead ? [new TextRun({ text: lead, font: BODY_FONT, size: BODY_SIZE, bold: true })] : [];
  runs.push(new TextRun({ text, font: BODY_FONT, size: BODY_SIZE }));
  return new Paragraph({ indent: { firstLine: 640 }, spacing: { line: 560 }, children: runs });
}

/** The salutation line, flush left. */
export function flushLeft(text: string): Paragraph {
  const { Paragraph, TextRun } = docx();
  return new Paragraph({ children: [new TextRun({ text, font: BODY_FONT, size: BODY_SIZE })] });
}

/** Issuer and date lines, right-aligned at the end. */
export function signature(lines: string[]): Paragraph[] {
  const { AlignmentType, Paragraph, TextRun } = docx();
  return lines.map(
    (line, i) =>
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        spacing: { before: i === 0 ? 400 : 0 },
        children: [new TextRun({ text: line, font: BODY_FONT, size: BODY_SIZE })],
      }),
  );
}

/** A plain bordered table with a bold header row. */
export function simpleTable(headers: string[], rows: string[][]): Table {
  const { BorderStyle, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } = docx();
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const cell = (text: string, bold = false) =>
    new TableCell({
      borders: { top: border, bottom: border, left: border, right: border },
      children: [new Paragraph({ children: [new TextRun({ text, font: BODY_FONT, size: 24, bold })] })],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) })),
    ],
  });
}

// GB/T 9704 type area on A4, in twips: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm.
const PAGE_MARGIN = { top: 2098, bottom: 1984, left: 1588, right: 1474 };

/** The document's bytes; `documentTitle` goes into its properties (what a file manager shows). */
export async function packDocument(children: (Paragraph | Table)[], documentTitle?: string): Promise<Buffer> {
  const { Document, Packer } = docx();
  const doc = new Document({
    creator: 'Duban',
    title: documentTitle,
    sections: [{ properties: { page: { margin: PAGE_MARGIN } }, children }],
  });
  return Packer.toBuffer(doc);
}
