import ExcelJS from 'exceljs';
import { buildZip } from '../../test/zip-builder.js';
import { checkZip, ZipLimitError } from './zip-limits.js';

const LIMITS = { maxEntries: 50, maxEntryBytes: 4 * 1024 * 1024, maxTotalBytes: 8 * 1024 * 1024 };
const zeros = (n: number) => Buffer.alloc(n);

describe('zip entry limits', () => {
  it('accepts a real workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('单位').addRow(['单位名称', '类型']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(() => checkZip(bytes, LIMITS)).not.toThrow();
  });

  it.each([
    ['an entry that declares more than the entry limit', () => buildZip([{ name: 'xl/worksheets/sheet1.xml', data: zeros(5 * 1024 * 1024) }]), /declares/],
    ['entries that together declare more than the total limit', () => buildZip([1, 2, 3].map((i) => ({ name: `e${i}.xml`, data: zeros(3 * 1024 * 1024) }))), /together/],
    ['an entry that lies about its size', () => buildZip([{ name: 'xl/sharedStrings.xml', data: zeros(64 * 1024 * 1024), declaredSize: 1024 }]), /inflates beyond/],
    ['too many entries', () => buildZip(Array.from({ length: 51 }, (_, i) => ({ name: `e${i}`, data: zeros(1) }))), /entries/],
    ['bytes that are no zip', () => Buffer.from('PK not really'), /central directory/],
  ])('refuses %s before inflating it', (_label, make, reason) => {
    expect(() => checkZip(make(), LIMITS)).toThrow(ZipLimitError);
    expect(() => checkZip(make(), LIMITS)).toThrow(reason);
  });
});
