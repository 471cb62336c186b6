import JSZip from 'jszip';
import { parseDelimited, readSheet, readUnitSheet } from './unit-sheet.reader.js';

describe('reading sheets people send', () => {
  it('refuses a zip bomb renamed .xlsx before inflating it', async () => {
    const zip = new JSZip();
    zip.file('xl/worksheets/sheet1.xml', Buffer.alloc(80 * 1024 * 1024, 0x20));
    const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    await expect(readUnitSheet('名录.xlsx', bomb)).rejects.toThrow('解压后过大');
  });

  it('tells tab-separated Unicode text from csv, even below a title line without either', () => {
    expect(parseDelimited('单位名录\n单位名称\t类型\n甲局\t部门\n')).toEqual([
      ['单位名录'],
      ['单位名称', '类型'],
      ['甲局', '部门'],
    ]);
    expect(parseDelimited('单位名称,类型\n"甲,局",部门\n')).toEqual([
      ['单位名称', '类型'],
      ['甲,局', '部门'],
    ]);
  });

  it('finds the header below title rows, and says which column it needs when there is none', async () => {
    const csv = Buffer.from('2027年名录\n制表：办公厅\n单位名称,别名\n甲局,甲\n');
    expect(await readUnitSheet('u.csv', csv)).toEqual([{ row: 4, cells: { name: '甲局', aliases: '甲' } }]);
    const spec = { columns: { person: ['姓名'] }, required: 'person' as const, requiredLabel: '姓名' };
    await expect(readSheet('a.csv', Buffer.from('名字\n张三\n'), spec)).rejects.toThrow('表头行须包含“姓名”列');
  });
});
