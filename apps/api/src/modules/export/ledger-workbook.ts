import type * as ExcelJS from 'exceljs';
import { newWorkbook } from '../../common/heavy-libraries.js';
import { TASK_ROLE_LABELS, TASK_STATUS_LABELS, WARNING_LIGHT_LABELS } from '@duban/domain';
import { labelOf, LIGHT_FILL } from './labels.js';
import { finishPrintable, printableSheet, type PrintColumn } from './print-layout.js';

export interface LedgerRow {
  sectionKey: string;
  sectionName: string;
  keyPointLabel: string;
  keyPoint: string;
  unitName: string;
  role: string;
  dueDate: string;
  originalDueDate: string;
  status: string;
  progress: number;
  light: string;
  latestProgress: string | null;
  lastReportDay: string | null;
  evidence: string[];
  returnReasons: string[];
  urgeCount: number;
}

export const LEDGER_COLUMNS: readonly PrintColumn[] = [
  { header: '序号', width: 5 },
  { header: '编号', width: 6 },
  { header: '工作要点', width: 34, wrap: true },
  // Lead and responsible units both: 承办单位 is the word that covers them.
  { header: '承办单位', width: 14, wrap: true },
  { header: '角色', width: 5 },
  { header: '完成时限', width: 12, wrap: true },
  { header: '状态', width: 9, wrap: true },
  { header: '进度', width: 6 },
  { header: '灯色', width: 9 },
  { header: '最新进展', width: 34, wrap: true },
  { header: '佐证材料', width: 26, wrap: true },
  { header: '退回原因', width: 20, wrap: true },
  { header: '最近报送', width: 11 },
  { header: '催办次数', width: 6, wrap: true },
];

const LIGHT_COLUMN = LEDGER_COLUMNS.findIndex((c) => c.header === '灯色') + 1;

/** Excel's limits on sheet names: 31 characters, none of []:*?/\ and unique in the book. */
export function sheetName(name: string, taken: Set<string>): string {
  const clean =
    name
      .replace(/[[\]:*?/\\]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim() || '台账';
  let candidate = clean.slice(0, 31);
  for (let n = 2; taken.has(candidate); n++) candidate = `${clean.slice(0, 31 - String(n).length - 1)}-${n}`;
  taken.add(candidate);
  return candidate;
}

/**
 * The 台账 as a workbook: one printable sheet per plan section (title row with the plan, the section and
 * the date), rows in the order given (document order), the light cell filled by its colour.
 */
export function ledgerWorkbook(rows: LedgerRow[], title: string): ExcelJS.Workbook {
  const book = newWorkbook();
  book.creator = 'Duban';
  const sections = new Map<string, { name: string; rows: LedgerRow[] }>();
  for (const row of rows) {
    const s = sections.get(row.sectionKey) ?? { name: row.sectionName, rows: [] };
    s.rows.push(row);
    sections.set(row.sectionKey, s);
  }
  if (sections.size === 0) sections.set('', { name: '台账', rows: [] });
  const taken = new Set<string>();
  for (const section of sections.values()) {
    const sheet = printableSheet(
      book,
      sheetName(section.name, taken),
      sections.size > 1 ? `${title} · ${section.name}` : title,
      LEDGER_COLUMNS,
    );
    section.rows.forEach((r, i) => {
      const line = sheet.addRow([
        i + 1,
        r.keyPointLabel,
        r.keyPoint,
        r.unitName,
        labelOf(TASK_ROLE_LABELS, r.role),
        r.originalDueDate !== r.dueDate ? `${r.dueDate}\n（原定 ${r.originalDueDate}）` : r.dueDate,
        labelOf(TASK_STATUS_LABELS, r.status),
        `${r.progress}%`,
        labelOf(WARNING_LIGHT_LABELS, r.light),
        r.latestProgress ?? '',
        r.evidence.join('\n'),
        r.returnReasons.join('\n'),
        r.lastReportDay ?? '',
        r.urgeCount,
      ]);
      // One link can be a real hyperlink; several stay as lines of text (a cell holds one link).
      if (r.evidence.length === 1 && /^https?:\/\//.test(r.evidence[0]!)) {
        line.getCell(11).value = { text: r.evidence[0]!, hyperlink: r.evidence[0]! };
        line.getCell(11).font = { color: { argb: 'FF0563C1' }, underline: true };
      }
      const fill = LIGHT_FILL[r.light];
      if (fill) line.getCell(LIGHT_COLUMN).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
    });
    finishPrintable(sheet, LEDGER_COLUMNS.length);
  }
  return book;
}
