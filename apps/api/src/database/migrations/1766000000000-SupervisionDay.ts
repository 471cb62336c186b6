import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRowSecurity } from '../tenant-row-security.js';

/**
 * supervision_day: one row per tenant and Shanghai day of the daily supervision. A process leases the
 * row while it runs the day (instead of a session advisory lock, which PgBouncer's transaction pooling
 * breaks) and marks it completed at the end, so a day missed by a failover or a stopped server at
 * 07:30 is found and caught up, once.
 */
export class SupervisionDay1766000000000 implements MigrationInterface {
  name = 'SupervisionDay1766000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE supervision_day (
        tenant_id uuid NOT NULL REFERENCES tenant(id) ON DELETE CASCADE,
        day date NOT NULL,
        lease_holder text,
        leased_until timestamptz,
        attempts int NOT NULL DEFAULT 0,
        completed_at timestamptz,
        PRIMARY KEY (tenant_id, day)
      )`);
    await enableTenantRowSecurity(q, 'supervision_day');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE supervision_day`);
  }
}
