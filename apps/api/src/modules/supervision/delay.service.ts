import { Injectable } from '@nestjs/common';
import { delayDateProblem, delayDateRange, isTaskCompleted, shanghaiDate } from '@duban/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { badInput, conflict, forbidden, notFound } from '../../common/app-error.js';
import { Clock } from '../../common/clock.js';
import { parseLocalDate } from '../../common/scalars.js';
import { one } from '../../common/sql.js';
import { lockForUpdate } from '../../common/version.js';
import type { Viewer } from '../../common/viewer.js';
import { AuditService } from '../audit/index.js';
import { MessageEvents } from '../messaging/index.js';
import { auditView, isOwnUnitTask, TaskLightService, TaskService, type TaskRow } from '../task/index.js';
import {
  DELAY_REQUEST_SELECT,
  toDelayRequestModel,
  type DelayRequestModel,
  type DelayRequestRow,
} from './dto/delay-request.model.js';
import type { DecideDelayInput, RequestDelayInput } from './dto/supervision.input.js';
import { optionalText, requiredText, uuidArg } from '../../common/validation.js';

/** 延期申请: the unit asks, the office approves or refuses; the original due date never changes. */
@Injectable()
export class DelayService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tasks: TaskService,
    private readonly lights: TaskLightService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly messages: MessageEvents,
  ) {}

  requestDelay(viewer: Viewer, taskId: string, input: RequestDelayInput): Promise<DelayRequestModel> {
    return this.dataSource.transaction(async (m) => {
      const task = await this.tasks.findVisible(m, viewer, taskId, { forUpdate: true });
      if (!isOwnUnitTask(viewer, task)) throw forbidden('只有任务的承办单位可以申请延期');
      if (isTaskCompleted(task.status)) throw badInput('任务已完成，无需申请延期');
      const reason = requiredText(input.reason, 'reason', '延期理由', 1000, 2);
      const requested = dateField(input.requestedDueDate, 'requestedDueDate');
      const today = shanghaiDate(this.clock.now());
      const problem = delayDateProblem(requested, task.due_date, today);
      if (problem) throw badInput(DELAY_DATE_MESSAGES[problem](task.due_date, today), 'requestedDueDate');
      const pending = await one<{ '?column?': number }>(
        m,
        `SELECT 1 FROM delay_request WHERE tenant_id = $1 AND task_id = $2 AND status = 'PENDING'`,
        [viewer.tenantId, task.id],
      );
      if (pending) throw conflict('该任务已有待审批的延期申请');
      const created = (await one<{ id: string }>(
        m,
        `INSERT INTO delay_request (tenant_id, task_id, requested_by, reason, current_due_date, requested_due_date)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [viewer.tenantId, task.id, viewer.userId, reason, task.due_date, requested],
      ))!;
      const row = await this.load(m, viewer.tenantId, created.id);
      await this.audit.record(m, viewer, {
        entityType: 'delay_request',
        entityId: row.id,
        action: 'REQUEST',
        after: delayAuditView(row),
        note: reason,
      });
      return row;
    });
  }

  decideDelay(viewer: Viewer, id: string, version: number, input: DecideDelayInput): Promise<DelayRequestModel> {
    return this.dataSource.transaction(async (m) => {
      const taskId = await this.taskIdOf(m, viewer, id);
      // Task first, then the request: the same lock order as requestDelay, so the two cannot deadlock.
      const taskBefore = await lockForUpdate<TaskRow>(m, 'task', viewer.tenantId, taskId, null, '任务');
      const before = await lockForUpdate<DelayRequestRow>(m, 'delay_request', viewer.tenantId, id, version, '延期申请');
      if (before.status !== 'PENDING') throw conflict('该延期申请已处理，请刷新后查看');
      const comment = input.approve
        ? optionalText(input.comment, 'comment', '意见', 500)
        : requiredText(input.comment, 'comment', '不予批准的理由', 500, 2);
      const status = input.approve ? 'APPROVED' : 'REFUSED';
      await m.query(
        `UPDATE delay_request SET status = $3, decided_by = $4, decided_at = clock_timestamp(), decision_comment = $5, version = version + 1
          WHERE tenant_id = $1 AND id = $2`,
        [viewer.tenantId, id, status, viewer.userId, comment],
      );
      if (input.approve) {
        await m.query(
          `UPDATE task SET due_date = $3, version = version + 1, updated_at = now() WHERE tenant_id = $1 AND id = $2`,
          [viewer.tenantId, taskId, before.requested_due_date],
        );
        await this.lights.refresh(m, viewer.tenantId, [taskId], this.clock.now());
        const taskAfter = (await one<TaskRow>(m, `SELECT * FROM task WHERE tenant_id = $1 AND id = $2`, [
          viewer.tenantId,
          taskId,
        ]))!;
        await this.audit.record(m, viewer, {
          entityType: 'task',
          entityId: taskId,
          action: 'DUE_DATE_EXTENDED',
          before: auditView(taskBefore),
          after: auditView(taskAfter),
          note: comment,
        });
      }
      const after = await this.load(m, viewer.tenantId, id);
      await this.audit.record(m, viewer, {
        entityType: 'delay_request',
        entityId: id,
        action: status === 'APPROVED' ? 'APPROVE' : 'REFUSE',
        before: delayAuditView(toDelayRequestModel(before)),
        after: delayAuditView(after),
        note: comment,
      });
      await this.messages.taskEvent(m, viewer, 'DELAY_DECIDED', [taskId], { approved: input.approve, text: comment });
      return after;
    });
  }

  withdrawDelay(viewer: Viewer, id: string, version: number): Promise<DelayRequestModel> {
    return this.dataSource.transaction(async (m) => {
      const taskId = await this.taskIdOf(m, viewer, id);
      const task = await this.tasks.findVisible(m, viewer, taskId, { forUpdate: true });
      if (!isOwnUnitTask(viewer, task)) throw forbidden('只有任务的承办单位可以撤回延期申请');
      const before = await lockForUpdate<DelayRequestRow>(m, 'delay_request', viewer.tenantId, id, version, '延期申请');
      if (before.status !== 'PENDING') throw conflict('该延期申请已处理，不能撤回');
      await m.query(
        `UPDATE delay_request SET status = 'WITHDRAWN', version = version + 1 WHERE tenant_id = $1 AND id = $2`,
        [viewer.tenantId, id],
      );
      const after = await this.load(m, viewer.tenantId, id);
      await this.audit.record(m, viewer, {
        entityType: 'delay_request',
        entityId: id,
        action: 'WITHDRAW',
        before: delayAuditView(toDelayRequestModel(before)),
        after: delayAuditView(after),
      });
      return after;
    });
  }

  /** The request's task, when the viewer may see that task; NOT_FOUND otherwise (other tenants, other units). */
  private async taskIdOf(m: EntityManager, viewer: Viewer, id: string): Promise<string> {
    const row = await one<{ task_id: string }>(
      m,
      `SELECT task_id FROM delay_request WHERE tenant_id = $1 AND id = $2`,
      [viewer.tenantId, uuidArg(id, 'id')],
    );
    if (!row) throw notFound('延期申请');
    await this.tasks.findVisible(m, viewer, row.task_id).catch(() => {
      throw notFound('延期申请');
    });
    return row.task_id;
  }

  private async load(m: EntityManager, tenantId: string, id: string): Promise<DelayRequestModel> {
    return toDelayRequestModel(
      (await one<DelayRequestRow>(m, `${DELAY_REQUEST_SELECT} WHERE d.tenant_id = $1 AND d.id = $2`, [tenantId, id]))!,
    );
  }
}

const DELAY_DATE_MESSAGES: Record<
  NonNullable<ReturnType<typeof delayDateProblem>>,
  (due: string, today: string) => string
> = {
  NOT_AFTER_DUE: (due) => `申请的完成时限应晚于当前时限 ${due}`,
  IN_PAST: (_due, today) => `申请的完成时限已经过去，请选择今天（${today}）或以后的日期`,
  TOO_FAR: (due, today) => `申请的完成时限不能晚于 ${delayDateRange(due, today).latest}（最长延期一年）`,
};

function dateField(value: string, field: string): string {
  try {
    return parseLocalDate(value);
  } catch {
    throw badInput('日期格式应为 YYYY-MM-DD', field);
  }
}

function delayAuditView(d: DelayRequestModel) {
  return {
    status: d.status,
    currentDueDate: d.currentDueDate,
    requestedDueDate: d.requestedDueDate,
    decisionComment: d.decisionComment,
    version: d.version,
  };
}
