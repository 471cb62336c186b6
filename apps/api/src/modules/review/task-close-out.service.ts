import { Injectable } from '@nestjs/common';
import { isDomainError, nextStatus, type TaskEvent, type TaskStatus } from '@duban/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError, badInput, conflict } from '../../common/app-error.js';
import { Clock } from '../../common/clock.js';
import { one, rows } from '../../common/sql.js';
import { lockForUpdate } from '../../common/version.js';
import type { Viewer } from '../../common/viewer.js';
import { AuditService } from '../audit/index.js';
import { MessageEvents } from '../messaging/index.js';
import { TaskLightService, type TaskModel, type TaskRow, toTaskModel } from '../task/index.js';
import { taskSnapshot } from './rectification.service.js';
import { REVIEW_LIMITS } from './review-rules.js';
import { optionalText, requiredText, uuidArg } from '../../common/validation.js';

/** How many tasks one bulk 销号 may close: a ledger page's worth, checked as one transaction. */
export const MAX_BULK_CLOSE = 200;

const REFUSALS: Record<'CLOSE' | 'REOPEN', string> = {
  CLOSE: '只有办公室已验收（已完成）的任务才能办结销号',
  REOPEN: '只有已完成或已办结销号的任务才能重新打开',
};

/**
 * 办结销号 and its undoing. The domain's status rule decides what is allowed (DONE → CLOSED;
 * DONE/CLOSED → IN_PROGRESS); TaskStateService offers only report-driven transitions, so the row
 * is changed here, with the same locking, light refresh and audit it uses.
 */
@Injectable()
export class TaskCloseOutService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly lights: TaskLightService,
    private readonly clock: Clock,
    private readonly messages: MessageEvents,
  ) {}

  /** 办结销号 with the office's 销号 note (optional: acceptance already says the work is done). */
  closeTask(viewer: Viewer, taskId: string, version: number, note?: string | null): Promise<TaskModel> {
    return this.closeTasks(viewer, [{ taskId, version }], note).then(([task]) => task!);
  }

  /**
   * 销号 of several tasks from the ledger with one note: all or none, so a refused task (not accepted,
   * changed meanwhile) leaves every selected task as it was and the message names it.
   */
  closeTasks(viewer: Viewer, tasks: { taskId: string; version: number }[], note?: string | null): Promise<TaskModel[]> {
    if (tasks.length === 0) throw badInput('请选择要办结销号的任务', 'tasks');
    if (tasks.length > MAX_BULK_CLOSE) throw badInput(`一次最多办结销号 ${MAX_BULK_CLOSE} 项任务`, 'tasks');
    const wanted = tasks.map((t) => ({ id: uuidArg(t.taskId, 'taskId'), version: t.version }));
    if (new Set(wanted.map((t) => t.id)).size !== wanted.length) throw badInput('所选任务有重复', 'tasks');
    const why = optionalText(note, 'note', '销号说明', REVIEW_LIMITS.reason);
    return this.dataSource.transaction(async (m) => {
      const now = this.clock.now();
      const closed: TaskModel[] = [];
      // Locked in id order, so two offices closing overlapping selections cannot deadlock.
      for (const want of [...wanted].sort((a, b) => a.id.localeCompare(b.id))) {
        try {
          const before = await lockForUpdate<TaskRow>(m, 'task', viewer.tenantId, want.id, want.version, '任务');
          const status = transition(before.status, { type: 'CLOSE' });
          closed.push(
            await this.apply(
              m,
              viewer,
              before,
              'task.close',
              `status = $3, closed_at = $4, close_note = $5`,
              [status, now, why],
              now,
              why,
            ),
          );
        } catch (error) {
          // Among several, say which one: the transaction rolls back, the rest stay as they were.
          if (wanted.length > 1 && error instanceof AppError && error.code !== 'NOT_FOUND')
            throw new AppError(error.code, `${await this.nameOf(m, viewer, want.id)}${error.message}`);
          throw error;
        }
      }
      const order = new Map(wanted.map((t, i) => [t.id, i]));
      return closed.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
    });
  }

  /** Work accepted too early goes back to the unit; completion times are cleared, the audit keeps them. */
  reopenTask(viewer: Viewer, taskId: string, version: number, reason: string): Promise<TaskModel> {
    const id = uuidArg(taskId, 'taskId');
    const why = requiredText(reason, 'reason', '重新打开的原因', REVIEW_LIMITS.reason);
    return this.dataSource.transaction(async (m) => {
      const before = await lockForUpdate<TaskRow>(m, 'task', viewer.tenantId, id, version, '任务');
      const status = transition(before.status, { type: 'REOPEN', reason: why });
      const now = this.clock.now();
      return this.apply(
        m,
        viewer,
        before,
        'task.reopen',
        `status = $3, closed_at = NULL, close_note = NULL, completed_at = NULL, accepted_at = NULL`,
        [status],
        now,
        why,
      );
    });
  }

  /** "“单位 · 要点”：" for messages about one of several tasks (a failed statement would abort the transaction; none has). */
  private async nameOf(m: EntityManager, viewer: Viewer, taskId: string): Promise<string> {
    const [row] = await rows<{ name: string }>(
      m,
      `SELECT u.name || ' · ' || kp.label || ' ' || left(kp.title, 30) AS name
         FROM task t JOIN unit u ON u.tenant_id = t.tenant_id AND u.id = t.unit_id
         JOIN key_point kp ON kp.tenant_id = t.tenant_id AND kp.id = t.key_point_id
        WHERE t.tenant_id = $1 AND t.id = $2`,
      [viewer.tenantId, taskId],
    );
    return row ? `“${row.name}”：` : '';
  }

  private async apply(
    m: EntityManager,
    viewer: Viewer,
    before: TaskRow,
    action: string,
    sets: string,
    values: unknown[],
    now: Date,
    note: string | null,
  ): Promise<TaskModel> {
    await m.query(
      `UPDATE task SET ${sets}, version = version + 1, updated_at = now() WHERE tenant_id = $1 AND id = $2`,
      [viewer.tenantId, before.id, ...values],
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
      before: taskSnapshot(before),
      after: taskSnapshot(after),
      note,
    });
    await this.messages.taskEvent(m, viewer, action === 'task.close' ? 'TASK_CLOSED' : 'TASK_REOPENED', [before.id], {
      reason: note,
    });
    return toTaskModel(after);
  }
}

function transition(current: TaskStatus, event: TaskEvent): TaskStatus {
  try {
    return nextStatus(current, event);
  } catch (err) {
    if (isDomainError(err, 'INVALID_TRANSITION')) throw conflict(REFUSALS[event.type as 'CLOSE' | 'REOPEN']);
    throw err;
  }
}
