import ExcelJS from 'exceljs';
import { SCORE_RULES, type ScoreRules } from '@duban/domain';
import { SCORECARD_METRICS } from '../scorecard/index.js';
import type { ScorecardRowModel } from '../scorecard/dto/scorecard-row.model.js';

/** The scorecard as a workbook: the ranked table, and the rules it was scored with. */
export function scorecardWorkbook(rows: ScorecardRowModel[], rules: ScoreRules): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  book.creator = 'Duban';
  const sheet = book.addWorksheet('考核排名', { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  sheet.columns = [
    { header: '排名', width: 6 },
    { header: '单位', width: 22 },
    { header: '得分', width: 8 },
    { header: '上年得分', width: 9 },
    { header: '上年排名', width: 9 },
    ...SCORECARD_METRICS.map((m) => ({ header: m.label, width: Math.max(8, m.label.length * 2 + 2) })),
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) {
    sheet.addRow([r.rank, r.unitName, r.score, r.previousScore ?? '', r.previousRank ?? '', ...SCORECARD_METRICS.map((m) => r.counts[m.field])]);
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 5 + SCORECARD_METRICS.length } };

  const rulesSheet = book.addWorksheet('评分规则');
  rulesSheet.columns = [{ header: '规则', width: 24 }, { header: '分值', width: 10 }];
  rulesSheet.getRow(1).font = { bold: true };
  rulesSheet.addRow(['基础分', rules.base]);
  rulesSheet.addRow(['牵头单位扣分加权倍数', rules.leadWeight]);
  rulesSheet.addRow(['最低分', rules.minScore]);
  for (const { rule, label } of SCORE_RULES) rulesSheet.addRow([label, rules[rule]]);
  return book;
}
