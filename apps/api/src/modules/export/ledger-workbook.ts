import ExcelJS from 'exceljs';
import { LIGHT_FILL, LIGHT_LABEL, ROLE_LABEL, STATUS_LABEL } from './labels.js';

export interface LedgerRow {
  sectionKey: string;
  sectionName: string;
  keyPoint: string;
  unitName: string;
  role: string;
  dueDate: string;
  originalDueDate: string;
  status: string;
  progress: number;
  light: string;
  lastReportDay: string | null;
  urgeCount: number;
}

export const LEDGER_COLUMNS = [
  { header: '序号', width: 6 },
  { header: '工作要点', width: 48 },
  { header: '责任单位', width: 20 },
  { header: '角色', width: 6 },
  { header: '完成时限', width: 12 },
  { header: '原定时限', width: 12 },
  { header: '状态', width: 14 },
  { header: '进度', width: 8 },
  { header: '灯色', width: 10 },
  { header: '最近报送', width: 12 },
  { header: '催办次数', width: 9 },
] as const;

/** Excel's limits on sheet names: 31 characters, none of []:*?/\ and unique in the book. */
export function sheetName(name: string, taken: Set<string>): string {
  const clean = name.replace(/[[\]:*?/\\]/g, ' ').replace(/\s+/g, ' ').trim() || '台账';
  let candidate = clean.slice(0, 31);
  for (let n = 2; taken.has(candidate); n++) candidate = `${clean.slice(0, 31 - String(n).length - 1)}-${n}`;
  taken.add(candidate);
  return candidate;
}

/** The 台账 as a workbook: one sheet per plan section, rows in the order given. */
export function ledgerWorkbook(rows: LedgerRow[]): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
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
    const sheet = book.addWorksheet(sheetName(section.name, taken), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = LEDGER_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
    sheet.getRow(1).font = { bold: true };
    section.rows.forEach((r, i) => {
      const line = sheet.addRow([
        i + 1, r.keyPoint, r.unitName, ROLE_LABEL[r.role] ?? r.role, r.dueDate, r.originalDueDate,
        STATUS_LABEL[r.status] ?? r.status, `${r.progress}%`, LIGHT_LABEL[r.light] ?? r.light, r.lastReportDay ?? '', r.urgeCount,
      ]);
      line.getCell(2).alignment = { wrapText: true, vertical: 'top' };
      const fill = LIGHT_FILL[r.light];
      if (fill) line.getCell(9).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
    });
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: LEDGER_COLUMNS.length } };
  }
  return book;
}
