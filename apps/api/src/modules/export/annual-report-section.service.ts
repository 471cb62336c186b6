import { Injectable } from '@nestjs/common';
import { shanghaiDate, TASK_STATUS_LABELS } from '@duban/domain';
import { badInput } from '../../common/app-error.js';
import { Clock } from '../../common/clock.js';
import { DOCX_MIME, type DownloadFile } from '../../common/download.js';
import { body, heading, packDocument, simpleTable, textDate } from '../../common/official-document.js';
import { rows } from '../../common/sql.js';
import type { Viewer } from '../../common/viewer.js';
import { ReplicaReads } from '../../database/read-replica.js';
import { exportTasks, type ExportTask } from './export-tasks.sql.js';
import { labelOf } from './labels.js';

const STATUS_ORDER = ['DONE', 'CLOSED', 'SUBMITTED', 'IN_PROGRESS', 'RETURNED', 'NOT_STARTED'];

/**
 * The annual report's section on carrying out the key points, in the register of the reports
 * (see fixtures/documents/guian-2016-annual-report.txt): a numbered heading, running prose with the
 * counts, then a table by key point, ready to paste into the 政府信息公开工作年度报告.
 */
@Injectable()
export class AnnualReportSectionService {
  constructor(
    private readonly clock: Clock,
    private readonly reads: ReplicaReads,
  ) {}

  async section(viewer: Viewer, year: number, sectionNumber: string): Promise<DownloadFile> {
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw badInput('年度应在 2000 到 2100 之间', 'year');
    if (!/^[一二三四五六七八九十]{1,3}$/.test(sectionNumber)) throw badInput('章节序号应为中文数字，如“七”', 'section');
    const now = this.clock.now();
    const { plans, tasks } = await this.reads.read(async (db) => {
      const plans = await rows<{ id: string; title: string }>(
        db,
        `SELECT id, title FROM plan WHERE tenant_id = $1 AND year = $2 AND status <> 'DRAFT' ORDER BY created_at`,
        [viewer.tenantId, year],
      );
      const ids = plans.map((p) => p.id);
      return { plans, tasks: ids.length ? await exportTasks(db, viewer.tenantId, ids, now) : [] };
    });
    const asOf = year < Number(shanghaiDate(now).slice(0, 4)) ? `${year}-12-31` : shanghaiDate(now);

    const keyPoints = new Map<string, { title: string; tasks: ExportTask[] }>();
    for (const t of tasks) {
      const kp = keyPoints.get(t.key_point_id) ?? { title: t.key_point_title, tasks: [] };
      kp.tasks.push(t);
      keyPoints.set(t.key_point_id, kp);
    }
    const finished = (t: ExportTask) => t.status === 'DONE' || t.status === 'CLOSED';
    const doneKeyPoints = [...keyPoints.values()].filter((k) => k.tasks.every(finished)).length;
    const units = new Set(tasks.map((t) => t.unit_id)).size;
    const byStatus = STATUS_ORDER.map((s) => [s, tasks.filter((t) => t.status === s).length] as const).filter(
      ([, n]) => n > 0,
    );
    const overdue = tasks.filter((t) => t.overdue).length;

    const titles = plans.map((p) => `《${p.title}》`).join('、');
    const children = [
      heading(`${sectionNumber}、政务公开工作要点落实情况`),
      body(
        plans.length === 0
          ? `${year}年未印发政务公开工作要点。`
          : `${year}年，印发${titles}，明确工作要点${keyPoints.size}项，分解为具体任务${tasks.length}项，涉及承办单位${units}个。` +
              `截至${textDate(asOf)}，${keyPoints.size}项工作要点中已全部落实${doneKeyPoints}项；${tasks.length}项任务中，` +
              `${byStatus.map(([s, n]) => `${labelOf(TASK_STATUS_LABELS, s)}${n}项`).join('，')}` +
              (overdue > 0 ? `，其中逾期未完成${overdue}项，已督促相关单位限期整改。` : '，无逾期未完成任务。'),
      ),
    ];
    if (keyPoints.size > 0) {
      children.push(body('各项工作要点落实情况如下表：'));
      const table = simpleTable(
        ['序号', '工作要点', '牵头单位', '完成情况'],
        [...keyPoints.values()].map((k, i) => [
          String(i + 1),
          k.title,
          k.tasks
            .filter((t) => t.role === 'LEAD')
            .map((t) => t.unit_name)
            .join('、') || '—',
          completion(k.tasks, finished),
        ]),
      );
      return {
        filename: `${year}年政务公开工作要点落实情况（年度报告章节）.docx`,
        contentType: DOCX_MIME,
        bytes: await packDocument([...children, table]),
      };
    }
    return {
      filename: `${year}年政务公开工作要点落实情况（年度报告章节）.docx`,
      contentType: DOCX_MIME,
      bytes: await packDocument(children),
    };
  }
}

function completion(tasks: ExportTask[], finished: (t: ExportTask) => boolean): string {
  const done = tasks.filter(finished).length;
  if (done === tasks.length) return '已完成';
  const overdue = tasks.filter((t) => t.overdue).length;
  return `推进中（已完成${done}/${tasks.length}项${overdue > 0 ? `，逾期${overdue}项` : ''}）`;
}
