import type { DataSource, EntityManager } from 'typeorm';
import { runOutsideTenant } from '../../database/tenant-context.js';

/**
 * A transaction that touches two linked tenants' rows on purpose (a link made or ended, an urge from
 * above and its acknowledgement): outside any tenant's scope, so every statement in it must name its tenants.
 */
export function acrossTenants<T>(dataSource: DataSource, work: (m: EntityManager) => Promise<T>): Promise<T> {
  return runOutsideTenant(() => dataSource.transaction(work));
}
