import { overdueUnitsText } from '@duban/domain';
import type * as ExcelJS from 'exceljs';
import { newWorkbook } from '../../common/heavy-libraries.js';
import type { LowerCoverageModel } from '../levels/index.js';
import { finishPrintable, printableSheet } from './print-layout.js';

const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 1000) / 10}%`);

/**
 * 下级落实 as the upper office hands it on: the coverage matrix (a key point per row, a lower tenant per
 * column, the number of its linked key points or blank), the gaps, and the roll-up per key point.
 */
export function lowerCoverageWorkbook(coverage: LowerCoverageModel, title: string): ExcelJS.Workbook {
  const book = newWorkbook();
  const { points, lowers } = coverage;

  const matrix = printableSheet(book, '覆盖情况', `${title}·覆盖情况`, [
    { header: '序号', width: 8 },
    { header: '上级工作要点', width: 48, wrap: true },
    ...lowers.map((l) => ({ header: l.name, width: 14, wrap: true })),
    { header: '已覆盖下级机构', width: 12 },
  ]);
  for (const p of points) {
    matrix.addRow([p.label, p.title, ...p.lowerKeyPoints.map((n) => n || ''), `${p.coveredBy}/${lowers.length}`]);
  }
  matrix.addRow(['', '覆盖率', ...lowers.map((l) => `${l.covered}/${points.length}（${percent(l.share)}）`), '']);
  finishPrintable(matrix, lowers.length + 3);

  const gaps = printableSheet(book, '缺口', `${title}·缺口`, [
    { header: '类别', width: 16 },
    { header: '下级机构', width: 24, wrap: true },
    { header: '上级工作要点', width: 60, wrap: true },
  ]);
  for (const p of points.filter((x) => x.coveredBy === 0))
    gaps.addRow(['无下级机构对应', '', `${p.label} ${p.title}`.trim()]);
  for (const [i, l] of lowers.entries()) {
    for (const p of points.filter((x) => !x.lowerKeyPoints[i]))
      gaps.addRow(['下级机构未对应', l.name, `${p.label} ${p.title}`.trim()]);
  }
  finishPrintable(gaps, 3);

  const rollup = printableSheet(book, '落实汇总', `${title}·落实汇总`, [
    { header: '序号', width: 8 },
    { header: '上级工作要点', width: 40, wrap: true },
    { header: '覆盖下级', width: 10 },
    { header: '下级要点', width: 10 },
    { header: '任务', width: 8 },
    { header: '绿灯', width: 8 },
    { header: '黄灯', width: 8 },
    { header: '红灯', width: 8 },
    { header: '已完成', width: 8 },
    { header: '完成率', width: 9 },
    { header: '逾期', width: 8 },
    { header: '逾期单位', width: 30, wrap: true },
    { header: '最近报送', width: 12 },
  ]);
  for (const { label, title, coveredBy, counts: c } of points) {
    rollup.addRow([
      label,
      title,
      coveredBy,
      c.keyPoints,
      c.tasks,
      c.green,
      c.yellow,
      c.red,
      c.done,
      percent(c.doneShare),
      c.overdue,
      overdueUnitsText(c.overdueUnits, c.overdueUnitCount),
      c.lastReportOn ?? '',
    ]);
  }
  finishPrintable(rollup, 13);
  return book;
}
