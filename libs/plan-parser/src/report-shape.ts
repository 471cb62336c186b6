import type { ParsedItem, ParsedSection } from './types.js';

// The annual report on disclosure work (政府信息公开工作年度报告) follows a fixed outline set by the
// State Council: 总体情况 / 主动公开 / 依申请公开 / 行政复议、行政诉讼 / 存在的主要问题及改进情况 /
// 其他需要报告的事项. A document with that outline whose numbered paragraphs carry no unit and no
// time limit is a report, whatever its title says.
const REPORT_HEADINGS = [
  /总体情况|概述|基本情况/u,
  /主动公开/u,
  /依申请公开/u,
  /收费|减免/u,
  /行政复议|行政诉讼/u,
  /存在的?(?:主要)?问题|改进/u,
  /其他需要报告/u,
];

export function hasReportShape(sections: ParsedSection[], items: ParsedItem[]): boolean {
  const assigned = items.some((i) => i.leadUnits.length || i.responsibleUnits.length || i.deadlines.length);
  if (assigned) return false;
  const hits = REPORT_HEADINGS.filter((re) => sections.some((s) => re.test(s.title))).length;
  return hits >= 3;
}
