import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRowSecurity } from '../tenant-row-security.js';

/**
 * 上下联动: a tenant may have one upper tenant. The link lives on the tenant row itself, so "one upper"
 * holds structurally and either side can end it with one update. An invitation is the upper office's
 * own row (row-level security like any tenant table); only the hash of its one-time code is stored.
 */
export class TenantLinks1765400000000 implements MigrationInterface {
  name = 'TenantLinks1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tenant ADD COLUMN upper_tenant_id uuid REFERENCES tenant(id) ON DELETE SET NULL`);
    await q.query(`ALTER TABLE tenant ADD COLUMN linked_at timestamptz`);
    await q.query(
      `ALTER TABLE tenant ADD CONSTRAINT tenant_not_own_upper CHECK (upper_tenant_id IS NULL OR upper_tenant_id <> id)`,
    );
    await q.query(`CREATE INDEX tenant_upper_idx ON tenant (upper_tenant_id) WHERE upper_tenant_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE tenant_link_invite (
        tenant_id uuid NOT NULL REFERENCES tenant(id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        code_hash text NOT NULL,
        note text,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        accepted_at timestamptz,
        accepted_tenant_id uuid REFERENCES tenant(id) ON DELETE SET NULL,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, created_by) REFERENCES app_user(tenant_id, id)
      )`);
    await q.query(`CREATE UNIQUE INDEX tenant_link_invite_code_idx ON tenant_link_invite (code_hash)`);
    await enableTenantRowSecurity(q, 'tenant_link_invite');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE tenant_link_invite`);
    await q.query(`ALTER TABLE tenant DROP CONSTRAINT tenant_not_own_upper`);
    await q.query(`DROP INDEX tenant_upper_idx`);
    await q.query(`ALTER TABLE tenant DROP COLUMN linked_at`);
    await q.query(`ALTER TABLE tenant DROP COLUMN upper_tenant_id`);
  }
}
