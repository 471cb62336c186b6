import type { DataSource, EntityManager } from 'typeorm';
import { notFound } from '../../common/app-error.js';
import { one, rows } from '../../common/sql.js';

type Db = DataSource | EntityManager;
export const UNIT_PERSON_ROLES = ['UNIT_LIAISON', 'UNIT_LEADER'] as const;
export type UnitPersonRole = (typeof UNIT_PERSON_ROLES)[number];

/** SQL: the unit aliased `alias` has an active account of role `$roleParam` (for WHERE and SELECT lists). */
export const hasActivePerson = (alias: string, roleParam: string) =>
  `EXISTS (SELECT 1 FROM app_user p WHERE p.tenant_id = ${alias}.tenant_id AND p.unit_id = ${alias}.id AND p.role = ${roleParam} AND p.active)`;

export async function unitHasActivePerson(
  db: Db,
  tenantId: string,
  unitId: string,
  role: UnitPersonRole,
): Promise<boolean> {
  const u = 'u';
  return !!(await one<{ '?column?': number }>(
    db,
    `SELECT 1 FROM unit ${u} WHERE ${u}.tenant_id = $1 AND ${u}.id = $2 AND ${hasActivePerson(u, '$3')}`,
    [tenantId, unitId, role],
  ));
}

/**
 * Active units with no active account of the role: "units without a liaison" (nobody there can see or
 * report its tasks) and "units without a leader" (their reports skip leader approval). Sorted as the directory.
 */
export function unitsWithout(db: Db, tenantId: string, role: UnitPersonRole): Promise<{ id: string; name: string }[]> {
  return rows<{ id: string; name: string }>(
    db,
    `SELECT u.id, u.name FROM unit u WHERE u.tenant_id = $1 AND u.active AND NOT ${hasActivePerson('u', '$2')} ORDER BY u.sort, u.name, u.id`,
    [tenantId, role],
  );
}

/** Ids a client sent must all be units of the tenant: another tenant's (or made-up) ids are NOT_FOUND. */
export async function assertUnitsOfTenant(db: Db, tenantId: string, ids: string[]): Promise<void> {
  const found = await one<{ n: number }>(
    db,
    `SELECT count(*)::int AS n FROM unit WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
    [tenantId, ids],
  );
  if (found!.n !== new Set(ids).size) throw notFound('单位');
}
