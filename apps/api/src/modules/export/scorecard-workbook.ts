import type * as ExcelJS from 'exceljs';
import { newWorkbook } from '../../common/heavy-libraries.js';
import { SCORE_COMPONENTS, TIE_BREAK_TEXT, type ScoreRules } from '@duban/domain';
import { SCORECARD_METRICS, type ScorecardRowModel } from '../scorecard/index.js';
import { finishPrintable, printableSheet, type PrintColumn } from './print-layout.js';

/** The rates the tenant weighs (a zero weight leaves a rate out of the score and of the sheet). */
const weighted = (rules: ScoreRules) => SCORE_COMPONENTS.filter((c) => rules[c.weight] > 0);

const percent = (rate: number | null | undefined) => (rate == null ? '—' : `${Math.round(rate * 1000) / 10}%`);

/**
 * The scorecard as a workbook: the ranked table (each weighted rate next to the score, so a reader sees
 * how it was made), laid out for printing like the 台账; and the rules it was scored with.
 */
export function scorecardWorkbook(rows: ScorecardRowModel[], rules: ScoreRules, title: string): ExcelJS.Workbook {
  const book = newWorkbook();
  book.creator = 'Duban';
  const rates = weighted(rules);
  const columns: PrintColumn[] = [
    { header: '排名', width: 6 },
    { header: '单位', width: 20, wrap: true },
    { header: '得分', width: 8 },
    ...rates.map((c) => ({ header: c.label, width: 9, wrap: true })),
    { header: '上年得分', width: 8, wrap: true },
    { header: '上年排名', width: 8, wrap: true },
    ...SCORECARD_METRICS.map((m) => ({ header: m.label, width: 7, wrap: true })),
  ];
  const sheet = printableSheet(book, '考核排名', title, columns);
  for (const r of rows) {
    sheet.addRow([
      r.rank ?? '—',
      r.unitName,
      r.score ?? '暂无',
      ...rates.map((c) => percent(r.breakdown.find((l) => l.component === c.component)?.rate)),
      r.previousScore ?? '',
      r.previousRank ?? '',
      ...SCORECARD_METRICS.map((m) => r.counts[m.field]),
    ]);
  }
  finishPrintable(sheet, columns.length);

  const rulesSheet = printableSheet(book, '评分规则', '考核评分规则', [
    { header: '项目', width: 18 },
    { header: '权重', width: 8 },
    { header: '计算方法', width: 70, wrap: true },
  ]);
  for (const c of SCORE_COMPONENTS) rulesSheet.addRow([c.label, rules[c.weight], c.explain]);
  rulesSheet.addRow(['牵头任务计数倍数', rules.leadWeight, '牵头单位的任务在每一项比率中按此倍数计算']);
  rulesSheet.addRow([
    '得分',
    '',
    '100 × Σ(权重 × 比率) ÷ Σ权重，只计有可考核内容的项目；没有到期任务和应报期次的单位暂无得分',
  ]);
  rulesSheet.addRow(['名次', '', TIE_BREAK_TEXT]);
  finishPrintable(rulesSheet, 3);
  return book;
}
