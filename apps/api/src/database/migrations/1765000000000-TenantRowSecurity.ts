import type { MigrationInterface, QueryRunner } from 'typeorm';
import { secureTenantTables, TENANT_POLICY, tenantTables } from '../tenant-row-security.js';

/**
 * Row-level security on every table with a `tenant_id` column (issue 16): the role `duban_tenant`
 * (created where the app's user may create roles), its privileges, and the `tenant_isolation` policy.
 * Migrations after this one call enableTenantRowSecurity for each tenant table they create.
 */
export class TenantRowSecurity1765000000000 implements MigrationInterface {
  name = 'TenantRowSecurity1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await secureTenantTables(q);
  }

  async down(q: QueryRunner): Promise<void> {
    // The role stays: it is cluster-wide, and other databases of the cluster may use it.
    for (const { table } of await tenantTables(q)) {
      await q.query(`DROP POLICY IF EXISTS ${TENANT_POLICY} ON "${table}"`);
      await q.query(`ALTER TABLE "${table}" DISABLE ROW LEVEL SECURITY`);
    }
  }
}
