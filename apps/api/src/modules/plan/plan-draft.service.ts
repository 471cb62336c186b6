import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { badInput, conflict, notFound } from '../../common/app-error.js';
import { one } from '../../common/sql.js';
import { lockForUpdate } from '../../common/version.js';
import type { Viewer } from '../../common/viewer.js';
import { AuditService } from '../audit/index.js';
import type { DeadlineInput } from './dto/key-point.input.js';
import { toPlanModel, type PlanModel, type PlanRow } from './dto/plan.model.js';
import type { MilestoneRow } from './dto/deadline.model.js';
import type { UpdatePlanInput } from './dto/update-plan.input.js';
import { docNumberKey } from './import/document-identity.js';
import { planSnapshot, requireDraft } from './plan-locks.js';
import { dateInPlanYearOrLater, given, LIMITS, planYear } from './plan-validation.js';
import { optionalText, requiredText } from '../../common/validation.js';

/** Plan-level edits: header fields, the upper-level plan, plan milestones, deleting a draft. */
@Injectable()
export class PlanDraftService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async updatePlan(viewer: Viewer, id: string, version: number, input: UpdatePlanInput): Promise<PlanModel> {
    return this.dataSource.transaction(async (m) => {
      const before = await lockForUpdate<PlanRow>(m, 'plan', viewer.tenantId, id, version, '计划');
      const next = {
        title: given(input, 'title') ? requiredText(input.title, 'title', '标题', LIMITS.title) : before.title,
        year: before.year as number,
        doc_number: given(input, 'docNumber')
          ? optionalText(input.docNumber, 'docNumber', '文号', LIMITS.docNumber)
          : before.doc_number,
        issuer: given(input, 'issuer')
          ? optionalText(input.issuer, 'issuer', '发文单位', LIMITS.issuer)
          : before.issuer,
        parent_plan_id: given(input, 'parentPlanId') ? (input.parentPlanId ?? null) : before.parent_plan_id,
      };
      if (given(input, 'year') && input.year !== before.year) {
        // Published tasks carry dates of the year: moving the year would leave them behind.
        requireDraft(before);
        next.year = planYear(input.year!);
        await this.moveDatesToYear(m, viewer.tenantId, id, next.year - before.year);
      }
      if (next.parent_plan_id && next.parent_plan_id !== before.parent_plan_id)
        await this.checkParent(m, viewer.tenantId, id, next.parent_plan_id);
      if (next.parent_plan_id !== before.parent_plan_id) {
        // Links to the old upper plan's key points would no longer be to the upper plan.
        await m.query(`UPDATE key_point SET upper_key_point_id = NULL WHERE tenant_id = $1 AND plan_id = $2`, [
          viewer.tenantId,
          id,
        ]);
      }
      // The document key changes only with the 文号 (a plan of a notice issuing several keeps its part).
      const after = await one<PlanRow>(
        m,
        `UPDATE plan SET title = $3, year = $4, doc_number = $5, issuer = $6, parent_plan_id = $7,
             doc_key = CASE WHEN doc_number IS NOT DISTINCT FROM $5 THEN doc_key ELSE $8 END, version = version + 1, updated_at = now()
         WHERE tenant_id = $1 AND id = $2 RETURNING *`,
        [
          viewer.tenantId,
          id,
          next.title,
          next.year,
          next.doc_number,
          next.issuer,
          next.parent_plan_id,
          docNumberKey(next.doc_number),
        ],
      );
      await this.audit.record(m, viewer, {
        entityType: 'plan',
        entityId: id,
        action: 'plan.update',
        before: planSnapshot(before),
        after: planSnapshot(after!),
      });
      return toPlanModel(after!);
    });
  }

  /**
   * A draft's year was wrong (often typed in because the document had none): its time limits were
   * dated in that year, so they move with it (6月底前 of 2025 becomes 6月底前 of 2026).
   */
  private async moveDatesToYear(m: Pick<DataSource, 'query'>, tenantId: string, planId: string, years: number) {
    const shift = (column: string) => `${column} = (${column} + make_interval(years => $3))::date`;
    await m.query(
      `UPDATE key_point SET ${shift('due_date')}, version = version + 1, updated_at = now() WHERE tenant_id = $1 AND plan_id = $2`,
      [tenantId, planId, years],
    );
    await m.query(
      `UPDATE key_point_deadline d SET ${shift('date')} FROM key_point k
       WHERE d.tenant_id = $1 AND k.tenant_id = d.tenant_id AND k.id = d.key_point_id AND k.plan_id = $2 AND d.date IS NOT NULL`,
      [tenantId, planId, years],
    );
    await m.query(
      `UPDATE plan_milestone SET ${shift('date')} WHERE tenant_id = $1 AND plan_id = $2 AND date IS NOT NULL`,
      [tenantId, planId, years],
    );
  }

  /** The upper plan must be another plan of the tenant, and not one that (transitively) implements this one. */
  private async checkParent(m: Pick<DataSource, 'query'>, tenantId: string, planId: string, parentId: string) {
    const loop = await one<{ found: boolean; exists: boolean }>(
      m,
      `WITH RECURSIVE up(id, parent) AS (
         SELECT id, parent_plan_id FROM plan WHERE tenant_id = $1 AND id = $3
         UNION SELECT p.id, p.parent_plan_id FROM plan p JOIN up ON p.tenant_id = $1 AND p.id = up.parent)
       SELECT EXISTS (SELECT 1 FROM up WHERE id = $2) AS found, EXISTS (SELECT 1 FROM up) AS exists`,
      [tenantId, planId, parentId],
    );
    if (!loop?.exists) throw notFound('上级计划');
    if (loop.found) throw badInput('上级计划不能是本计划或其下级计划', 'parentPlanId');
  }

  async deletePlan(viewer: Viewer, id: string, version: number): Promise<boolean> {
    return this.dataSource.transaction(async (m) => {
      const before = await lockForUpdate<PlanRow>(m, 'plan', viewer.tenantId, id, version, '计划');
      if (before.status !== 'DRAFT') throw badInput('只能删除草稿计划；已发布的计划可以归档', 'id');
      const refs = await one<{ children: boolean; instructions: boolean }>(
        m,
        `SELECT EXISTS (SELECT 1 FROM plan WHERE tenant_id = $1 AND parent_plan_id = $2) AS children,
                EXISTS (SELECT 1 FROM instruction i JOIN key_point k ON k.tenant_id = i.tenant_id AND k.id = i.key_point_id
                        WHERE i.tenant_id = $1 AND k.plan_id = $2) AS instructions`,
        [viewer.tenantId, id],
      );
      if (refs?.children) throw conflict('有其他计划以此计划为上级计划，不能删除');
      if (refs?.instructions) throw conflict('该计划已有领导批示，不能删除');
      // Other plans' links to these key points are cleared by the foreign key (ON DELETE SET NULL).
      await m.query(`DELETE FROM plan WHERE tenant_id = $1 AND id = $2`, [viewer.tenantId, id]);
      await this.audit.record(m, viewer, {
        entityType: 'plan',
        entityId: id,
        action: 'plan.delete',
        before: planSnapshot(before),
      });
      return true;
    });
  }

  async addPlanMilestone(viewer: Viewer, planId: string, version: number, input: DeadlineInput): Promise<PlanModel> {
    return this.dataSource.transaction(async (m) => {
      const before = await lockForUpdate<PlanRow>(m, 'plan', viewer.tenantId, planId, version, '计划');
      const text = requiredText(input.text, 'text', '节点内容', LIMITS.deadline);
      const date = input.date ? dateInPlanYearOrLater(input.date, before.year, 'date') : null;
      const milestone = await one<MilestoneRow>(
        m,
        `INSERT INTO plan_milestone (tenant_id, plan_id, text, date, sort)
         SELECT $1, $2, $3, $4, coalesce(max(sort), 0) + 1 FROM plan_milestone WHERE tenant_id = $1 AND plan_id = $2 RETURNING *`,
        [viewer.tenantId, planId, text, date],
      );
      const after = await this.bump(m, viewer.tenantId, planId);
      await this.audit.record(m, viewer, {
        entityType: 'plan',
        entityId: planId,
        action: 'plan.milestone.add',
        after: milestone,
      });
      return after;
    });
  }

  async removePlanMilestone(viewer: Viewer, milestoneId: string, version: number): Promise<PlanModel> {
    return this.dataSource.transaction(async (m) => {
      const ref = await one<MilestoneRow>(m, `SELECT * FROM plan_milestone WHERE tenant_id = $1 AND id = $2`, [
        viewer.tenantId,
        milestoneId,
      ]);
      if (!ref) throw notFound('节点');
      await lockForUpdate<PlanRow>(m, 'plan', viewer.tenantId, ref.plan_id, version, '计划');
      await m.query(`DELETE FROM plan_milestone WHERE tenant_id = $1 AND id = $2`, [viewer.tenantId, milestoneId]);
      const after = await this.bump(m, viewer.tenantId, ref.plan_id);
      await this.audit.record(m, viewer, {
        entityType: 'plan',
        entityId: ref.plan_id,
        action: 'plan.milestone.remove',
        before: ref,
      });
      return after;
    });
  }

  private async bump(m: Pick<DataSource, 'query'>, tenantId: string, planId: string): Promise<PlanModel> {
    const row = await one<PlanRow>(
      m,
      `UPDATE plan SET version = version + 1, updated_at = now() WHERE tenant_id = $1 AND id = $2 RETURNING *`,
      [tenantId, planId],
    );
    return toPlanModel(row!);
  }
}
