import type ExcelJS from 'exceljs';

export interface PrintColumn {
  header: string;
  /** Excel character widths; the sheet is scaled to one A4 page wide, so these are proportions. */
  width: number;
  /** Long text wraps in its column instead of running into the next. */
  wrap?: boolean;
}

const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FF808080' } };
const GRID: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
export const TITLE_ROW = 1;
export const HEADER_ROW = 2;

/**
 * A sheet laid out for printing as offices do for meetings: a title row naming what and when, the
 * header row repeated on every page, A4 landscape scaled to one page wide (as many pages down as the
 * rows need), page numbers in the footer. Rows go below; call `finishPrintable` once they are in.
 */
export function printableSheet(
  book: ExcelJS.Workbook,
  name: string,
  title: string,
  columns: readonly PrintColumn[],
): ExcelJS.Worksheet {
  const sheet = book.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: HEADER_ROW }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
  });
  sheet.columns = columns.map((c) => ({
    width: c.width,
    style: c.wrap ? { alignment: { wrapText: true, vertical: 'top' } } : { alignment: { vertical: 'top' } },
  }));
  sheet.mergeCells(TITLE_ROW, 1, TITLE_ROW, columns.length);
  const titleCell = sheet.getCell(TITLE_ROW, 1);
  titleCell.value = title;
  titleCell.font = { bold: true, size: 14 };
  titleCell.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(TITLE_ROW).height = 28;
  const header = sheet.getRow(HEADER_ROW);
  header.values = columns.map((c) => c.header);
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  header.eachCell((cell) => (cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } }));
  return sheet;
}

/** Borders on every cell of the table (header and rows) and a filter on the header. */
export function finishPrintable(sheet: ExcelJS.Worksheet, columnCount: number): void {
  for (let r = HEADER_ROW; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    for (let c = 1; c <= columnCount; c++) row.getCell(c).border = GRID;
  }
  sheet.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: HEADER_ROW, column: columnCount } };
}

/** A file name from a title: characters Windows refuses in names become spaces. */
export function fileName(title: string, extension: string): string {
  return `${title.replace(/[\\/:*?"<>|\r\n]+/g, ' ').trim()}.${extension}`;
}
