import pg from 'pg';
import { DataSource, MigrationExecutor, type DataSourceOptions } from 'typeorm';
import type { AppConfig, DatabaseTimeouts } from '../config/app-config.js';
import { logger } from '../logging/logger.js';
import { startEmbeddedPostgres, type EmbeddedServer } from './embedded-postgres.js';
import { migrations } from './migrations/index.js';
import { scopeQueriesByTenant } from './tenant-query-runner.js';
import { useFastTimestampParser } from './timestamp-parser.js';
import { secureTenantTables, tenantRoleProblem } from './tenant-row-security.js';

export const EMBEDDED_DATABASE = 'duban';

// Calendar days stay 'YYYY-MM-DD' strings: turning them into JS Dates would shift them by the
// process's time zone. (1082 is PostgreSQL's `date` type oid; pg's parsers are process-wide.)
pg.types.setTypeParser(1082, (value: string) => value);
// Instants read without pg's regular expressions (same Dates): a task row carries seven.
useFastTimestampParser();

export interface DatabaseHandle {
  url: string;
  embedded: EmbeddedServer | null;
  stop(): Promise<void>;
}

export class DatabaseUnreachableError extends Error {}
/** The app's database user cannot act as the row-level-security role; the message says what to run. */
export class TenantRoleError extends Error {}

/** Replaces the database name in a PostgreSQL URL. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export function describeUrl(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || 5432}${u.pathname}`;
}

async function ensureDatabase(serverUrl: string, name: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

/** Connects once with a short timeout so a wrong DATABASE_URL fails start-up with one clear line. */
export async function checkReachable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new DatabaseUnreachableError(
      `DATABASE_URL ${describeUrl(url)} is not reachable: ${(error as Error).message || (error as NodeJS.ErrnoException).code}`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The external database from DATABASE_URL, or an embedded server with its data in DATA_DIR. */
export async function openDatabase(config: AppConfig): Promise<DatabaseHandle> {
  if (config.databaseUrl) {
    await checkReachable(config.databaseUrl);
    return { url: config.databaseUrl, embedded: null, stop: async () => undefined };
  }
  const embedded = await startEmbeddedPostgres({ dataDir: config.dataDir });
  try {
    await ensureDatabase(embedded.url, EMBEDDED_DATABASE);
  } catch (error) {
    await embedded.stop();
    throw error;
  }
  const url = withDatabase(embedded.url, EMBEDDED_DATABASE);
  logger().info({ port: embedded.port, dataDir: config.dataDir }, 'embedded PostgreSQL started');
  return { url, embedded, stop: () => embedded.stop() };
}

/**
 * The client side of the timeouts: a query whose answer never comes (a frozen server, a dead link
 * without a reset) fails after `queryMs`, and TCP keep-alive notices a silent peer. The server-side
 * ones are set per transaction (tenant-query-runner.ts), since startup parameters do not pass
 * PgBouncer in transaction pooling.
 */
export function clientTimeouts(timeouts: DatabaseTimeouts) {
  return { query_timeout: timeouts.queryMs, keepAlive: true, keepAliveInitialDelayMillis: 10_000 };
}

export function dataSourceOptions(url: string, poolSize = 10, timeouts?: DatabaseTimeouts): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    // No entities: every query is hand-written SQL (typed by row interfaces beside it); TypeORM runs
    // migrations and transactions.
    migrations,
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    poolSize,
    // pg-pool's timeout covers waiting for a free pool slot as well as connecting. A database that is
    // down refuses connections at once (requests still fail fast); the headroom is for bursts, such as
    // dozens of editors saving the same row, queueing for a slot on a busy machine.
    extra: {
      connectionTimeoutMillis: 10_000,
      application_name: 'duban-api',
      ...(timeouts ? clientTimeouts(timeouts) : {}),
    },
  };
}

/** The app's data source: every query runner it opens honours the tenant scope (tenant-context.ts). */
export async function openTenantScopedDataSource(
  options: DataSourceOptions,
  timeouts?: DatabaseTimeouts,
  { readOnly = false } = {},
): Promise<DataSource> {
  return scopeQueriesByTenant(new DataSource(options), timeouts, { readOnly }).initialize();
}

/** How long a starting process waits for another one's migrations before giving up. */
const MIGRATION_LOCK_WAIT = '120s';
/** A migration's DDL waits this long for the app's row locks, then fails rather than stall every request. */
const MIGRATION_DDL_LOCK_TIMEOUT = '30s';

/**
 * Applies pending migrations, then secures any tenant table a migration left without row-level
 * security. All of it is one transaction holding a transaction-scoped advisory lock: concurrent API
 * processes serialise on it and the later ones find nothing pending, and the lock holds behind PgBouncer
 * in transaction pooling (a session lock there is taken and released on whichever server connection
 * each statement lands). Pass DATABASE_DIRECT_URL all the same (README, "Operations"). Throws
 * TenantRoleError when the database user cannot use the tenant role (and could not create it).
 */
export async function runMigrations(url: string): Promise<string[]> {
  const ds = new DataSource(dataSourceOptions(url, 1));
  await ds.initialize();
  try {
    const runner = ds.createQueryRunner();
    let applied: string[];
    try {
      await runner.startTransaction();
      await runner.query(`SELECT set_config('lock_timeout', '${MIGRATION_LOCK_WAIT}', true)`);
      await runner.query('SELECT pg_advisory_xact_lock(723001)');
      await runner.query(`SELECT set_config('lock_timeout', '${MIGRATION_DDL_LOCK_TIMEOUT}', true)`);
      const executor = new MigrationExecutor(ds, runner);
      // Inside our transaction: every pending migration commits with the lock, or none does.
      executor.transaction = 'all';
      applied = (await executor.executePendingMigrations()).map((m) => m.name);
      const secured = await secureTenantTables(runner.manager);
      await runner.commitTransaction();
      if (secured.length) {
        logger().warn(
          { tables: secured },
          'tenant tables had no row-level security: secured now (their migration should call enableTenantRowSecurity)',
        );
      }
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
    const problem = await tenantRoleProblem(ds);
    if (problem) throw new TenantRoleError(problem);
    return applied;
  } finally {
    await ds.destroy();
  }
}
