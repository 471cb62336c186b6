import { isUnitUser, readsWholeTenant, type Viewer } from '../../common/viewer.js';
import { type SqlParams } from '../../common/sql.js';

/**
 * The one rule for which tasks a viewer may see, as a SQL predicate on a `task` row alias.
 * Office and leadership: the whole tenant. Unit users: their unit's tasks, plus every task of a key
 * point their unit leads (the lead unit coordinates its co-units). Anyone else: nothing.
 * Every task query (lists, dashboard, `task(id)`, reports of a task) goes through it.
 */
export function taskVisibility(viewer: Viewer, params: SqlParams, alias = 't'): string {
  const tenant = params.add(viewer.tenantId);
  if (readsWholeTenant(viewer)) return `${alias}.tenant_id = ${tenant}`;
  if (!isUnitUser(viewer) || !viewer.unitId) return 'false';
  const unit = params.add(viewer.unitId);
  return `(${alias}.tenant_id = ${tenant} AND (${alias}.unit_id = ${unit} OR EXISTS (
    SELECT 1 FROM task lead WHERE lead.tenant_id = ${alias}.tenant_id AND lead.key_point_id = ${alias}.key_point_id
      AND lead.unit_id = ${unit} AND lead.role = 'LEAD')))`;
}

/** Whether the viewer may change the task as its own unit (coordinating a key point is read-only). */
export function isOwnUnitTask(viewer: Viewer, task: { unit_id: string }): boolean {
  return isUnitUser(viewer) && viewer.unitId === task.unit_id;
}
