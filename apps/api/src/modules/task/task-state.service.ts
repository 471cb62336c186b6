import { Injectable } from '@nestjs/common';
import { isDomainError, nextStatus, type TaskEvent, type TaskStatus } from '@duban/domain';
import type { EntityManager } from 'typeorm';
import { badInput, conflict } from '../../common/app-error.js';
import { Clock } from '../../common/clock.js';
import { one } from '../../common/sql.js';
import { lockForUpdate } from '../../common/version.js';
import type { Viewer } from '../../common/viewer.js';
import { AuditService } from '../audit/index.js';
import { toTaskModel, type TaskModel, type TaskRow } from './dto/task.model.js';
import { TaskLightService } from './task-light.service.js';
import { auditView } from './task-audit-view.js';

/** Why an event does not fit the task's status, in the words the unit and office see. */
const REFUSALS: Partial<Record<TaskStatus, string>> = {
  SUBMITTED: '任务已报完成，正在等待办公室审核，暂不能再次报送',
  DONE: '任务已完成，无需再报送',
  CLOSED: '任务已办结销号，无需再报送',
};

export interface ReportSubmitted {
  progress: number;
  claimsCompletion: boolean;
  at: Date;
  /** The unit's leader must still approve the report: a completion claim waits for that. */
  pendingLeaderApproval?: boolean;
}

/**
 * Task status changes driven by progress reports. The report module calls these inside ITS
 * transaction after it has checked who may act; each one locks the task, applies the domain's
 * transition rule, bumps the version, refreshes the stored light and writes the audit row.
 */
@Injectable()
export class TaskStateService {
  constructor(
    private readonly audit: AuditService,
    private readonly lights: TaskLightService,
    private readonly clock: Clock,
  ) {}

  async onReportSubmitted(
    m: EntityManager,
    viewer: Viewer,
    taskId: string,
    report: ReportSubmitted,
  ): Promise<TaskModel> {
    if (!Number.isInteger(report.progress) || report.progress < 0 || report.progress > 100)
      throw badInput('进度应为 0 到 100 之间的整数', 'progress');
    const before = await lockForUpdate<TaskRow>(m, 'task', viewer.tenantId, taskId, null, '任务');
    const claims = report.claimsCompletion && !report.pendingLeaderApproval;
    const status = transition(before.status, { type: claims ? 'CLAIM_COMPLETION' : 'REPORT_PROGRESS' });
    return this.update(
      m,
      viewer,
      before,
      'REPORT_SUBMITTED',
      { status, progress: report.progress, last_report_at: report.at },
      report.at,
    );
  }

  async onReportAccepted(
    m: EntityManager,
    viewer: Viewer,
    taskId: string,
    report: { claimsCompletion: boolean; at: Date },
  ): Promise<TaskModel> {
    const before = await lockForUpdate<TaskRow>(m, 'task', viewer.tenantId, taskId, null, '任务');
    if (report.claimsCompletion && before.status === 'SUBMITTED') {
      // On time is judged by when the unit claimed completion, not by how long the office took.
      const completedAt = before.last_report_at ?? report.at;
      return this.update(
        m,
        viewer,
        before,
        'REPORT_ACCEPTED',
        {
          status: transition(before.status, { type: 'ACCEPT' }),
          progress: 100,
          completed_at: completedAt,
          accepted_at: report.at,
        },
        report.at,
      );
    }
    return this.update(m, viewer, before, 'REPORT_ACCEPTED', {}, report.at);
  }

  async onReportReturned(
    m: EntityManager,
    viewer: Viewer,
    taskId: string,
    report: { reason?: string; at?: Date } = {},
  ): Promise<TaskModel> {
    const before = await lockForUpdate<TaskRow>(m, 'task', viewer.tenantId, taskId, null, '任务');
    const at = report.at ?? this.clock.now();
    if (before.status !== 'SUBMITTED') return this.update(m, viewer, before, 'REPORT_RETURNED', {}, at, report.reason);
    const status = transition(before.status, { type: 'RETURN', reason: report.reason?.trim() || '退回报送' });
    return this.update(m, viewer, before, 'REPORT_RETURNED', { status }, at, report.reason);
  }

  private async update(
    m: EntityManager,
    viewer: Viewer,
    before: TaskRow,
    action: string,
    changes: Record<string, unknown>,
    now: Date,
    note?: string,
  ): Promise<TaskModel> {
    const columns = Object.keys(changes);
    const sets = columns.map((c, i) => `${c} = $${i + 3}`);
    await m.query(
      `UPDATE task SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE tenant_id = $1 AND id = $2`,
      [viewer.tenantId, before.id, ...columns.map((c) => changes[c])],
    );
    await this.lights.refresh(m, viewer.tenantId, [before.id], now);
    const after = (await one<TaskRow>(m, `SELECT * FROM task WHERE tenant_id = $1 AND id = $2`, [
      viewer.tenantId,
      before.id,
    ]))!;
    await this.audit.record(m, viewer, {
      entityType: 'task',
      entityId: before.id,
      action,
      before: auditView(before),
      after: auditView(after),
      note: note ?? null,
    });
    return toTaskModel(after);
  }
}

function transition(current: TaskStatus, event: TaskEvent): TaskStatus {
  try {
    return nextStatus(current, event);
  } catch (err) {
    if (isDomainError(err, 'INVALID_TRANSITION')) throw conflict(REFUSALS[current] ?? '任务当前状态不允许此操作');
    throw err;
  }
}
