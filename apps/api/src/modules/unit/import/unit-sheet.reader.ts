import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { badInput } from '../../../common/app-error.js';

// The file arrives base64 inside a JSON body, which the app caps at 2 MB: 1 MB of file fits with room
// to spare, and a 5000-row directory is a few hundred KB as xlsx or csv.
export const MAX_IMPORT_BYTES = 1024 * 1024;
export const MAX_IMPORT_ROWS = 5000;

/** The columns an import understands, by the Chinese header people write in the sheet. */
export const UNIT_COLUMNS = {
  name: ['单位名称', '名称'],
  kind: ['类型', '单位类型'],
  parent: ['上级单位', '上级'],
  aliases: ['别名', '简称'],
  sort: ['排序', '序号排序'],
  status: ['状态'],
} as const;
export type UnitColumn = keyof typeof UNIT_COLUMNS;

/** One data row: its 1-based row number in the sheet (what people see in Excel) and its cells. */
export interface SheetRow {
  row: number;
  cells: Partial<Record<UnitColumn, string>>;
}

const normaliseHeader = (h: string) => h.replace(/[\s\u3000*＊:：]/gu, '');

/** Reads an .xlsx or .csv into rows keyed by column; the first non-empty row is the header. */
export async function readUnitSheet(filename: string, bytes: Buffer): Promise<SheetRow[]> {
  if (bytes.length > MAX_IMPORT_BYTES) throw badInput(`文件不能超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB`, 'contentBase64');
  if (bytes.length === 0) throw badInput('文件是空的', 'contentBase64');
  const ext = filename.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  let grid: string[][];
  if (ext === 'xlsx') grid = await readXlsx(bytes);
  else if (ext === 'csv') grid = parseCsv(decodeText(bytes));
  else throw badInput('只支持 .xlsx 或 .csv 文件（旧版 .xls 请在 Excel 中另存为 .xlsx）', 'filename');
  return toRows(grid);
}

async function readXlsx(bytes: Buffer): Promise<string[][]> {
  // Every xlsx is a zip; checking the magic first turns a renamed file into a clear message.
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw badInput('文件不是有效的 .xlsx 表格', 'contentBase64');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw badInput('无法读取 .xlsx 文件，请确认文件未损坏', 'contentBase64');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw badInput('表格中没有工作表', 'contentBase64');
  if (sheet.rowCount > MAX_IMPORT_ROWS + 20) throw badInput(`每次最多导入 ${MAX_IMPORT_ROWS} 行`, 'contentBase64');
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

/** UTF-8 (with or without BOM) when it decodes cleanly, otherwise GB18030 (a superset of GBK), as Excel in China saves CSV. */
export function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return iconv.decode(bytes, 'gb18030');
  }
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
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
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      out.push(row);
      row = [];
      field = '';
      if (out.length > MAX_IMPORT_ROWS + 20) throw badInput(`每次最多导入 ${MAX_IMPORT_ROWS} 行`, 'contentBase64');
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    out.push(row);
  }
  return out;
}

function toRows(grid: string[][]): SheetRow[] {
  const headerIndex = grid.findIndex((r) => r.some((c) => c.trim() !== ''));
  if (headerIndex < 0) throw badInput('文件中没有数据', 'contentBase64');
  const headers = grid[headerIndex].map((h) => normaliseHeader(h));
  const columns = new Map<number, UnitColumn>();
  for (const [column, names] of Object.entries(UNIT_COLUMNS) as [UnitColumn, readonly string[]][]) {
    const at = headers.findIndex((h) => names.includes(h));
    if (at >= 0) columns.set(at, column);
  }
  if (![...columns.values()].includes('name')) throw badInput('第一行须为表头，且包含“单位名称”列', 'contentBase64');
  const result: SheetRow[] = [];
  for (let i = headerIndex + 1; i < grid.length; i++) {
    const cells: SheetRow['cells'] = {};
    for (const [at, column] of columns) {
      const value = (grid[i][at] ?? '').trim();
      if (value) cells[column] = value;
    }
    if (Object.keys(cells).length) result.push({ row: i + 1, cells });
  }
  if (!result.length) throw badInput('文件中没有数据行', 'contentBase64');
  if (result.length > MAX_IMPORT_ROWS) throw badInput(`每次最多导入 ${MAX_IMPORT_ROWS} 行`, 'contentBase64');
  return result;
}
