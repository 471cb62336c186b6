import type { MigrationInterface, QueryRunner } from 'typeorm';
import { secureTenantRow, unsecureTenantRow } from '../tenant-row-security.js';

/**
 * Row-level security on the `tenant` table itself (issue 16), the one tenant-owned table the
 * `tenant_id` sweep of TenantRowSecurity1765000000000 cannot cover: a tenant's transaction sees and
 * updates only its own row; sign-in, the CLI and cross-tenant scans run outside any scope, unchanged.
 */
export class TenantTableRowSecurity1765500000000 implements MigrationInterface {
  name = 'TenantTableRowSecurity1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await secureTenantRow(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await unsecureTenantRow(q);
  }
}
