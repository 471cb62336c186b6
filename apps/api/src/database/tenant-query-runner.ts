import type { DataSource, QueryRunner, ReplicationMode } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel.js';
import { activeTenantId } from './tenant-context.js';
import { TENANT_ROLE, TENANT_SETTING } from './tenant-row-security.js';

/**
 * Both settings are transaction-local (`set_config(…, true)`), so they end with the transaction and
 * hold behind PgBouncer in transaction pooling. The id was checked as a UUID when the scope was opened;
 * inlining it lets the statement share one round trip with START TRANSACTION (a simple-protocol batch).
 */
export function tenantScopeStatement(tenantId: string): string {
  return `SELECT set_config('role', '${TENANT_ROLE}', true), set_config('${TENANT_SETTING}', '${tenantId}', true)`;
}

/**
 * Puts every query runner of the data source under the tenant scope: inside a tenant's scope a
 * transaction starts as the row-level-security role with the tenant set, and a query outside a
 * transaction is wrapped in one. Outside a scope nothing changes. Services need not remember anything.
 */
export function scopeQueriesByTenant(dataSource: DataSource): DataSource {
  const driver = dataSource.driver;
  const create = driver.createQueryRunner.bind(driver);
  driver.createQueryRunner = (mode: ReplicationMode) => scopedRunner(create(mode), dataSource);
  return dataSource;
}

function scopedRunner(runner: QueryRunner, dataSource: DataSource): QueryRunner {
  const query = runner.query.bind(runner) as (sql: string, parameters?: unknown[], structured?: boolean) => Promise<unknown>;
  const startTransaction = runner.startTransaction.bind(runner);
  // Set while startTransaction runs: its own START TRANSACTION then carries the scope in the same batch.
  let scopeOnStart: string | null = null;

  runner.startTransaction = async (level?: IsolationLevel) => {
    const tenantId = runner.isTransactionActive ? null : activeTenantId();
    if (!tenantId) return startTransaction(level);
    if (level ?? dataSource.options.isolationLevel) {
      // SET TRANSACTION ISOLATION LEVEL must come before any other statement of the transaction.
      await startTransaction(level);
      await query(tenantScopeStatement(tenantId));
      return;
    }
    scopeOnStart = tenantId;
    try {
      await startTransaction(level);
    } finally {
      scopeOnStart = null;
    }
  };

  runner.query = (async (sql: string, parameters?: unknown[], structured?: boolean) => {
    if (scopeOnStart !== null && sql === 'START TRANSACTION') {
      const tenantId = scopeOnStart;
      scopeOnStart = null;
      return query(`START TRANSACTION; ${tenantScopeStatement(tenantId)}`);
    }
    const tenantId = runner.isTransactionActive ? null : activeTenantId();
    if (!tenantId) return query(sql, parameters, structured);
    await query(`START TRANSACTION; ${tenantScopeStatement(tenantId)}`);
    try {
      const result = await query(sql, parameters, structured);
      await query('COMMIT');
      return result;
    } catch (error) {
      await query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }) as QueryRunner['query'];

  return runner;
}
