import { REVIEW_VERDICT_LABELS, shanghaiDate, TASK_STATUS_LABELS } from '@duban/domain';
import type { Paragraph, Table } from 'docx';
import {
  body,
  heading,
  packDocument,
  signature,
  simpleTable as table,
  textDate,
  title,
} from '../../common/official-document.js';
import type { ReviewSummaryModel } from './dto/review-summary.model.js';
import type { ReviewProgressModel } from './dto/review.model.js';

/**
 * The 回头看 report in the government register (common/official-document): title, counts in the text,
 * tables by unit and of 整改 tasks. Pure: summary in, bytes out, so the layout is tested without HTTP.
 */
export function reviewReportTitle(year: number): string {
  return `关于${year}年政务公开工作要点落实情况“回头看”的报告`;
}

function countsSentence(c: ReviewProgressModel): string {
  const parts = [
    `${REVIEW_VERDICT_LABELS.IMPLEMENTED}${c.implemented}项`,
    `${REVIEW_VERDICT_LABELS.PARTIAL}${c.partial}项`,
    `${REVIEW_VERDICT_LABELS.NOT_IMPLEMENTED}${c.notImplemented}项`,
    `${REVIEW_VERDICT_LABELS.NOT_APPLICABLE}${c.notApplicable}项`,
  ];
  if (c.pending > 0) parts.push(`尚未评定${c.pending}项`);
  return parts.join('，');
}

export async function reviewSummaryDocx(
  summary: ReviewSummaryModel & { tenantName: string },
  now: Date,
): Promise<Buffer> {
  const c = summary.counts;
  const year = summary.planYear;
  const rate =
    c.recorded - c.notApplicable > 0 ? Math.round((c.implemented / (c.recorded - c.notApplicable)) * 1000) / 10 : null;
  const children: (Paragraph | Table)[] = [
    title(reviewReportTitle(year)),
    body(
      `按照工作安排，对《${summary.planTitle}》落实情况开展“回头看”，对计划分解的${c.total - c.excluded}项任务逐项核查` +
        (summary.review.untimedTaskCount > 0
          ? `（其中${summary.review.untimedTaskCount}项未明确完成时限，按年底前完成核查）`
          : '') +
        '。' +
        (c.excluded > 0 ? `另有${c.excluded}项任务经说明理由不纳入本次核查。` : '') +
        '现将有关情况报告如下。',
    ),
    heading('一、总体情况'),
    body(`经逐项核查，${countsSentence(c)}${rate === null ? '' : `，落实到位率${rate}%（不含不适用事项）`}。`),
    heading('二、各单位落实情况'),
    table(
      [
        '序号',
        '承办单位',
        '核查任务',
        REVIEW_VERDICT_LABELS.IMPLEMENTED,
        REVIEW_VERDICT_LABELS.PARTIAL,
        REVIEW_VERDICT_LABELS.NOT_IMPLEMENTED,
        REVIEW_VERDICT_LABELS.NOT_APPLICABLE,
      ],
      summary.byUnit.map((u, i) => [
        String(i + 1),
        u.unitName,
        String(u.counts.total - u.counts.excluded),
        String(u.counts.implemented),
        String(u.counts.partial),
        String(u.counts.notImplemented),
        String(u.counts.notApplicable),
      ]),
    ),
    heading('三、整改任务清单'),
  ];
  if (summary.rectifications.length === 0) {
    children.push(body('本次“回头看”未发现需要整改的事项。'));
  } else {
    children.push(
      body(
        `对部分落实和未落实的${summary.rectifications.length}项任务，已逐项明确整改要求和整改时限，作为整改任务纳入日常督办，清单如下。`,
      ),
      table(
        ['序号', '承办单位', '工作要点', '评定结果', '整改要求', '整改时限', '当前状态'],
        summary.rectifications.map((r, i) => [
          String(i + 1),
          r.unitName,
          `${r.keyPointLabel}${r.keyPointTitle}`,
          REVIEW_VERDICT_LABELS[r.verdict],
          r.requirement ?? '',
          r.dueDate,
          TASK_STATUS_LABELS[r.status],
        ]),
      ),
    );
  }
  children.push(
    heading('四、下一步工作'),
    body(
      '对整改任务实行台账管理，按期调度整改进展，逾期未完成的依规催办、督办；整改情况纳入年度政务公开工作考核，并在政府信息公开工作年度报告中予以反映。',
    ),
    ...signature([summary.tenantName, textDate(shanghaiDate(now))]),
  );
  return packDocument(children, reviewReportTitle(year));
}
