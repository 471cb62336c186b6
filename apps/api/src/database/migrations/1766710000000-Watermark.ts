import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 防泄漏 (等保 2.0): the security admin's switch for the on-screen watermark and the export footers,
 * part of the tenant's 安全策略 (its version column and audit record). Off until switched on.
 */
export class Watermark1766710000000 implements MigrationInterface {
  name = 'Watermark1766710000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tenant_security_policy ADD COLUMN watermark boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tenant_security_policy DROP COLUMN watermark`);
  }
}
