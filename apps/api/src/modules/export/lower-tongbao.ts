import { overdueUnitsText } from '@duban/domain';
import type { Paragraph, Table } from 'docx';
import {
  body,
  centred,
  chineseDate,
  chineseNumber,
  flushLeft,
  heading,
  signature,
  simpleTable,
  textDate,
  title,
} from '../../common/official-document.js';
import type { LowerCoverageModel } from '../levels/index.js';

const pct = (share: number | null) => (share === null ? '—' : `${Math.round(share * 1000) / 10}%`);
const named = (p: { label: string; title: string }) => `${p.label}${p.title}`;

/**
 * The 通报 draft across the lower tenants (上下联动): which lower offices took up which of this office's
 * key points, the gaps, and the overdue tasks by key point with their 机构·单位. A draft for the office to
 * fill in the 文号 and edit; built only from the upper's own read model (what the lower offices share).
 */
export function lowerTongbao(coverage: LowerCoverageModel, tenantName: string, today: string): (Paragraph | Table)[] {
  const { points, lowers } = coverage;
  const year = coverage.year ?? '';
  const uncovered = points.filter((p) => p.coveredBy === 0);
  const lagging = points.filter((p) => p.counts.overdue > 0);
  const tasks = points.reduce((n, p) => n + p.counts.tasks, 0);
  const done = points.reduce((n, p) => n + p.counts.done, 0);
  const overdue = points.reduce((n, p) => n + p.counts.overdue, 0);
  const children: (Paragraph | Table)[] = [
    title(`关于${year}年政务公开工作要点下级落实情况的通报`),
    centred('〔　　〕第　　号'),
    flushLeft('各有关下级机构：'),
    body(
      `为推动${year}年政务公开工作要点在各地落到实处，现将截至${textDate(today)}各下级机构的对应和落实情况通报如下。` +
        `本级${year}年工作要点共${points.length}项，已关联下级机构${lowers.length}个；` +
        `各下级机构对应本级要点的任务共${tasks}项，已完成${done}项，` +
        (overdue ? `逾期未完成${overdue}项。` : '无逾期未完成任务。'),
    ),
    heading('一、对应落实情况'),
    simpleTable(
      ['下级机构', '已对应要点', '覆盖率'],
      [...lowers]
        .sort((a, b) => b.share - a.share || a.name.localeCompare(b.name, 'zh-CN'))
        .map((l) => [l.name, `${l.covered} / ${points.length}`, pct(l.share)]),
    ),
  ];
  const missing = lowers
    .map((l, i) => ({ name: l.name, points: points.filter((p) => !p.lowerKeyPoints[i]) }))
    .filter((m) => m.points.length);
  if (uncovered.length || missing.length) {
    children.push(heading('二、尚未对应的工作要点'));
    if (uncovered.length)
      children.push(body(`无下级机构对应的工作要点${uncovered.length}项：${uncovered.map(named).join('；')}。`));
    missing.forEach((m, i) =>
      children.push(
        body(
          `${m.name}尚未对应${m.points.length}项：${m.points.map(named).join('；')}。`,
          `（${chineseNumber(i + 1)}）`,
        ),
      ),
    );
  }
  if (lagging.length) {
    children.push(heading(`${uncovered.length || missing.length ? '三' : '二'}、逾期未完成任务情况`));
    lagging.forEach((p, i) =>
      children.push(
        body(
          `${named(p)}：逾期未完成${p.counts.overdue}项，涉及${overdueUnitsText(p.counts.overdueUnits, p.counts.overdueUnitCount)}。`,
          `${i + 1}．`,
        ),
      ),
    );
  }
  children.push(
    body(
      '请各下级机构对照本级工作要点，对尚未对应的要点抓紧研究部署、补充落实措施，对逾期未完成的任务督促承办单位限期办结，' +
        '并于10个工作日内将落实情况报送本级政务公开办公室。',
    ),
    ...signature([tenantName, chineseDate(today)]),
  );
  return children;
}
