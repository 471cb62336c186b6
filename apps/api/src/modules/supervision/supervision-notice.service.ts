import { Injectable } from '@nestjs/common';
import { noticeColor, noticeColorOfTask, shanghaiDate, type NoticeColor, type WarningLightResult } from '@duban/domain';
import { DataSource } from 'typeorm';
import { badInput, notFound } from '../../common/app-error.js';
import { Clock } from '../../common/clock.js';
import { DOCX_MIME, type DownloadFile } from '../../common/download.js';
import type { Connection } from '../../common/pagination.js';
import { one, rows } from '../../common/sql.js';
import { isUnitUser, type Viewer } from '../../common/viewer.js';
import { AuditService } from '../audit/index.js';
import { MessageEvents } from '../messaging/index.js';
import { judgeTask, TASK_LIGHT_COLUMNS, TaskRulesService, type TaskLightRow } from '../task/index.js';
import {
  NOTICE_COLORS,
  NOTICE_SELECT,
  noticeNumberText,
  toSupervisionNoticeModel,
  type IssueSupervisionNoticeInput,
  type SupervisionNoticeModel,
  type SupervisionNoticeRow,
  type SupervisionNoticesArgs,
  type SupervisionNoticeTaskModel,
} from './dto/supervision-notice.model.js';
import { supervisionNoticeDocx } from './supervision-notice-docx.js';
import { SqlParams } from '../../common/sql.js';
import { requiredText, uuidArg } from '../../common/validation.js';
import { creationOrderPage } from '../../common/keyset-page.js';

const MAX_TASKS = 50;

/** How a task stands, in the notice's words. */
function stateOf(judged: WarningLightResult, overdueDays: number, progress: number): string {
  if (judged.reasons.includes('OVERDUE')) return `已逾期 ${overdueDays} 个工作日`;
  if (judged.reasons.includes('BEHIND_PACE'))
    return `进度 ${progress}%，落后于时间进度（应达 ${Math.round(judged.expectedProgress ?? 0)}%）`;
  if (judged.reasons.includes('DUE_SOON')) return `距完成时限还有 ${judged.workingDaysLeft} 个工作日`;
  return '正在办理';
}

/**
 * 督办通知单: a numbered notice to one unit about its tasks, coloured blue (time limit near), yellow
 * (behind pace) or red (overdue). Issuing it is a 督办: each task gets a 督办 urge the unit acknowledges,
 * and the unit hears of it at once. The tasks are kept as they stood, so a reprint reads the same.
 */
@Injectable()
export class SupervisionNoticeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rules: TaskRulesService,
    private readonly audit: AuditService,
    private readonly messages: MessageEvents,
    private readonly clock: Clock,
  ) {}

  async issue(viewer: Viewer, input: IssueSupervisionNoticeInput): Promise<SupervisionNoticeModel> {
    const unitId = uuidArg(input.unitId, 'unitId');
    const ids = [...new Set(input.taskIds)].map((id) => uuidArg(id, 'taskIds'));
    if (ids.length === 0 || ids.length > MAX_TASKS) throw badInput(`请选择 1 到 ${MAX_TASKS} 项任务`, 'taskIds');
    if (input.color && !NOTICE_COLORS.includes(input.color)) throw badInput('督办颜色无效', 'color');
    const note = input.note?.trim() ? requiredText(input.note, 'note', '督办要求', 500, 2) : '';
    const now = this.clock.now();
    const rules = await this.rules.forTenant(viewer.tenantId);
    return this.dataSource.transaction(async (m) => {
      const unit = await one<{ name: string }>(m, `SELECT name FROM unit WHERE tenant_id = $1 AND id = $2`, [
        viewer.tenantId,
        unitId,
      ]);
      if (!unit) throw notFound('单位');
      const found = await rows<TaskLightRow & { id: string; unit_id: string; title: string }>(
        m,
        `SELECT ${TASK_LIGHT_COLUMNS}, t.unit_id, kp.title FROM task t JOIN key_point kp ON kp.tenant_id = t.tenant_id AND kp.id = t.key_point_id
          WHERE t.tenant_id = $1 AND t.id = ANY($2::uuid[]) ORDER BY t.due_date, kp.seq FOR UPDATE OF t`,
        [viewer.tenantId, ids],
      );
      if (found.length !== ids.length) throw notFound('任务');
      if (found.some((t) => t.unit_id !== unitId)) throw badInput(`所选任务应都由${unit.name}承办`, 'taskIds');
      if (found.some((t) => t.status === 'DONE' || t.status === 'CLOSED'))
        throw badInput('已完成的任务无需督办', 'taskIds');
      const today = shanghaiDate(now);
      const tasks: SupervisionNoticeTaskModel[] = found.map((t) => {
        const judged = judgeTask(t, rules, now);
        const overdue = today > t.due_date ? rules.calendar.workingDaysBetween(t.due_date, today) : 0;
        return {
          taskId: t.id,
          title: t.title,
          dueDate: t.due_date,
          progress: t.progress,
          color: noticeColorOfTask(judged.reasons),
          state: stateOf(judged, overdue, t.progress),
        };
      });
      const color: NoticeColor = input.color ?? noticeColor(tasks.map((t) => t.color));
      const year = Number(today.slice(0, 4));
      // Numbers run per tenant and year without gaps or twins, also with two offices issuing at once.
      await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`supervision_notice:${viewer.tenantId}:${year}`]);
      const next = await one<{ n: number }>(
        m,
        `SELECT coalesce(max(number), 0) + 1 AS n FROM supervision_notice WHERE tenant_id = $1 AND year = $2`,
        [viewer.tenantId, year],
      );
      const created = (await one<{ id: string }>(
        m,
        `INSERT INTO supervision_notice (tenant_id, year, number, unit_id, color, note, tasks, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [viewer.tenantId, year, next!.n, unitId, color, note, JSON.stringify(tasks), viewer.userId, now],
      ))!;
      const number = noticeNumberText(year, next!.n);
      const message = `督办通知单 ${number}：${note || '请抓紧办理，并及时报送办理情况。'}`;
      await m.query(
        `INSERT INTO urge (tenant_id, task_id, level, message, created_by) SELECT $1, unnest($2::uuid[]), 'SUPERVISE', $3, $4`,
        [viewer.tenantId, ids, message, viewer.userId],
      );
      await this.audit.record(m, viewer, [
        {
          entityType: 'supervision_notice',
          entityId: created.id,
          action: 'supervision_notice.issue',
          after: { number, unitId, color, taskIds: ids, note },
        },
        ...ids.map((id) => ({
          entityType: 'task',
          entityId: id,
          action: 'SUPERVISION_NOTICE',
          after: { number, color },
          note: note || null,
        })),
      ]);
      await this.messages.taskEvent(m, viewer, 'SUPERVISE', ids, { noticeNumber: number, text: note || null }, now);
      return toSupervisionNoticeModel(
        (await one<SupervisionNoticeRow>(m, `${NOTICE_SELECT} WHERE sn.tenant_id = $1 AND sn.id = $2`, [
          viewer.tenantId,
          created.id,
        ]))!,
      );
    });
  }

  /** The office sees every notice; a unit its own. Newest first. */
  list(viewer: Viewer, args: SupervisionNoticesArgs): Promise<Connection<SupervisionNoticeModel>> {
    const params = new SqlParams([viewer.tenantId]);
    const where = ['sn.tenant_id = $1'];
    if (isUnitUser(viewer)) where.push(viewer.unitId ? `sn.unit_id = ${params.add(viewer.unitId)}` : 'false');
    if (args.unitId) where.push(`sn.unit_id = ${params.add(uuidArg(args.unitId, 'unitId'))}`);
    if (args.taskId)
      where.push(`sn.tasks @> ${params.add(JSON.stringify([{ taskId: uuidArg(args.taskId, 'taskId') }]))}::jsonb`);
    return creationOrderPage(this.dataSource, {
      select: NOTICE_SELECT,
      from: 'FROM supervision_notice sn',
      alias: 'sn',
      where,
      params,
      first: args.first,
      after: args.after,
      map: toSupervisionNoticeModel,
    });
  }

  /** The notice as a .docx to print or send as a file: the office, or the unit it is addressed to. */
  async document(viewer: Viewer, id: string): Promise<DownloadFile> {
    const notice = await this.get(viewer, id);
    const bytes = await supervisionNoticeDocx(notice, notice.tenantName);
    return { filename: `督办通知单${notice.numberText}（${notice.unitName}）.docx`, contentType: DOCX_MIME, bytes };
  }

  /** One notice, for its docx: the office, or the unit it is addressed to. */
  async get(viewer: Viewer, id: string): Promise<SupervisionNoticeModel & { tenantName: string }> {
    const row = await one<SupervisionNoticeRow & { tenant_name: string }>(
      this.dataSource,
      `${NOTICE_SELECT.replace('SELECT sn.*', 'SELECT sn.*, (SELECT name FROM tenant WHERE id = sn.tenant_id) AS tenant_name')} WHERE sn.tenant_id = $1 AND sn.id = $2`,
      [viewer.tenantId, uuidArg(id, 'id')],
    );
    if (!row || (isUnitUser(viewer) && row.unit_id !== viewer.unitId)) throw notFound('督办通知单');
    return { ...toSupervisionNoticeModel(row), tenantName: row.tenant_name };
  }
}
