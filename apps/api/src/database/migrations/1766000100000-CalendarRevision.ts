import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRowSecurity } from '../tenant-row-security.js';

/**
 * calendar_revision: bumped in the transaction of every change to a tenant's working-day calendar
 * (corrections, confirmed years). Each API process caches the calendar with the revision it read and
 * checks this one-row lookup before using it, so an edit in one process is seen by all at once.
 */
export class CalendarRevision1766000100000 implements MigrationInterface {
  name = 'CalendarRevision1766000100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE calendar_revision (
        tenant_id uuid PRIMARY KEY REFERENCES tenant(id) ON DELETE CASCADE,
        revision bigint NOT NULL DEFAULT 1
      )`);
    await enableTenantRowSecurity(q, 'calendar_revision');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE calendar_revision`);
  }
}
