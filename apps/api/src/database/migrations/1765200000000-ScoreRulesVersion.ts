import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Score rules get their own version (issue 16): they live in tenant.settings beside the tenant's
 * other settings, and sharing tenant.version made saving one answer "已被他人修改" on the other's
 * open form. Starting from the tenant's version keeps forms opened before the upgrade valid.
 */
export class ScoreRulesVersion1765200000000 implements MigrationInterface {
  name = 'ScoreRulesVersion1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tenant ADD COLUMN score_rules_version integer NOT NULL DEFAULT 1`);
    await q.query(`UPDATE tenant SET score_rules_version = version`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tenant DROP COLUMN score_rules_version`);
  }
}
