import pg from 'pg';
import { DataSource } from 'typeorm';
import { captureStatements } from '../../../test/count-statements.js';
import { createTestDatabase } from '../../../test/test-database.js';
import {
  dataSourceOptions,
  openTenantScopedDataSource,
  runMigrations,
  TenantRoleError,
  withDatabase,
} from '../database.js';
import { runInTenant, runOutsideTenant } from '../tenant-context.js';
import { TENANT_ROLE, tenantTables } from '../tenant-row-security.js';

/** Every statement pg sends while `run` is in flight (one round trip each). */
const roundTrips = (run: () => Promise<unknown>) => captureStatements(run, { roundTrips: true });

describe('tenant row-level security', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let admin: pg.Pool;
  let ds: DataSource;
  const tenants: { a: string; b: string } = { a: '', b: '' };

  beforeAll(async () => {
    database = await createTestDatabase();
    admin = new pg.Pool({ connectionString: database.url, max: 2 });
    const tenant = async (code: string) =>
      (await admin.query(`INSERT INTO tenant (code, name) VALUES ($1, $1) RETURNING id`, [code])).rows[0].id as string;
    tenants.a = await tenant('rls-a');
    tenants.b = await tenant('rls-b');
    for (const [t, name] of [
      [tenants.a, '甲局'],
      [tenants.a, '乙局'],
      [tenants.b, '丙局'],
    ]) {
      await admin.query(`INSERT INTO unit (tenant_id, name, kind) VALUES ($1, $2, 'DEPARTMENT')`, [t, name]);
    }
    // One pooled connection: what a scoped transaction leaves behind on it would show in the next query.
    ds = await openTenantScopedDataSource(dataSourceOptions(database.url, 1));
  });
  afterAll(async () => {
    await ds?.destroy();
    await admin?.end();
    await database?.drop();
  });

  const unitNames = async () =>
    (await ds.query(`SELECT name FROM unit ORDER BY name`)).map((r: { name: string }) => r.name);

  it("lets SQL that forgets tenant_id read only the scope's tenant, and nothing without a tenant", async () => {
    expect(await runInTenant(tenants.a, unitNames)).toEqual(['乙局', '甲局']);
    expect(await runInTenant(tenants.b, unitNames)).toEqual(['丙局']);
    // Outside a scope (sign-in, cross-tenant scans) nothing changes; the connection kept no role.
    expect(await unitNames()).toEqual(['丙局', '乙局', '甲局']);
    expect(await runInTenant(tenants.a, () => runOutsideTenant(unitNames))).toHaveLength(3);
    const [{ role }] = await ds.query(`SELECT current_user AS role`);
    expect(role).not.toBe(TENANT_ROLE);
  });

  it("cannot change or create another tenant's rows, in a transaction or a single statement", async () => {
    await runInTenant(tenants.a, async () => {
      const [, touched] = await ds.query(`UPDATE unit SET sort = 7`);
      expect(touched).toBe(2);
      await ds.transaction(async (m) => {
        const [, deleted] = await m.query(`DELETE FROM unit WHERE name = '丙局'`);
        expect(deleted).toBe(0);
      });
      await expect(
        ds.query(`INSERT INTO unit (tenant_id, name, kind) VALUES ($1, '冒名局', 'DEPARTMENT')`, [tenants.b]),
      ).rejects.toThrow(/row-level security/);
      await expect(ds.transaction((m) => m.query(`UPDATE unit SET tenant_id = $1`, [tenants.b]))).rejects.toThrow(
        /row-level security/,
      );
    });
    const { rows } = await admin.query(`SELECT name, sort FROM unit WHERE tenant_id = $1`, [tenants.b]);
    expect(rows).toEqual([{ name: '丙局', sort: 0 }]);
  });

  it("lets a tenant's transaction read and update only its own tenant row; sign-in's lookup by code still sees every tenant", async () => {
    const codes = () =>
      ds.query(`SELECT code FROM tenant ORDER BY code`).then((r: { code: string }[]) => r.map((x) => x.code));
    expect(await runInTenant(tenants.a, codes)).toEqual(['rls-a']);
    expect(await runInTenant(tenants.b, codes)).toEqual(['rls-b']);
    await runInTenant(tenants.a, () =>
      ds.transaction(async (m) => {
        expect(await m.query(`SELECT id FROM tenant WHERE code = 'rls-b'`)).toEqual([]);
        const [, renamedOther] = await m.query(`UPDATE tenant SET name = '被改名' WHERE id = $1`, [tenants.b]);
        expect(renamedOther).toBe(0);
        const [, renamedOwn] = await m.query(`UPDATE tenant SET name = '甲省办公厅' WHERE id = $1`, [tenants.a]);
        expect(renamedOwn).toBe(1);
      }),
    );
    await runInTenant(tenants.a, async () => {
      await expect(ds.query(`UPDATE tenant SET id = $1 WHERE id = $2`, [tenants.b, tenants.a])).rejects.toThrow(
        /row-level security/,
      );
      await expect(ds.query(`INSERT INTO tenant (code, name) VALUES ('rls-new', '新租户')`)).rejects.toThrow(
        /row-level security/,
      );
      const [, deleted] = await ds.query(`DELETE FROM tenant`);
      expect(deleted).toBe(0);
    });
    // Outside a scope (sign-in finds a tenant by code before any tenant is set; the CLI): every tenant.
    expect(await codes()).toEqual(['rls-a', 'rls-b']);
    const { rows } = await admin.query(`SELECT code, name FROM tenant ORDER BY code`);
    expect(rows).toEqual([
      { code: 'rls-a', name: '甲省办公厅' },
      { code: 'rls-b', name: 'rls-b' },
    ]);
  });

  it('scopes transactions with an isolation level and nested transactions too', async () => {
    await runInTenant(tenants.b, () =>
      ds.transaction('SERIALIZABLE', async (m) => {
        expect(await m.query(`SELECT name FROM unit`)).toEqual([{ name: '丙局' }]);
        await m.transaction(async (inner) =>
          expect(await inner.query(`SELECT count(*)::int AS n FROM unit`)).toEqual([{ n: 1 }]),
        );
      }),
    );
  });

  it('costs a scoped transaction no extra round trip, and sends a single statement with its scope in one', async () => {
    const inTransaction = await roundTrips(() =>
      runInTenant(tenants.a, () => ds.transaction((m) => m.query(`SELECT 1`))),
    );
    expect(inTransaction).toHaveLength(3);
    expect(inTransaction[0]).toMatch(
      /^START TRANSACTION; SELECT set_config\('role', 'duban_tenant', true\), set_config\('duban\.tenant_id', '[0-9a-f-]{36}', true\)$/,
    );
    expect(await roundTrips(() => runInTenant(tenants.a, () => ds.query(`SELECT 1`)))).toEqual(['SELECT 1']);
    expect(await roundTrips(() => runInTenant(tenants.a, () => ds.query(`SELECT $1::int`, [1])))).toEqual([
      'SELECT $1::int',
    ]);
    expect(await roundTrips(() => ds.query(`SELECT 1`))).toEqual(['SELECT 1']);
  });

  it('runs a single statement as the tenant, in a transaction of its own that leaves nothing on the connection', async () => {
    const scope = `SELECT current_user AS role, current_setting('duban.tenant_id', true) AS tenant`;
    // Without parameters (one simple-protocol string) and with (extended protocol, one Sync).
    const plain = await runInTenant(tenants.a, () => ds.query(scope));
    const bound = await runInTenant(tenants.b, () => ds.query(`${scope}, $1::int AS n`, [7]));
    expect(plain).toEqual([{ role: TENANT_ROLE, tenant: tenants.a }]);
    expect(bound).toEqual([{ role: TENANT_ROLE, tenant: tenants.b, n: 7 }]);
    // Writes commit; a failed statement rolls back; neither leaves the role or the tenant behind.
    await runInTenant(tenants.a, () => ds.query(`UPDATE unit SET sort = $1 WHERE name = $2`, [3, '甲局']));
    await expect(runInTenant(tenants.a, () => ds.query(`UPDATE unit SET sort = 1 / 0`))).rejects.toThrow(/division/);
    await expect(runInTenant(tenants.a, () => ds.query(`UPDATE unit SET sort = $1::int / 0`, [4]))).rejects.toThrow(
      /division/,
    );
    const { rows } = await admin.query(`SELECT name, sort FROM unit WHERE tenant_id = $1 ORDER BY name`, [tenants.a]);
    expect(rows.find((r) => r.name === '甲局')).toEqual({ name: '甲局', sort: 3 });
    const [after] = await ds.query(`SELECT current_user AS role, current_setting('duban.tenant_id', true) AS tenant`);
    expect(after.role).not.toBe(TENANT_ROLE);
    expect(after.tenant ?? '').toBe('');
  });

  it('covers every table with a tenant_id column when the migrations run on an empty database', async () => {
    // Straight TypeORM, without runMigrations' sweep: each tenant table must be secured by a migration.
    const serverUrl = process.env.DUBAN_TEST_SERVER_URL!;
    const name = `rls_fresh_${process.pid}_${Date.now()}`;
    const server = new pg.Client({ connectionString: serverUrl });
    await server.connect();
    await server.query(`CREATE DATABASE ${name}`);
    const fresh = new DataSource(dataSourceOptions(withDatabase(serverUrl, name), 1));
    try {
      await fresh.initialize();
      await fresh.runMigrations({ transaction: 'each' });
      const tables = await tenantTables(fresh);
      expect(tables.length).toBeGreaterThan(20);
      expect(tables.filter((t) => !t.secured).map((t) => t.table)).toEqual([]);
      const [tenantTable] = await fresh.query(
        `SELECT c.relrowsecurity AS enabled, array(SELECT polname::text FROM pg_policy WHERE polrelid = c.oid ORDER BY polname) AS policies
           FROM pg_class c WHERE c.oid = 'tenant'::regclass`,
      );
      expect(tenantTable).toEqual({ enabled: true, policies: ['tenant_own_row_select', 'tenant_own_row_update'] });
      const [{ unprivileged }] = await fresh.query(
        `SELECT count(*)::int AS unprivileged FROM pg_tables WHERE schemaname = current_schema()
            AND NOT (SELECT bool_and(has_table_privilege($1, format('%I.%I', schemaname, tablename), p)) FROM unnest('{SELECT,INSERT,UPDATE,DELETE}'::text[]) p)`,
        [TENANT_ROLE],
      );
      expect(unprivileged).toBe(0);
    } finally {
      await fresh.destroy().catch(() => undefined);
      await server.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await server.end();
    }
  });

  it('refuses to run for a database user without CREATEROLE until it is granted the role, then enforces it as the owner', async () => {
    const serverUrl = process.env.DUBAN_TEST_SERVER_URL!;
    const suffix = `${process.pid}_${Date.now()}`;
    const user = `duban_plain_${suffix}`;
    const name = `rls_plain_${suffix}`;
    const server = new pg.Client({ connectionString: serverUrl });
    await server.connect();
    await server.query(`CREATE ROLE ${user} LOGIN NOSUPERUSER NOCREATEROLE PASSWORD 'plain-secret'`);
    await server.query(`CREATE DATABASE ${name} OWNER ${user}`);
    const url = new URL(withDatabase(serverUrl, name));
    url.username = user;
    url.password = 'plain-secret';
    let scoped: DataSource | null = null;
    try {
      const refused = await runMigrations(url.toString()).catch((error: Error) => error);
      expect(refused).toBeInstanceOf(TenantRoleError);
      expect((refused as Error).message).toContain(`GRANT ${TENANT_ROLE} TO "${user}";`);
      await server.query(`GRANT ${TENANT_ROLE} TO ${user}`);
      await runMigrations(url.toString());
      const owner = new pg.Client({ connectionString: url.toString() });
      await owner.connect();
      const tenant = async (code: string) =>
        (await owner.query(`INSERT INTO tenant (code, name) VALUES ($1, $1) RETURNING id`, [code])).rows[0]
          .id as string;
      const [a, b] = [await tenant('plain-a'), await tenant('plain-b')];
      await owner.query(
        `INSERT INTO unit (tenant_id, name, kind) VALUES ($1, '甲局', 'DEPARTMENT'), ($2, '乙局', 'DEPARTMENT')`,
        [a, b],
      );
      await owner.end();
      scoped = await openTenantScopedDataSource(dataSourceOptions(url.toString(), 1));
      expect(await runInTenant(b, () => scoped!.query(`SELECT name FROM unit`))).toEqual([{ name: '乙局' }]);
    } finally {
      await scoped?.destroy();
      await server.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await server.query(`DROP ROLE IF EXISTS ${user}`);
      await server.end();
    }
  });

  it('secures, after any migration run, a tenant table whose migration forgot to', async () => {
    await admin.query(`CREATE TABLE forgotten (tenant_id uuid NOT NULL, note text)`);
    await admin.query(`INSERT INTO forgotten VALUES ($1, '甲'), ($2, '丙')`, [tenants.a, tenants.b]);
    await runMigrations(database.url);
    expect((await tenantTables(ds)).find((t) => t.table === 'forgotten')).toEqual({
      table: 'forgotten',
      secured: true,
    });
    expect(await runInTenant(tenants.b, () => ds.query(`SELECT note FROM forgotten`))).toEqual([{ note: '丙' }]);
  });
});
