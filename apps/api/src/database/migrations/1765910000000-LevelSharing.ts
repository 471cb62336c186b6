import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRowSecurity } from '../tenant-row-security.js';

/**
 * 上下联动:
 * - key_point.upper_links_version: the version of a key point's links to the upper level, apart from the
 *   key point's own version so that confirming a link never makes an open key point form stale (and back).
 * - upper_share_setting: the LOWER office's choice of what its upper office may see beyond dates and
 *   states: the text of its accepted reports, and their files' names. Both off by default (no row).
 *   A change bumps the tenant's scorecard revision, so the upper's read model takes it in on its next read.
 * - lower_rollup_task gains the shared report (text, files, date), null unless the lower office shares it.
 */
export class LevelSharing1765910000000 implements MigrationInterface {
  name = 'LevelSharing1765910000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE key_point ADD COLUMN upper_links_version int NOT NULL DEFAULT 0`);
    await q.query(`
      CREATE TABLE upper_share_setting (
        tenant_id uuid PRIMARY KEY REFERENCES tenant(id) ON DELETE CASCADE,
        share_report_text boolean NOT NULL DEFAULT false,
        share_report_files boolean NOT NULL DEFAULT false,
        version int NOT NULL DEFAULT 1,
        updated_by uuid,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await enableTenantRowSecurity(q, 'upper_share_setting');
    await q.query(`
      CREATE CONSTRAINT TRIGGER scorecard_revision_bump AFTER INSERT OR UPDATE OR DELETE ON upper_share_setting
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION scorecard_bump_revision()`);
    await q.query(`
      ALTER TABLE lower_rollup_task
        ADD COLUMN report_text text,
        ADD COLUMN report_files text[],
        ADD COLUMN report_on date`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE lower_rollup_task DROP COLUMN report_text, DROP COLUMN report_files, DROP COLUMN report_on`,
    );
    await q.query(`DROP TABLE upper_share_setting`);
    await q.query(`ALTER TABLE key_point DROP COLUMN upper_links_version`);
  }
}
