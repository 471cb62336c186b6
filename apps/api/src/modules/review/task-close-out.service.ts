import { Injectable } from '@nestjs/common';
import { isDomainError, nextStatus, type TaskEvent, type TaskStatus } from '@duban/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { conflict } from '../../common/app-error.js';
import { Clock } from '../../common/clock.js';
import { one } from '../../common/sql.js';
import { lockForUpdate } from '../../common/version.js';
import { requireOffice, type Viewer } from '../../common/viewer.js';
import { AuditService } from '../audit/audit.service.js';
import { toTaskModel, type TaskModel } from '../task/dto/task.model.js';
import { TaskLightService } from '../task/index.js';
import { taskSnapshot } from './rectification.service.js';
import { REVIEW_LIMITS, requiredText, uuidArg } from './review-rules.js';

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
  ) {}

  closeTask(viewer: Viewer, taskId: string, version: number): Promise<TaskModel> {
    requireOffice(viewer);
    const id = uuidArg(taskId, 'taskId');
    return this.dataSource.transaction(async (m) => {
      const before = await lockForUpdate(m, 'task', viewer.tenantId, id, version, '任务');
      const status = transition(before.status, { type: 'CLOSE' });
      const now = this.clock.now();
      return this.apply(m, viewer, before, 'task.close', `status = $3, closed_at = $4`, [status, now], now, null);
    });
  }

  /** Work accepted too early goes back to the unit; completion times are cleared, the audit keeps them. */
  reopenTask(viewer: Viewer, taskId: string, version: number, reason: string): Promise<TaskModel> {
    requireOffice(viewer);
    const id = uuidArg(taskId, 'taskId');
    const why = requiredText(reason, 'reason', '重新打开的原因', REVIEW_LIMITS.reason);
    return this.dataSource.transaction(async (m) => {
      const before = await lockForUpdate(m, 'task', viewer.tenantId, id, version, '任务');
      const status = transition(before.status, { type: 'REOPEN', reason: why });
      const now = this.clock.now();
      return this.apply(m, viewer, before, 'task.reopen', `status = $3, closed_at = NULL, completed_at = NULL, accepted_at = NULL`, [status], now, why);
    });
  }

  private async apply(m: EntityManager, viewer: Viewer, before: Record<string, any>, action: string, sets: string, values: unknown[], now: Date, note: string | null): Promise<TaskModel> {
    await m.query(`UPDATE task SET ${sets}, version = version + 1, updated_at = now() WHERE tenant_id = $1 AND id = $2`, [viewer.tenantId, before.id, ...values]);
    await this.lights.refresh(m, viewer.tenantId, [before.id], now);
    const after = (await one(m, `SELECT * FROM task WHERE tenant_id = $1 AND id = $2`, [viewer.tenantId, before.id]))!;
    await this.audit.record(m, viewer, { entityType: 'task', entityId: before.id, action, before: taskSnapshot(before), after: taskSnapshot(after), note });
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
