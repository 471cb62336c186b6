import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { badInput, conflict, notFound } from '../../common/app-error.js';
import { one, rows } from '../../common/sql.js';
import { lockForUpdate } from '../../common/version.js';
import type { Viewer } from '../../common/viewer.js';
import { AuditService } from '../audit/index.js';
import { MessageEvents } from '../messaging/index.js';
import {
  toUnitModel,
  type DeactivateUnitResultModel,
  type UnitModel,
  type UnitRow,
  type UnitUsageModel,
} from './dto/unit.model.js';
import type { CreateUnitInput, UnitFilterInput, UpdateUnitInput } from './dto/unit.input.js';
import { checkAliases, checkSort, MAX_SORT, checkUnitName } from './unit-fields.js';
import { UNIT_KINDS } from './unit-kinds.js';
import { hasActivePerson, UNIT_PERSON_ROLES } from './unit-people.js';
import type { ExportedUnit } from './import/unit-workbook.js';
import { isUuid } from '../../common/validation.js';

/** The directory is small (a few thousand units at most); the cap only guards against runaway data. */
export const MAX_UNITS_LISTED = 5000;

const AUDITED = (u: UnitModel) => ({
  name: u.name,
  kind: u.kind,
  parentId: u.parentId,
  aliases: u.aliases,
  active: u.active,
  sort: u.sort,
});

/**
 * Unit directory writes of one tenant take this transaction lock: name/alias uniqueness spans two
 * columns and the parent tree spans rows, neither of which a unique index or row lock can protect.
 */
export async function lockUnitDirectory(m: EntityManager, tenantId: string) {
  await m.query(`SELECT pg_advisory_xact_lock(hashtextextended('unit-directory:' || $1, 0))`, [tenantId]);
}

@Injectable()
export class UnitService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly messages: MessageEvents,
  ) {}

  async list(viewer: Viewer, filter: UnitFilterInput = {}): Promise<UnitModel[]> {
    const params: unknown[] = [viewer.tenantId];
    const where = ['tenant_id = $1'];
    const search = filter.search?.trim();
    if (search) {
      if (search.length > 60) throw badInput('搜索词不能超过 60 个字', 'search');
      params.push(`%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where.push(
        `(name ILIKE $${params.length} OR EXISTS (SELECT 1 FROM unnest(aliases) a WHERE a ILIKE $${params.length}))`,
      );
    }
    if (filter.kind) {
      params.push(filter.kind);
      where.push(`kind = $${params.length}`);
    }
    if (filter.active != null) {
      params.push(filter.active);
      where.push(`active = $${params.length}`);
    }
    if (filter.without) {
      if (!UNIT_PERSON_ROLES.includes(filter.without)) throw badInput('角色无效', 'without');
      params.push(filter.without);
      where.push(`NOT ${hasActivePerson('unit', `$${params.length}`)}`);
    }
    const found = await rows<UnitRow>(
      this.dataSource,
      `SELECT * FROM unit WHERE ${where.join(' AND ')} ORDER BY sort, name, id LIMIT ${MAX_UNITS_LISTED}`,
      params,
    );
    return found.map(toUnitModel);
  }

  /** Every unit with the names of its active liaisons and leaders (the directory export). */
  async listWithPeople(viewer: Viewer): Promise<ExportedUnit[]> {
    const found = await rows<UnitRow & { liaisons: string[]; leaders: string[] }>(
      this.dataSource,
      `SELECT u.*,
              ARRAY(SELECT p.display_name FROM app_user p WHERE p.tenant_id = u.tenant_id AND p.unit_id = u.id AND p.active AND p.role = 'UNIT_LIAISON' ORDER BY p.display_name) AS liaisons,
              ARRAY(SELECT p.display_name FROM app_user p WHERE p.tenant_id = u.tenant_id AND p.unit_id = u.id AND p.active AND p.role = 'UNIT_LEADER' ORDER BY p.display_name) AS leaders
         FROM unit u WHERE u.tenant_id = $1 ORDER BY u.sort, u.name, u.id LIMIT ${MAX_UNITS_LISTED}`,
      [viewer.tenantId],
    );
    return found.map((r) => ({ ...toUnitModel(r), liaisons: r.liaisons, leaders: r.leaders }));
  }

  /** How many active people and open tasks a unit has (what its deactivation affects). */
  async usage(viewer: Viewer, id: string): Promise<UnitUsageModel> {
    return (await one<UnitUsageModel>(
      this.dataSource,
      `SELECT (SELECT count(*) FROM app_user WHERE tenant_id = $1 AND unit_id = $2 AND active)::int AS "activePeople",
              (SELECT count(*) FROM task WHERE tenant_id = $1 AND unit_id = $2 AND status NOT IN ('DONE', 'CLOSED'))::int AS "openTasks"`,
      [viewer.tenantId, id],
    ))!;
  }

  async get(viewer: Viewer, id: string): Promise<UnitModel> {
    const row = isUuid(id)
      ? await one<UnitRow>(this.dataSource, `SELECT * FROM unit WHERE tenant_id = $1 AND id = $2`, [
          viewer.tenantId,
          id,
        ])
      : undefined;
    if (!row) throw notFound('单位');
    return toUnitModel(row);
  }

  async create(viewer: Viewer, input: CreateUnitInput): Promise<UnitModel> {
    const name = checkUnitName(input.name);
    const aliases = checkAliases(input.aliases ?? [], name);
    const given = input.sort != null ? checkSort(input.sort) : null;
    if (!UNIT_KINDS.includes(input.kind)) throw badInput('单位类型无效', 'kind');
    return this.dataSource.transaction(async (m) => {
      await lockUnitDirectory(m, viewer.tenantId);
      // Without a stated place a new unit goes after the others, not before the whole directory (0).
      const sort =
        given ??
        (await one<{ next: number }>(
          m,
          `SELECT least(coalesce(max(sort), 0) + 1, $2) AS next FROM unit WHERE tenant_id = $1`,
          [viewer.tenantId, MAX_SORT],
        ))!.next;
      await this.assertNamesFree(m, viewer.tenantId, null, name, aliases);
      if (input.parentId != null) await this.assertParent(m, viewer.tenantId, null, input.parentId);
      const row = await one<UnitRow>(
        m,
        `INSERT INTO unit (tenant_id, name, kind, parent_id, aliases, sort) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
        [viewer.tenantId, name, input.kind, input.parentId ?? null, aliases, sort],
      );
      const unit = toUnitModel(row!);
      await this.audit.record(m, viewer, {
        entityType: 'unit',
        entityId: unit.id,
        action: 'create',
        after: AUDITED(unit),
      });
      return unit;
    });
  }

  async update(viewer: Viewer, id: string, version: number, input: UpdateUnitInput): Promise<UnitModel> {
    if (!isUuid(id)) throw notFound('单位');
    if (input.kind != null && !UNIT_KINDS.includes(input.kind)) throw badInput('单位类型无效', 'kind');
    for (const key of ['name', 'kind', 'aliases', 'active', 'sort'] as const) {
      if (input[key] === null) throw badInput('该项不能为空', key);
    }
    return this.dataSource.transaction(async (m) => {
      await lockUnitDirectory(m, viewer.tenantId);
      const before = toUnitModel(await lockForUpdate<UnitRow>(m, 'unit', viewer.tenantId, id, version, '单位'));
      const name = input.name != null ? checkUnitName(input.name) : before.name;
      const aliases = checkAliases(input.aliases ?? before.aliases, name);
      const sort = input.sort != null ? checkSort(input.sort) : before.sort;
      const parentId = input.parentId === undefined ? before.parentId : input.parentId;
      await this.assertNamesFree(m, viewer.tenantId, id, name, aliases);
      if (parentId != null && parentId !== before.parentId) await this.assertParent(m, viewer.tenantId, id, parentId);
      const row = await one<UnitRow>(
        m,
        `UPDATE unit SET name = $3, kind = $4, parent_id = $5, aliases = $6, active = $7, sort = $8, version = version + 1, updated_at = now()
          WHERE tenant_id = $1 AND id = $2 RETURNING *`,
        [viewer.tenantId, id, name, input.kind ?? before.kind, parentId, aliases, input.active ?? before.active, sort],
      );
      const after = toUnitModel(row!);
      const action =
        before.active && !after.active ? 'deactivate' : !before.active && after.active ? 'activate' : 'update';
      await this.audit.record(m, viewer, {
        entityType: 'unit',
        entityId: id,
        action,
        before: AUDITED(before),
        after: AUDITED(after),
      });
      return after;
    });
  }

  /**
   * 停用 with the office's choice for the unit's open tasks: moved to another active unit (a task on a
   * key point the other unit already has stays where it is, and is counted), or left as they are.
   */
  async deactivate(
    viewer: Viewer,
    id: string,
    version: number,
    moveTo: string | null,
  ): Promise<DeactivateUnitResultModel> {
    if (!isUuid(id)) throw notFound('单位');
    if (moveTo != null && (!isUuid(moveTo) || moveTo === id))
      throw badInput('请选择另一个单位接收任务', 'moveOpenTasksTo');
    return this.dataSource.transaction(async (m) => {
      await lockUnitDirectory(m, viewer.tenantId);
      const before = toUnitModel(await lockForUpdate<UnitRow>(m, 'unit', viewer.tenantId, id, version, '单位'));
      if (!before.active) throw badInput(`“${before.name}”已停用`);
      let moved: { id: string }[] = [];
      let kept = 0;
      if (moveTo) {
        const target = await one<{ name: string; active: boolean }>(
          m,
          `SELECT name, active FROM unit WHERE tenant_id = $1 AND id = $2`,
          [viewer.tenantId, moveTo],
        );
        if (!target || !target.active) throw badInput('接收任务的单位不存在或已停用', 'moveOpenTasksTo');
        moved = await rows<{ id: string }>(
          m,
          `UPDATE task t SET unit_id = $3, signed_at = NULL, signed_by = NULL, version = t.version + 1, updated_at = now()
            WHERE t.tenant_id = $1 AND t.unit_id = $2 AND t.status NOT IN ('DONE', 'CLOSED')
              AND NOT EXISTS (SELECT 1 FROM task o WHERE o.tenant_id = t.tenant_id AND o.key_point_id = t.key_point_id AND o.unit_id = $3 AND o.kind = t.kind AND t.kind = 'NORMAL')
            RETURNING t.id`,
          [viewer.tenantId, id, moveTo],
        );
        kept = (await one<{ n: number }>(
          m,
          `SELECT count(*)::int AS n FROM task WHERE tenant_id = $1 AND unit_id = $2 AND status NOT IN ('DONE', 'CLOSED')`,
          [viewer.tenantId, id],
        ))!.n;
        await this.audit.record(
          m,
          viewer,
          moved.map((t) => ({
            entityType: 'task',
            entityId: t.id,
            action: 'task.move_unit',
            before: { unitId: id },
            after: { unitId: moveTo },
            note: `${before.name}停用，任务移交${target.name}`,
          })),
        );
        // The receiving unit is told, and signs for them like any newly assigned task.
        await this.messages.taskEvent(
          m,
          viewer,
          'TASK_ASSIGNED',
          moved.map((t) => t.id),
        );
      }
      const row = await one<UnitRow>(
        m,
        `UPDATE unit SET active = false, version = version + 1, updated_at = now() WHERE tenant_id = $1 AND id = $2 RETURNING *`,
        [viewer.tenantId, id],
      );
      const after = toUnitModel(row!);
      await this.audit.record(m, viewer, {
        entityType: 'unit',
        entityId: id,
        action: 'deactivate',
        before: AUDITED(before),
        after: AUDITED(after),
      });
      return { unit: after, movedTasks: moved.length, keptTasks: kept };
    });
  }

  /** Deletes a unit nothing refers to; anything with history is deactivated instead. */
  async delete(viewer: Viewer, id: string, version: number): Promise<boolean> {
    if (!isUuid(id)) throw notFound('单位');
    return this.dataSource.transaction(async (m) => {
      await lockUnitDirectory(m, viewer.tenantId);
      const before = toUnitModel(await lockForUpdate<UnitRow>(m, 'unit', viewer.tenantId, id, version, '单位'));
      const uses = await one<Record<string, number>>(
        m,
        `SELECT (SELECT count(*) FROM task WHERE tenant_id = $1 AND unit_id = $2)::int AS tasks,
                (SELECT count(*) FROM app_user WHERE tenant_id = $1 AND unit_id = $2)::int AS users,
                (SELECT count(*) FROM unit WHERE tenant_id = $1 AND parent_id = $2)::int AS children,
                (SELECT count(*) FROM key_point_unit WHERE tenant_id = $1 AND unit_id = $2)::int AS key_points,
                (SELECT count(*) FROM progress_report WHERE tenant_id = $1 AND unit_id = $2)::int AS reports`,
        [viewer.tenantId, id],
      );
      const reasons = [
        uses!.tasks && `${uses!.tasks} 项任务`,
        uses!.users && `${uses!.users} 个用户`,
        uses!.children && `${uses!.children} 个下级单位`,
        uses!.key_points && `${uses!.key_points} 条工作要点`,
        uses!.reports && `${uses!.reports} 份进展报告`,
      ].filter(Boolean);
      if (reasons.length) throw conflict(`“${before.name}”已有${reasons.join('、')}关联，不能删除，可改为停用`);
      try {
        await m.query(`DELETE FROM unit WHERE tenant_id = $1 AND id = $2`, [viewer.tenantId, id]);
      } catch (error) {
        // A table added later that refers to units: the foreign key still protects the row.
        if ((error as { code?: string }).code === '23503')
          throw conflict(`“${before.name}”已被其他记录引用，不能删除，可改为停用`);
        throw error;
      }
      await this.audit.record(m, viewer, {
        entityType: 'unit',
        entityId: id,
        action: 'delete',
        before: AUDITED(before),
      });
      return true;
    });
  }

  /** A name or alias may name only one unit of the tenant, so text like 牵头单位:X resolves unambiguously. */
  private async assertNamesFree(
    m: EntityManager,
    tenantId: string,
    selfId: string | null,
    name: string,
    aliases: string[],
  ) {
    const names = [name, ...aliases];
    const clash = await one<{ name: string; hit: string }>(
      m,
      `SELECT u.name, n AS hit FROM unit u, unnest($3::text[]) n
        WHERE u.tenant_id = $1 AND u.id IS DISTINCT FROM $2::uuid AND (u.name = n OR n = ANY(u.aliases)) LIMIT 1`,
      [tenantId, selfId, names],
    );
    if (clash) {
      const field = clash.hit === name ? 'name' : 'aliases';
      throw badInput(
        clash.name === clash.hit ? `已有同名单位“${clash.hit}”` : `“${clash.hit}”已是单位“${clash.name}”的名称或别名`,
        field,
      );
    }
  }

  /** The parent must be a unit of the same tenant and not the unit itself or one of its descendants. */
  private async assertParent(m: EntityManager, tenantId: string, selfId: string | null, parentId: string) {
    if (!isUuid(parentId)) throw badInput('上级单位不存在', 'parentId');
    const chain = await rows<{ id: string }>(
      m,
      `WITH RECURSIVE up(id, parent_id, depth) AS (
         SELECT id, parent_id, 0 FROM unit WHERE tenant_id = $1 AND id = $2
         UNION ALL
         SELECT u.id, u.parent_id, up.depth + 1 FROM unit u JOIN up ON u.tenant_id = $1 AND u.id = up.parent_id WHERE up.depth < 100
       ) SELECT id FROM up`,
      [tenantId, parentId],
    );
    if (!chain.length) throw badInput('上级单位不存在', 'parentId');
    if (selfId && chain.some((r) => r.id === selfId)) throw badInput('上级单位不能是本单位或其下级单位', 'parentId');
  }
}
