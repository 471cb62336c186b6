import type pg from 'pg';
import type { QueryRunner } from 'typeorm';
import { SeparationOfDuties1766650000000 } from '../../../database/migrations/1766650000000-SeparationOfDuties.js';
import { createMigrationDatabase } from '../../../../test/test-database.js';

/**
 * 三员分立 on a tenant from before it: every office admin keeps every power (system and security), so a
 * tenant with one admin still reaches its 安全策略; two-factor, where required of office admins, covers
 * the new roles; and the migration reverts.
 */
describe('separation-of-duties migration', () => {
  let database: Awaited<ReturnType<typeof createMigrationDatabase>>;
  let client: pg.Client;
  let runner: QueryRunner;
  const migration = new SeparationOfDuties1766650000000();

  beforeAll(async () => {
    database = await createMigrationDatabase();
    ({ client, runner } = database);
    await migration.down(runner);
  });
  afterAll(() => database?.close());

  it("makes each existing office admin system and security admin, and extends the tenant's two-factor roles", async () => {
    const tenant = async (code: string) =>
      (await client.query(`INSERT INTO tenant (code, name) VALUES ($1, $1) RETURNING id`, [code])).rows[0].id as string;
    const strict = await tenant('mig-strict');
    const relaxed = await tenant('mig-relaxed');
    await client.query(
      `INSERT INTO tenant_security_policy (tenant_id, two_factor_roles) VALUES ($1, '{OFFICE_ADMIN}'), ($2, '{}')`,
      [strict, relaxed],
    );
    const user = async (tenantId: string, username: string, role: string) =>
      (
        await client.query(
          `INSERT INTO app_user (tenant_id, username, display_name, role, password_hash) VALUES ($1, $2, $2, $3, 'x') RETURNING id`,
          [tenantId, username, role],
        )
      ).rows[0].id as string;
    const admin = await user(strict, 'ban-admin', 'OFFICE_ADMIN');
    const staff = await user(strict, 'ban-staff', 'OFFICE_STAFF');

    await migration.up(runner);
    const held = await client.query(`SELECT id, security_admin FROM app_user WHERE id = ANY ($1)`, [[admin, staff]]);
    expect(Object.fromEntries(held.rows.map((r) => [r.id, r.security_admin]))).toEqual({
      [admin]: true,
      [staff]: false,
    });
    const policies = await client.query(
      `SELECT tenant_id, two_factor_roles FROM tenant_security_policy ORDER BY tenant_id`,
    );
    expect(Object.fromEntries(policies.rows.map((r) => [r.tenant_id, r.two_factor_roles]))).toEqual({
      [strict]: ['OFFICE_ADMIN', 'SECURITY_ADMIN', 'SECURITY_AUDITOR'],
      [relaxed]: [],
    });
    await expect(client.query(`UPDATE app_user SET security_admin = true WHERE id = $1`, [staff])).rejects.toThrow(
      /app_user_security_admin_check/,
    );
    await user(strict, 'sj-admin', 'SECURITY_AUDITOR');

    await migration.down(runner);
    const back = await client.query(`SELECT role, active FROM app_user WHERE username = 'sj-admin'`);
    expect(back.rows).toEqual([{ role: 'OFFICE_STAFF', active: false }]);
    await migration.up(runner);
  });
});
