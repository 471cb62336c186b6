import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRowSecurity } from '../tenant-row-security.js';

/**
 * 身份鉴别 per tenant (等保 2.0):
 * - tenant_security_policy: password length, character classes, history, maximum age, and the
 *   session's idle and absolute limits. A tenant without a row has the defaults (the same as the
 *   column defaults), so existing tenants need no row.
 * - password_history: the hashes a user may not reuse, newest kept, trimmed to the policy's count.
 * - app_user.password_changed_at: the age a password expires by. Existing passwords count from this
 *   migration, so nobody is locked out at the upgrade.
 */
export class SecurityPolicy1766300000000 implements MigrationInterface {
  name = 'SecurityPolicy1766300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE tenant_security_policy (
        tenant_id uuid PRIMARY KEY REFERENCES tenant(id) ON DELETE CASCADE,
        password_min_length int NOT NULL DEFAULT 8 CHECK (password_min_length BETWEEN 8 AND 64),
        password_min_classes int NOT NULL DEFAULT 2 CHECK (password_min_classes BETWEEN 2 AND 4),
        password_history int NOT NULL DEFAULT 5 CHECK (password_history BETWEEN 0 AND 24),
        password_max_age_days int NOT NULL DEFAULT 90 CHECK (password_max_age_days BETWEEN 0 AND 365),
        session_idle_minutes int NOT NULL DEFAULT 30 CHECK (session_idle_minutes BETWEEN 5 AND 240),
        session_max_hours int NOT NULL DEFAULT 12 CHECK (session_max_hours BETWEEN 1 AND 72),
        version int NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await enableTenantRowSecurity(q, 'tenant_security_policy');
    await q.query(`
      CREATE TABLE password_history (
        tenant_id uuid NOT NULL REFERENCES tenant(id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL,
        password_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, user_id) REFERENCES app_user(tenant_id, id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX password_history_user_idx ON password_history (tenant_id, user_id, created_at DESC)`);
    await enableTenantRowSecurity(q, 'password_history');
    await q.query(`ALTER TABLE app_user ADD COLUMN password_changed_at timestamptz NOT NULL DEFAULT now()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user DROP COLUMN password_changed_at`);
    await q.query(`DROP TABLE password_history`);
    await q.query(`DROP TABLE tenant_security_policy`);
  }
}
