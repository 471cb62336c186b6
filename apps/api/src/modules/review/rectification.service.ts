import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { conflict } from '../../common/app-error.js';
import { one } from '../../common/sql.js';
import { lockForUpdate } from '../../common/version.js';
import type { Viewer } from '../../common/viewer.js';
import { AuditService } from '../audit/index.js';
import { MessageEvents } from '../messaging/index.js';
import { TaskLightService, type TaskRow } from '../task/index.js';

/** The task fields a rectification's audit rows keep. */
export const taskSnapshot = (row: TaskRow) => ({
  kind: row.kind,
  originTaskId: row.origin_task_id,
  unitId: row.unit_id,
  role: row.role,
  status: row.status,
  assignedOn: row.assigned_on,
  dueDate: row.due_date,
  originalDueDate: row.original_due_date,
  light: row.light,
  completedAt: row.completed_at,
  closedAt: row.closed_at,
  version: row.version,
});

/**
 * 整改 tasks a review creates, re-times or withdraws, inside the verdict's transaction. They are
 * ordinary task rows (kind RECTIFICATION, origin_task_id → the reviewed task) under the original's
 * plan, key point, unit and role, so reports, delays, urges, lights and the ledger treat them like
 * any task.
 */
@Injectable()
export class RectificationService {
  constructor(
    private readonly audit: AuditService,
    private readonly lights: TaskLightService,
    private readonly messages: MessageEvents,
  ) {}

  async create(
    m: EntityManager,
    viewer: Viewer,
    origin: TaskRow,
    dueDate: string,
    today: string,
    now: Date,
    requirement: string,
  ): Promise<string> {
    const row = (await one<TaskRow>(
      m,
      `INSERT INTO task (tenant_id, plan_id, key_point_id, unit_id, role, kind, origin_task_id, status, assigned_on, due_date, original_due_date, light)
       VALUES ($1, $2, $3, $4, $5, 'RECTIFICATION', $6, 'NOT_STARTED', $7, $8, $8, 'GREEN') RETURNING *`,
      [viewer.tenantId, origin.plan_id, origin.key_point_id, origin.unit_id, origin.role, origin.id, today, dueDate],
    ))!;
    await this.lights.refresh(m, viewer.tenantId, [row.id], now);
    await this.audit.record(m, viewer, {
      entityType: 'task',
      entityId: row.id,
      action: 'task.rectification.create',
      after: taskSnapshot(row),
      note: requirement,
    });
    await this.messages.taskEvent(m, viewer, 'TASK_ASSIGNED', [row.id]);
    return row.id;
  }

  /** A re-recorded verdict moves the existing 整改 task's time limit instead of creating another. */
  async retime(
    m: EntityManager,
    viewer: Viewer,
    taskId: string,
    dueDate: string,
    now: Date,
    requirement: string,
  ): Promise<void> {
    const before = await lockForUpdate<TaskRow>(m, 'task', viewer.tenantId, taskId, null, '整改任务');
    if (before.due_date === dueDate) return;
    if (before.status === 'DONE' || before.status === 'CLOSED') throw conflict('整改任务已完成，不能再修改整改时限');
    const after = (await one<TaskRow>(
      m,
      `UPDATE task SET due_date = $3, original_due_date = $3, version = version + 1, updated_at = now()
        WHERE tenant_id = $1 AND id = $2 RETURNING *`,
      [viewer.tenantId, taskId, dueDate],
    ))!;
    await this.lights.refresh(m, viewer.tenantId, [taskId], now);
    await this.audit.record(m, viewer, {
      entityType: 'task',
      entityId: taskId,
      action: 'task.rectification.retime',
      before: taskSnapshot(before),
      after: taskSnapshot(after),
      note: requirement,
    });
  }

  /**
   * The verdict no longer calls for 整改: the task goes, but only while nobody has worked on it —
   * reports, delay requests or urges are history that must not disappear.
   */
  async withdraw(m: EntityManager, viewer: Viewer, taskId: string): Promise<void> {
    const before = await lockForUpdate<TaskRow>(m, 'task', viewer.tenantId, taskId, null, '整改任务');
    const used = (await one<{ reports: number; delays: number; urges: number }>(
      m,
      `SELECT (SELECT count(*) FROM progress_report WHERE tenant_id = $1 AND task_id = $2)::int AS reports,
              (SELECT count(*) FROM delay_request WHERE tenant_id = $1 AND task_id = $2)::int AS delays,
              (SELECT count(*) FROM urge WHERE tenant_id = $1 AND task_id = $2)::int AS urges`,
      [viewer.tenantId, taskId],
    ))!;
    if (used.reports > 0) throw conflict('整改任务已有报送记录，不能撤销；如已整改到位，请通过报送验收后办结销号');
    if (used.delays > 0 || used.urges > 0) throw conflict('整改任务已有延期申请或催办记录，不能撤销');
    await m.query(
      `UPDATE review_item SET rectification_task_id = NULL WHERE tenant_id = $1 AND rectification_task_id = $2`,
      [viewer.tenantId, taskId],
    );
    await m.query(`DELETE FROM task WHERE tenant_id = $1 AND id = $2`, [viewer.tenantId, taskId]);
    await this.audit.record(m, viewer, {
      entityType: 'task',
      entityId: taskId,
      action: 'task.rectification.withdraw',
      before: taskSnapshot(before),
    });
  }
}
