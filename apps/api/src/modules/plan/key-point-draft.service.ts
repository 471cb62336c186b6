import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { badInput, conflict, notFound } from '../../common/app-error.js';
import type { TaskRole } from '../../common/enums.js';
import { one, rows } from '../../common/sql.js';
import { lockForUpdate } from '../../common/version.js';
import type { Viewer } from '../../common/viewer.js';
import { AuditService } from '../audit/index.js';
import type { AddKeyPointInput, DeadlineInput, UpdateKeyPointInput } from './dto/key-point.input.js';
import { toKeyPointModel, type KeyPointModel, type KeyPointRow } from './dto/key-point.model.js';
import type { DeadlineRow } from './dto/deadline.model.js';
import type { KeyPointUnitRow } from './dto/key-point-unit.model.js';
import type { PlanRow } from './dto/plan.model.js';
import { requireDraft, sharePlanOf } from './plan-locks.js';
import { dateInPlanYearOrLater, given, LIMITS } from './plan-validation.js';
import { optionalText, requiredText } from '../../common/validation.js';

/**
 * Edits of a key point and what belongs to it (units, time limits). A key point is one aggregate:
 * every edit carries the key point's version and bumps it, so two people resolving the same item
 * cannot silently overwrite each other.
 */
@Injectable()
export class KeyPointDraftService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async addKeyPoint(viewer: Viewer, input: AddKeyPointInput): Promise<KeyPointModel> {
    return this.dataSource.transaction(async (m) => {
      const plan = await one<PlanRow>(m, `SELECT * FROM plan WHERE tenant_id = $1 AND id = $2 FOR SHARE`, [
        viewer.tenantId,
        input.planId,
      ]);
      if (!plan) throw notFound('计划');
      requireDraft(plan);
      const title = requiredText(input.title, 'title', '标题', LIMITS.title);
      const text = optionalText(input.text, 'text', '内容', LIMITS.text) ?? title;
      const label = optionalText(input.label, 'label', '序号', LIMITS.label) ?? '';
      const dueDate = input.dueDate ? dateInPlanYearOrLater(input.dueDate, plan.year, 'dueDate') : null;
      if (input.sectionId)
        await this.requireInPlan(m, viewer.tenantId, 'plan_section', input.sectionId, plan.id, 'sectionId', '部分');
      if (input.parentId)
        await this.requireInPlan(m, viewer.tenantId, 'key_point', input.parentId, plan.id, 'parentId', '上级条目');
      const row = await one<KeyPointRow>(
        m,
        `INSERT INTO key_point (tenant_id, plan_id, section_id, parent_id, seq, label, title, text, due_date)
         SELECT $1, $2, $3, $4, coalesce(max(seq), 0) + 1, $5, $6, $7, $8 FROM key_point WHERE tenant_id = $1 AND plan_id = $2
         RETURNING *`,
        [viewer.tenantId, plan.id, input.sectionId ?? null, input.parentId ?? null, label, title, text, dueDate],
      );
      await this.audit.record(m, viewer, {
        entityType: 'key_point',
        entityId: row!.id,
        action: 'key_point.add',
        after: row,
      });
      return toKeyPointModel(row!);
    });
  }

  async updateKeyPoint(
    viewer: Viewer,
    id: string,
    version: number,
    input: UpdateKeyPointInput,
  ): Promise<KeyPointModel> {
    return this.dataSource.transaction(async (m) => {
      const { plan } = await sharePlanOf(m, viewer.tenantId, 'key_point', id);
      const before = await lockForUpdate<KeyPointRow>(m, 'key_point', viewer.tenantId, id, version, '工作要点');
      const next = {
        title: given(input, 'title') ? requiredText(input.title, 'title', '标题', LIMITS.title) : before.title,
        text: given(input, 'text') ? (optionalText(input.text, 'text', '内容', LIMITS.text) ?? '') : before.text,
        label: given(input, 'label') ? (optionalText(input.label, 'label', '序号', LIMITS.label) ?? '') : before.label,
        section_id: given(input, 'sectionId') ? (input.sectionId ?? null) : before.section_id,
        due_date: given(input, 'dueDate')
          ? input.dueDate
            ? dateInPlanYearOrLater(input.dueDate, plan.year, 'dueDate')
            : null
          : before.due_date,
        upper_key_point_id: given(input, 'upperKeyPointId')
          ? (input.upperKeyPointId ?? null)
          : before.upper_key_point_id,
      };
      if (next.due_date !== before.due_date) {
        // After publishing, tasks carry the date: changing it is an amendment with a reason.
        if (plan.status !== 'DRAFT')
          throw badInput('计划已发布，调整完成时限请使用“调整工作要点”并填写原因', 'dueDate');
      }
      if (next.section_id && next.section_id !== before.section_id) {
        await this.requireInPlan(m, viewer.tenantId, 'plan_section', next.section_id, plan.id, 'sectionId', '部分');
      }
      if (next.upper_key_point_id && next.upper_key_point_id !== before.upper_key_point_id) {
        if (!plan.parent_plan_id) throw badInput('请先为本计划设置上级计划', 'upperKeyPointId');
        await this.requireInPlan(
          m,
          viewer.tenantId,
          'key_point',
          next.upper_key_point_id,
          plan.parent_plan_id,
          'upperKeyPointId',
          '上级计划的工作要点',
        );
      }
      const after = await one<KeyPointRow>(
        m,
        `UPDATE key_point SET title = $3, text = $4, label = $5, section_id = $6, due_date = $7, upper_key_point_id = $8,
           version = version + 1, updated_at = now()
         WHERE tenant_id = $1 AND id = $2 RETURNING *`,
        [
          viewer.tenantId,
          id,
          next.title,
          next.text,
          next.label,
          next.section_id,
          next.due_date,
          next.upper_key_point_id,
        ],
      );
      await this.audit.record(m, viewer, {
        entityType: 'key_point',
        entityId: id,
        action: 'key_point.update',
        before,
        after,
      });
      return toKeyPointModel(after!);
    });
  }

  async deleteKeyPoint(viewer: Viewer, id: string, version: number): Promise<boolean> {
    return this.dataSource.transaction(async (m) => {
      const { plan } = await sharePlanOf(m, viewer.tenantId, 'key_point', id);
      requireDraft(plan);
      const before = await lockForUpdate<KeyPointRow>(m, 'key_point', viewer.tenantId, id, version, '工作要点');
      const instructed = await one<{ '?column?': number }>(
        m,
        `SELECT 1 FROM instruction i JOIN key_point k ON k.tenant_id = i.tenant_id AND k.id = i.key_point_id
         WHERE i.tenant_id = $1 AND (k.id = $2 OR k.parent_id = $2) LIMIT 1`,
        [viewer.tenantId, id],
      );
      if (instructed) throw conflict('该工作要点已有领导批示，不能删除');
      // Sub-items, units and time limits go with it (ON DELETE CASCADE).
      await m.query(`DELETE FROM key_point WHERE tenant_id = $1 AND id = $2`, [viewer.tenantId, id]);
      await this.audit.record(m, viewer, { entityType: 'key_point', entityId: id, action: 'key_point.delete', before });
      return true;
    });
  }

  /** Resolves (or re-maps, or un-maps with null) one unit name of a draft key point. */
  async setKeyPointUnit(
    viewer: Viewer,
    keyPointUnitId: string,
    version: number,
    unitId: string | null,
    role: TaskRole | null,
  ): Promise<KeyPointModel> {
    return this.editDraft(viewer, 'key_point_unit', keyPointUnitId, version, async (m, keyPointId) => {
      const before = await one<KeyPointUnitRow>(m, `SELECT * FROM key_point_unit WHERE tenant_id = $1 AND id = $2`, [
        viewer.tenantId,
        keyPointUnitId,
      ]);
      let nextRole: TaskRole = role ?? before!.role;
      // The unit may already be listed (often via a group such as 省政府各部门): the rows merge, and
      // the unit keeps the stronger role, rather than refusing what the office means.
      let merged: KeyPointUnitRow[] = [];
      if (unitId) {
        await this.requireUnit(m, viewer.tenantId, unitId);
        merged = await rows<KeyPointUnitRow>(
          m,
          `DELETE FROM key_point_unit WHERE tenant_id = $1 AND key_point_id = $2 AND unit_id = $3 AND id <> $4 RETURNING *`,
          [viewer.tenantId, keyPointId, unitId, keyPointUnitId],
        );
      }
      if (merged.some((r) => r.role === 'LEAD')) nextRole = 'LEAD';
      const after = await one<KeyPointUnitRow>(
        m,
        `UPDATE key_point_unit SET unit_id = $3, role = $4 WHERE tenant_id = $1 AND id = $2 RETURNING *`,
        [viewer.tenantId, keyPointUnitId, unitId, nextRole],
      );
      return { action: 'key_point.unit.set', before: { row: before, mergedRows: merged }, after };
    });
  }

  async addKeyPointUnit(
    viewer: Viewer,
    keyPointId: string,
    version: number,
    unitId: string,
    role: TaskRole,
  ): Promise<KeyPointModel> {
    return this.editDraft(viewer, 'key_point', keyPointId, version, async (m) => {
      const unit = await this.requireUnit(m, viewer.tenantId, unitId);
      await this.refuseDuplicate(m, viewer.tenantId, keyPointId, unitId, null);
      const after = await one<KeyPointUnitRow>(
        m,
        `INSERT INTO key_point_unit (tenant_id, key_point_id, role, raw_name, unit_id, sort)
         SELECT $1, $2, $3, $4, $5, coalesce(max(sort), 0) + 1 FROM key_point_unit WHERE tenant_id = $1 AND key_point_id = $2 RETURNING *`,
        [viewer.tenantId, keyPointId, role, unit.name, unitId],
      );
      return { action: 'key_point.unit.add', after };
    });
  }

  async removeKeyPointUnit(viewer: Viewer, keyPointUnitId: string, version: number): Promise<KeyPointModel> {
    return this.editDraft(viewer, 'key_point_unit', keyPointUnitId, version, async (m) => {
      const before = await one<KeyPointUnitRow>(
        m,
        `DELETE FROM key_point_unit WHERE tenant_id = $1 AND id = $2 RETURNING *`,
        [viewer.tenantId, keyPointUnitId],
      );
      return { action: 'key_point.unit.remove', before };
    });
  }

  async addDeadline(viewer: Viewer, keyPointId: string, version: number, input: DeadlineInput): Promise<KeyPointModel> {
    return this.editDraft(viewer, 'key_point', keyPointId, version, async (m, _keyPointId, plan) => {
      const text = requiredText(input.text, 'text', '时限', LIMITS.deadline);
      const date = input.date ? dateInPlanYearOrLater(input.date, plan.year, 'date') : null;
      const after = await one<DeadlineRow>(
        m,
        `INSERT INTO key_point_deadline (tenant_id, key_point_id, text, date, sort)
         SELECT $1, $2, $3, $4, coalesce(max(sort), 0) + 1 FROM key_point_deadline WHERE tenant_id = $1 AND key_point_id = $2 RETURNING *`,
        [viewer.tenantId, keyPointId, text, date],
      );
      return { action: 'key_point.deadline.add', after };
    });
  }

  async updateDeadline(
    viewer: Viewer,
    deadlineId: string,
    version: number,
    input: DeadlineInput,
  ): Promise<KeyPointModel> {
    return this.editDraft(viewer, 'key_point_deadline', deadlineId, version, async (m, _keyPointId, plan) => {
      const text = requiredText(input.text, 'text', '时限', LIMITS.deadline);
      const date = input.date ? dateInPlanYearOrLater(input.date, plan.year, 'date') : null;
      const before = await one<DeadlineRow>(m, `SELECT * FROM key_point_deadline WHERE tenant_id = $1 AND id = $2`, [
        viewer.tenantId,
        deadlineId,
      ]);
      const after = await one<DeadlineRow>(
        m,
        `UPDATE key_point_deadline SET text = $3, date = $4 WHERE tenant_id = $1 AND id = $2 RETURNING *`,
        [viewer.tenantId, deadlineId, text, date],
      );
      return { action: 'key_point.deadline.update', before, after };
    });
  }

  async removeDeadline(viewer: Viewer, deadlineId: string, version: number): Promise<KeyPointModel> {
    return this.editDraft(viewer, 'key_point_deadline', deadlineId, version, async (m) => {
      const before = await one<DeadlineRow>(
        m,
        `DELETE FROM key_point_deadline WHERE tenant_id = $1 AND id = $2 RETURNING *`,
        [viewer.tenantId, deadlineId],
      );
      return { action: 'key_point.deadline.remove', before };
    });
  }

  /**
   * What every edit of a draft key point's units and time limits shares: in one transaction, the plan
   * FOR SHARE and still a draft, the key point locked at the version the client saw (else CONFLICT),
   * then the change, its audit entry, and the key point's version bumped (its units and time limits
   * belong to it). Who may edit is the resolver's @Roles.
   */
  private editDraft(
    viewer: Viewer,
    table: 'key_point' | 'key_point_unit' | 'key_point_deadline',
    id: string,
    version: number,
    change: (
      m: EntityManager,
      keyPointId: string,
      plan: PlanRow,
    ) => Promise<{ action: string; before?: unknown; after?: unknown }>,
  ): Promise<KeyPointModel> {
    return this.dataSource.transaction(async (m) => {
      const { plan, keyPointId } = await sharePlanOf(m, viewer.tenantId, table, id);
      requireDraft(plan);
      await lockForUpdate(m, 'key_point', viewer.tenantId, keyPointId, version, '工作要点');
      const { action, before, after } = await change(m, keyPointId, plan);
      await this.audit.record(m, viewer, { entityType: 'key_point', entityId: keyPointId, action, before, after });
      return this.bump(m, viewer.tenantId, keyPointId);
    });
  }

  private async bump(m: EntityManager, tenantId: string, keyPointId: string): Promise<KeyPointModel> {
    const row = await one<KeyPointRow>(
      m,
      `UPDATE key_point SET version = version + 1, updated_at = now() WHERE tenant_id = $1 AND id = $2 RETURNING *`,
      [tenantId, keyPointId],
    );
    return toKeyPointModel(row!);
  }

  private async requireInPlan(
    m: EntityManager,
    tenantId: string,
    table: 'plan_section' | 'key_point',
    id: string,
    planId: string,
    field: string,
    what: string,
  ) {
    const found = await one<{ plan_id: string }>(m, `SELECT plan_id FROM ${table} WHERE tenant_id = $1 AND id = $2`, [
      tenantId,
      id,
    ]);
    if (!found) throw notFound(what);
    if (found.plan_id !== planId) throw badInput(`所选${what}不属于对应的计划`, field);
  }

  private async requireUnit(m: EntityManager, tenantId: string, unitId: string): Promise<{ name: string }> {
    const unit = await one<{ name: string; active: boolean }>(
      m,
      `SELECT name, active FROM unit WHERE tenant_id = $1 AND id = $2`,
      [tenantId, unitId],
    );
    if (!unit) throw notFound('单位');
    if (!unit.active) throw badInput(`单位“${unit.name}”已停用`, 'unitId');
    return unit;
  }

  private async refuseDuplicate(
    m: EntityManager,
    tenantId: string,
    keyPointId: string,
    unitId: string,
    exceptId: string | null,
  ) {
    const dup = await rows<{ '?column?': number }>(
      m,
      `SELECT 1 FROM key_point_unit WHERE tenant_id = $1 AND key_point_id = $2 AND unit_id = $3 AND id IS DISTINCT FROM $4::uuid`,
      [tenantId, keyPointId, unitId, exceptId],
    );
    if (dup.length) throw badInput('该单位已在本工作要点的承办单位中', 'unitId');
  }
}
