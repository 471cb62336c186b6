import ExcelJS from 'exceljs';
import { checkZip, DocumentReadError } from '@duban/plan-parser';
import { buildZip } from '../../../../test/zip-builder.js';

// The parser's zip check as the directory import uses it on .xlsx files, with limits of its own.
const LIMITS = { entries: 50, entryBytes: 4 * 1024 * 1024, totalBytes: 8 * 1024 * 1024 };
const zeros = (n: number) => Buffer.alloc(n);

describe('zip entry limits of an .xlsx', () => {
  it('accepts a real workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('单位').addRow(['单位名称', '类型']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    await expect(checkZip(bytes, LIMITS, '.xlsx')).resolves.toBeUndefined();
  });

  it.each([
    [
      'an entry that declares more than the entry limit',
      () => buildZip([{ name: 'xl/worksheets/sheet1.xml', data: zeros(5 * 1024 * 1024) }]),
      /sheet1\.xml 解压后有 5 MB,超过 4 MB 的上限/u,
    ],
    [
      'entries that together declare more than the total limit',
      () => buildZip([1, 2, 3].map((i) => ({ name: `e${i}.xml`, data: zeros(3 * 1024 * 1024) }))),
      /\.xlsx 解压后超过 8 MB 的上限/u,
    ],
    [
      'an entry that lies about its size',
      () => buildZip([{ name: 'xl/sharedStrings.xml', data: zeros(64 * 1024 * 1024), declaredSize: 1024 }]),
      /解压后超过声明的大小/u,
    ],
    [
      'too many entries',
      () => buildZip(Array.from({ length: 51 }, (_, i) => ({ name: `e${i}`, data: zeros(1) }))),
      /51 个文件/u,
    ],
    ['bytes that are no zip', () => Buffer.from('PK not really'), /无法打开 \.xlsx 文件\(压缩包损坏\)/u],
  ])('refuses %s before inflating it', async (_label, make, reason) => {
    const error = await checkZip(make(), LIMITS, '.xlsx').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DocumentReadError);
    expect((error as Error).message).toMatch(reason);
  });
});
