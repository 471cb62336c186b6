import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRowSecurity } from '../tenant-row-security.js';

/**
 * Two-factor sign-in with TOTP (RFC 6238):
 * - user_totp: a person's sealed secret; `enabled_at` NULL while the enrolment waits for its first
 *   code; `last_step` refuses a code that was already used (a replay within its 30 seconds).
 * - user_recovery_code: the one-time recovery codes, hashed, each spent once.
 * - tenant_security_policy.two_factor_roles: the roles that must use it (office admins by default; a
 *   tenant without a stored policy has that default). The demo tenant, whose passwords are published,
 *   gets it off, as a newly seeded one does.
 */
export class TwoFactor1766310000000 implements MigrationInterface {
  name = 'TwoFactor1766310000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE user_totp (
        tenant_id uuid NOT NULL REFERENCES tenant(id) ON DELETE CASCADE,
        user_id uuid NOT NULL,
        secret_sealed text NOT NULL,
        enabled_at timestamptz,
        last_step bigint,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, user_id),
        FOREIGN KEY (tenant_id, user_id) REFERENCES app_user(tenant_id, id) ON DELETE CASCADE
      )`);
    await enableTenantRowSecurity(q, 'user_totp');
    await q.query(`
      CREATE TABLE user_recovery_code (
        tenant_id uuid NOT NULL REFERENCES tenant(id) ON DELETE CASCADE,
        user_id uuid NOT NULL,
        code_hash text NOT NULL,
        used_at timestamptz,
        PRIMARY KEY (tenant_id, user_id, code_hash),
        FOREIGN KEY (tenant_id, user_id) REFERENCES app_user(tenant_id, id) ON DELETE CASCADE
      )`);
    await enableTenantRowSecurity(q, 'user_recovery_code');
    await q.query(
      `ALTER TABLE tenant_security_policy ADD COLUMN two_factor_roles text[] NOT NULL DEFAULT '{OFFICE_ADMIN}'`,
    );
    await q.query(`INSERT INTO tenant_security_policy (tenant_id, two_factor_roles) SELECT id, '{}' FROM tenant WHERE demo
                   ON CONFLICT (tenant_id) DO UPDATE SET two_factor_roles = '{}'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tenant_security_policy DROP COLUMN two_factor_roles`);
    await q.query(`DROP TABLE user_recovery_code`);
    await q.query(`DROP TABLE user_totp`);
  }
}
