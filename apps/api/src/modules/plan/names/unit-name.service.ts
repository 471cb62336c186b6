import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { badInput, notFound } from '../../../common/app-error.js';
import { one, rows } from '../../../common/sql.js';
import { lockForUpdate } from '../../../common/version.js';
import type { Viewer } from '../../../common/viewer.js';
import { AuditService } from '../../audit/index.js';
import { toUnitModel, type UnitModel, type UnitRow } from '../../unit/index.js';
import { toPlanModel, type PlanModel, type PlanRow } from '../dto/plan.model.js';
import type { KeyPointUnitRow } from '../dto/key-point-unit.model.js';
import { planSnapshot, requireDraft } from '../plan-locks.js';
import { LIMITS } from '../plan-validation.js';
import type { DecidedNames } from '../proposed-units.js';
import { collectiveKind } from './collective-names.js';
import type { ResolveUnitNameInput } from './dto/resolve-unit-name.input.js';
import {
  toUnitNameDecisionModel,
  type DraftUnitNameModel,
  type UnitNameAliasRow,
  type UnitNameDecisionModel,
} from './dto/unit-name.model.js';
import { nameCandidates } from './name-candidates.js';
import { applyNameDecision, decidedUnitIds, type NamedUnitRow, type UnitNameDecision } from './unit-name-decision.js';
import { unitNameKey } from './unit-name-key.js';
import { requiredText } from '../../../common/validation.js';

const MAX_UNITS = 1000;

type Queryable = Pick<EntityManager, 'query'>;

/**
 * Unit names are decided once per name, not per occurrence: a decision applies to every key point of
 * the draft that names it and is remembered per tenant (unit_name_alias) for the next import.
 */
@Injectable()
export class UnitNameService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The remembered decisions as they stand in today's directory, for placing names at import. */
  async decidedNames(
    m: Queryable,
    tenantId: string,
    directory: readonly { id: string; kind: string }[],
  ): Promise<DecidedNames> {
    const decisions = await rows<Pick<UnitNameAliasRow, 'name_key' | 'action' | 'unit_ids' | 'kind'>>(
      m,
      `SELECT name_key, action, unit_ids, kind FROM unit_name_alias WHERE tenant_id = $1`,
      [tenantId],
    );
    const decided = new Map<string, string[]>();
    for (const d of decisions) {
      const ids = decidedUnitIds({ action: d.action, unitIds: d.unit_ids, kind: d.kind }, directory);
      if (ids) decided.set(d.name_key, ids);
    }
    return decided;
  }

  /** The draft's distinct unit names: those still to decide first, each in document order. */
  async namesOfPlan(viewer: Viewer, planId: string, directory: readonly UnitModel[]): Promise<DraftUnitNameModel[]> {
    const [found, decisions, allUnits] = await Promise.all([
      rows<Pick<KeyPointUnitRow, 'key_point_id' | 'raw_name' | 'unit_id'>>(
        this.dataSource,
        `SELECT ku.key_point_id, ku.raw_name, ku.unit_id FROM key_point_unit ku
         JOIN key_point k ON k.tenant_id = ku.tenant_id AND k.id = ku.key_point_id
         WHERE k.tenant_id = $1 AND k.plan_id = $2 ORDER BY k.seq, k.created_at, ku.sort`,
        [viewer.tenantId, planId],
      ),
      rows<UnitNameAliasRow>(this.dataSource, `SELECT * FROM unit_name_alias WHERE tenant_id = $1`, [viewer.tenantId]),
      rows<UnitRow>(this.dataSource, `SELECT * FROM unit WHERE tenant_id = $1`, [viewer.tenantId]),
    ]);
    const unitById = new Map(allUnits.map((u) => [u.id, toUnitModel(u)]));
    const decisionByKey = new Map(decisions.map((d) => [d.name_key, toUnitNameDecisionModel(d)]));
    const byKey = new Map<
      string,
      { name: string; keyPoints: Set<string>; unresolved: Set<string>; units: Set<string> }
    >();
    for (const r of found) {
      const key = unitNameKey(r.raw_name);
      let entry = byKey.get(key);
      if (!entry)
        byKey.set(key, (entry = { name: r.raw_name, keyPoints: new Set(), unresolved: new Set(), units: new Set() }));
      entry.keyPoints.add(r.key_point_id);
      if (r.unit_id) entry.units.add(r.unit_id);
      else entry.unresolved.add(r.key_point_id);
    }
    const names = [...byKey].map(([key, e]) => {
      const kind = collectiveKind(e.name);
      return {
        name: e.name,
        keyPoints: e.keyPoints.size,
        unresolvedKeyPoints: e.unresolved.size,
        units: [...e.units].map((id) => unitById.get(id)).filter((u): u is UnitModel => !!u),
        candidates: e.unresolved.size ? nameCandidates(e.name, directory) : [],
        suggestedKind: kind && directory.some((u) => u.kind === kind) ? kind : null,
        decision: decisionByKey.get(key) ?? null,
      };
    });
    return [...names.filter((n) => n.unresolvedKeyPoints > 0), ...names.filter((n) => n.unresolvedKeyPoints === 0)];
  }

  async resolveUnitName(
    viewer: Viewer,
    planId: string,
    version: number,
    input: ResolveUnitNameInput,
  ): Promise<PlanModel> {
    return this.dataSource.transaction(async (m) => {
      const before = await lockForUpdate<PlanRow>(m, 'plan', viewer.tenantId, planId, version, '计划');
      requireDraft(before);
      const name = requiredText(input.name, 'name', '单位名称', LIMITS.rawName);
      const key = unitNameKey(name);
      const directory = await rows<{ id: string; kind: string; name: string }>(
        m,
        `SELECT id, kind, name FROM unit WHERE tenant_id = $1 AND active`,
        [viewer.tenantId],
      );
      const decision = await this.validDecision(m, viewer.tenantId, input, directory);
      const unitIds = decidedUnitIds(decision, directory)!;

      const current = await rows<KeyPointUnitRow>(
        m,
        `SELECT ku.id, ku.key_point_id, ku.role, ku.raw_name, ku.unit_id, ku.implied_from FROM key_point_unit ku
         JOIN key_point k ON k.tenant_id = ku.tenant_id AND k.id = ku.key_point_id
         WHERE k.tenant_id = $1 AND k.plan_id = $2 ORDER BY ku.key_point_id, ku.sort`,
        [viewer.tenantId, planId],
      );
      const byKeyPoint = new Map<string, (NamedUnitRow & { id: string })[]>();
      for (const r of current) {
        const list = byKeyPoint.get(r.key_point_id) ?? [];
        list.push({ id: r.id, role: r.role, rawName: r.raw_name, unitId: r.unit_id, impliedFrom: r.implied_from });
        byKeyPoint.set(r.key_point_id, list);
      }
      const isName = (r: { rawName: string }) => unitNameKey(r.rawName) === key;
      // Rows of the name are replaced; the key point's other rows keep their ids, taking a new sort (and lead, when merged).
      const kept: { id: string; role: string; sort: number }[] = [];
      const added: {
        keyPointId: string;
        role: string;
        rawName: string;
        unitId: string | null;
        sort: number;
        impliedFrom: string | null;
      }[] = [];
      const removed: string[] = [];
      const touched: string[] = [];
      for (const [keyPointId, list] of byKeyPoint) {
        if (!list.some(isName)) continue;
        const result = applyNameDecision(list, isName, unitIds);
        touched.push(keyPointId);
        removed.push(...result.removed.map((r) => r.id));
        result.rows.forEach((r, i) =>
          r.id
            ? kept.push({ id: r.id, role: r.role, sort: i + 1 })
            : added.push({
                keyPointId,
                role: r.role,
                rawName: r.rawName,
                unitId: r.unitId,
                sort: i + 1,
                impliedFrom: r.impliedFrom ?? null,
              }),
        );
      }
      if (!touched.length) throw notFound(`单位名称“${name}”`);

      await m.query(`DELETE FROM key_point_unit WHERE tenant_id = $1 AND id = ANY($2::uuid[])`, [
        viewer.tenantId,
        removed,
      ]);
      await m.query(
        `UPDATE key_point_unit ku SET role = x.role, sort = x.sort FROM unnest($2::uuid[], $3::text[], $4::int[]) AS x(id, role, sort)
         WHERE ku.tenant_id = $1 AND ku.id = x.id`,
        [viewer.tenantId, kept.map((r) => r.id), kept.map((r) => r.role), kept.map((r) => r.sort)],
      );
      const col = <K extends keyof (typeof added)[number]>(k: K) => added.map((r) => r[k]);
      await m.query(
        `INSERT INTO key_point_unit (tenant_id, key_point_id, role, raw_name, unit_id, sort, implied_from)
         SELECT $1, * FROM unnest($2::uuid[], $3::text[], $4::text[], $5::uuid[], $6::int[], $7::text[])`,
        [
          viewer.tenantId,
          col('keyPointId'),
          col('role'),
          col('rawName'),
          col('unitId'),
          col('sort'),
          col('impliedFrom'),
        ],
      );
      await m.query(
        `UPDATE key_point SET version = version + 1, updated_at = now() WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
        [viewer.tenantId, touched],
      );
      await this.remember(m, viewer, name, key, decision);
      const after = await one<PlanRow>(
        m,
        `UPDATE plan SET version = version + 1, updated_at = now() WHERE tenant_id = $1 AND id = $2 RETURNING *`,
        [viewer.tenantId, planId],
      );
      await this.audit.record(m, viewer, {
        entityType: 'plan',
        entityId: planId,
        action: 'plan.unit_name.resolve',
        before: { ...planSnapshot(before), name, rowsReplaced: removed.length },
        after: { name, ...decision, unitIds, keyPoints: touched.length },
      });
      return toPlanModel(after!);
    });
  }

  async decisions(viewer: Viewer): Promise<UnitNameDecisionModel[]> {
    const found = await rows<UnitNameAliasRow>(
      this.dataSource,
      `SELECT * FROM unit_name_alias WHERE tenant_id = $1 ORDER BY updated_at DESC, id LIMIT 2000`,
      [viewer.tenantId],
    );
    return found.map(toUnitNameDecisionModel);
  }

  /** Forgets a remembered decision: the next import proposes units for the name again. */
  async forgetDecision(viewer: Viewer, id: string): Promise<boolean> {
    return this.dataSource.transaction(async (m) => {
      const before = await one<UnitNameAliasRow>(
        m,
        `DELETE FROM unit_name_alias WHERE tenant_id = $1 AND id = $2 RETURNING *`,
        [viewer.tenantId, id],
      );
      if (!before) throw notFound('单位名称的决定');
      await this.audit.record(m, viewer, {
        entityType: 'unit_name_alias',
        entityId: id,
        action: 'unit_name.forget',
        before,
      });
      return true;
    });
  }

  private async validDecision(
    m: Queryable,
    tenantId: string,
    input: ResolveUnitNameInput,
    directory: readonly { id: string; kind: string; name: string }[],
  ): Promise<UnitNameDecision> {
    if (input.action === 'DROP') return { action: 'DROP', unitIds: [], kind: null };
    if (input.action === 'KIND') {
      if (!input.kind) throw badInput('请选择单位类型', 'kind');
      if (!directory.some((u) => u.kind === input.kind))
        throw badInput('单位名录中没有这一类型的在用单位，请选择其他类型或具体单位', 'kind');
      return { action: 'KIND', unitIds: [], kind: input.kind };
    }
    const unitIds = [...new Set(input.unitIds ?? [])];
    if (!unitIds.length) throw badInput('请至少选择一个单位', 'unitIds');
    if (unitIds.length > MAX_UNITS) throw badInput(`一次最多选择 ${MAX_UNITS} 个单位`, 'unitIds');
    const active = new Set(directory.map((u) => u.id));
    const missing = unitIds.filter((id) => !active.has(id));
    if (missing.length) {
      const found = await rows<Pick<UnitRow, 'name'>>(
        m,
        `SELECT name FROM unit WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
        [tenantId, missing],
      );
      if (found.length < missing.length) throw notFound('单位');
      throw badInput(`单位“${found[0].name}”已停用`, 'unitIds');
    }
    return { action: 'UNITS', unitIds, kind: null };
  }

  private async remember(m: Queryable, viewer: Viewer, name: string, key: string, d: UnitNameDecision) {
    await m.query(
      `INSERT INTO unit_name_alias (tenant_id, name, name_key, action, unit_ids, kind, decided_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (tenant_id, name_key) DO UPDATE SET name = EXCLUDED.name, action = EXCLUDED.action, unit_ids = EXCLUDED.unit_ids,
         kind = EXCLUDED.kind, decided_by = EXCLUDED.decided_by, version = unit_name_alias.version + 1, updated_at = now()`,
      [viewer.tenantId, name, key, d.action, d.unitIds, d.kind, viewer.userId],
    );
  }
}
