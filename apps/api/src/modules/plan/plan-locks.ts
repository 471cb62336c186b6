import type { EntityManager } from 'typeorm';
import { badInput, notFound } from '../../common/app-error.js';
import { one } from '../../common/sql.js';
import type { PlanRow } from './dto/plan.model.js';

/**
 * Edits of a key point take the plan row FOR SHARE first (then the key point FOR UPDATE), and
 * publishing takes the plan FOR UPDATE: an edit and a publish of the same plan never interleave,
 * and the lock order plan → key point is the same everywhere, so they cannot deadlock.
 */
export async function sharePlanOf(
  m: EntityManager,
  tenantId: string,
  table: 'key_point' | 'key_point_unit' | 'key_point_deadline',
  id: string,
) {
  const joins: Record<string, string> = {
    key_point: `FROM key_point k`,
    key_point_unit: `FROM key_point_unit x JOIN key_point k ON k.tenant_id = x.tenant_id AND k.id = x.key_point_id`,
    key_point_deadline: `FROM key_point_deadline x JOIN key_point k ON k.tenant_id = x.tenant_id AND k.id = x.key_point_id`,
  };
  const idColumn = table === 'key_point' ? 'k.id' : 'x.id';
  const ref = await one<{ plan_id: string; key_point_id: string }>(
    m,
    `SELECT k.plan_id, k.id AS key_point_id ${joins[table]} WHERE k.tenant_id = $1 AND ${idColumn} = $2`,
    [tenantId, id],
  );
  if (!ref) throw notFound(table === 'key_point' ? '工作要点' : table === 'key_point_unit' ? '承办单位' : '时限');
  const plan = await one<PlanRow>(m, `SELECT * FROM plan WHERE tenant_id = $1 AND id = $2 FOR SHARE`, [
    tenantId,
    ref.plan_id,
  ]);
  if (!plan) throw notFound('计划');
  return { plan, keyPointId: ref.key_point_id };
}

export function requireDraft(plan: Pick<PlanRow, 'status'>): void {
  if (plan.status !== 'DRAFT')
    throw badInput('计划已发布，不能再修改草稿；如需调整请使用“调整工作要点”并填写原因', 'id');
}

/** The plan row as it goes into the audit log: without the (large) source text. */
export function planSnapshot<T extends { source_text?: unknown }>(row: T): Omit<T, 'source_text'> {
  const { source_text: _sourceText, ...rest } = row;
  return rest;
}
