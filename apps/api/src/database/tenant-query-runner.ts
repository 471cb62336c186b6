import type { DataSource, QueryRunner, ReplicationMode } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel.js';
import type pg from 'pg';
import type { DatabaseTimeouts } from '../config/app-config.js';
import { dropsConnection } from './database-errors.js';
import { scopedClient } from './scoped-statement.js';
import { activeTenantId } from './tenant-context.js';
import { TENANT_ROLE, TENANT_SETTING } from './tenant-row-security.js';

/**
 * The `set_config` calls of the tenant scope. Both settings are transaction-local (`set_config(…, true)`),
 * so they end with the transaction and hold behind PgBouncer in transaction pooling. The id was checked
 * as a UUID when the scope was opened; inlining it lets the settings share one round trip with START
 * TRANSACTION (a simple-protocol batch) or with the statement they scope (scoped-statement.ts).
 */
function tenantScopeSettings(tenantId: string): string[] {
  return [`set_config('role', '${TENANT_ROLE}', true)`, `set_config('${TENANT_SETTING}', '${tenantId}', true)`];
}

/**
 * The server-side timeouts, transaction-local for the same reason as the tenant scope: a session SET or
 * a startup parameter would not survive PgBouncer's transaction pooling (PgBouncer refuses unknown
 * startup parameters). The values are validated whole numbers.
 */
function timeoutSettings(t: DatabaseTimeouts): string[] {
  return [
    `set_config('statement_timeout', '${t.statementMs}', true)`,
    `set_config('lock_timeout', '${t.lockMs}', true)`,
    `set_config('idle_in_transaction_session_timeout', '${t.idleInTransactionMs}', true)`,
  ];
}

/**
 * What a read replica's transactions also start with: the transaction-local form of
 * `default_transaction_read_only`, which (unlike a startup parameter or a session SET) holds behind
 * PgBouncer. A replica URL that reaches a primary by mistake then still refuses every write.
 */
const READ_ONLY_SETTING = `set_config('transaction_read_only', 'on', true)`;

/**
 * Puts every query runner of the data source under the tenant scope: inside a tenant's scope a
 * transaction starts as the row-level-security role with the tenant set, and a query outside a
 * transaction runs as its own transaction under the same settings, sent with them in one round trip.
 * Outside a scope nothing changes. Services need not remember anything.
 * `readOnly` (the read replica's data source) makes every transaction it opens read-only.
 */
export function scopeQueriesByTenant(
  dataSource: DataSource,
  timeouts?: DatabaseTimeouts,
  { readOnly = false } = {},
): DataSource {
  const driver = dataSource.driver;
  const create = driver.createQueryRunner.bind(driver);
  const always = [...(timeouts ? timeoutSettings(timeouts) : []), ...(readOnly ? [READ_ONLY_SETTING] : [])];
  driver.createQueryRunner = (mode: ReplicationMode) => scopedRunner(create(mode), dataSource, always);
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

function scopedRunner(runner: QueryRunner, dataSource: DataSource, always: string[]): QueryRunner {
  const query = releasingBrokenConnections(runner);
  const startTransaction = runner.startTransaction.bind(runner);
  const connect = runner.connect.bind(runner);
  // What opens a transaction here, as one statement: the timeouts, and the tenant scope inside a tenant's scope.
  const openingStatement = (tenantId: string | null) => {
    const settings = tenantId ? [...always, ...tenantScopeSettings(tenantId)] : always;
    return settings.length ? `SELECT ${settings.join(', ')}` : '';
  };
  // Set while startTransaction runs: its own START TRANSACTION then carries the scope in the same batch.
  let scopeOnStart: string | null = null;
  // Set while a statement outside a transaction is handed to TypeORM: the connection it asks for sends
  // the statement with this opening in the same round trip (scoped-statement.ts).
  let scopeNext: string | null = null;

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

  // TypeORM's query() asks for the connection first thing, synchronously: that call takes the opening.
  runner.connect = (() => {
    const opening = scopeNext;
    scopeNext = null;
    const connecting = connect() as Promise<pg.ClientBase>;
    return opening === null ? connecting : connecting.then((client) => scopedClient(client, opening));
  }) as QueryRunner['connect'];

  runner.query = (async (sql: string, parameters?: unknown[], structured?: boolean) => {
    if (scopeOnStart !== null && sql === 'START TRANSACTION') {
      const opening = scopeOnStart;
      scopeOnStart = null;
      return query(`START TRANSACTION; ${opening}`);
    }
    const tenantId = runner.isTransactionActive ? null : activeTenantId();
    if (!tenantId) return query(sql, parameters, structured);
    // One statement alone: its own implicit transaction, opened by the scope in the same round trip.
    scopeNext = openingStatement(tenantId);
    try {
      return await query(sql, parameters, structured);
    } finally {
      scopeNext = null;
    }
  }) as QueryRunner['query'];

  return runner;
}
