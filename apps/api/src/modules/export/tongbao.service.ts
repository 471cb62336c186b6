import { Injectable } from '@nestjs/common';
import { shanghaiDate } from '@duban/domain';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { DOCX_MIME, type DownloadFile } from '../../common/download.js';
import {
  body,
  centred,
  chineseDate,
  chineseNumber,
  flushLeft,
  heading,
  packDocument,
  signature,
  textDate,
  title,
} from '../../common/official-document.js';
import { one } from '../../common/sql.js';
import type { Viewer } from '../../common/viewer.js';
import { ReplicaReads } from '../../database/read-replica.js';
import { exportTasks, planInTenant, type ExportTask } from './export-tasks.sql.js';
import { uuidArg } from '../../common/validation.js';

/**
 * The 通报 draft: counts for the plan, then each unit with overdue tasks (逾期未完成) and what they
 * are, most overdue first. A draft: the office fills in the 文号 and edits before issuing.
 */
/**
 * A progress the office has not confirmed yet must not read as fact: a completion claimed (late) and
 * waiting for review, or a newer report waiting for the unit leader or the office, says so.
 */
function reviewNote(t: ExportTask): string {
  if (t.status === 'SUBMITTED') return '，已申报完成，待审核确认';
  return t.awaiting_review ? '，最新报送待审核' : '';
}

@Injectable()
export class TongbaoService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly reads: ReplicaReads,
  ) {}

  async draft(viewer: Viewer, planId: string): Promise<DownloadFile> {
    const now = this.clock.now();
    const today = shanghaiDate(now);
    const { plan, tasks } = await this.reads.read(async (db) => {
      const plan = await planInTenant(db, viewer.tenantId, uuidArg(planId, 'planId'));
      return { plan, tasks: await exportTasks(db, viewer.tenantId, [plan.id], now) };
    });
    const tenant = await one<{ name: string }>(this.dataSource, `SELECT name FROM tenant WHERE id = $1`, [
      viewer.tenantId,
    ]);

    const done = tasks.filter((t) => t.status === 'DONE' || t.status === 'CLOSED');
    const overdue = tasks.filter((t) => t.overdue);
    const byUnit = new Map<string, { name: string; tasks: ExportTask[] }>();
    for (const t of overdue) {
      const u = byUnit.get(t.unit_id) ?? { name: t.unit_name, tasks: [] };
      u.tasks.push(t);
      byUnit.set(t.unit_id, u);
    }
    const units = [...byUnit.values()].sort(
      (a, b) => b.tasks.length - a.tasks.length || a.name.localeCompare(b.name, 'zh-CN'),
    );

    const children = [
      title(`关于${plan.year}年政务公开工作要点落实情况的通报`),
      centred('〔　　〕第　　号'),
      flushLeft('各有关单位：'),
      body(
        `为推动《${plan.title}》各项任务落到实处，现将截至${textDate(today)}的落实情况通报如下。` +
          `${plan.year}年工作要点共分解任务${tasks.length}项，已完成${done.length}项，正在推进${tasks.length - done.length}项，` +
          (overdue.length > 0
            ? `其中逾期未完成${overdue.length}项，涉及${units.length}个单位。`
            : '无逾期未完成任务。'),
      ),
    ];
    if (units.length > 0) {
      children.push(heading('一、逾期未完成任务情况'));
      units.forEach((u, i) => {
        children.push(body(`${u.name}逾期未完成任务${u.tasks.length}项：`, `（${chineseNumber(i + 1)}）${u.name}。`));
        u.tasks.forEach((t, n) =>
          children.push(
            body(
              `${n + 1}．${t.key_point_title}（${t.role === 'LEAD' ? '牵头' : '责任'}单位，完成时限${textDate(t.due_date)}，目前进度${t.progress}%${reviewNote(t)}）。`,
            ),
          ),
        );
      });
      children.push(heading('二、有关要求'));
    }
    children.push(
      body(
        '请各单位对照问题清单，认真分析原因，明确整改措施和完成时限，逾期未完成的任务要加快推进、限期办结，' +
          '并于5个工作日内将整改落实情况报送政务公开办公室。政务公开办公室将持续跟踪督办，落实情况纳入年度政务公开工作考核。',
      ),
      ...signature([tenant?.name ?? '', chineseDate(today)]),
    );
    return {
      filename: `关于${plan.year}年政务公开工作要点落实情况的通报（草稿）.docx`,
      contentType: DOCX_MIME,
      bytes: await packDocument(children),
    };
  }
}
