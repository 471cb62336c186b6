import { Injectable } from '@nestjs/common';
import { isTaskCompleted } from '@duban/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { badInput, forbidden, notFound } from '../../common/app-error.js';
import type { Connection } from '../../common/pagination.js';
import { one } from '../../common/sql.js';
import { readsWholeTenant, type Viewer } from '../../common/viewer.js';
import { AuditService } from '../audit/index.js';
import { MessageEvents } from '../messaging/index.js';
import { auditView, isOwnUnitTask, TaskService, type TaskRow } from '../task/index.js';
import type { UrgesArgs } from './dto/supervision.input.js';
import { toUrgeModel, URGE_SELECT, type UrgeModel, type UrgeRow } from './dto/urge.model.js';
import { SqlParams } from '../../common/sql.js';
import { requiredText, uuidArg } from '../../common/validation.js';
import { creationOrderPage } from '../../common/keyset-page.js';
import { createOnce } from '../../common/idempotency.js';

/**
 * 催办: the office urges a task, the unit acknowledges; task.urge_count keeps the tally.
 * Record timestamps come from the database clock (they order the list); Clock is for rule dates.
 */
@Injectable()
export class UrgeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tasks: TaskService,
    private readonly audit: AuditService,
    private readonly messages: MessageEvents,
  ) {}

  urgeTask(viewer: Viewer, taskId: string, message: string, idempotencyKey?: string | null): Promise<UrgeModel> {
    return this.dataSource.transaction((m) =>
      createOnce(m, viewer, {
        operation: `urge:${taskId}`,
        key: idempotencyKey,
        create: () => this.insertUrge(m, viewer, taskId, message),
        idOf: (urge) => urge.id,
        replay: (id) => this.load(m, viewer.tenantId, id),
      }),
    );
  }

  private async insertUrge(m: EntityManager, viewer: Viewer, taskId: string, message: string): Promise<UrgeModel> {
    const task = await this.tasks.findVisible(m, viewer, taskId, { forUpdate: true });
    if (isTaskCompleted(task.status)) throw badInput('任务已完成，无需催办');
    const text = requiredText(message, 'message', '催办内容', 500, 2);
    const created = (await one<{ id: string }>(
      m,
      `INSERT INTO urge (tenant_id, task_id, level, message, created_by) VALUES ($1, $2, 'URGE', $3, $4) RETURNING id`,
      [viewer.tenantId, task.id, text, viewer.userId],
    ))!;
    await m.query(
      `UPDATE task SET urge_count = urge_count + 1, version = version + 1, updated_at = now() WHERE tenant_id = $1 AND id = $2`,
      [viewer.tenantId, task.id],
    );
    const taskAfter = (await one<TaskRow>(m, `SELECT * FROM task WHERE tenant_id = $1 AND id = $2`, [
      viewer.tenantId,
      task.id,
    ]))!;
    const urge = await this.load(m, viewer.tenantId, created.id);
    await this.audit.record(m, viewer, [
      {
        entityType: 'urge',
        entityId: urge.id,
        action: 'URGE',
        after: { level: urge.level, message: urge.message },
        note: text,
      },
      {
        entityType: 'task',
        entityId: task.id,
        action: 'URGED',
        before: auditView(task),
        after: auditView(taskAfter),
      },
    ]);
    await this.messages.taskEvent(m, viewer, 'URGE', [task.id], { text });
    return urge;
  }

  /** Idempotent: acknowledging twice keeps the first acknowledgement (who and when). */
  acknowledgeUrge(viewer: Viewer, id: string): Promise<UrgeModel> {
    return this.dataSource.transaction(async (m) => {
      const found = await one<{ task_id: string }>(m, `SELECT task_id FROM urge WHERE tenant_id = $1 AND id = $2`, [
        viewer.tenantId,
        uuidArg(id, 'id'),
      ]);
      if (!found) throw notFound('催办通知');
      const task = await this.tasks.findVisible(m, viewer, found.task_id).catch(() => {
        throw notFound('催办通知');
      });
      if (!isOwnUnitTask(viewer, task)) throw forbidden('只有任务的承办单位可以签收催办');
      const before = (await one<UrgeRow>(m, `SELECT * FROM urge WHERE tenant_id = $1 AND id = $2 FOR UPDATE`, [
        viewer.tenantId,
        id,
      ]))!;
      if (before.acknowledged_at) return this.load(m, viewer.tenantId, id);
      await m.query(
        `UPDATE urge SET acknowledged_by = $3, acknowledged_at = clock_timestamp() WHERE tenant_id = $1 AND id = $2`,
        [viewer.tenantId, id, viewer.userId],
      );
      const after = await this.load(m, viewer.tenantId, id);
      await this.audit.record(m, viewer, {
        entityType: 'urge',
        entityId: id,
        action: 'ACKNOWLEDGE',
        before: { acknowledgedAt: null },
        after: { acknowledgedAt: after.acknowledgedAt },
      });
      return after;
    });
  }

  /** Office and leadership: the tenant's urges; unit users: their own unit's. Newest first. */
  urges(viewer: Viewer, args: UrgesArgs): Promise<Connection<UrgeModel>> {
    const params = new SqlParams();
    const where = [`g.tenant_id = ${params.add(viewer.tenantId)}`];
    if (!readsWholeTenant(viewer)) where.push(viewer.unitId ? `t.unit_id = ${params.add(viewer.unitId)}` : 'false');
    const filter = args.filter;
    if (filter?.unitId) where.push(`t.unit_id = ${params.add(uuidArg(filter.unitId, 'unitId'))}`);
    if (filter?.taskId) where.push(`g.task_id = ${params.add(uuidArg(filter.taskId, 'taskId'))}`);
    if (filter?.unacknowledged) where.push('g.acknowledged_at IS NULL');
    const join = 'JOIN task t ON t.tenant_id = g.tenant_id AND t.id = g.task_id';
    return creationOrderPage(this.dataSource, {
      select: `${URGE_SELECT} ${join}`,
      from: `FROM urge g ${join}`,
      alias: 'g',
      where,
      params,
      first: args.first,
      after: args.after,
      map: toUrgeModel,
    });
  }

  private async load(m: EntityManager, tenantId: string, id: string): Promise<UrgeModel> {
    return toUrgeModel((await one<UrgeRow>(m, `${URGE_SELECT} WHERE g.tenant_id = $1 AND g.id = $2`, [tenantId, id]))!);
  }
}
