// What the row-level-security backstop costs one statement: the same indexed read through the app's
// data source, unscoped and in a tenant's scope, alone and inside a transaction (one connection).
import { dataSourceOptions, openTenantScopedDataSource } from '../../../apps/api/src/database/database.js';
import { runInTenant } from '../../../apps/api/src/database/tenant-context.js';

export interface ScopeCost {
  statement: { unscoped: number; scoped: number };
  transaction: { unscoped: number; scoped: number };
}

export async function tenantScopeCost(
  url: string,
  tenantId: string,
  taskId: string,
  rounds = 2000,
): Promise<ScopeCost> {
  const ds = await openTenantScopedDataSource(dataSourceOptions(url, 1));
  const read = () => ds.query(`SELECT id, status FROM task WHERE tenant_id = $1 AND id = $2`, [tenantId, taskId]);
  const inTransaction = () =>
    ds.transaction((m) => m.query(`SELECT id, status FROM task WHERE tenant_id = $1 AND id = $2`, [tenantId, taskId]));
  /** Mean ms per call over `rounds`, after a warm-up. */
  const time = async (call: () => Promise<unknown>) => {
    for (let i = 0; i < 100; i++) await call();
    const t0 = performance.now();
    for (let i = 0; i < rounds; i++) await call();
    return (performance.now() - t0) / rounds;
  };
  try {
    return {
      statement: { unscoped: await time(read), scoped: await runInTenant(tenantId, () => time(read)) },
      transaction: {
        unscoped: await time(inTransaction),
        scoped: await runInTenant(tenantId, () => time(inTransaction)),
      },
    };
  } finally {
    await ds.destroy();
  }
}
