import { conflict, notFound } from './app-error.js';
import { rows } from './sql.js';
import type { EntityManager } from 'typeorm';

/**
 * Optimistic concurrency: lock the row, check the version the client last saw, and bump it.
 * A stale version gets CONFLICT instead of silently overwriting someone else's change.
 * Returns the row as it was before the change (for the audit log).
 */
export async function lockForUpdate<T extends { version: number } = { version: number } & Record<string, unknown>>(
  m: EntityManager,
  table: string,
  tenantId: string,
  id: string,
  expectedVersion: number | null | undefined,
  what: string,
): Promise<T> {
  const [row] = await rows<T>(m, `SELECT * FROM ${table} WHERE tenant_id = $1 AND id = $2 FOR UPDATE`, [tenantId, id]);
  if (!row) throw notFound(what);
  if (expectedVersion != null && row.version !== expectedVersion) throw conflict(`${what}已被他人修改，请刷新后重试`);
  return row;
}
