import pg from 'pg';
import type { DataSource } from 'typeorm';
import { createTestDatabase } from '../../../test/test-database.js';
import type { DatabaseTimeouts } from '../../config/app-config.js';
import { databaseFailure, sqlState } from '../database-errors.js';
import { dataSourceOptions, openTenantScopedDataSource } from '../database.js';
import { ReadinessProbe } from '../readiness-probe.js';
import { runInTenant } from '../tenant-context.js';

const TIMEOUTS: DatabaseTimeouts = { statementMs: 300, lockMs: 200, idleInTransactionMs: 1000, queryMs: 1500 };

/** What the rejection of `run` was (its SQLSTATE, or the message when it has none). */
async function refusal(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    return sqlState(error) || (error as Error).message;
  }
  throw new Error('expected the database to refuse');
}

/**
 * The app's data source against a real PostgreSQL: a frozen statement, a held lock, an abandoned
 * transaction or a read-only node end within the configured bounds, and the connection they were on
 * leaves the pool. One pooled connection, so a broken one left in the pool would fail the next query.
 */
describe('database timeouts and broken connections', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let admin: pg.Pool;
  let ds: DataSource;
  let tenantId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    admin = new pg.Pool({ connectionString: database.url, max: 3 });
    ({
      rows: [{ id: tenantId }],
    } = await admin.query(`INSERT INTO tenant (code, name) VALUES ('timeouts', '超时测试') RETURNING id`));
    ds = await openTenantScopedDataSource(dataSourceOptions(database.url, 1, TIMEOUTS), TIMEOUTS);
  });
  afterAll(async () => {
    await ds?.destroy();
    await admin
      ?.query(`ALTER DATABASE ${new URL(database.url).pathname.slice(1)} RESET default_transaction_read_only`)
      .catch(() => undefined);
    await admin?.end();
    await database?.drop();
  });

  const one = async () => (await ds.query('SELECT 1 AS one'))[0].one;

  it('cancels a statement running past statement_timeout inside a transaction', async () => {
    expect(await refusal(() => ds.transaction((m) => m.query('SELECT pg_sleep(5)')))).toBe('57014');
    expect(await one()).toBe(1);
  });

  it("cancels a tenant's single statement past statement_timeout too, with or without parameters", async () => {
    // A statement alone carries the timeouts in the same round trip as itself (scoped-statement.ts).
    expect(await refusal(() => runInTenant(tenantId, () => ds.query('SELECT pg_sleep(5)')))).toBe('57014');
    expect(await refusal(() => runInTenant(tenantId, () => ds.query('SELECT pg_sleep($1)', [5])))).toBe('57014');
    expect(await runInTenant(tenantId, one)).toBe(1);
    expect(await one()).toBe(1);
  });

  it('gives up waiting for a lock after lock_timeout', async () => {
    const holder = await admin.connect();
    try {
      await holder.query('BEGIN');
      await holder.query(`SELECT * FROM tenant WHERE code = 'timeouts' FOR UPDATE`);
      const code = await refusal(() =>
        ds.transaction((m) => m.query(`UPDATE tenant SET name = '改名' WHERE code = 'timeouts'`)),
      );
      expect(code).toBe('55P03');
    } finally {
      await holder.query('ROLLBACK');
      holder.release();
    }
    expect(await one()).toBe(1);
  });

  it('lets the server end a transaction left idle, and the pool carries on', async () => {
    const runner = ds.createQueryRunner();
    await runner.startTransaction();
    await runner.query('SELECT 1');
    await new Promise((resolve) => setTimeout(resolve, TIMEOUTS.idleInTransactionMs + 500));
    // Ended by the server (25P03) or found ended: either way it refuses, it does not go on.
    await refusal(() => runner.query('SELECT 1'));
    await runner.release();
    expect(await one()).toBe(1);
  });

  it('fails a query with no answer in time and drops its connection, so the next query is not stuck behind it', async () => {
    // Outside a transaction only the client's bound applies (as with a frozen server).
    expect(await refusal(() => ds.query('SELECT pg_sleep(30)'))).toBe('Query read timeout');
    expect(await one()).toBe(1);
  }, 15_000);

  it('sees a read-only database as not ready, refuses writes as read-only, and lets those connections go', async () => {
    const name = new URL(database.url).pathname.slice(1);
    const probe = new ReadinessProbe(ds, 1000);
    expect(await probe.check()).toBeNull();
    // A demoted primary: its sessions end, new ones are read-only.
    await admin.query(`ALTER DATABASE ${name} SET default_transaction_read_only = on`);
    await admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND application_name = 'duban-api'`,
      [name],
    );
    // The first probe may meet a connection the termination has not yet been noticed on.
    const seen = [await probe.check().catch(() => 'unreachable'), await probe.check().catch(() => 'unreachable')];
    expect(seen).toContain('read-only');
    let failure: string | null = null;
    for (let attempt = 0; attempt < 3 && failure !== 'read-only'; attempt++) {
      failure = await refusal(() =>
        ds.transaction((m) => m.query(`UPDATE tenant SET name = '只读' WHERE code = 'timeouts'`)),
      ).then((code) => databaseFailure(Object.assign(new Error(code), { code })));
    }
    expect(failure).toBe('read-only');
    // The primary is back: the connection that met the read-only node was not kept.
    await admin.query(`ALTER DATABASE ${name} RESET default_transaction_read_only`);
    await ds.transaction((m) => m.query(`UPDATE tenant SET name = '可写' WHERE code = 'timeouts'`));
    expect(await probe.check()).toBeNull();
  });

  it('answers concurrent readiness probes with one check, and bounds a probe that finds the pool busy', async () => {
    const probe = new ReadinessProbe(ds, 300);
    const checks = Array.from({ length: 12 }, () => probe.check());
    expect(new Set(checks).size).toBe(1);
    expect(await Promise.all(checks)).toEqual(Array(12).fill(null));
    // The only pool slot is taken: the probe fails in its time instead of waiting for it.
    const runner = ds.createQueryRunner();
    await runner.connect();
    try {
      await expect(probe.check()).rejects.toThrow(/no answer in 300 ms/);
    } finally {
      await runner.release();
    }
    expect(await probe.check()).toBeNull();
  });
});
