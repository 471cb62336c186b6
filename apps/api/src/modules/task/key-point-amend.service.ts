import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { shanghaiDate } from '@duban/domain';
import { badInput, conflict, notFound } from '../../common/app-error.js';
import { Clock } from '../../common/clock.js';
import { one, rows } from '../../common/sql.js';
import { lockForUpdate } from '../../common/version.js';
import { requiredText } from '../../common/validation.js';
import type { Viewer } from '../../common/viewer.js';
import { type AuditEntry, AuditService } from '../audit/index.js';
import { MessageEvents } from '../messaging/index.js';
import {
  dateInPlanYearOrLater,
  LIMITS,
  sharePlanOf,
  TASK_MILESTONES_FROM_DEADLINES_SQL,
  toKeyPointModel,
  type KeyPointModel,
  type KeyPointRow,
  type PlanRow,
} from '../plan/index.js';
import type { TaskRow } from './dto/task.model.js';
import { TaskLightService } from './task-light.service.js';
import type { AmendKeyPointInput, UnitRoleInput } from './dto/amend-key-point.input.js';

/**
 * Changes to a published key point: units added (new tasks) or removed (tasks nobody has worked on),
 * and a new due date for its open tasks. Each change is recorded with the reason given. Like
 * publishing, it makes and changes tasks, so it lives in the task module.
 */
@Injectable()
export class KeyPointAmendService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly lights: TaskLightService,
    private readonly messages: MessageEvents,
  ) {}

  async amendKeyPoint(
    viewer: Viewer,
    keyPointId: string,
    version: number,
    input: AmendKeyPointInput,
  ): Promise<KeyPointModel> {
    const reason = requiredText(input.reason, 'reason', '调整原因', LIMITS.reason);
    const addUnits = input.addUnits ?? [];
    const removeUnitIds = [...new Set(input.removeUnitIds ?? [])];
    if (!addUnits.length && !removeUnitIds.length && !input.dueDate)
      throw badInput('请至少填写一项调整内容', 'addUnits');
    if (new Set(addUnits.map((u) => u.unitId)).size !== addUnits.length) throw badInput('新增单位有重复', 'addUnits');
    if (addUnits.some((u) => removeUnitIds.includes(u.unitId)))
      throw badInput('同一单位不能既新增又移除', 'removeUnitIds');

    return this.dataSource.transaction(async (m) => {
      const { plan } = await sharePlanOf(m, viewer.tenantId, 'key_point', keyPointId);
      if (plan.status !== 'PUBLISHED') throw badInput('只能调整已发布计划的工作要点；草稿请直接编辑', 'keyPointId');
      const before = await lockForUpdate<KeyPointRow>(m, 'key_point', viewer.tenantId, keyPointId, version, '工作要点');
      const dueDate = input.dueDate ? dateInPlanYearOrLater(input.dueDate, plan.year, 'dueDate') : null;
      const audit: AuditEntry[] = [];
      const removed = await this.removeTasks(m, viewer.tenantId, keyPointId, removeUnitIds, reason, audit);
      const redated = dueDate ? await this.redate(m, viewer.tenantId, keyPointId, dueDate, reason, audit) : [];
      const added = await this.addTasks(
        m,
        viewer,
        plan,
        keyPointId,
        dueDate ?? before.due_date,
        addUnits,
        reason,
        audit,
      );
      if (removed.length) {
        const remaining = await one<{ n: number }>(
          m,
          `SELECT count(*)::int AS n FROM task WHERE tenant_id = $1 AND key_point_id = $2 AND kind = 'NORMAL'`,
          [viewer.tenantId, keyPointId],
        );
        if (!remaining?.n) throw badInput('工作要点至少要有一个承办单位', 'removeUnitIds');
      }
      // A new date turns a red task green (and new tasks need a light): every task of the key point is
      // judged again in this transaction.
      const taskIds = await rows<{ id: string }>(
        m,
        `SELECT id FROM task WHERE tenant_id = $1 AND key_point_id = $2 AND kind = 'NORMAL'`,
        [viewer.tenantId, keyPointId],
      );
      await this.lights.refresh(
        m,
        viewer.tenantId,
        taskIds.map((t) => t.id),
        this.clock.now(),
      );
      const after = await one<KeyPointRow>(
        m,
        `UPDATE key_point SET due_date = coalesce($3, due_date), version = version + 1, updated_at = now() WHERE tenant_id = $1 AND id = $2 RETURNING *`,
        [viewer.tenantId, keyPointId, dueDate],
      );
      audit.push({
        entityType: 'key_point',
        entityId: keyPointId,
        action: 'key_point.amend',
        before: { due_date: before.due_date },
        after: { due_date: after!.due_date, addedUnitIds: added, removedUnitIds: removed },
        note: reason,
      });
      await this.audit.record(m, viewer, audit);
      await this.messages.taskEvent(m, viewer, 'TASK_AMENDED', redated, { reason, previousDueDate: before.due_date });
      await this.messages.taskEvent(
        m,
        viewer,
        'TASK_ASSIGNED',
        audit.filter((e) => e.action === 'task.add').map((e) => e.entityId),
      );
      return toKeyPointModel(after!);
    });
  }

  private async removeTasks(
    m: EntityManager,
    tenantId: string,
    keyPointId: string,
    unitIds: string[],
    reason: string,
    audit: AuditEntry[],
  ) {
    if (!unitIds.length) return [];
    const tasks = await rows<TaskRow & { unit_name: string; reported: boolean; has_history: boolean }>(
      m,
      `SELECT t.*, u.name AS unit_name,
         EXISTS (SELECT 1 FROM progress_report r WHERE r.tenant_id = t.tenant_id AND r.task_id = t.id) AS reported,
         (EXISTS (SELECT 1 FROM urge x WHERE x.tenant_id = t.tenant_id AND x.task_id = t.id)
          OR EXISTS (SELECT 1 FROM delay_request x WHERE x.tenant_id = t.tenant_id AND x.task_id = t.id)
          OR EXISTS (SELECT 1 FROM task x WHERE x.tenant_id = t.tenant_id AND x.origin_task_id = t.id)) AS has_history
       FROM task t JOIN unit u ON u.tenant_id = t.tenant_id AND u.id = t.unit_id
       WHERE t.tenant_id = $1 AND t.key_point_id = $2 AND t.unit_id = ANY($3::uuid[]) AND t.kind = 'NORMAL'
       FOR UPDATE OF t`,
      [tenantId, keyPointId, unitIds],
    );
    if (tasks.length !== unitIds.length) throw notFound('要移除的承办单位');
    for (const t of tasks) {
      if (t.reported) throw conflict(`“${t.unit_name}”已报送进展，不能移除，可改为调整完成时限或办结销号`);
      if (t.has_history) throw conflict(`“${t.unit_name}”的任务已有催办、延期或整改记录，不能移除，可改为办结销号`);
    }
    await m.query(`DELETE FROM task WHERE tenant_id = $1 AND id = ANY($2::uuid[])`, [tenantId, tasks.map((t) => t.id)]);
    await m.query(
      `DELETE FROM key_point_unit WHERE tenant_id = $1 AND key_point_id = $2 AND unit_id = ANY($3::uuid[])`,
      [tenantId, keyPointId, unitIds],
    );
    for (const t of tasks) {
      const { reported: _r, has_history: _h, unit_name: _n, ...before } = t;
      audit.push({ entityType: 'task', entityId: t.id, action: 'task.remove', before, note: reason });
    }
    return unitIds;
  }

  /**
   * Open tasks move to the new date; original_due_date keeps the first one; done tasks keep theirs.
   * The office moved it, so (like an approved delay) the new date is the one lateness is judged by.
   */
  private async redate(
    m: EntityManager,
    tenantId: string,
    keyPointId: string,
    dueDate: string,
    reason: string,
    audit: AuditEntry[],
  ) {
    const changed = await rows<{ id: string; before_due: string; after_due: string }>(
      m,
      `UPDATE task t SET due_date = $3, due_date_amended = true, version = t.version + 1, updated_at = now()
       FROM task old
       WHERE t.tenant_id = $1 AND t.key_point_id = $2 AND t.kind = 'NORMAL' AND t.status NOT IN ('DONE', 'CLOSED') AND t.due_date <> $3
         AND old.tenant_id = t.tenant_id AND old.id = t.id
       RETURNING t.id, old.due_date AS before_due, t.due_date AS after_due`,
      [tenantId, keyPointId, dueDate],
    );
    for (const c of changed) {
      audit.push({
        entityType: 'task',
        entityId: c.id,
        action: 'task.due_date.amend',
        before: { due_date: c.before_due },
        after: { due_date: c.after_due },
        note: reason,
      });
    }
    return changed.map((c) => c.id);
  }

  private async addTasks(
    m: EntityManager,
    viewer: Viewer,
    plan: PlanRow,
    keyPointId: string,
    dueDate: string | null,
    units: UnitRoleInput[],
    reason: string,
    audit: AuditEntry[],
  ) {
    if (!units.length) return [];
    const ids = units.map((u) => u.unitId);
    const found = await rows<{ id: string; name: string; active: boolean }>(
      m,
      `SELECT id, name, active FROM unit WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
      [viewer.tenantId, ids],
    );
    if (found.length !== ids.length) throw notFound('单位');
    const inactive = found.find((u) => !u.active);
    if (inactive) throw badInput(`单位“${inactive.name}”已停用`, 'addUnits');
    const existing = await rows<{ '?column?': number }>(
      m,
      `SELECT 1 FROM task WHERE tenant_id = $1 AND key_point_id = $2 AND unit_id = ANY($3::uuid[]) AND kind = 'NORMAL'`,
      [viewer.tenantId, keyPointId, ids],
    );
    if (existing.length) throw badInput('所选单位已承办此工作要点', 'addUnits');
    const names = new Map(found.map((u) => [u.id, u.name]));
    await m.query(
      `INSERT INTO key_point_unit (tenant_id, key_point_id, role, raw_name, unit_id, sort)
       SELECT $1, $2, x.role, x.name, x.unit_id, (SELECT coalesce(max(sort), 0) FROM key_point_unit WHERE tenant_id = $1 AND key_point_id = $2) + x.n
       FROM unnest($3::text[], $4::text[], $5::uuid[]) WITH ORDINALITY AS x(role, name, unit_id, n)`,
      [viewer.tenantId, keyPointId, units.map((u) => u.role), units.map((u) => names.get(u.unitId)), ids],
    );
    const tasks = await rows<TaskRow>(
      m,
      `INSERT INTO task (tenant_id, plan_id, key_point_id, unit_id, role, assigned_on, due_date, original_due_date)
       SELECT $1, $2, $3, x.unit_id, x.role, $7::date, $4, $4
       FROM unnest($5::uuid[], $6::text[]) AS x(unit_id, role)
       RETURNING *`,
      [viewer.tenantId, plan.id, keyPointId, dueDate, ids, units.map((u) => u.role), shanghaiDate(this.clock.now())],
    );
    await m.query(TASK_MILESTONES_FROM_DEADLINES_SQL, [viewer.tenantId, plan.id, tasks.map((t) => t.id)]);
    for (const t of tasks)
      audit.push({ entityType: 'task', entityId: t.id, action: 'task.add', after: t, note: reason });
    return ids;
  }
}
