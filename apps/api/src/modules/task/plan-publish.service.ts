import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { shanghaiDate } from '@duban/domain';
import { badInput } from '../../common/app-error.js';
import { Clock } from '../../common/clock.js';
import { one } from '../../common/sql.js';
import { lockForUpdate } from '../../common/version.js';
import type { Viewer } from '../../common/viewer.js';
import { AuditService } from '../audit/index.js';
import { UpperPlanPointService } from '../levels/index.js';
import { MessageEvents } from '../messaging/index.js';
import {
  planSnapshot,
  PUBLISH_PREVIEW_SQL,
  TASK_MILESTONES_FROM_DEADLINES_SQL,
  tenantDefaultDueDate,
  toPlanModel,
  toPublishPreview,
  type PlanModel,
  type PlanRow,
  type PublishPreviewRow,
} from '../plan/index.js';
import { TaskLightService } from './task-light.service.js';

/**
 * Publishing turns a draft into tasks: one per (key point, unit), in a fixed number of set-based
 * statements so a 60-item plan for 200 units (12,000 tasks) is one transaction of a few queries.
 * It lives with the tasks it creates and lights; the plan module knows nothing of tasks.
 */
@Injectable()
export class PlanPublishService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly lights: TaskLightService,
    private readonly messages: MessageEvents,
    private readonly upperPoints: UpperPlanPointService,
  ) {}

  async publishPlan(viewer: Viewer, id: string, version: number): Promise<PlanModel> {
    const published = await this.dataSource.transaction(async (m) => {
      const before = await lockForUpdate<PlanRow>(m, 'plan', viewer.tenantId, id, version, '计划');
      if (before.status !== 'DRAFT') throw badInput('计划已发布，不能重复发布', 'id');
      const preview = toPublishPreview(
        (await one<PublishPreviewRow>(m, PUBLISH_PREVIEW_SQL, [viewer.tenantId, [id]])) ?? null,
      );
      if (preview.unresolvedNames > 0)
        throw badInput(`还有 ${preview.unresolvedNames} 个单位名称未对应到单位，请逐一确认后再发布`, 'id');
      if (preview.keyPointsWithoutUnits > 0)
        throw badInput(`还有 ${preview.keyPointsWithoutUnits} 项工作要点没有承办单位，请补充后再发布`, 'id');
      if (preview.keyPoints === 0) throw badInput('计划中没有工作要点，不能发布', 'id');
      const defaultDue = await tenantDefaultDueDate(m, viewer.tenantId, before.year);
      const today = shanghaiDate(this.clock.now());

      // Without a time limit a key point is due on the tenant's default date; the key point shows it too.
      await m.query(`UPDATE key_point SET due_date = $3 WHERE tenant_id = $1 AND plan_id = $2 AND due_date IS NULL`, [
        viewer.tenantId,
        id,
        defaultDue,
      ]);
      // A unit named twice on a key point (lead and responsible) gets one task, as lead ('LEAD' < 'RESPONSIBLE').
      const created = await one<{ n: number; ids: string[] }>(
        m,
        `WITH inserted AS (
           INSERT INTO task (tenant_id, plan_id, key_point_id, unit_id, role, assigned_on, due_date, original_due_date)
           SELECT k.tenant_id, k.plan_id, k.id, ku.unit_id, min(ku.role), $3::date, k.due_date, k.due_date
           FROM key_point k JOIN key_point_unit ku ON ku.tenant_id = k.tenant_id AND ku.key_point_id = k.id
           WHERE k.tenant_id = $1 AND k.plan_id = $2
           GROUP BY k.tenant_id, k.plan_id, k.id, ku.unit_id, k.due_date
           RETURNING id)
         SELECT count(*)::int AS n, coalesce(array_agg(id), '{}') AS ids FROM inserted`,
        [viewer.tenantId, id, today],
      );
      // A plan published late in its year has tasks already due soon or overdue: light them now,
      // not at the next daily run.
      await this.lights.refresh(m, viewer.tenantId, created!.ids, this.clock.now());
      await m.query(TASK_MILESTONES_FROM_DEADLINES_SQL, [viewer.tenantId, id, null]);
      await this.messages.taskEvent(m, viewer, 'TASK_ASSIGNED', created!.ids);
      const after = await one<PlanRow>(
        m,
        `UPDATE plan SET status = 'PUBLISHED', published_at = now(), published_by = $3, version = version + 1, updated_at = now()
         WHERE tenant_id = $1 AND id = $2 RETURNING *`,
        [viewer.tenantId, id, viewer.userId],
      );
      // One audit row for the plan (with counts), not one per task: the tasks point back to it.
      await this.audit.record(m, viewer, {
        entityType: 'plan',
        entityId: id,
        action: 'plan.publish',
        before: planSnapshot(before),
        after: {
          ...planSnapshot(after!),
          tasksCreated: created!.n,
          unitsInvolved: preview.unitsInvolved,
          defaultDueDate: defaultDue,
        },
      });
      return toPlanModel(after!);
    });
    // 上下联动: the lower tenants' copies of these key points follow, after the commit.
    await this.upperPoints.upperChanged(viewer.tenantId);
    return published;
  }
}
