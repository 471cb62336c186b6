import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Evidence checks: where a URL finally led (a page redirected to the site's home page is gone), and one
 * row per report recording when the office last asked for a check, so a second request within the rate
 * limit is answered from the stored results instead of fetching again (the claim is an atomic upsert,
 * so two clicks at once fetch once).
 */
export class EvidenceCheck1763856700000 implements MigrationInterface {
  name = 'EvidenceCheck1763856700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE report_evidence ADD COLUMN check_final_url text`);
    await q.query(`
      CREATE TABLE evidence_check_request (
        tenant_id uuid NOT NULL,
        report_id uuid NOT NULL,
        requested_at timestamptz NOT NULL,
        requested_by uuid,
        PRIMARY KEY (tenant_id, report_id),
        FOREIGN KEY (tenant_id, report_id) REFERENCES progress_report(tenant_id, id) ON DELETE CASCADE
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE evidence_check_request`);
    await q.query(`ALTER TABLE report_evidence DROP COLUMN check_final_url`);
  }
}
