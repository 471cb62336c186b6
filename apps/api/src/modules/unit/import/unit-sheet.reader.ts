import { newWorkbook } from '../../../common/heavy-libraries.js';
import iconv from 'iconv-lite';
import { checkZip, DocumentReadError, type ZipLimits } from '@duban/plan-parser';
import { badInput } from '../../../common/app-error.js';
import { isolatedTask } from '../../../isolation/isolated-task.js';

// A 5000-row directory is a few hundred KB as xlsx or csv.
export const MAX_IMPORT_BYTES = 1024 * 1024;
/** An xlsx of that size inflates to a few MB; anything far beyond is a zip bomb, refused before ExcelJS reads it. */
export const XLSX_ZIP_LIMITS: ZipLimits = { entries: 200, entryBytes: 16 * 1024 * 1024, totalBytes: 32 * 1024 * 1024 };
export const MAX_IMPORT_ROWS = 5000;

/** The columns an import understands, by the Chinese header people write in the sheet. */
export const UNIT_COLUMNS = {
  id: ['ID', 'id', '单位ID', '编号ID'],
  name: ['单位名称', '名称'],
  kind: ['类型', '单位类型'],
  parent: ['上级单位', '上级'],
  aliases: ['别名', '简称'],
  sort: ['排序', '序号排序'],
  status: ['状态'],
} as const;
export type UnitColumn = keyof typeof UNIT_COLUMNS;

/** One data row: its 1-based row number in the sheet (what people see in Excel) and its cells. */
export interface SheetRow<C extends string = UnitColumn> {
  row: number;
  cells: Partial<Record<C, string>>;
}

/** How to find a sheet's header: the columns by the words people write, and the one that must be there. */
export interface SheetColumns<C extends string> {
  columns: Record<C, readonly string[]>;
  required: C;
  requiredLabel: string;
}

export const UNIT_SHEET: SheetColumns<UnitColumn> = {
  columns: UNIT_COLUMNS,
  required: 'name',
  requiredLabel: '单位名称',
};
/** Government sheets often carry a title (and a date or note line) above the header. */
const MAX_TITLE_ROWS = 10;

const normaliseHeader = (h: string) => h.replace(/[\s\u3000*＊:：]/gu, '');

/** Reads the unit directory sheet (see readSheet). */
export function readUnitSheet(filename: string, bytes: Buffer): Promise<SheetRow[]> {
  return readSheet(filename, bytes, UNIT_SHEET);
}

/**
 * Reads an .xlsx, .csv or Excel's "Unicode 文本" (.txt, UTF-16 tab-separated) into rows keyed by
 * column; the header is the first row (of the first few) that names the required column.
 */
export async function readSheet<C extends string>(
  filename: string,
  bytes: Buffer,
  spec: SheetColumns<C>,
): Promise<SheetRow<C>[]> {
  if (bytes.length > MAX_IMPORT_BYTES) throw badInput(`文件不能超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB`, 'file');
  if (bytes.length === 0) throw badInput('文件是空的', 'file');
  const ext = filename.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  let grid: string[][];
  if (ext === 'xlsx') grid = await readXlsx(bytes);
  else if (ext === 'csv' || ext === 'txt' || ext === 'tsv') grid = parseDelimited(decodeText(bytes));
  else if (ext === 'xls') throw badInput('不支持旧版 .xls 文件，请在 Excel 中“另存为” .xlsx 后再导入', 'filename');
  else throw badInput('只支持 .xlsx、.csv 或 Unicode 文本（.txt）文件', 'filename');
  return toRows(grid, spec);
}

async function readXlsx(bytes: Buffer): Promise<string[][]> {
  // Every xlsx is a zip; checking the magic first turns a renamed file into a clear message.
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw badInput('文件不是有效的 .xlsx 表格', 'file');
  try {
    // The documents' zip check (stated sizes, then the real ones), here before ExcelJS inflates anything.
    await checkZip(bytes, XLSX_ZIP_LIMITS, '.xlsx');
  } catch (error) {
    if (!(error instanceof DocumentReadError)) throw error;
    throw badInput('无法读取 .xlsx 文件：文件已损坏，或解压后过大（可能是“压缩炸弹”）', 'file');
  }
  const workbook = newWorkbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw badInput('无法读取 .xlsx 文件，请确认文件未损坏', 'file');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw badInput('表格中没有工作表', 'file');
  if (sheet.rowCount > MAX_IMPORT_ROWS + 20) throw badInput(`每次最多导入 ${MAX_IMPORT_ROWS} 行`, 'file');
  const grid: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cell.text ?? '';
    });
    grid[rowNumber - 1] = Array.from(cells, (c) => c ?? '');
  });
  return Array.from(grid, (r) => r ?? []);
}

/**
 * UTF-16 by its byte-order mark (Excel's "Unicode 文本"), UTF-8 (with or without BOM) when it decodes
 * cleanly, otherwise GB18030 (a superset of GBK), as Excel in China saves CSV.
 */
export function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return iconv.decode(bytes.subarray(2), 'utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return iconv.decode(bytes.subarray(2), 'utf16be');
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return iconv.decode(bytes, 'gb18030');
  }
}

/** CSV, or tab-separated text when its first lines hold more tabs than commas (Excel's Unicode text). */
export function parseDelimited(text: string): string[][] {
  const head = text.slice(0, 4000);
  const count = (c: string) => head.split(c).length - 1;
  return parseCsv(text, count('\t') > count(',') ? '\t' : ',');
}

/** RFC 4180 CSV: quoted fields may hold the separator, quotes ("") and line breaks. */
export function parseCsv(text: string, separator = ','): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === separator) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      out.push(row);
      row = [];
      field = '';
      if (out.length > MAX_IMPORT_ROWS + 20) throw badInput(`每次最多导入 ${MAX_IMPORT_ROWS} 行`, 'file');
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    out.push(row);
  }
  return out;
}

function toRows<C extends string>(grid: string[][], spec: SheetColumns<C>): SheetRow<C>[] {
  if (!grid.some((r) => r.some((c) => c.trim() !== ''))) throw badInput('文件中没有数据', 'file');
  const headerOf = (row: string[]) => {
    const headers = row.map((h) => normaliseHeader(h));
    const columns = new Map<number, C>();
    for (const [column, names] of Object.entries(spec.columns) as [C, readonly string[]][]) {
      const at = headers.findIndex((h) => names.includes(h));
      if (at >= 0) columns.set(at, column);
    }
    return columns;
  };
  const headerIndex = grid.slice(0, MAX_TITLE_ROWS).findIndex((r) => [...headerOf(r).values()].includes(spec.required));
  if (headerIndex < 0)
    throw badInput(`没有找到表头：表头行须包含“${spec.requiredLabel}”列（可在表头上方保留标题行）`, 'file');
  const columns = headerOf(grid[headerIndex]);
  const result: SheetRow<C>[] = [];
  for (let i = headerIndex + 1; i < grid.length; i++) {
    const cells: SheetRow<C>['cells'] = {};
    for (const [at, column] of columns) {
      const value = (grid[i][at] ?? '').trim();
      if (value) cells[column] = value;
    }
    if (Object.keys(cells).length) result.push({ row: i + 1, cells });
  }
  if (!result.length) throw badInput('文件中没有数据行', 'file');
  if (result.length > MAX_IMPORT_ROWS) throw badInput(`每次最多导入 ${MAX_IMPORT_ROWS} 行`, 'file');
  return result;
}

/** What a worker thread reads a sheet from: the bytes arrive as a Uint8Array, the columns as plain data. */
export interface SheetInput<C extends string> {
  filename: string;
  bytes: Uint8Array;
  spec: SheetColumns<C>;
}

/** readSheet as a worker-thread task (see sheetTask). */
export function readSheetInput<C extends string>(input: SheetInput<C>): Promise<SheetRow<C>[]> {
  return readSheet(
    input.filename,
    Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength),
    input.spec,
  );
}

/** Reading an uploaded sheet in a worker thread (time and memory limits); `subject` names the file in messages. */
export function sheetTask<C extends string>(subject: string) {
  return isolatedTask<SheetInput<C>, SheetRow<C>[]>(import.meta.url, 'readSheetInput', subject);
}

export const READ_UNIT_SHEET_TASK = sheetTask<UnitColumn>('单位名录文件');
