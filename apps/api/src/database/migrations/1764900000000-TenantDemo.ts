import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A demo tenant is marked as such, so every page can say 演示 and nobody mistakes its invented year
 * for a real office's ledger. A column rather than the tenant code: any code may be a real tenant's.
 */
export class TenantDemo1764900000000 implements MigrationInterface {
  name = 'TenantDemo1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tenant ADD COLUMN demo boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tenant DROP COLUMN demo`);
  }
}
