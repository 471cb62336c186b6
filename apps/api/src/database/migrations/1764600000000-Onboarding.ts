import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Onboarding (issue 25):
 * - progress_report.leader_skipped: with 分管领导审核 on, a report of a unit that has no active leader
 *   goes straight to the office, and says so.
 * - app_user.last_sign_in_at: the account list shows who has never signed in.
 * - light_recompute: progress of the tenant-wide warning-light recomputation a settings change starts,
 *   one row per tenant (the latest run), read by the settings page while it runs.
 */
export class Onboarding1764600000000 implements MigrationInterface {
  name = 'Onboarding1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE progress_report ADD COLUMN leader_skipped boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE app_user ADD COLUMN last_sign_in_at timestamptz`);
    // Sessions already record sign-ins: people who signed in before this column existed are not "never".
    await q.query(`
      UPDATE app_user u SET last_sign_in_at = s.at
        FROM (SELECT tenant_id, user_id, max(created_at) AS at FROM user_session GROUP BY tenant_id, user_id) s
       WHERE s.tenant_id = u.tenant_id AND s.user_id = u.id`);
    await q.query(`
      CREATE TABLE light_recompute (
        tenant_id uuid PRIMARY KEY REFERENCES tenant(id) ON DELETE CASCADE,
        run_id uuid NOT NULL,
        reason text NOT NULL,
        total int NOT NULL DEFAULT 0,
        done int NOT NULL DEFAULT 0,
        changed int NOT NULL DEFAULT 0,
        started_at timestamptz NOT NULL,
        finished_at timestamptz,
        failed boolean NOT NULL DEFAULT false
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE light_recompute`);
    await q.query(`ALTER TABLE app_user DROP COLUMN last_sign_in_at`);
    await q.query(`ALTER TABLE progress_report DROP COLUMN leader_skipped`);
  }
}
