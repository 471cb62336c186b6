import { newWorkbook } from '../../../common/heavy-libraries.js';
import type { UnitModel } from '../dto/unit.model.js';
import { UNIT_KIND_LABELS } from '../unit-kinds.js';
import { KIND_WORDS } from './unit-import.planner.js';

export interface ExportedUnit extends UnitModel {
  liaisons: string[];
  leaders: string[];
}

const HEADER = ['ID', '单位名称', '类型', '上级单位', '别名', '排序', '状态'];

/**
 * The directory as a sheet the import reads back: the ID column lets next year's file rename a unit
 * without losing it; the people columns show coverage and are ignored on import.
 */
export async function directoryWorkbook(units: ExportedUnit[]): Promise<Buffer> {
  const wb = newWorkbook();
  const ws = wb.addWorksheet('单位名录');
  ws.columns = [38, 30, 12, 26, 30, 8, 8, 24, 24].map((width) => ({ width }));
  ws.addRow([...HEADER, '联络员', '分管领导']).font = { bold: true };
  const names = new Map(units.map((u) => [u.id, u.name]));
  for (const u of units) {
    ws.addRow([
      u.id,
      u.name,
      UNIT_KIND_LABELS[u.kind],
      u.parentId ? (names.get(u.parentId) ?? '') : '',
      u.aliases.join('、'),
      u.sort,
      u.active ? '启用' : '停用',
      u.liaisons.join('、') || '（无）',
      u.leaders.join('、') || '（无）',
    ]);
  }
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** An empty directory sheet with an example row and the words 类型 accepts. */
export async function directoryTemplate(): Promise<Buffer> {
  const wb = newWorkbook();
  const ws = wb.addWorksheet('单位名录');
  ws.columns = [30, 14, 26, 30, 8, 8].map((width) => ({ width }));
  ws.addRow(HEADER.slice(1)).font = { bold: true };
  ws.addRow(['省发展和改革委员会', '省直部门', '', '省发改委、省发展改革委', 10, '启用']);
  ws.addRow(['楚雄彝族自治州人民政府', '州政府', '', '楚雄州', 100, '启用']);
  const help = wb.addWorksheet('填写说明');
  help.columns = [{ width: 14 }, { width: 100 }];
  const byKind = new Map<string, string[]>();
  for (const [word, kind] of Object.entries(KIND_WORDS)) byKind.set(kind, [...(byKind.get(kind) ?? []), word]);
  help.addRow(['单位名称', '必填；再次导入时按 ID、名称或别名匹配已有单位（更名时把原名称写进别名即可）']);
  for (const [kind, words] of byKind)
    help.addRow([`类型：${UNIT_KIND_LABELS[kind as keyof typeof UNIT_KIND_LABELS]}`, words.join('、')]);
  help.addRow(['上级单位', '选填：名录中或本表中的单位名称']);
  help.addRow(['别名', '选填：简称、曾用名，用顿号或逗号分隔']);
  help.addRow(['状态', '启用 或 停用；留空为启用']);
  help.addRow(['标题行', '表头上方可以保留标题行；也可以导入 .csv（UTF-8 或 GBK）和 Excel 的“Unicode 文本”']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
