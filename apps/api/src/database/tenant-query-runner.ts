import type { DataSource, QueryRunner, ReplicationMode } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel.js';
import type { DatabaseTimeouts } from '../config/app-config.js';
import { dropsConnection } from './database-errors.js';
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
 * One SELECT of several settings' `set_config` calls: what a transaction opens with is one statement for
 * PostgreSQL to parse, plan and run (it was two, each transaction of every request).
 */
function joinedSettings(statements: (string | null | false | undefined)[]): string {
  const settings = statements.filter((s): s is string => !!s).map((s) => s.replace(/^SELECT /, ''));
  return settings.length ? `SELECT ${settings.join(', ')}` : '';
}

/**
 * The server-side timeouts, transaction-local for the same reason as the tenant scope: a session SET or
 * a startup parameter would not survive PgBouncer's transaction pooling (PgBouncer refuses unknown
 * startup parameters). The values are validated whole numbers.
 */
export function timeoutsStatement(t: DatabaseTimeouts): string {
  return (
    `SELECT set_config('statement_timeout', '${t.statementMs}', true), set_config('lock_timeout', '${t.lockMs}', true), ` +
    `set_config('idle_in_transaction_session_timeout', '${t.idleInTransactionMs}', true)`
  );
}

/**
 * What a read replica's transactions also start with: the transaction-local form of
 * `default_transaction_read_only`, which (unlike a startup parameter or a session SET) holds behind
 * PgBouncer. A replica URL that reaches a primary by mistake then still refuses every write.
 */
export const READ_ONLY_STATEMENT = `SELECT set_config('transaction_read_only', 'on', true)`;

/**
 * Puts every query runner of the data source under the tenant scope: inside a tenant's scope a
 * transaction starts as the row-level-security role with the tenant set, and a query outside a
 * transaction is wrapped in one. Outside a scope nothing changes. Services need not remember anything.
 * `readOnly` (the read replica's data source) makes every transaction it opens read-only.
 */
export function scopeQueriesByTenant(
  dataSource: DataSource,
  timeouts?: DatabaseTimeouts,
  { readOnly = false } = {},
): DataSource {
  const driver = dataSource.driver;
  const create = driver.createQueryRunner.bind(driver);
  const opening = joinedSettings([timeouts && timeoutsStatement(timeouts), readOnly && READ_ONLY_STATEMENT]);
  driver.createQueryRunner = (mode: ReplicationMode) => scopedRunner(create(mode), dataSource, opening || null);
  return dataSource;
}

type RunQuery = (sql: string, parameters?: unknown[], structured?: boolean) => Promise<unknown>;

/** Runs queries on the runner's connection, and hands a broken one back to the pool to be destroyed. */
function releasingBrokenConnections(runner: QueryRunner): RunQuery {
  const query = runner.query.bind(runner) as RunQuery;
  const release = (runner as unknown as { releasePostgresConnection?: (err: Error) => Promise<void> })
    .releasePostgresConnection;
  return async (sql, parameters, structured) => {
    try {
      return await query(sql, parameters, structured);
    } catch (error) {
      if (release && dropsConnection(error)) await release.call(runner, error as Error);
      throw error;
    }
  };
}

function scopedRunner(runner: QueryRunner, dataSource: DataSource, timeoutsSql: string | null): QueryRunner {
  const query = releasingBrokenConnections(runner);
  const startTransaction = runner.startTransaction.bind(runner);
  // What opens a transaction here: the timeouts, and the tenant scope inside a tenant's scope.
  const openingStatement = (tenantId: string | null) =>
    joinedSettings([timeoutsSql, tenantId && tenantScopeStatement(tenantId)]);
  // Set while startTransaction runs: its own START TRANSACTION then carries the scope in the same batch.
  let scopeOnStart: string | null = null;

  runner.startTransaction = async (level?: IsolationLevel) => {
    const opening = runner.isTransactionActive ? '' : openingStatement(activeTenantId());
    if (!opening) return startTransaction(level);
    if (level ?? dataSource.options.isolationLevel) {
      // SET TRANSACTION ISOLATION LEVEL must come before any other statement of the transaction.
      await startTransaction(level);
      await query(opening);
      return;
    }
    scopeOnStart = opening;
    try {
      await startTransaction(level);
    } finally {
      scopeOnStart = null;
    }
  };

  runner.query = (async (sql: string, parameters?: unknown[], structured?: boolean) => {
    if (scopeOnStart !== null && sql === 'START TRANSACTION') {
      const opening = scopeOnStart;
      scopeOnStart = null;
      return query(`START TRANSACTION; ${opening}`);
    }
    const tenantId = runner.isTransactionActive ? null : activeTenantId();
    if (!tenantId) return query(sql, parameters, structured);
    await query(`START TRANSACTION; ${openingStatement(tenantId)}`);
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
