import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRowSecurity } from '../tenant-row-security.js';

/**
 * idempotency_key: one row per (tenant, client key), written in the transaction of the create it
 * guards, so a retry after a lost COMMIT finds the first result instead of creating a second one.
 * `result_id` is text: a created thing's id, whatever its type. The daily run deletes old keys.
 */
export class IdempotencyKeys1766010000000 implements MigrationInterface {
  name = 'IdempotencyKeys1766010000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE idempotency_key (
        tenant_id uuid NOT NULL REFERENCES tenant(id) ON DELETE CASCADE,
        key text NOT NULL,
        operation text NOT NULL,
        user_id uuid NOT NULL,
        result_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, key)
      )`);
    await q.query(`CREATE INDEX idempotency_key_created ON idempotency_key (tenant_id, created_at)`);
    await enableTenantRowSecurity(q, 'idempotency_key');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idempotency_key`);
  }
}
